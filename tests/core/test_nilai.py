from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.nilai import GRADE_MIDPOINT, GRADES, KOSONG, Nilai, NilaiError

D = Decimal


def test_grades_ordinal_dan_midpoint():
    assert GRADES == ("D", "C", "CC", "B", "BB", "A", "AA")
    skor = [GRADE_MIDPOINT[g] for g in GRADES]
    assert skor == sorted(skor)
    assert GRADE_MIDPOINT == {"AA": 95, "A": 85, "BB": 75, "B": 65, "CC": 55, "C": 40, "D": 15}
    assert all(isinstance(v, Decimal) for v in GRADE_MIDPOINT.values())


def test_kosong():
    assert KOSONG == Nilai()
    assert KOSONG.kosong and not KOSONG.is_grade and not KOSONG.is_angka
    assert KOSONG.skor is None
    assert KOSONG.to_db() is None
    assert str(KOSONG) == "-"


@pytest.mark.parametrize("value", [None, "", "  ", "-", "\u2013", "Rp -"])
def test_parse_kosong(value):
    assert Nilai.parse(value) is KOSONG


@pytest.mark.parametrize(
    ("value", "angka"),
    [("75,5", D("75.5")), ("1.234.567,89", D("1234567.89")), ("75 %", D(75)), (12, D(12)), (0.1, D("0.1"))],
)
def test_parse_angka(value, angka):
    n = Nilai.parse(value)
    assert n.is_angka and not n.is_grade and not n.kosong
    assert n.angka == angka
    assert n.skor == angka


@pytest.mark.parametrize(
    ("value", "grade"), [("cc", "CC"), ("CC", "CC"), (" aa ", "AA"), ("b", "B"), ("D", "D")]
)
def test_parse_grade(value, grade):
    n = Nilai.parse(value)
    assert n.is_grade and n.grade == grade and n.angka is None
    assert n.skor == GRADE_MIDPOINT[grade]
    assert str(n) == grade
    assert n.to_db() == grade


@pytest.mark.parametrize("value", ["12abc", "AAA", "E", "B+", "C C", "10.2335.000", True])
def test_parse_tidak_sah(value):
    with pytest.raises(NilaiError) as info:
        Nilai.parse(value)
    pesan = str(info.value)
    assert f"'{value}' bukan nilai yang sah" in pesan
    assert "D, C, CC, B, BB, A, AA" in pesan
    assert isinstance(info.value, ValueError)


def test_parse_nilai_dikembalikan():
    n = Nilai.parse("B")
    assert Nilai.parse(n) is n


def test_kesamaan_menurut_nilai():
    assert Nilai.parse("75,50") == Nilai.parse("75.5")
    assert hash(Nilai.parse("75,50")) == hash(Nilai.parse("75.5"))
    assert Nilai.parse("1.200") == Nilai(angka=D(1200))
    assert Nilai.parse("B") != Nilai.parse("BB")
    assert Nilai.parse("0") != KOSONG
    assert len({Nilai.parse("75,50"), Nilai.parse("75.5"), Nilai.parse("cc"), Nilai.parse("CC")}) == 2


def test_konstruktor():
    assert Nilai(angka=5).angka == D(5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Nilai(angka=D(1), grade="B")
    with pytest.raises(NilaiError):
        Nilai(grade="cc")  # the constructor wants the canonical grade; parse() is lenient
    with pytest.raises(NilaiError):
        Nilai(angka=D("NaN"))
    with pytest.raises(AttributeError):
        Nilai.parse("5").angka = D(6)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("value", "db"),
    [
        ("75,50", "75.5"),
        ("1.200", "1200"),
        (D("1.2E+3"), "1200"),
        (D("0.000001"), "0.000001"),
        (D("0.00"), "0"),
        ("-0", "0"),
        ("-12,5", "-12.5"),
        ("100", "100"),
        ("cc", "CC"),
        (None, None),
    ],
)
def test_to_db(value, db):
    n = Nilai.parse(value)
    assert n.to_db() == db
    assert Nilai.from_db(db) == n


@pytest.mark.parametrize("teks", ["abc", "1,5", "NaN", "Infinity", "cc"])
def test_from_db_tidak_sah(teks):
    with pytest.raises(NilaiError):
        Nilai.from_db(teks)


def test_from_db_kosong():
    assert Nilai.from_db(None) is KOSONG
    assert Nilai.from_db("") is KOSONG


@pytest.mark.parametrize(
    ("value", "tampil"),
    [("1234,50", "1.234,5"), ("75.5", "75,5"), ("1200", "1.200"), ("-3", "-3"), ("AA", "AA")],
)
def test_str(value, tampil):
    assert str(Nilai.parse(value)) == tampil


angka_strategy = st.decimals(
    allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15, places=4
)
nilai_strategy = st.one_of(
    st.just(KOSONG),
    st.sampled_from(GRADES).map(lambda g: Nilai(grade=g)),
    angka_strategy.map(lambda d: Nilai(angka=d)),
    st.decimals(allow_nan=False, allow_infinity=False).map(lambda d: Nilai(angka=d)),
)


@given(nilai_strategy)
def test_db_round_trip(n):
    teks = n.to_db()
    assert teks is None or ("E" not in teks and "e" not in teks)
    assert Nilai.from_db(teks) == n


@given(
    st.one_of(
        st.just(KOSONG),
        st.sampled_from(GRADES).map(lambda g: Nilai(grade=g)),
        angka_strategy.map(lambda d: Nilai(angka=d)),
    )
)
def test_str_round_trip(n):
    assert Nilai.parse(str(n)) == n
