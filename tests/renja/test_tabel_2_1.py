"""Renja Tabel 2.1: the computed columns on a small dataset built here (plan year 2022, evaluating 2020)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.angka import format_persen, format_rupiah
from core.nilai import KOSONG, Nilai
from renja.reports.tabel_2_1 import renja_tabel_2_1

from .. import factories as f

pytestmark = pytest.mark.django_db

D = Decimal


@pytest.fixture
def data(kec):
    """5001.04 with two kegiatan whose 2020 figures add up to the Serang seed's program line."""
    kel = f.kelurahan(kec, "Cipare")
    prog = f.nomenklatur("5001.04", "PROGRAM PELAYANAN ADMINISTRASI KELURAHAN", kelompok="NON URUSAN")
    a = f.nomenklatur("5001.04.001", "Operasional Pelayanan Kelurahan Serang")
    b = f.nomenklatur("5001.04.002", "Operasional Pelayanan Kelurahan Cipare")
    f.anggaran(kec, a, 2020, "1.000.000.000", "950.000.000")
    f.anggaran(kec, b, 2020, "812.154.027", "804.655.303", kelurahan_=kel)
    f.anggaran(kec, a, 2019, None, "91.250.000")  # a historical year: only realisasi known
    f.anggaran(kec, b, 2019, None, "88.000.000")
    f.anggaran(kec, a, 2021, "170.000.000")
    f.renstra(kec, a, 2019, 2023, pagu="730.509.500")
    f.renstra(kec, b, 2019, 2023, pagu="730.509.500")
    f.renstra(
        kec, prog, 2019, 2023, pagu="1"
    )  # a program's own figure only counts when its kegiatan have none
    f.renstra(kec, prog, 2019, 2023, indikator_="Indeks Kepuasan Masyarakat", target=90)
    f.indikator(kec, prog, 2019, "Indeks Kepuasan Masyarakat", 75, 76, sifat="akhir")
    f.indikator(kec, prog, 2020, "Indeks Kepuasan Masyarakat", 80, 84, sifat="akhir")
    f.indikator(kec, prog, 2021, "Indeks Kepuasan Masyarakat", 85, None, sifat="akhir")
    f.indikator(kec, prog, 2020, "Persentase sarana baik", 0, 88, urutan=2)  # target 0
    f.indikator(kec, a, 2019, "Terlaksana pelayanan", 12, 12, satuan="Bulan")
    f.indikator(kec, a, 2020, "Terlaksana pelayanan", 12, 11, satuan="Bulan")
    f.indikator(kec, a, 2021, "Terlaksana pelayanan", 12, None, satuan="Bulan")
    f.renstra(kec, a, 2019, 2023, indikator_="Terlaksana pelayanan", target=60)
    f.indikator(kec, b, 2020, "Dokumen", None, 3, satuan="Dok")  # blank target
    wil = f.nomenklatur("5001.11", "PROGRAM PEMERINTAHAN UMUM KECAMATAN", kelompok="URUSAN KEWILAYAHAN")
    paten = f.nomenklatur("5001.11.001", "Fasilitasi keamanan")
    f.anggaran(
        kec, paten, 2020, "60.300.000", "60.000.000", tw=("10.000.000", "20.000.000", "30.000.000", None)
    )
    f.indikator(kec, paten, 2020, "Angka gangguan ketertiban", 10, 12, satuan="kasus", polaritas="negatif")
    return {"prog": prog, "a": a, "b": b, "wil": wil, "paten": paten}


def _baris(tabel, kode):
    return tabel.cari(kode=kode)


def test_program_rp_adalah_jumlah_kegiatan_dan_cocok_dengan_seed(kec, data):
    tabel = renja_tabel_2_1(kec, 2022)
    prog = _baris(tabel, "5001.04")
    assert prog.jenis == "program"
    assert prog.sel["rp6"] == D("1812154027")
    assert prog.sel["rp7"] == D("1754655303")
    assert format_rupiah(prog.sel["rp6"]) == "1.812.154.027"
    assert format_persen(prog.sel["rp8"]) == "96,83"
    # (4) is the sum of the kegiatan's Renstra pagu, not the program's own stored figure
    assert prog.sel["rp4"] == D("1461019000")
    # (5) realisasi s/d 2019 over the Renstra period; (9) pagu 2021; (10) = 5 + 7 + 9; (11) = 10 / 4
    assert prog.sel["rp5"] == D("179250000")
    assert prog.sel["rp9"] == D("170000000")
    assert prog.sel["rp10"] == D("179250000") + D("1754655303") + D("170000000")
    assert prog.sel["rp11"] == prog.sel["rp10"] / D("1461019000") * 100


