"""The narrative page: who may read and write, saving, history, and the text in the rekap."""

from __future__ import annotations

import re
from html import unescape as html_unescape

import pytest

from lkjip.models import NarasiProgram
from lkjip.reports import lkjip_rekap

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(kec, kec_lain):
    """Program 5001.04 with figures of ``kec``; program 5001.99 with figures of the other kecamatan only."""
    prog = f.program("5001.04", uraian="PROGRAM PELAYANAN ADMINISTRASI KELURAHAN")
    f.anggaran(kec, f.kegiatan(prog, 43), 2020, 1000, 990)
    lain = f.program("5001.99", uraian="PROGRAM LAIN")  # a program ``kec`` has no data for
    f.anggaran(kec_lain, f.kegiatan(lain, 1), 2020, 10, 10)
    return {"a": kec, "prog": prog, "lain": lain}


def _url(simpan=False, kode="36.73.01", tahun=2020):
    base = f"/kecamatan/{kode}/{tahun}/lkjip/narasi/"
    return f"{base}simpan/" if simpan else base


POST = {"keberhasilan": "Terpenuhinya administrasi", "hambatan": "SDM minim", "saran": "Pelatihan berkala"}


def _post(prog):
    return {f"p{prog.pk}-{k}": v for k, v in POST.items()}


@pytest.mark.parametrize(
    "persona, get, post",
    [
        ("anonim", 302, 302),
        ("operator", 200, 302),
        ("camat", 200, 302),
        ("bappeda", 200, 302),
        ("pimpinan", 200, 403),
        ("operator_lain", 404, 404),
        ("camat_lain", 404, 404),
    ],
)
def test_permissions(klien, data, persona, get, post):
    client = klien(persona)
    assert client.get(_url()).status_code == get
    r = client.post(_url(simpan=True), _post(data["prog"]))
    assert r.status_code == post
    assert NarasiProgram.objects.exists() == (post == 302 and persona != "anonim")


def test_views_carry_their_permission():
    from lkjip import views

    assert views.narasi.perlu_akses == "wilayah.lihat_kecamatan"
    assert views.narasi_simpan.perlu_akses == "lkjip.ubah_narasi"


def test_save_then_shown_in_page_and_rekap_with_history(client, data, operator):
    client.force_login(operator)
    r = client.post(_url(simpan=True), _post(data["prog"]))
    assert r.status_code == 302 and r["Location"] == _url()
    n = NarasiProgram.objects.get()
    assert (n.kecamatan, n.tahun, n.nomenklatur, n.hambatan) == (data["a"], 2020, data["prog"], "SDM minim")
    assert n.history.first().history_user == operator
    client.post(_url(simpan=True), _post(data["prog"]))  # same text again: no new version
    assert n.history.count() == 1
    halaman = client.get(_url()).content.decode()
    assert "SDM minim" in halaman and "5001.04" in halaman and "1.000" in halaman
    teks = [b.teks for b in lkjip_rekap(data["a"], 2020).baris if b.jenis == "catatan"]
    assert teks == [
        "Keberhasilan: Terpenuhinya administrasi",
        "Hambatan: SDM minim",
        "Saran: Pelatihan berkala",
    ]


def test_read_only_role_sees_text_without_form(client, data, pimpinan):
    f.narasi(data["a"], 2020, data["prog"], keberhasilan="Sudah baik")
    client.force_login(pimpinan)
    html = client.get(_url()).content.decode()
    assert "Sudah baik" in html and "<textarea" not in html


def test_program_without_data_of_this_kecamatan_is_ignored(client, data, operator):
    client.force_login(operator)
    r = client.post(_url(simpan=True), _post(data["lain"]))
    assert r.status_code == 400 and "Tidak ada narasi program yang dikirim." in r.content.decode()
    assert not NarasiProgram.objects.exists()


