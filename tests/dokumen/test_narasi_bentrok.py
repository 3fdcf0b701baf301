"""Two tabs editing the same narrative section: the second save of a stale text is refused with both texts
shown (optimistic version, like Anggaran.versi), never silently overwritten; nothing of that save is written."""

import re

import pytest
from django.urls import reverse

from dokumen.models import BagianNarasi, StatusDokumen
from dokumen.services import KonflikNarasi, dokumen_terkini, narasi_simpan

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db

KW = {"kode": "36.73.03", "tahun": 2020, "jenis": "lkjip"}
LATAR = "bab1.latar_belakang"


@pytest.fixture
def d():
    return dua_kecamatan()


def _versi_di_halaman(client) -> dict[str, int]:
    html = client.get(reverse("dokumen:halaman", kwargs=KW)).content.decode()
    return {k: int(v) for k, v in re.findall(r'name="versi:([^"]+)" value="(\d+)"', html)}


def _isi(kunci=LATAR) -> str:
    return BagianNarasi.objects.get(kecamatan__kode="36.73.03", tahun=2020, jenis="lkjip", kunci=kunci).isi


def test_halaman_membawa_versi_tiap_bagian(client, d):
    client.force_login(d["users"]["operator_a"])
    assert _versi_di_halaman(client)[LATAR] == 0
    narasi_simpan(d["a"], 2020, "lkjip", LATAR, "Teks A.", d["users"]["operator_a"])
    assert _versi_di_halaman(client)[LATAR] == 1


def test_simpan_kedua_dari_tab_lama_ditolak_dengan_kedua_teks(client, d):
    client.force_login(d["users"]["operator_a"])
    versi = _versi_di_halaman(client)  # both tabs opened now
    url = reverse("dokumen:narasi", kwargs=KW)
    r = client.post(
        url, {f"narasi:{LATAR}": "Tab pertama.", f"versi:{LATAR}": versi[LATAR], "aksi": "simpan"}
    )
    assert r.status_code == 302 and _isi() == "Tab pertama."
    r = client.post(
        url,
        {
            f"narasi:{LATAR}": "Tab kedua.",
            f"versi:{LATAR}": versi[LATAR],
            "narasi:kata_pengantar": "Pengantar dari tab kedua.",
            "versi:kata_pengantar": versi["kata_pengantar"],
            "aksi": "simpan",
        },
    )
    html = r.content.decode()
    assert r.status_code == 409
    assert "Narasi tidak disimpan" in html
    assert '<pre class="narasi-baca" data-teks="tersimpan">Tab pertama.</pre>' in html
    assert '<pre class="narasi-baca" data-teks="dikirim">Tab kedua.</pre>' in html
    assert _isi() == "Tab pertama."  # not overwritten
    assert not BagianNarasi.objects.filter(kunci="kata_pengantar").exists()  # all or nothing
    # reloaded (new versi): the second tab's text is saved
    versi = _versi_di_halaman(client)
    r = client.post(url, {f"narasi:{LATAR}": "Tab kedua.", f"versi:{LATAR}": versi[LATAR], "aksi": "simpan"})
    assert r.status_code == 302 and _isi() == "Tab kedua."


def test_bentrok_tidak_mengajukan(client, d):
    client.force_login(d["users"]["operator_a"])
    narasi_simpan(d["a"], 2020, "lkjip", LATAR, "Dari tab lain.", d["users"]["operator_a"])
    r = client.post(
        reverse("dokumen:narasi", kwargs=KW),
        {f"narasi:{LATAR}": "Basi.", f"versi:{LATAR}": 0, "aksi": "ajukan"},
    )
    assert r.status_code == 409 and "Dokumen belum diajukan" in r.content.decode()
    assert dokumen_terkini(d["a"], 2020, "lkjip").status == StatusDokumen.DRAF
    assert _isi() == "Dari tab lain."


def test_versi_lama_dengan_teks_sama_bukan_bentrok(d):
    op = d["users"]["operator_a"]
    narasi_simpan(d["a"], 2020, "lkjip", LATAR, "Sama.", op)
    obj = narasi_simpan(d["a"], 2020, "lkjip", LATAR, "Sama.", op, versi=0)
    assert obj.versi == 1 and obj.history.count() == 1


def test_layanan_menolak_versi_lama(d):
    op = d["users"]["operator_a"]
    narasi_simpan(d["a"], 2020, "lkjip", LATAR, "Pertama.", op, versi=0)
    with pytest.raises(KonflikNarasi) as exc:
        narasi_simpan(d["a"], 2020, "lkjip", LATAR, "Kedua.", op, versi=0)
    assert exc.value.bentrok == [(LATAR, "Pertama.", "Kedua.")]
    assert _isi() == "Pertama."


def test_versi_tidak_sah_400(client, d):
    client.force_login(d["users"]["operator_a"])
    r = client.post(
        reverse("dokumen:narasi", kwargs=KW),
        {f"narasi:{LATAR}": "x", f"versi:{LATAR}": "abc", "aksi": "simpan"},
    )
    assert r.status_code == 400 and "Versi narasi tidak sah" in r.content.decode()
    assert not BagianNarasi.objects.exists()
