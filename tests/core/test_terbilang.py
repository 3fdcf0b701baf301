from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.terbilang import terbilang, terbilang_rupiah


@pytest.mark.parametrize(
    ("n", "kata"),
    [
        (0, "nol"),
        (1, "satu"),
        (9, "sembilan"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (99, "sembilan puluh sembilan"),
        (100, "seratus"),
        (101, "seratus satu"),
        (110, "seratus sepuluh"),
        (111, "seratus sebelas"),
        (115, "seratus lima belas"),
        (200, "dua ratus"),
        (999, "sembilan ratus sembilan puluh sembilan"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1100, "seribu seratus"),
        (2000, "dua ribu"),
        (11_000, "sebelas ribu"),
        (100_000, "seratus ribu"),
        (101_000, "seratus satu ribu"),
        (1_000_000, "satu juta"),
        (1_001_000, "satu juta seribu"),
        (1_100_000, "satu juta seratus ribu"),
        (2_000_001, "dua juta satu"),
        (1_000_000_000, "satu miliar"),
        (24_300_000_000, "dua puluh empat miliar tiga ratus juta"),
        (1_000_000_000_000, "satu triliun"),
        (999_000_000_000_000, "sembilan ratus sembilan puluh sembilan triliun"),
        (10**15, "seribu triliun"),
        (
            19_213_538_636,
            (
                "sembilan belas miliar dua ratus tiga belas juta lima ratus tiga puluh delapan ribu "
                "enam ratus tiga puluh enam"
            ),
        ),
    ],
)
def test_terbilang(n, kata):
    assert terbilang(n) == kata
    assert terbilang(Decimal(n)) == kata


@pytest.mark.parametrize(
    ("value", "kata"),
    [
        (Decimal("12.00"), "dua belas"),
        (Decimal("12.5"), "dua belas koma lima"),
        (Decimal("12.50"), "dua belas koma lima"),
        (Decimal("12.05"), "dua belas koma nol lima"),
        (Decimal("0.25"), "nol koma dua lima"),
        (Decimal("1E+3"), "seribu"),
    ],
)
def test_terbilang_pecahan(value, kata):
    assert terbilang(value) == kata


def test_terbilang_rupiah():
    assert terbilang_rupiah(1000) == "seribu rupiah"
    assert terbilang_rupiah(Decimal("1500000.75")) == "satu juta lima ratus ribu rupiah"
    assert terbilang_rupiah(0) == "nol rupiah"


@pytest.mark.parametrize("value", [-1, Decimal("-0.5"), 10**18])
def test_terbilang_di_luar_jangkauan(value):
    with pytest.raises(ValueError):
        terbilang(value)


@pytest.mark.parametrize("value", [1.5, "12", None, True, Decimal("NaN")])
def test_terbilang_jenis_tidak_sah(value):
    with pytest.raises((TypeError, ValueError)):
        terbilang(value)


@given(st.integers(min_value=0, max_value=10**15))
def test_terbilang_tidak_pernah_gagal(n):
    kata = terbilang(n)
    assert kata == kata.strip().lower()
    assert "  " not in kata
    assert kata


@given(st.integers(min_value=1, max_value=10**15))
def test_terbilang_tanpa_nol_kecuali_nol(n):
    assert "nol" not in terbilang(n).split()