def test_opd_dan_kelompok_menjumlahkan_program(kec, data):
    tabel = renja_tabel_2_1(kec, 2022)
    opd = tabel.baris[0]
    assert opd.jenis == "opd" and opd.sel["uraian"] == "KECAMATAN SERANG"
    assert opd.sel["rp6"] == D("1812154027") + D("60300000")
    assert opd.sel["rp7"] == D("1754655303") + D("60000000")
    kelompok = [b for b in tabel.baris if b.jenis == "kelompok"]
    assert [b.sel["uraian"] for b in kelompok] == ["NON URUSAN", "URUSAN KEWILAYAHAN"]
    assert kelompok[1].sel["rp6"] == D("60300000")


def test_urutan_baris_program_indikator_kegiatan(kec, data):
    tabel = renja_tabel_2_1(kec, 2022)
    jenis = [
        (b.jenis, b.sel.get("kode") or b.sel.get("indikator") or b.sel.get("uraian")) for b in tabel.baris
    ]
    assert jenis[:6] == [
        ("opd", "KECAMATAN SERANG"),
        ("kelompok", "NON URUSAN"),
        ("program", "5001.04"),
        ("indikator", "Persentase sarana baik"),
        ("kegiatan", "5001.04.001"),
        ("kegiatan", "5001.04.002"),
    ]
    prog = _baris(tabel, "5001.04")
    assert prog.sel["indikator"] == "Indeks Kepuasan Masyarakat"  # first indicator on the program's row
    assert all(b.induk == prog.id for b in tabel.baris[3:6])  # foldable under the program


def test_k_kolom_dari_indikator_dan_renstra(kec, data):
    tabel = renja_tabel_2_1(kec, 2022)
    prog = _baris(tabel, "5001.04")
    assert prog.sel["k4"] == Nilai.parse(90)
    assert prog.sel["k5"] == Nilai.parse(76)  # sifat akhir: the last year's value
    assert (prog.sel["k6"], prog.sel["k7"], prog.sel["k9"]) == (
        Nilai.parse(80),
        Nilai.parse(84),
        Nilai.parse(85),
    )
    assert prog.sel["k8"] == D(105)
    assert prog.sel["k10"] == Nilai.parse(85)  # akhir: last of (5), (7), (9)
    assert prog.sel["k11"] == D(85) / D(90) * 100
    keg = _baris(tabel, "5001.04.001")
    assert keg.sel["k5"] == Nilai.parse(12)
    assert keg.sel["k10"] == Nilai.parse(35)  # kumulatif: 12 + 11 + 12
    assert keg.sel["k11"] == D(35) / D(60) * 100


def test_target_nol_atau_kosong_memberi_strip(kec, data):
    tabel = renja_tabel_2_1(kec, 2022)
    nol = tabel.cari(indikator="Persentase sarana baik")
    assert nol.sel["k6"] == Nilai.parse(0)
    assert nol.sel["k8"] is None and format_persen(nol.sel["k8"]) == "-"
    kosong = _baris(tabel, "5001.04.002")
    assert kosong.sel["k6"] == KOSONG and kosong.sel["k8"] is None
    assert str(kosong.sel["k6"]) == "-"


def test_polaritas_negatif_selisih_dan_rasio(kec, data, settings):
    baris = _baris(renja_tabel_2_1(kec, 2022), "5001.11.001")
    assert baris.sel["k8"] == D(80)  # (2 × 10 − 12) / 10 × 100
    assert any("2 × target − realisasi" in k for k in renja_tabel_2_1(kec, 2022).keterangan)
    settings.CAPAIAN_METODE_NEGATIF = "rasio"
    tabel = renja_tabel_2_1(kec, 2022)
    assert _baris(tabel, "5001.11.001").sel["k8"] == D(10) / D(12) * 100
    assert any("target / realisasi" in k for k in tabel.keterangan)


