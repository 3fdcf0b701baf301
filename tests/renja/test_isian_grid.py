"""The realisasi grid as a person uses it: what the page carries for the live computation, annual-only rows,
the sifat of each indicator, and the lock while a document is submitted."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from renja.models import Anggaran

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db


@pytest.fixture
def d():
    return dua_kecamatan()


def _url(d, nama, **kw):
    return reverse(f"renja:{nama}", kwargs={"kode": d["a"].kode, "tahun": 2020, **kw})


def _halaman(client, d) -> str:
    client.force_login(d["users"]["operator_a"])
    r = client.get(_url(d, "realisasi"))
    assert r.status_code == 200
    return r.content.decode()


def test_data_pagu_angka_mesin_bukan_format_indonesia(client, d):
    Anggaran.objects.filter(pk=d["ang_a"].pk).update(pagu=Decimal("31750000.00"))
    html = _halaman(client, d)
    baris = re.search(rf'id="a{d["ang_a"].pk}"[^>]*data-pagu="([^"]*)"', html)
    assert baris is not None
    assert re.fullmatch(r"\d+(\.\d+)?", baris[1]), baris[1]  # JavaScript's Number() reads it
    assert Decimal(baris[1]) == Decimal(31750000)


def test_baris_anggaran_punya_tempat_pesan_lewat_pagu(client, d):
    html = _halaman(client, d)
    baris = re.search(rf'<tr class="baris-anggaran" id="a{d["ang_a"].pk}".*?</tr>', html, re.DOTALL)
    assert baris is not None and 'class="pesan-pagu galat"' in baris[0]
