from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.angka import AngkaError, format_angka, format_persen, format_rupiah, parse_angka

D = Decimal


@pytest.mark.parametrize(
    ("teks", "hasil"),
    [
        ("1.234.567,89", D("1234567.89")),
        ("1.234,5", D("1234.5")),
        ("75,5", D("75.5")),
        ("0,5", D("0.5")),
        ("1.234.567", D("1234567")),
        ("12.500", D("12500")),
        ("1234567.89", D("1234567.89")),
        ("75.5", D("75.5")),
        ("0.5", D("0.5")),
        ("0.500", D("0.5")),  # a leading 0 is never a thousands group
        ("1.2345", D("1.2345")),
        ("1234", D("1234")),
        ("0", D("0")),
        ("  42  ", D("42")),
        ("Rp 1.234.567", D("1234567")),
        ("Rp1.234.567", D("1234567")),
        ("Rp. 1.234.567,50", D("1234567.50")),
        ("rp.5", D("5")),
        ("RP 5", D("5")),
        ("Rp\xa01.000", D("1000")),
        ("Rp 10.000,-", D("10000")),
        ("75 %", D("75")),
        ("75%", D("75")),
        ("75,5%", D("75.5")),
        ("98,92 %", D("98.92")),
        ("-5", D("-5")),
        ("-1.234,5", D("-1234.5")),
        ("-5 %", D("-5")),
        ("-Rp 1.000", D("-1000")),
        ("Rp -1.000", D("-1000")),
        ("-0", D("0")),
    ],
)
def test_parse_teks_sah(teks, hasil):
    nilai = parse_angka(teks)
    assert nilai == hasil
    assert isinstance(nilai, Decimal)


def test_parse_mempertahankan_desimal():
    assert str(parse_angka("75,50")) == "75.50"
    assert not parse_angka("-0").is_signed()


@pytest.mark.parametrize("teks", [None, "", "   ", "-", " - ", "\u2013", "\u2014", "Rp -", "Rp. -", "- %"])
def test_parse_tanpa_nilai(teks):
    assert parse_angka(teks) is None


@pytest.mark.parametrize(
    "teks",
    [
        "12abc",
        "abc",
        "10.2335.000",
        "Rp 10.2335.000",
        "1.23.456",
        "1.234.56,7",
        "1,234,567",
        "1,234.56",
        "1.234,567.8",
        "1 234",
        "1 234,5",
        "12 %%",
        "Rp",
        "%",
        "Rp 5 %",
        "--5",
        "-Rp -5",
        "+5",
        ",5",
        "5,",
        ".5",
        "5.",
        "1..2",
        "0.123,5",
        "1.234,-",
        "####",
        "1e5",
        "NaN",
        "Infinity",
        "\u0661\u0662\u0663",  # Arabic-Indic digits
        "5 -",
        "(5)",
    ],
)
def test_parse_teks_tidak_sah(teks):
    with pytest.raises(AngkaError) as info:
        parse_angka(teks)
    assert f"'{teks}' bukan angka yang sah" in str(info.value)
    assert isinstance(info.value, ValueError)


def test_pesan_kesalahan():
    with pytest.raises(AngkaError, match=r"^'12abc' bukan angka yang sah$"):
        parse_angka("12abc")
    with pytest.raises(AngkaError, match="tiap 3 angka"):
        parse_angka("10.2335.000")


@pytest.mark.parametrize(
    ("value", "hasil"),
    [
        (0, D(0)),
        (1234, D(1234)),
        (-7, D(-7)),
        (D("75.50"), D("75.50")),
        (0.1, D("0.1")),
        (1234567.89, D("1234567.89")),
        (75.0, D(75)),
        (-2.5, D("-2.5")),
    ],
)
def test_parse_bilangan(value, hasil):
    assert parse_angka(value) == hasil
    assert str(parse_angka(0.1)) == "0.1"


@pytest.mark.parametrize(
    "value", [float("nan"), float("inf"), float("-inf"), D("NaN"), D("Infinity"), True, [1], object()]
)
def test_parse_bilangan_tidak_sah(value):
    with pytest.raises(AngkaError):
        parse_angka(value)


@pytest.mark.parametrize(
    ("value", "desimal", "hasil"),
    [
        (None, None, "-"),
        (D("1234.50"), None, "1.234,5"),
        (D("19213538636.00"), None, "19.213.538.636"),
        (D("1234567.89"), None, "1.234.567,89"),
        (D("0.5"), None, "0,5"),
        (D("0"), None, "0"),
        (D("0.00"), None, "0"),
        (D("1E+5"), None, "100.000"),
        (D("-1234.5"), None, "-1.234,5"),
        (D("999"), None, "999"),
        (1000, None, "1.000"),
        (D("83.325"), 2, "83,33"),
        (D("83.324"), 2, "83,32"),
        (D("-83.325"), 2, "-83,33"),
        (D("2.5"), 0, "3"),
        (D("1234"), 2, "1.234,00"),
        (D("-0.001"), 2, "0,00"),
        (D("-0.4"), 0, "0"),
        (0.1, None, "0,1"),
        ("1.234,5", 2, "1.234,50"),
    ],
)
def test_format_angka(value, desimal, hasil):
    assert format_angka(value, desimal) == hasil


def test_format_angka_desimal_negatif():
    with pytest.raises(ValueError):
        format_angka(D(1), -1)


@pytest.mark.parametrize(
    ("value", "hasil"),
    [
        (D("19213538636"), "19.213.538.636"),
        (D("19213538636.00"), "19.213.538.636"),
        (D("1234.5"), "1.235"),
        (D("1234.49"), "1.234"),
        (D("-1234"), "-1.234"),
        (D("-1234.5"), "-1.235"),
        (0, "0"),
        (None, "-"),
    ],
)
def test_format_rupiah(value, hasil):
    assert format_rupiah(value) == hasil


@pytest.mark.parametrize(
    ("value", "suffix", "hasil"),
    [
        (D("98.92"), False, "98,92"),
        (D("83.325"), False, "83,33"),
        (D("100"), False, "100,00"),
        (D("2217.84"), False, "2.217,84"),
        (D("98.92"), True, "98,92 %"),
        (None, False, "-"),
        (None, True, "-"),
    ],
)
def test_format_persen(value, suffix, hasil):
    assert format_persen(value, suffix=suffix) == hasil


desimal_2 = st.decimals(
    min_value=D("-1e15"), max_value=D("1e15"), places=2, allow_nan=False, allow_infinity=False
)


@given(desimal_2)
def test_format_lalu_parse_kembali(x):
    assert parse_angka(format_angka(x)) == x


@given(desimal_2)
def test_format_dua_desimal_lalu_parse_kembali(x):
    assert parse_angka(format_angka(x, 2)) == x


@given(st.integers(min_value=-(10**18), max_value=10**18))
def test_format_rupiah_lalu_parse_kembali(n):
    assert parse_angka(format_rupiah(n)) == n


@given(st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-(10**9), max_value=10**9))
def test_format_tidak_pernah_gagal(x):
    teks = format_angka(x)
    assert " " not in teks
    assert teks.count(",") <= 1