def test_too_long_text_is_refused(client, data, operator):
    client.force_login(operator)
    isi = _post(data["prog"]) | {f"p{data['prog'].pk}-saran": "x" * 4001}
    r = client.post(_url(simpan=True), isi)
    assert r.status_code == 400 and not NarasiProgram.objects.exists()


def test_get_only_and_post_only(client, data, operator):
    client.force_login(operator)
    assert client.post(_url(), {}).status_code == 405
    assert client.get(_url(simpan=True)).status_code == 405


@pytest.fixture
def dua_program(data):
    kedua = f.program("5001.05", uraian="PROGRAM KEDUA")
    f.anggaran(data["a"], f.kegiatan(kedua, 7), 2020, 500, 400)
    return data["prog"], kedua


def _form_halaman(html: str) -> dict[str, str]:
    """The fields of the page's one narrative form as the browser would send them unchanged."""
    form = re.search(
        r'<form method="post" action="[^"]*/narasi/simpan/" id="f-narasi".*?</form>', html, re.DOTALL
    )
    assert form is not None
    isi = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form[0]))
    for nama, teks in re.findall(r'<textarea name="([^"]+)"[^>]*>\n?(.*?)</textarea>', form[0], re.DOTALL):
        isi[nama] = html_unescape(teks)
    return isi


def test_halaman_satu_form_menyimpan_semua_program_sekaligus(client, dua_program, operator):
    satu, dua = dua_program
    client.force_login(operator)
    html = client.get(_url()).content.decode()
    assert html.count('id="f-narasi"') == 1 and "data-jaga-perubahan" in html  # app.js: beforeunload
    isi = _form_halaman(html)
    assert f"p{satu.pk}-keberhasilan" in isi and f"p{dua.pk}-keberhasilan" in isi
    isi[f"p{satu.pk}-keberhasilan"] = "Teks program satu"
    isi[f"p{dua.pk}-hambatan"] = "Teks program dua"
    r = client.post(_url(simpan=True), isi)
    assert r.status_code == 302
    teks = {n.nomenklatur_id: n for n in NarasiProgram.objects.all()}
    assert teks[satu.pk].keberhasilan == "Teks program satu" and teks[dua.pk].hambatan == "Teks program dua"


def test_hanya_program_yang_diubah_ditulis(client, dua_program, operator):
    _, dua = dua_program
    client.force_login(operator)
    isi = _form_halaman(client.get(_url()).content.decode())
    isi[f"p{dua.pk}-saran"] = "Hanya yang ini"
    assert client.post(_url(simpan=True), isi).status_code == 302
    assert list(NarasiProgram.objects.values_list("nomenklatur_id", flat=True)) == [dua.pk]


def test_teks_lebih_baru_orang_lain_tidak_ditimpa_diam_diam(client, data, dua_program, operator, camat):
    satu, dua = dua_program
    client.force_login(operator)
    isi = _form_halaman(client.get(_url()).content.decode())  # the operator opens the page
    f.narasi(data["a"], 2020, satu, keberhasilan="Teks camat")  # meanwhile the camat saves
    isi[f"p{satu.pk}-keberhasilan"] = "Teks operator"
    isi[f"p{dua.pk}-keberhasilan"] = "Program dua"
    r = client.post(_url(simpan=True), isi)
    html = r.content.decode()
    assert r.status_code == 409 and "baru saja diubah pengguna lain" in html
    assert "Teks operator" in html and "Teks camat" in html  # both shown, nothing lost
    assert NarasiProgram.objects.get(nomenklatur=satu).keberhasilan == "Teks camat"
    assert not NarasiProgram.objects.filter(nomenklatur=dua).exists()  # all or nothing
    # saving the page shown again overwrites knowingly
    r = client.post(_url(simpan=True), _form_halaman(html))
    assert r.status_code == 302
    assert NarasiProgram.objects.get(nomenklatur=satu).keberhasilan == "Teks operator"
    assert NarasiProgram.objects.get(nomenklatur=dua).keberhasilan == "Program dua"
