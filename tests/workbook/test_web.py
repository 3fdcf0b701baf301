"""Web import for Bappeda (pratinjau, then impor), the blank template and the per-kecamatan export."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from wilayah.models import Kecamatan
from workbook.kolom import SHEETS

from ..conftest import buat_xlsx
from ..data_uji import dua_kecamatan
from .test_impor_dasar import WILAYAH
from .web import halaman, impor_sekarang, unggah

pytestmark = pytest.mark.django_db


def test_templat_kosong_memuat_semua_sheet_dan_kolom(client):
    d = dua_kecamatan()
    client.force_login(d["users"]["operator_a"])
    wb = load_workbook(io.BytesIO(client.get(reverse("workbook:templat")).content))
    assert wb.sheetnames == list(SHEETS)
    assert [c.value for c in wb["anggaran"][1]] == SHEETS["anggaran"]["kolom"]


def test_impor_web_pratinjau_lalu_impor(client):
    d = dua_kecamatan()
    client.force_login(d["users"]["bappeda"])
    baris = [r[:] for r in WILAYAH]
    baris[1][2], baris[1][3] = "36.73.05", "Cipocok Jaya"
    baris = baris[:2]
    r = unggah(client, "wilayah.xlsx", buat_xlsx({"wilayah": baris}))
    isi = r.content.decode()
    assert (
        r.status_code == 200 and "created=1 updated=0 unchanged=0 errors=0" in isi and "Impor sekarang" in isi
    )
    assert not Kecamatan.objects.filter(kode="36.73.05").exists()  # only a preview
    pratinjau = halaman(r)
    r = impor_sekarang(client, pratinjau)
    assert "diimpor" in r.content.decode()
    assert Kecamatan.objects.get(kode="36.73.05").nama == "Cipocok Jaya"
    # a second click on "Impor sekarang" imports nothing twice
    r = impor_sekarang(client, pratinjau)
    assert "Tidak ada pratinjau" in r.content.decode()


def test_impor_web_menolak_workbook_rusak_dengan_pesan(client):
    d = dua_kecamatan()
    client.force_login(d["users"]["bappeda"])
    r = unggah(client, "data.xlsx", b"bukan excel")
    isi = r.content.decode()
    assert r.status_code == 400
    assert "Workbook ditolak" in isi and "rusak" in isi and "Impor sekarang" not in isi


@pytest.mark.parametrize("pengguna", ["operator_a", "camat_a", "pimpinan"])
def test_impor_web_hanya_bappeda(client, pengguna):
    d = dua_kecamatan()
    client.force_login(d["users"][pengguna])
    assert client.get(reverse("workbook:impor")).status_code == 403


def test_ekspor_web_per_kecamatan_terlingkup(client):
    d = dua_kecamatan()
    url = reverse("workbook:ekspor", kwargs={"kode": "36.73.03", "tahun": 2020})
    client.force_login(d["users"]["operator_a"])
    wb = load_workbook(io.BytesIO(client.get(url).content))
    assert [c.value for c in wb["anggaran"][2]][:3] == [2020, "36.73.03", "5001.500105.04.043"]
    client.force_login(d["users"]["operator_b"])
    assert client.get(url).status_code == 404
