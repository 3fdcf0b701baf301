"""The error report of a refused workbook: bad cells red and commented, at the rows and columns of the upload."""

import io
import uuid

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from wilayah.akun import pengguna_simpan
from wilayah.models import Peran
from workbook.impor import workbook_impor
from workbook.laporan_galat import laporan_galat

from ..conftest import buat_xlsx
from .test_impor_dasar import ANGGARAN, NOMENKLATUR, WILAYAH
from .web import halaman, unggah

pytestmark = pytest.mark.django_db


def _buruk() -> bytes:
    return buat_xlsx(
        {
            "wilayah": WILAYAH,
            "nomenklatur": NOMENKLATUR,
            "anggaran": [
                [*ANGGARAN[0], "catatan"],
                [
                    2020,
                    "36.73.03",
                    "5001.500105.04.043",
                    "36.73.03.1001",
                    "APBD",
                    "12abc",
                    None,
                    "+62 812 1234",
                ],
                [*ANGGARAN[2], None],
                [*ANGGARAN[2], None],  # a duplicated key: the row, not a cell
            ],
        }
    )


def test_laporan_galat_menandai_sel_dan_baris_yang_salah():
    isi = _buruk()
    hasil = workbook_impor(io.BytesIO(isi), nama_berkas="buruk.xlsx")
    assert hasil.errors == 2
    wb = load_workbook(io.BytesIO(laporan_galat(io.BytesIO(isi), hasil.galat, nama_berkas="buruk.xlsx")))
    ws = wb["anggaran"]
    assert ws["F2"].value == "12abc" and ws["F2"].fill.fgColor.rgb.endswith("FFC7CE")
    assert "'12abc' bukan angka yang sah" in ws["F2"].comment.text
    assert "baris ganda: kuncinya sama dengan baris 3" in ws["A4"].comment.text
    assert ws["F3"].comment is None and ws["F3"].value == "Rp 202.989.861"
    # text that looks like a formula stays text
    assert ws["H2"].value == "+62 812 1234" and ws["H2"].data_type == "s" and ws["H2"].quotePrefix
    assert [c.value for c in wb["wilayah"][1]][:3] == ["kode_kota", "nama_kota", "kode_kecamatan"]


@pytest.fixture
def bappeda(db):
    return pengguna_simpan("bappeda", Peran.BAPPEDA, password="sandi-uji-123")


def test_laporan_galat_diunduh_dari_halaman_pratinjau(client, bappeda):
    client.force_login(bappeda)
    assert client.get(reverse("workbook:laporan_galat", kwargs={"pk": uuid.uuid4()})).status_code == 404
    r = unggah(client, "buruk.xlsx", _buruk())
    assert r.status_code == 400 and "Unduh laporan kesalahan" in r.content.decode()
    r = client.get(f"{halaman(r)}kesalahan.xlsx")
    assert r.status_code == 200 and "Kesalahan-buruk.xlsx" in r["Content-Disposition"]
    ws = load_workbook(io.BytesIO(b"".join(r.streaming_content) if r.streaming else r.content))["anggaran"]
    assert "bukan angka yang sah" in ws["F2"].comment.text


def test_laporan_galat_hanya_untuk_bappeda(client):
    client.force_login(pengguna_simpan("pimpinan", Peran.PIMPINAN, password="sandi-uji-123"))
    assert client.get(reverse("workbook:laporan_galat", kwargs={"pk": uuid.uuid4()})).status_code == 403
