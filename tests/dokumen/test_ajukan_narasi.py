"""Ajukan belongs to the narrative form: what was just typed under it is saved and then the document is
submitted, in one request; whoever may not submit gets 403 and nothing is saved."""

import re

import pytest
from django.urls import reverse

from dokumen.models import BagianNarasi, StatusDokumen
from dokumen.services import dokumen_terkini

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db

KW = {"kode": "36.73.03", "tahun": 2020, "jenis": "lkjip"}


@pytest.fixture
def d():
    return dua_kecamatan()


def test_tombol_ajukan_milik_form_narasi(client, d):
    client.force_login(d["users"]["operator_a"])
    html = client.get(reverse("dokumen:halaman", kwargs=KW)).content.decode()
    form = re.search(r'<form [^>]*id="f-narasi-dok"[^>]*>', html)
    assert form is not None and reverse("dokumen:narasi", kwargs=KW) in form[0]
    tombol = re.findall(r"<button [^>]*>Ajukan ke camat</button>", html)
    assert len(tombol) == 1
    assert 'form="f-narasi-dok"' in tombol[0] and 'name="aksi"' in tombol[0] and 'value="ajukan"' in tombol[0]
    assert reverse("dokumen:aksi", kwargs={**KW, "nama": "ajukan"}) not in html


def test_ajukan_menyimpan_narasi_yang_baru_diketik_lalu_mengajukan(client, d):
    client.force_login(d["users"]["operator_a"])
    r = client.post(
        reverse("dokumen:narasi", kwargs=KW),
        {"narasi:bab1.latar_belakang": "Diketik tepat sebelum Ajukan.", "aksi": "ajukan"},
    )
    assert r.status_code == 302
    dok = dokumen_terkini(d["a"], 2020, "lkjip")
    assert dok.status == StatusDokumen.DIAJUKAN and dok.diajukan_oleh == d["users"]["operator_a"]
    narasi = BagianNarasi.objects.get(
        kecamatan=d["a"], tahun=2020, jenis="lkjip", kunci="bab1.latar_belakang"
    )
    assert narasi.isi == "Diketik tepat sebelum Ajukan."
    pesan = [str(m) for m in r.wsgi_request._messages]
    assert pesan == ["Narasi tersimpan. Dokumen diajukan kepada camat."]


def test_simpan_saja_tidak_mengajukan(client, d):
    client.force_login(d["users"]["operator_a"])
    r = client.post(
        reverse("dokumen:narasi", kwargs=KW), {"narasi:bab1.latar_belakang": "Draf.", "aksi": "simpan"}
    )
    assert r.status_code == 302
    assert dokumen_terkini(d["a"], 2020, "lkjip").status == StatusDokumen.DRAF


def test_ajukan_lewat_form_narasi_tanpa_izin_ajukan_403_dan_tidak_menyimpan(client, d):
    client.force_login(d["users"]["camat_a"])  # may edit the narrative, may not submit
    r = client.post(
        reverse("dokumen:narasi", kwargs=KW), {"narasi:bab1.latar_belakang": "Camat.", "aksi": "ajukan"}
    )
    assert r.status_code == 403
    assert not BagianNarasi.objects.filter(kecamatan=d["a"], isi="Camat.").exists()
    assert dokumen_terkini(d["a"], 2020, "lkjip").status == StatusDokumen.DRAF
