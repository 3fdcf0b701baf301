"""RupiahField and NilaiFormField: Indonesian input, cleaned within the limits of the model columns."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from core.fields import NilaiFormField
from core.forms import RupiahField
from core.nilai import KOSONG, Nilai


@pytest.mark.parametrize(
    "masukan, hasil",
    [
        ("1.250.000", Decimal("1250000.00")),
        ("Rp 125.500,50", Decimal("125500.50")),
        ("", None),
        ("-", None),
        (None, None),
        (250000.5, Decimal("250000.50")),
        ("9" * 16, Decimal("9" * 16)),
        ("0", Decimal("0.00")),
    ],
)
def test_rupiah_sah(masukan, hasil):
    assert RupiahField(required=False).clean(masukan) == hasil


@pytest.mark.parametrize(
    "masukan, kata",
    [
        ("1" * 17, "paling banyak 16 angka"),
        ("1" * 29, "terlalu besar"),
        (1e308, "terlalu besar"),
        ("1,005", "2 angka di belakang koma"),
        ("0,0000000000000000000000000001", "2 angka di belakang koma"),
        ("-1", "negatif"),
        ("satu", "bukan angka"),
        ([1], "bukan angka"),
        (True, "bukan angka"),
        (float("nan"), "bukan angka"),
    ],
)
def test_rupiah_tidak_sah(masukan, kata):
    with pytest.raises(ValidationError) as exc:
        RupiahField(required=False).clean(masukan)
    assert kata in " ".join(exc.value.messages)


def test_rupiah_mengikuti_batas_kolom_yang_diberikan():
    bidang = RupiahField(max_digits=5, decimal_places=0, min_value=None)
    assert bidang.clean("-12.345") == Decimal(-12345)
    with pytest.raises(ValidationError):
        bidang.clean("123.456")
    with pytest.raises(ValidationError):
        bidang.clean("")  # required by default


def test_nilai_form_field_menolak_teks_lebih_panjang_dari_kolom():
    assert NilaiFormField(required=False).clean("75,5") == Nilai.parse("75.5")
    assert NilaiFormField(required=False).clean("") == KOSONG
    assert NilaiFormField(required=False).clean("1" * 32) == Nilai.parse("1" * 32)
    with pytest.raises(ValidationError, match="paling banyak 32 karakter"):
        NilaiFormField(required=False).clean("1" * 33)
    with pytest.raises(ValidationError, match="paling banyak 8 karakter"):
        NilaiFormField(required=False, panjang_maks=8).clean("123456,789")


def test_nilai_field_model_memberi_form_field_dengan_panjang_kolom():
    from renja.models import Indikator

    bidang = Indikator._meta.get_field("target").formfield()
    assert isinstance(bidang, NilaiFormField) and bidang.panjang_maks == 32


@pytest.mark.parametrize(
    "masukan, pesan",
    [
        ("1.5", "'1.5' ambigu: tulis 1,5 untuk satu koma lima atau 1.500 untuk seribu lima ratus"),
        (
            "Rp 12.50",
            "'Rp 12.50' ambigu: tulis 12,50 untuk dua belas koma lima atau 12.500 untuk dua belas ribu lima ratus",
        ),
        (" 250.7 ", "'250.7' ambigu: tulis 250,7 untuk dua ratus lima puluh koma tujuh atau 250.700"),
    ],
)
def test_rupiah_satu_titik_satu_dua_angka_ditolak_sebagai_ambigu(masukan, pesan):
    with pytest.raises(ValidationError) as exc:
        RupiahField(required=False).clean(masukan)
    assert exc.value.code == "ambigu"
    assert pesan in exc.value.messages[0]


@pytest.mark.parametrize(
    "masukan, hasil",
    [
        ("1.500", Decimal("1500.00")),
        ("1,5", Decimal("1.50")),
        ("0.5", Decimal("0.50")),
        ("1234.5", Decimal("1234.50")),
    ],
)
def test_rupiah_yang_tidak_ambigu_tetap_diterima(masukan, hasil):
    assert RupiahField(required=False).clean(masukan) == hasil


@given(utuh=st.integers(1, 999), pecahan=st.from_regex(r"\A[0-9]{1,2}\Z"))
def test_rupiah_titik_ambigu_tidak_pernah_disimpan(utuh, pecahan):
    teks = f"{utuh}.{pecahan}"
    with pytest.raises(ValidationError) as exc:
        RupiahField(required=False).clean(teks)
    assert exc.value.code == "ambigu"
    assert f"tulis {utuh},{pecahan} untuk" in exc.value.messages[0]
