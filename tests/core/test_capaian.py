from decimal import Decimal

import pytest
from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st

from core.angka import format_persen
from core.capaian import (
    METODE_NEGATIF,
    POLARITAS,
    SIFAT,
    capaian_anggaran,
    capaian_kinerja,
    jumlah,
    metode_negatif_aktif,
    nilai_tahunan,
    predikat,
    rata_rata,
)
from core.choices import MetodeNegatif, Polaritas, Sifat, SumberDana
from core.nilai import GRADES, KOSONG, Nilai

D = Decimal
N = Nilai.parse


def test_konstanta_dan_pilihan():
    assert POLARITAS == ("positif", "negatif")
    assert SIFAT == ("kumulatif", "akhir")
    assert METODE_NEGATIF == ("selisih", "rasio")
    assert Polaritas.NEGATIF == "negatif" and Sifat.AKHIR == "akhir"
    assert SumberDana.values == ["APBD", "DAU-T", "APBD Provinsi", "APBN"]
    assert MetodeNegatif.SELISIH.label.startswith("(2 × target")


# --- capaian kinerja, positif ---


@pytest.mark.parametrize(
    ("target", "realisasi", "hasil"),
    [
        ("100", "100", D(100)),
        ("80", "100", D(125)),
        ("12", "9", D(75)),
        ("75,5", "75,5", D(100)),
        ("100", "0", D(0)),
        ("3", "1", D(100) / D(3)),
    ],
)
def test_capaian_positif(target, realisasi, hasil):
    assert capaian_kinerja(N(target), N(realisasi)) == hasil


@pytest.mark.parametrize("target", ["0", "0,00", "", "-", None])
def test_target_nol_atau_kosong_tanpa_capaian(target):
    assert capaian_kinerja(N(target), N("10")) is None
    assert capaian_kinerja(N(target), N("10"), "negatif", "selisih") is None
    assert capaian_kinerja(N(target), N("10"), "negatif", "rasio") is None


@pytest.mark.parametrize("realisasi", ["", "-", None])
def test_realisasi_kosong_tanpa_capaian(realisasi):
    assert capaian_kinerja(N("10"), N(realisasi)) is None
    assert capaian_kinerja(N("10"), N(realisasi), "negatif") is None


def test_none_diterima_sebagai_kosong():
    assert capaian_kinerja(None, None) is None
    assert capaian_kinerja(N("10"), None) is None


def test_nilai_non_nilai_dibaca():
    assert capaian_kinerja("80", "100") == D(125)  # type: ignore[arg-type]
    assert capaian_kinerja(D(80), "b") is None  # type: ignore[arg-type]


def test_hasil_tidak_dibulatkan():
    hasil = capaian_kinerja(N("3"), N("1"))
    assert hasil == D("33.33333333333333333333333333")
    assert format_persen(hasil) == "33,33"


def test_contoh_pembulatan_domain():
    # "83,325 → 83,33": rounding half up happens at display only.
    hasil = capaian_kinerja(N("100"), N("83,325"))
    assert hasil == D("83.325")
    assert format_persen(hasil) == "83,33"


# --- polaritas negatif ---


@pytest.mark.parametrize(
    ("target", "realisasi", "hasil"),
    [
        ("10", "10", D(100)),
        ("10", "8", D(120)),
        ("10", "12", D(80)),
        ("10", "20", D(0)),
        ("10", "25", D(0)),  # never below 0
        ("10", "0", D(200)),
    ],
)
def test_capaian_negatif_selisih(target, realisasi, hasil):
    assert capaian_kinerja(N(target), N(realisasi), "negatif", "selisih") == hasil


@pytest.mark.parametrize(
    ("target", "realisasi", "hasil"),
    [("10", "10", D(100)), ("10", "8", D(125)), ("10", "20", D(50)), ("10", "0", None)],
)
def test_capaian_negatif_rasio(target, realisasi, hasil):
    assert capaian_kinerja(N(target), N(realisasi), Polaritas.NEGATIF, MetodeNegatif.RASIO) == hasil


