"""Renja Rencana Program (T-C.33) and the quarterly Evaluasi Hasil Renja."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.nilai import KOSONG, Nilai
from renja.reports.evaluasi import renja_evaluasi
from renja.reports.rencana import renja_rencana

from .. import factories as f

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def data(kec):
    kel = f.kelurahan(kec, "Cipare")
    prog = f.nomenklatur(
        "5001.13", "PROGRAM PEMBERDAYAAN MASYARAKAT KELURAHAN", kelompok="URUSAN KEWILAYAHAN"
    )
    a = f.nomenklatur("5001.13.001", "Pemberdayaan Masyarakat Kelurahan Cipare")
    b = f.nomenklatur("5001.13.002", "Musrenbang Kecamatan")
    f.anggaran(
        kec,
        a,
        2022,
        "978.738.433",
        None,
        kelurahan_=kel,
        sumber_dana="DAU-T",
        tw=("100.000.000", "200.000.000", "300.000.000", "378.738.400"),
    )
    f.anggaran(kec, b, 2022, "50.000.000", None, tw=(None, "10.000.000", None, None))
    f.anggaran(kec, a, 2023, "1.000.000.000", kelurahan_=kel, sumber_dana="DAU-T")
    f.anggaran(kec, a, 2021, "900.000.000", "850.000.000", kelurahan_=kel, sumber_dana="DAU-T")
    f.anggaran(kec, a, 2020, "800.000.000", "700.000.000", kelurahan_=kel, sumber_dana="DAU-T")
    f.indikator(kec, prog, 2022, "Tingkat partisipasi", 70, None, sifat="akhir", tw=(60, 65, None, None))
    f.indikator(kec, prog, 2023, "Tingkat partisipasi", 75)
    f.indikator(kec, a, 2022, "Jumlah kegiatan", 12, None, satuan="Keg", tw=(3, 3, 3, 3))
    f.indikator(kec, a, 2021, "Jumlah kegiatan", 12, 12, satuan="Keg")
    f.indikator(kec, a, 2020, "Jumlah kegiatan", 12, 10, satuan="Keg")
    f.indikator(
        kec,
        b,
        2022,
        "Rasio keluhan",
        10,
        None,
        satuan="%",
        polaritas="negatif",
        sifat="akhir",
        tw=(14, 8, None, None),
    )
    f.renstra(kec, a, 2019, 2023, pagu="5.000.000.000")
    f.renstra(kec, a, 2019, 2023, indikator_="Jumlah kegiatan", target=60)
    f.rkpd(kec, a, 2022, indikator_="Jumlah kegiatan", catatan="Prioritas musrenbang")
    return {"prog": prog, "a": a, "b": b}


def test_rencana_pagu_lokasi_sumber_dana_dan_prakiraan_maju(kec, data):
    tabel = renja_rencana(kec, 2022)
    prog = tabel.cari(kode="5001.13")
    assert prog.sel["pagu"] == D("1028738433") and prog.sel["pagu_maju"] == D("1000000000")
    assert prog.sel["indikator"] == "Tingkat partisipasi"
    assert (prog.sel["target"], prog.sel["target_maju"]) == (Nilai.parse(70), Nilai.parse(75))
    assert prog.sel["sumber_dana"] == "APBD, DAU-T"
    assert "lokasi" not in prog.sel  # a program has no lokasi of its own
    a = tabel.cari(kode="5001.13.001")
    assert a.sel["lokasi"] == "Cipare" and a.sel["sumber_dana"] == "DAU-T"
    assert a.sel["catatan"] == "Prioritas musrenbang"
    assert tabel.cari(kode="5001.13.002").sel["lokasi"] == "Kecamatan Serang"
    assert tabel.cari(kode="5001.13.002").sel["target_maju"] == KOSONG
    total = tabel.baris[-1]
    assert total.jenis == "total" and total.sel["pagu"] == D("1028738433")
    assert total.sel["pagu_maju"] == D("1000000000")
    assert [kp.nomor for kp in tabel.kepala[:3]] == ["(1)", "(2)", "(3)"]
    assert [k.nomor for k in tabel.kolom if k.nomor][-2:] == ["(9)", "(10)"]


def test_evaluasi_sampai_triwulan_ii(kec, data):
    tabel = renja_evaluasi(kec, 2022, triwulan=2)
    assert "s/d Triwulan II" in tabel.judul[0]
    a = tabel.cari(kode="5001.13.001")
    assert (a.sel["rp7"], a.sel["rp8"]) == (D("100000000"), D("200000000"))
    assert "rp9" not in a.sel and "k10" not in a.sel  # later quarters stay blank
    assert a.sel["rp11"] == D("300000000")
    assert a.sel["rp12"] == D("300000000") / D("978738433") * 100
    assert a.sel["k11"] == Nilai.parse(6)  # kumulatif: 3 + 3
    assert a.sel["k12"] == D(50)
    # (5) s/d 2021 over the Renstra period 2019–2023; (13) = 5 + 11; (14) = 13 / 4
    assert a.sel["rp5"] == D("1550000000") and a.sel["k5"] == Nilai.parse(22)
    assert a.sel["rp13"] == D("1850000000") and a.sel["rp14"] == D(37)
    assert a.sel["k13"] == Nilai.parse(28) and a.sel["k14"] == D(28) / D(60) * 100
    assert a.sel["unit"] == "Kelurahan Cipare"
    prog = tabel.cari(kode="5001.13")
    assert prog.sel["k11"] == Nilai.parse(65)  # sifat akhir: the last reported quarter
    assert prog.sel["rp11"] == D("310000000")
    assert prog.sel["unit"] == "Kecamatan Serang"
    neg = tabel.cari(kode="5001.13.002")
    assert neg.sel["k11"] == Nilai.parse(8)
    assert neg.sel["k12"] == D(120)  # negatif: (2 × 10 − 8) / 10 × 100


def test_evaluasi_setahun_penuh(kec, data):
    tabel = renja_evaluasi(kec, 2022)
    a = tabel.cari(kode="5001.13.001")
    assert a.sel["rp10"] == D("378738400") and a.sel["k10"] == Nilai.parse(3)
    assert a.sel["rp11"] == D("978738400") and a.sel["k11"] == Nilai.parse(12)
    assert tabel.baris[0].jenis == "opd" and tabel.baris[0].sel["rp6"] == D("1028738433")
    assert a.sel["keterangan"] == "K: Sangat Tinggi; Rp: Sangat Tinggi"


def test_evaluasi_triwulan_tidak_sah(kec, data):
    with pytest.raises(ValueError):
        renja_evaluasi(kec, 2022, triwulan=5)


def test_evaluasi_tahun_tanpa_data(kec, data):
    tabel = renja_evaluasi(kec, 2030)
    assert [b.jenis for b in tabel.baris] == ["opd"]
    assert tabel.baris[0].sel["rp6"] is None
