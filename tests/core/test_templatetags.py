from decimal import Decimal

import pytest
from django.template import Context, Template

from core.nilai import KOSONG, Nilai


def render(teks: str, **context) -> str:
    return Template("{% load angka %}" + teks).render(Context(context))


@pytest.mark.parametrize(
    ("value", "hasil"),
    [
        (Decimal("19213538636.00"), "19.213.538.636"),
        (Decimal("-1234.5"), "-1.235"),
        (None, "-"),
        (1000, "1.000"),
    ],
)
def test_rupiah(value, hasil):
    assert render("{{ x|rupiah }}", x=value) == hasil


def test_persen():
    assert render("{{ x|persen }}", x=Decimal("83.325")) == "83,33"
    assert render('{{ x|persen:"%" }}', x=Decimal("98.92")) == "98,92 %"
    assert render("{{ x|persen:True }}", x=Decimal("98.92")) == "98,92 %"
    assert render("{{ x|persen }}", x=None) == "-"


def test_angka():
    assert render("{{ x|angka }}", x=Decimal("1234.50")) == "1.234,5"
    assert render("{{ x|angka:2 }}", x=Decimal("1234.5")) == "1.234,50"
    assert render("{{ x|angka:0 }}", x=Decimal("1234.5")) == "1.235"
    assert render("{{ x|angka }}", x=None) == "-"


def test_nilai():
    assert render("{{ x|nilai }}", x=Nilai(angka=Decimal("1234.5"))) == "1.234,5"
    assert render("{{ x|nilai }}", x=Nilai(grade="CC")) == "CC"
    assert render("{{ x|nilai }}", x=KOSONG) == "-"
    assert render("{{ x|nilai }}", x=None) == "-"
    assert render("{{ x|nilai }}", x="bb") == "BB"


def test_terbilang():
    assert render("{{ x|terbilang }}", x=24_300_000_000) == "dua puluh empat miliar tiga ratus juta"
    assert render("{{ x|terbilang_rupiah }}", x=Decimal("1000.00")) == "seribu rupiah"


def test_nilai_tidak_sah_ditampilkan_apa_adanya():
    assert render("{{ x|rupiah }}", x="####") == "####"
    assert render("{{ x|nilai }}", x="<b>") == "&lt;b&gt;"  # still escaped
    assert render("{{ x|angka:'abc' }}", x=Decimal(1)) == "1"
