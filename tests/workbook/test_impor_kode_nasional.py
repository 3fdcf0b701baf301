"""Permendagri 90 / Kepmendagri 050-5889/2021 codes without kode_induk: the parent is the longest known prefix."""

import io

import pytest
from django.core.management import call_command

from renja.models import Nomenklatur

pytestmark = pytest.mark.django_db

#: urusan 7 Kecamatan at every level; kode_induk left blank everywhere.
POHON = [
    ["kode", "tingkat", "uraian", "kode_induk"],
    ["7", "urusan", "UNSUR KEWILAYAHAN", None],
    ["7.01", "bidang_urusan", "KECAMATAN", None],
    ["7.01.01", "program", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", None],
    ["7.01.01.2.01", "kegiatan", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", None],
    ["7.01.01.2.01.0001", "sub_kegiatan", "Penyusunan Dokumen Perencanaan Perangkat Daerah", None],
    ["7.01.01.2.01.0006", "sub_kegiatan", "Koordinasi dan Penyusunan Laporan Capaian Kinerja", None],
    ["7.01.01.2.02", "kegiatan", "Administrasi Keuangan Perangkat Daerah", None],
    ["7.01.01.2.02.0001", "sub_kegiatan", "Penyediaan Gaji dan Tunjangan ASN", None],
    ["7.01.02", "program", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", None],
    [
        "7.01.02.2.01",
        "kegiatan",
        "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
        None,
    ],
    ["7.01.02.2.01.0003", "sub_kegiatan", "Fasilitasi Kegiatan Pemerintahan Desa/Kelurahan", None],
    ["7.01.03", "program", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", None],
    ["7.01.03.2.03", "kegiatan", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat", None],
    ["7.01.03.2.03.0001", "sub_kegiatan", "Pemberdayaan Masyarakat Kelurahan Cipare", None],
]

INDUK = {
    "7": None,
    "7.01": "7",
    "7.01.01": "7.01",
    "7.01.01.2.01": "7.01.01",
    "7.01.01.2.01.0001": "7.01.01.2.01",
    "7.01.01.2.01.0006": "7.01.01.2.01",
    "7.01.01.2.02": "7.01.01",
    "7.01.01.2.02.0001": "7.01.01.2.02",
    "7.01.02": "7.01",
    "7.01.02.2.01": "7.01.02",
    "7.01.02.2.01.0003": "7.01.02.2.01",
    "7.01.03": "7.01",
    "7.01.03.2.03": "7.01.03",
    "7.01.03.2.03.0001": "7.01.03.2.03",
}


def _impor(path) -> str:
    out = io.StringIO()
    call_command("import_workbook", str(path), stdout=out)
    return out.getvalue()


def test_kode_nasional_tanpa_kode_induk_diimpor_dengan_induk_yang_benar(xlsx):
    keluaran = _impor(xlsx({"nomenklatur": POHON}))
    assert keluaran.splitlines()[-1] == f"created={len(INDUK)} updated=0 unchanged=0 errors=0"
    induk = dict(Nomenklatur.objects.values_list("kode", "induk__kode"))
    assert induk == INDUK


def test_kode_nasional_induk_dari_basis_data_dan_impor_ulang_tidak_berubah(xlsx):
    _impor(xlsx({"nomenklatur": POHON[:4]}))  # urusan, bidang, program already stored
    keluaran = _impor(xlsx({"nomenklatur": [POHON[0], *POHON[4:6]]}))
    assert keluaran.splitlines()[-1] == "created=2 updated=0 unchanged=0 errors=0"
    assert Nomenklatur.objects.get(kode="7.01.01.2.01").induk.kode == "7.01.01"
    assert Nomenklatur.objects.get(kode="7.01.01.2.01.0001").induk.kode == "7.01.01.2.01"
    ulang = _impor(xlsx({"nomenklatur": POHON}))
    assert ulang.splitlines()[-1] == f"created={len(INDUK) - 5} updated=0 unchanged=5 errors=0"


def test_kode_nasional_tanpa_induk_yang_dikenal_ditolak(xlsx):
    with pytest.raises(SystemExit):
        keluaran = io.StringIO()
        call_command(
            "import_workbook",
            str(xlsx({"nomenklatur": [POHON[0], POHON[4]]})),
            stdout=keluaran,
        )
    assert "induk kode '7.01.01.2.01' tidak ditemukan" in keluaran.getvalue()
    assert keluaran.getvalue().splitlines()[-1] == "created=0 updated=0 unchanged=0 errors=1"
    assert not Nomenklatur.objects.exists()
