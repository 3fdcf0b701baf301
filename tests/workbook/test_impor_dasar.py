from decimal import Decimal

import pytest

from core.nilai import Nilai
from renja.models import Anggaran, Indikator, Nomenklatur
from wilayah.models import Kecamatan, Kelurahan, Kota
from workbook.impor import workbook_impor

pytestmark = pytest.mark.django_db

WILAYAH = [
    [
        "kode_kota",
        "nama_kota",
        "kode_kecamatan",
        "nama_kecamatan",
        "kode_kelurahan",
        "nama_kelurahan",
        "jumlah_rt_rw",
        "alamat_kantor",
        "nama_camat",
        "nip_camat",
    ],
    [
        "36.73",
        "Kota Serang",
        "36.73.03",
        "Walantaka",
        None,
        None,
        None,
        "Jl. Raya Walantaka",
        "Camat W",
        "19700101 199001 1 001",
    ],
    ["36.73", None, "36.73.03", "Walantaka", "36.73.03.1001", "Walantaka", 16, None, None, None],
    ["", None, "36.73.03", "Walantaka", "36.73.03.1002", "Cigoong", "20", None, None, None],
]
NOMENKLATUR = [
    ["kode", "tingkat", "uraian", "kode_induk", "kelompok"],
    ["5001.04", "program", "PROGRAM PELAYANAN ADMINISTRASI KELURAHAN", None, "NON URUSAN"],
    ["5001.500105.04.043", "kegiatan", "Operasional Pelayanan Kelurahan Walantaka", "5001.04", None],
    ["5001.500105.04.044", "kegiatan", "Operasional Pelayanan Kelurahan Cigoong", "5001.04", None],
]
ANGGARAN = [
    ["tahun", "kode_kecamatan", "kode", "kode_kelurahan", "sumber_dana", "pagu", "realisasi"],
    [2020, "36.73.03", "5001.500105.04.043", "36.73.03.1001", "APBD", 209774059, "208.704.714"],
    [2020, "36.73.03", "5001.500105.04.044", "36.73.03.1002", None, "Rp 202.989.861", 199661200],
]
INDIKATOR = [
    ["tahun", "kode_kecamatan", "kode", "indikator", "satuan", "target", "realisasi", "polaritas", "sifat"],
    [2020, "36.73.03", "5001.04", "Indeks Kepuasan", "%", "75", "75,5", None, None],
    [2020, "36.73.03", "5001.04", "Nilai SAKIP", None, "CC", "cc", "positif", "akhir"],
]


def test_impor_membuat_lalu_impor_ulang_tidak_mengubah_apa_pun(xlsx):
    path = xlsx(
        {"wilayah": WILAYAH, "nomenklatur": NOMENKLATUR, "anggaran": ANGGARAN, "indikator": INDIKATOR}
    )
    hasil = workbook_impor(path)
    assert hasil.pesan_galat() == []
    assert hasil.ringkasan() == "created=10 updated=0 unchanged=0 errors=0"
    assert Kota.objects.get().nama == "Kota Serang"
    kec = Kecamatan.objects.get(kode="36.73.03")
    assert kec.alamat_kantor == "Jl. Raya Walantaka"
    assert Kelurahan.objects.get(kode="36.73.03.1002").jumlah_rt_rw == 20
    a = Anggaran.objects.get(nomenklatur__kode="5001.500105.04.043")
    assert a.pagu == Decimal(209774059) and a.realisasi == Decimal(208704714)
    assert Anggaran.objects.get(nomenklatur__kode="5001.500105.04.044").sumber_dana == "APBD"
    ind = Indikator.objects.get(uraian="Nilai SAKIP")
    assert ind.target == Nilai(grade="CC") and ind.realisasi == Nilai(grade="CC") and ind.sifat == "akhir"
    assert Indikator.objects.get(uraian="Indeks Kepuasan").realisasi == Nilai(angka=Decimal("75.5"))
    assert Nomenklatur.objects.get(kode="5001.500105.04.043").induk.kode == "5001.04"

    ulang = workbook_impor(path)
    assert ulang.ringkasan() == "created=0 updated=0 unchanged=10 errors=0"


def test_dry_run_tidak_menyimpan(xlsx):
    path = xlsx({"wilayah": WILAYAH, "nomenklatur": NOMENKLATUR})
    hasil = workbook_impor(path, dry_run=True)
    assert hasil.ringkasan() == "created=6 updated=0 unchanged=0 errors=0"
    assert not Kecamatan.objects.exists() and not Nomenklatur.objects.exists()