def test_metode_dari_setting():
    with override_settings(CAPAIAN_METODE_NEGATIF="rasio"):
        assert metode_negatif_aktif() == "rasio"
        assert capaian_kinerja(N("10"), N("20"), "negatif") == D(50)
        assert capaian_kinerja(N("10"), N("20"), "negatif", "selisih") == D(0)
    with override_settings(CAPAIAN_METODE_NEGATIF="selisih"):
        assert capaian_kinerja(N("10"), N("12"), "negatif") == D(80)


def test_metode_default_selisih_tanpa_setting(settings):
    del settings.CAPAIAN_METODE_NEGATIF
    assert metode_negatif_aktif() == "selisih"
    assert capaian_kinerja(N("10"), N("12"), "negatif") == D(80)


def test_argumen_tidak_dikenal():
    with pytest.raises(ValueError, match="polaritas"):
        capaian_kinerja(N("1"), N("1"), "netral")
    with pytest.raises(ValueError, match="metode"):
        capaian_kinerja(N("1"), N("1"), "negatif", "lain")
    with pytest.raises(ValueError, match="metode"):
        metode_negatif_aktif("lain")


# --- grades ---


def test_grade_sama_seratus():
    assert capaian_kinerja(N("CC"), N("CC")) == D(100)
    for grade in GRADES:
        assert capaian_kinerja(N(grade), N(grade)) == D(100)
        assert capaian_kinerja(N(grade), N(grade), "negatif") == D(100)


def test_grade_memakai_midpoint():
    assert capaian_kinerja(N("B"), N("CC")) == D(55) / D(65) * 100
    assert format_persen(capaian_kinerja(N("B"), N("cc"))) == "84,62"
    assert capaian_kinerja(N("BB"), N("A")) == D(85) / D(75) * 100


def test_grade_negatif_memakai_metode_yang_sama():
    # lower is better: target B (65), realisasi CC (55)
    assert capaian_kinerja(N("B"), N("CC"), "negatif", "selisih") == (2 * D(65) - D(55)) / D(65) * 100
    assert capaian_kinerja(N("B"), N("CC"), "negatif", "rasio") == D(65) / D(55) * 100


def test_grade_dan_angka_tidak_dibandingkan():
    assert capaian_kinerja(N("B"), N("65")) is None
    assert capaian_kinerja(N("65"), N("B")) is None


# --- serapan anggaran ---


def test_capaian_anggaran_contoh_lkjip():
    hasil = capaian_anggaran(D("19213538636"), D("19006119144"))
    assert format_persen(hasil) == "98,92"


@pytest.mark.parametrize(
    ("pagu", "realisasi", "hasil"),
    [
        (D(1000), D(500), D(50)),
        (D(1000), D(0), D(0)),
        (D(1000), D(1200), D(120)),
        (D(0), D(500), None),
        (None, D(500), None),
        (D(1000), None, None),
        (1000, 250, D(25)),
        ("Rp 1.000", "250", D(25)),
    ],
)
def test_capaian_anggaran(pagu, realisasi, hasil):
    assert capaian_anggaran(pagu, realisasi) == hasil


# --- nilai tahunan dari triwulan ---


def test_kumulatif_menjumlah_triwulan():
    tw = [N("10"), N("20,5"), N("30"), N("40")]
    assert nilai_tahunan(tw, "kumulatif") == N("100,5")


def test_akhir_triwulan_terakhir():
    tw = [N("10"), N("20"), N("30"), N("40")]
    assert nilai_tahunan(tw, Sifat.AKHIR) == N("40")


def test_triwulan_belum_dilaporkan():
    tw = [N("10"), N("20"), None, KOSONG]
    assert nilai_tahunan(tw, "kumulatif") == N("30")
    assert nilai_tahunan(tw, "akhir") == N("20")
    assert nilai_tahunan([N("0"), KOSONG], "akhir") == N("0")  # 0 is a reported value


def test_triwulan_kosong_semua():
    for sifat in SIFAT:
        assert nilai_tahunan([None, KOSONG, N(""), N("-")], sifat) is KOSONG
        assert nilai_tahunan([], sifat) is KOSONG


def test_triwulan_grade():
    tw = [N("C"), N("CC"), KOSONG, None]
    assert nilai_tahunan(tw, "akhir") == N("CC")
    assert nilai_tahunan(tw, "kumulatif") == N("CC")  # grades are not summed: last reported