def test_realisasi_dari_triwulan_bila_ada(kec, data):
    baris = _baris(renja_tabel_2_1(kec, 2022), "5001.11.001")
    assert baris.sel["rp7"] == D("60000000")  # TW I–III summed


def test_tahun_tanpa_data_memberi_strip_bukan_galat(kec, data):
    tabel = renja_tabel_2_1(kec, 2023)  # evaluates 2021: pagu only, no realisasi; N−1 = 2022 has no data
    prog = _baris(tabel, "5001.04")
    assert prog.sel["rp6"] == D("170000000")
    assert prog.sel["rp7"] is None and prog.sel["rp8"] is None and prog.sel["rp9"] is None
    assert prog.sel["k7"] == KOSONG and prog.sel["k8"] is None


def test_tanpa_renstra_kolom_renstra_kosong(kec, data):
    tabel = renja_tabel_2_1(kec, 2030)  # no Renstra period contains 2028, no data at all
    assert tabel.baris[0].jenis == "opd" and tabel.baris[0].sel["rp6"] is None
    assert "Belum ada target Renstra" in tabel.keterangan[0]
    assert "s/d Tahun 2027" in tabel.kepala[4].judul


def test_catatan_dibiarkan_kosong_untuk_penyusun(kec, data):
    """Column (12) used to repeat the predikat of (8) on every row ("Rp: Sangat Tinggi"): it is left blank."""
    tabel = renja_tabel_2_1(kec, 2022)
    assert all(b.get("catatan") is None for b in tabel.baris)
    assert not any("Sangat Tinggi" in k for k in tabel.keterangan)


def test_kolom_10_11_kosong_bila_tahun_berjalan_tidak_diketahui(kec, data):
    """Kegiatan 5001.04.002 has no 2021 line and no 2021 indicator: (10) and (11) are "-", never a sum that
    reads the missing year as 0; the kegiatan with 2021 data keeps its figures."""
    tabel = renja_tabel_2_1(kec, 2022)
    b = _baris(tabel, "5001.04.002")
    assert b.sel["rp9"] is None and b.sel["rp10"] is None and b.sel["rp11"] is None
    dok = tabel.cari(indikator="Dokumen")
    assert dok.sel["k10"] == KOSONG and dok.sel["k11"] is None
    assert _baris(tabel, "5001.04.001").sel["rp10"] == D("91250000") + D("950000000") + D("170000000")


def test_tanpa_data_tahun_berjalan_semua_kolom_9_11_kosong(kec, data):
    from renja.models import Anggaran, Indikator

    Anggaran.objects.filter(tahun=2021).delete()
    Indikator.objects.filter(tahun=2021).delete()
    tabel = renja_tabel_2_1(kec, 2022)
    for b in tabel.baris:
        for k in ("rp9", "rp10", "rp11", "k11"):
            assert b.get(k) is None, (b.sel, k)
        assert b.get("k10") in (None, KOSONG)
    assert "Belum ada data Renja tahun 2021" in tabel.keterangan[0]


def test_kecamatan_lain_tidak_ikut(kec, kec_lain, data):
    f.anggaran(kec_lain, data["a"], 2020, "999", "999")
    assert _baris(renja_tabel_2_1(kec, 2022), "5001.04").sel["rp6"] == D("1812154027")
    lain = renja_tabel_2_1(kec_lain, 2022)
    assert lain.baris[0].sel["rp6"] == D("999")


def test_kepala_dua_tingkat_dan_baris_rumus(kec, data):
    tabel = renja_tabel_2_1(kec, 2022)
    assert len(tabel.kolom) == 21
    assert [k.kunci for k in tabel.kolom][4:8] == ["k4", "rp4", "k5", "rp5"]
    nomor = [kp.nomor for kp in tabel.kepala]
    assert "(8) = (7)/(6)" in nomor and "(10) = (5)+(7)+(9)" in nomor and "(11) = (10)/(4)" in nomor
    assert "2023" in tabel.kepala[3].judul and "2019" in tabel.kepala[4].judul
