"""Builder tests of the LKjIP rekap: sums, averages per DOMAIN.md, edge cases."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import override_settings

from lkjip.reports.rekap import lkjip_rekap, rekap_hitung

from . import factories as f

pytestmark = pytest.mark.django_db
D = Decimal


def _baris(tabel, uraian: str):
    return next(b for b in tabel.baris if b.sel.get("uraian") == uraian)


def _dua_program():
    """Program P1 (NON URUSAN): kegiatan K1 100 %, K2 without target, K3 50 %; program P2 (KEWILAYAHAN)."""
    kec = f.kecamatan()
    p1, p2 = f.program("9.01"), f.program("9.11", "URUSAN KEWILAYAHAN")
    k1, k2, k3 = f.kegiatan(p1, 1), f.kegiatan(p1, 2), f.kegiatan(p1, 3)
    k4 = f.kegiatan(p2, 1)
    f.anggaran(kec, k1, 2020, 1000, 1000)
    f.anggaran(kec, k2, 2020, 2000, 1000)
    f.anggaran(kec, k3, 2020, None, 500)  # no pagu: no capaian Rp
    f.anggaran(kec, k4, 2020, 4000, 3000)
    f.indikator(kec, k1, 2020, "Output", "10", "10")
    f.indikator(kec, k2, 2020, "Output", None, "3")  # no target: no capaian K
    f.indikator(kec, k3, 2020, "Output", "10", "5")
    f.indikator(kec, k4, 2020, "Output", "4", "4")
    f.indikator(kec, p1, 2020, "Outcome 1", "80", "100")  # 125
    f.indikator(kec, p1, 2020, "Outcome 2", "80", "60", urutan=2)  # 75
    f.indikator(kec, p2, 2020, "Outcome", "50", "40")  # 80
    return kec, p1, p2


def test_program_rp_is_sum_of_kegiatan_lines():
    kec, _p1, _p2 = _dua_program()
    t = lkjip_rekap(kec, 2020)
    b = t.cari(kode="9.01")
    assert b.sel["rp_t1"] == D(3000)  # 1000 + 2000 (+ no pagu)
    assert b.sel["rp_r1"] == D(2500)
    assert b.sel["rp_c1"] == D(2500) / D(3000) * 100
    semua = _baris(t, "Jumlah anggaran dan realisasi seluruh program")
    assert (semua.sel["rp_t1"], semua.sel["rp_r1"]) == (D(7000), D(5500))


def test_rata_rata_kegiatan_skips_kegiatan_without_capaian():
    kec, *_ = _dua_program()
    rekap = rekap_hitung(kec, 2020)
    p1 = rekap.program[0]
    assert p1.rata_kegiatan_k["1"] == D(75)  # (100 + 50) / 2; K2 has no target
    assert p1.rata_kegiatan_rp["1"] == D(75)  # (100 + 50) / 2; K3 has no pagu
    t = lkjip_rekap(kec, 2020)
    rata = [b for b in t.baris if b.sel.get("uraian") == "Rata-rata capaian kinerja kegiatan"]
    assert [b.sel["k_c1"] for b in rata] == [D(75), D(100)]
    assert rata[0].induk == f"n{p1.simpul.id}"


def test_program_capaian_k_is_mean_of_its_indicators_and_opd_means_are_over_programs():
    kec, *_ = _dua_program()
    rekap = rekap_hitung(kec, 2020)
    assert [p.per_tahun["1"].capaian_k for p in rekap.program] == [D(100), D(80)]  # (125 + 75) / 2; 40/50
    t = lkjip_rekap(kec, 2020)
    total = _baris(t, "Total rata-rata kinerja dan anggaran dari seluruh program OPD")
    assert total.sel["k_c1"] == D(90)
    assert total.sel["rp_c1"] == (D(2500) / D(3000) * 100 + D(75)) / 2
    opd = _baris(t, "Rata-rata capaian kinerja kegiatan OPD")
    assert opd.sel["k_c1"] == (D(75) + D(100)) / 2
    kelompok = _baris(t, "Jumlah & rata-rata capaian kinerja program NON URUSAN")
    assert (kelompok.sel["rp_t1"], kelompok.sel["k_c1"]) == (D(3000), D(100))


def test_every_indicator_has_its_own_line():
    kec, _p1, _ = _dua_program()
    t = lkjip_rekap(kec, 2020)
    i = t.baris.index(t.cari(kode="9.01"))
    assert t.baris[i].sel["indikator"] == "Outcome 1"
    assert t.baris[i + 1].jenis == "indikator" and t.baris[i + 1].sel["indikator"] == "Outcome 2"
    assert t.baris[i + 1].sel["k_c1"] == D(75)
    assert "rp_t1" not in t.baris[i + 1].sel  # Rupiah only on the node's row


def test_base_year_side_by_side_and_missing_year_is_dash():
    kec = f.kecamatan()
    p = f.program("9.01")
    k = f.kegiatan(p, 1)
    f.anggaran(kec, k, 2019, 100, 50)
    f.indikator(kec, k, 2019, "Output", "4", "2")
    f.anggaran(kec, k, 2020, 200, 200)
    f.indikator(kec, k, 2020, "Output", "4", "4")
    b = lkjip_rekap(kec, 2020).cari(kode="9.01.001")
    assert (b.sel["rp_t0"], b.sel["rp_c0"], b.sel["k_c0"]) == (D(100), D(50), D(50))
    assert (b.sel["rp_t1"], b.sel["rp_c1"], b.sel["k_c1"]) == (D(200), D(100), D(100))
    b2 = lkjip_rekap(kec, 2021).cari(kode="9.01.001")  # 2021 has no data: N columns empty
    assert b2.sel["rp_t1"] is None and b2.sel["k_c1"] is None and b2.sel["rp_t0"] == D(200)


def test_grades_compare_on_midpoints():
    kec = f.kecamatan()
    p = f.program("9.01")
    f.indikator(kec, p, 2020, "Evaluasi SAKIP", "B", "CC")
    f.indikator(kec, p, 2020, "Nilai", "CC", "CC", urutan=2)
    b = lkjip_rekap(kec, 2020).cari(kode="9.01")
    assert b.sel["k_c1"] == D(55) / D(65) * 100
    assert str(b.sel["k_t1"]) == "B"


def test_negative_polarity_uses_the_configured_method():
    kec = f.kecamatan()
    p = f.program("9.01")
    f.indikator(kec, p, 2020, "Angka kemiskinan", "10", "8", polaritas="negatif")
    assert lkjip_rekap(kec, 2020).cari(kode="9.01").sel["k_c1"] == D(120)  # (2×10 − 8) / 10
    with override_settings(CAPAIAN_METODE_NEGATIF="rasio"):
        t = lkjip_rekap(kec, 2020)
    assert t.cari(kode="9.01").sel["k_c1"] == D(125)  # 10 / 8
    assert any("target / realisasi" in k for k in t.keterangan)


def test_akhir_indicator_takes_last_reported_quarter_and_kumulatif_sums():
    kec = f.kecamatan()
    p = f.program("9.01")
    k = f.kegiatan(p, 1)
    f.indikator(
        kec,
        k,
        2020,
        "Persentase",
        "60",
        None,
        sifat="akhir",
        realisasi_tw1="20",
        realisasi_tw2="40",
        realisasi_tw3="45",
    )
    f.indikator(
        kec, k, 2020, "Dokumen", "4", None, urutan=2, realisasi_tw1="1", realisasi_tw2="1", realisasi_tw4="2"
    )
    t = lkjip_rekap(kec, 2020)
    b = t.cari(kode="9.01.001")
    assert str(b.sel["k_r1"]) == "45" and b.sel["k_c1"] == D(75)
    ind = t.baris[t.baris.index(b) + 1]
    assert str(ind.sel["k_r1"]) == "4" and ind.sel["k_c1"] == D(100)


def test_anggaran_realisasi_from_quarters():
    kec = f.kecamatan()
    k = f.kegiatan(f.program("9.01"), 1)
    f.anggaran(kec, k, 2020, 1000, None, realisasi_tw1=D(100), realisasi_tw3=D(300))
    assert lkjip_rekap(kec, 2020).cari(kode="9.01.001").sel["rp_r1"] == D(400)


def test_target_zero_gives_dash_not_zero():
    kec = f.kecamatan()
    k = f.kegiatan(f.program("9.01"), 1)
    f.anggaran(kec, k, 2020, 0, 0)
    f.indikator(kec, k, 2020, "Forum", "0", "0")
    b = lkjip_rekap(kec, 2020).cari(kode="9.01.001")
    assert b.sel["k_c1"] is None and b.sel["rp_c1"] is None


def test_narrative_printed_under_the_program_figures():
    kec, p1, _ = _dua_program()
    f.narasi(kec, 2020, p1, keberhasilan="Semua dokumen tepat waktu", hambatan="", saran="Tambah SDM")
    f.narasi(kec, 2019, p1, keberhasilan="Tahun lalu")  # another year: not shown
    t = lkjip_rekap(kec, 2020)
    catatan = [b for b in t.baris if b.jenis == "catatan"]
    assert [c.teks for c in catatan] == ["Keberhasilan: Semua dokumen tepat waktu", "Saran: Tambah SDM"]
    i = t.baris.index(catatan[0])
    assert t.baris[i - 1].sel["uraian"] == "Rata-rata capaian kinerja kegiatan"


def test_other_kecamatan_data_is_not_counted():
    kec, p1, _ = _dua_program()
    lain = f.kecamatan("36.73.08", "Lain")
    f.anggaran(lain, f.kegiatan(p1, 9), 2020, 10**9, 10**9)
    assert lkjip_rekap(kec, 2020).cari(kode="9.01").sel["rp_t1"] == D(3000)


def test_charts_are_svg_with_indonesian_numbers():
    kec, *_ = _dua_program()
    t = lkjip_rekap(kec, 2020)
    assert len(t.gambar) == 3
    assert all(g.svg.startswith("<svg") for g in t.gambar)
    assert "83,33 %" in t.gambar[0].svg  # serapan 2500/3000
