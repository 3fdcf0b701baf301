"""The narrative page: who may read and write, saving, history, and the text in the rekap."""

from __future__ import annotations

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


def _url(pk=None, kode="36.73.01", tahun=2020):
    base = f"/kecamatan/{kode}/{tahun}/lkjip/narasi/"
    return base if pk is None else f"{base}{pk}/"


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
    r = client.post(_url(data["prog"].pk), _post(data["prog"]))
    assert r.status_code == post
    assert NarasiProgram.objects.exists() == (post == 302 and persona != "anonim")


def test_views_carry_their_permission():
    from lkjip import views

    assert views.narasi.perlu_akses == "wilayah.lihat_kecamatan"
    assert views.narasi_simpan.perlu_akses == "lkjip.ubah_narasi"


def test_save_then_shown_in_page_and_rekap_with_history(client, data, operator):
    client.force_login(operator)
    r = client.post(_url(data["prog"].pk), _post(data["prog"]))
    assert r.status_code == 302 and r["Location"].endswith(f"#p{data['prog'].pk}")
    n = NarasiProgram.objects.get()
    assert (n.kecamatan, n.tahun, n.nomenklatur, n.hambatan) == (data["a"], 2020, data["prog"], "SDM minim")
    assert n.history.first().history_user == operator
    client.post(_url(data["prog"].pk), _post(data["prog"]))  # same text again: no new version
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


def test_program_without_data_of_this_kecamatan_is_404(client, data, operator):
    client.force_login(operator)
    assert client.post(_url(data["lain"].pk), _post(data["lain"])).status_code == 404
    assert client.post(_url(999999), {}).status_code == 404


def test_too_long_text_is_refused(client, data, operator):
    client.force_login(operator)
    isi = _post(data["prog"]) | {f"p{data['prog'].pk}-saran": "x" * 4001}
    r = client.post(_url(data["prog"].pk), isi)
    assert r.status_code == 400 and not NarasiProgram.objects.exists()


def test_get_only_and_post_only(client, data, operator):
    client.force_login(operator)
    assert client.post(_url(), {}).status_code == 405
    assert client.get(_url(data["prog"].pk)).status_code == 405