def test_sifat_tidak_dikenal():
    with pytest.raises(ValueError, match="sifat"):
        nilai_tahunan([N("1")], "rata-rata")


# --- jumlah, rata-rata, predikat ---


def test_jumlah():
    assert jumlah([D("1.5"), None, D(2)]) == D("3.5")
    assert jumlah([None, None]) is None
    assert jumlah([]) is None
    assert jumlah([D(0)]) == D(0)


def test_rata_rata():
    assert rata_rata([D(100), D(50), None]) == D(75)
    assert rata_rata([D(100), D(100), D(0)]) == D(200) / D(3)
    assert rata_rata([None]) is None
    assert rata_rata([]) is None
    assert rata_rata(v for v in [D(1), D(2)]) == D("1.5")


def test_rata_rata_memakai_nilai_tidak_dibulatkan():
    # Averages use unrounded values: mean(0,005; 0,004) = 0,0045 → "0,00".
    # Averaging the displayed values (0,01 and 0,00) would give 0,005 → "0,01".
    assert rata_rata([D("0.005"), D("0.004")]) == D("0.0045")
    assert format_persen(rata_rata([D("0.005"), D("0.004")])) == "0,00"


@pytest.mark.parametrize(
    ("capaian", "hasil"),
    [
        (D(200), "Sangat Tinggi"),
        (D(100), "Sangat Tinggi"),
        (D(91), "Sangat Tinggi"),
        (D("90.995"), "Sangat Tinggi"),  # shown as 91,00
        (D("90.994"), "Tinggi"),
        (D("90.99"), "Tinggi"),
        (D(76), "Tinggi"),
        (D("75.99"), "Sedang"),
        (D(66), "Sedang"),
        (D("65.99"), "Rendah"),
        (D(51), "Rendah"),
        (D("50.99"), "Sangat Rendah"),
        (D(0), "Sangat Rendah"),
        (None, None),
    ],
)
def test_predikat(capaian, hasil):
    assert predikat(capaian) == hasil


# --- properties ---

angka = st.decimals(min_value=D("0.01"), max_value=D("1e12"), places=2, allow_nan=False, allow_infinity=False)
angka_bebas = st.decimals(
    min_value=D(0), max_value=D("1e12"), places=2, allow_nan=False, allow_infinity=False
)


@given(angka)
def test_realisasi_sama_dengan_target_seratus(x):
    assert capaian_kinerja(Nilai(angka=x), Nilai(angka=x)) == 100
    assert capaian_kinerja(Nilai(angka=x), Nilai(angka=x), "negatif", "selisih") == 100
    assert capaian_kinerja(Nilai(angka=x), Nilai(angka=x), "negatif", "rasio") == 100


@given(angka, angka_bebas)
def test_negatif_tidak_pernah_di_bawah_nol(t, r):
    hasil = capaian_kinerja(Nilai(angka=t), Nilai(angka=r), "negatif", "selisih")
    assert hasil is not None and hasil >= 0


@given(angka, angka_bebas, angka_bebas)
def test_positif_monoton(t, r1, r2):
    a = capaian_kinerja(Nilai(angka=t), Nilai(angka=min(r1, r2)))
    b = capaian_kinerja(Nilai(angka=t), Nilai(angka=max(r1, r2)))
    assert a <= b


@given(st.sampled_from(GRADES), st.sampled_from(GRADES))
def test_grade_mengikuti_urutan(t, r):
    hasil = capaian_kinerja(N(t), N(r))
    assert (hasil > 100) == (GRADES.index(r) > GRADES.index(t))
    assert (hasil == 100) == (r == t)


@given(st.lists(st.one_of(st.none(), angka_bebas), max_size=4))
def test_kumulatif_sama_dengan_jumlah(tw):
    hasil = nilai_tahunan([Nilai(angka=x) if x is not None else None for x in tw], "kumulatif")
    assert hasil.angka == jumlah(tw)


@given(st.lists(angka_bebas, min_size=1, max_size=20))
def test_rata_rata_di_antara_min_dan_max(xs):
    assert min(xs) <= rata_rata(xs) <= max(xs)


@given(st.decimals(min_value=D(-1000), max_value=D(1000), allow_nan=False, allow_infinity=False))
def test_predikat_selalu_ada(x):
    assert predikat(x) in {"Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"}
