"""Formulas are read by the value Excel saved; a formula with no saved value is an error naming the cell."""

import io
import re
import zipfile
from decimal import Decimal

import pytest

from renja.models import Anggaran
from workbook.impor import workbook_impor

from .test_impor_dasar import ANGGARAN, NOMENKLATUR, WILAYAH

pytestmark = pytest.mark.django_db


def _simpan_nilai(path, nilai: dict[str, str]) -> None:
    """Give formula cells the value Excel would have saved with them (openpyxl writes ``<v />``)."""
    with zipfile.ZipFile(path) as z:
        isi = {i.filename: z.read(i.filename) for i in z.infolist()}
    for nama, data in isi.items():
        if nama.startswith("xl/worksheets/sheet"):
            teks = data.decode()
            for ref, v in nilai.items():
                teks = re.sub(rf'(<c r="{ref}"[^>]*>(?:(?!</c>).)*?</f>)<v\s*/>', rf"\g<1><v>{v}</v>", teks)
            isi[nama] = teks.encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, data in isi.items():
            z.writestr(nama, data)
    path.write_bytes(buf.getvalue())


@pytest.fixture
def tersimpan(xlsx):
    hasil = workbook_impor(xlsx({"wilayah": WILAYAH, "nomenklatur": NOMENKLATUR, "anggaran": ANGGARAN}))
    assert hasil.berhasil, hasil.pesan_galat()
    return list(Anggaran.objects.order_by("pk").values())


def test_rumus_tanpa_nilai_tersimpan_ditolak_dengan_nama_sel(xlsx, tersimpan):
    baris = [r[:] for r in ANGGARAN]
    baris[1][5] = "=209000000+774059"  # pagu (F2) as a formula that was never calculated
    hasil = workbook_impor(xlsx({"anggaran": baris}))
    assert not hasil.berhasil
    pesan = (
        "Sheet 'anggaran', baris 2, kolom pagu (F): rumus tanpa nilai tersimpan; buka di Excel, simpan ulang, "
        "lalu unggah lagi."
    )
    assert hasil.pesan_galat() == [pesan]
    assert list(Anggaran.objects.order_by("pk").values()) == tersimpan
    assert Anggaran.objects.get(nomenklatur__kode="5001.500105.04.043").pagu == Decimal(209774059)


def test_rumus_tanpa_nilai_di_baris_yang_selain_itu_kosong_tetap_ditolak(xlsx, tersimpan):
    baris = [r[:] for r in ANGGARAN] + [[None, None, None, None, None, "=1+1", None]]
    hasil = workbook_impor(xlsx({"anggaran": baris}))
    assert any("baris 4, kolom pagu (F): rumus tanpa nilai tersimpan" in p for p in hasil.pesan_galat())
    assert list(Anggaran.objects.order_by("pk").values()) == tersimpan


def test_rumus_dengan_nilai_tersimpan_diimpor_nilainya(xlsx, tersimpan):
    baris = [r[:] for r in ANGGARAN]
    baris[1][5] = "=209000000+775000"
    baris[2][6] = '=TEXT(199661200,"0")'
    path = xlsx({"anggaran": baris})
    _simpan_nilai(path, {"F2": "209775000", "G3": "199661200"})
    hasil = workbook_impor(path)
    assert hasil.pesan_galat() == []
    assert hasil.ringkasan() == "created=0 updated=1 unchanged=1 errors=0"
    assert Anggaran.objects.get(nomenklatur__kode="5001.500105.04.043").pagu == Decimal(209775000)
