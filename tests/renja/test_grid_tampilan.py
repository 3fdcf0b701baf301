"""How the realisasi grid is shown: search by code or name and one triwulan without JavaScript, rows over their
pagu listed with a link to the row, and a hand-made address answered 400 with the reason."""

from decimal import Decimal

import pytest
from django.urls import reverse

from renja.models import Anggaran, CatatanVerifikator, Nomenklatur
from renja.services import GalatRealisasi, catatan_verifikator_tulis

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db

URL = reverse("renja:realisasi", kwargs={"kode": "36.73.03", "tahun": 2020})


@pytest.fixture
def d(client):
    d = dua_kecamatan()
    lain = Nomenklatur.objects.create(
        kode="5001.500105.04.044", tingkat="kegiatan", uraian="Rapat Koordinasi Lurah", induk=d["program"]
    )
    d["ang_lain"] = Anggaran.objects.create(
        tahun=2020, kecamatan=d["a"], nomenklatur=lain, kelurahan=d["kel"], pagu=Decimal(100)
    )
    client.force_login(d["users"]["operator_a"])
    return d


@pytest.mark.parametrize("q", ["rapat", "RAPAT koord", "04.044"])
def test_cari_kode_atau_nama_hanya_kegiatan_yang_cocok(client, d, q):
    isi = client.get(URL, {"q": q}).content.decode()
    assert f'id="a{d["ang_lain"].pk}"' in isi and f'id="a{d["ang_a"].pk}"' not in isi
    assert "Menampilkan kegiatan yang kode atau namanya memuat" in isi


def test_cari_kode_program_menampilkan_semua_kegiatannya(client, d):
    isi = client.get(URL, {"q": "5001.04"}).content.decode()
    assert f'id="a{d["ang_lain"].pk}"' in isi and f'id="a{d["ang_a"].pk}"' in isi


def test_cari_tanpa_hasil_mengatakannya(client, d):
    isi = client.get(URL, {"q": "tidak ada"}).content.decode()
    assert "Tidak ada kegiatan yang kode atau namanya memuat “tidak ada”." in isi


def test_satu_triwulan_ditandai_pada_tabel_dan_pilihannya(client, d):
    isi = client.get(URL, {"tw": "3"}).content.decode()
    assert 'data-tw="3"' in isi
    assert '<a href="?tw=3" data-tw="3" aria-current="true">TW III</a>' in isi
    assert 'data-tw-bawaan="1"' in isi  # the first open triwulan: what a phone shows first


@pytest.mark.parametrize(
    ("param", "pesan"), [({"tw": "9"}, "Triwulan harus 1 sampai 4."), ({"q": "x" * 201}, "200")]
)
def test_alamat_buatan_400_dengan_alasannya(client, d, param, pesan):
    r = client.get(URL, param)
    assert r.status_code == 400 and pesan in r.content.decode()


def test_baris_lewat_pagu_didaftar_dengan_tautan_ke_barisnya(client, d):
    Anggaran.objects.filter(pk=d["ang_lain"].pk).update(realisasi=Decimal(150))
    isi = client.get(URL).content.decode()
    assert "Perlu diperiksa: 1 baris melebihi pagu" in isi
    assert f'<a href="#a{d["ang_lain"].pk}" data-lompat>5001.500105.04.044 Rapat Koordinasi Lurah</a>' in isi
    # the list names every line over pagu even when a search hides it
    assert "Perlu diperiksa: 1 baris melebihi pagu" in client.get(URL, {"q": "operasional"}).content.decode()


def test_sel_hp_dan_papan_angka(client, d):
    isi = client.get(URL).content.decode()
    assert isi.count('inputmode="decimal"') == 4 * 4  # two anggaran lines and two numeric indicators
    assert '<a class="lompat" href="#grid">Lewati ke tabel isian realisasi</a>' in isi


# ------------------------------------------------------------------------------------------------
# Catatan verifikator about one kegiatan row
# ------------------------------------------------------------------------------------------------
CATATAN = reverse("renja:catatan", kwargs={"kode": "36.73.03", "tahun": 2020})


def test_catatan_pada_baris_kegiatan_ditaut_ke_barisnya(client, d):
    client.force_login(d["users"]["bappeda"])
    isi = client.get(URL).content.decode()
    assert f'<option value="{d["kegiatan"].pk}">5001.500105.04.043 ' in isi  # the grid's kegiatan to pick
    r = client.post(
        CATATAN, {"triwulan": 2, "kegiatan": d["kegiatan"].pk, "catatan": "Bukti TW II belum ada."}
    )
    assert r.status_code == 302
    c = CatatanVerifikator.objects.get()
    assert c.kegiatan == d["kegiatan"] and c.triwulan == 2
    client.force_login(d["users"]["operator_a"])
    isi = client.get(URL).content.decode()
    tautan = f'<a href="#k{d["kegiatan"].pk}" data-lompat>5001.500105.04.043 Operasional Pelayanan Kelurahan Walantaka</a>'
    assert tautan in isi and f'id="k{d["kegiatan"].pk}"' in isi  # the link and the row it jumps to


def test_catatan_tanpa_baris_tetap_boleh(client, d):
    client.force_login(d["users"]["bappeda"])
    r = client.post(CATATAN, {"triwulan": 1, "kegiatan": "", "catatan": "Umum."})
    assert r.status_code == 302 and CatatanVerifikator.objects.get().kegiatan is None


def test_catatan_pada_kegiatan_di_luar_isian_400_tidak_tersimpan(client, d):
    asing = Nomenklatur.objects.create(
        kode="5001.500105.04.099", tingkat="kegiatan", uraian="Lain", induk=d["program"]
    )
    client.force_login(d["users"]["bappeda"])
    r = client.post(CATATAN, {"triwulan": 1, "kegiatan": asing.pk, "catatan": "Salah baris."})
    assert r.status_code == 400
    assert "Pilih kegiatan yang ada pada isian tahun ini" in r.content.decode()
    assert not CatatanVerifikator.objects.exists()


def test_layanan_catatan_menolak_kegiatan_di_luar_isian(d):
    asing = Nomenklatur.objects.create(
        kode="5001.500105.04.098", tingkat="kegiatan", uraian="Lain", induk=d["program"]
    )
    with pytest.raises(GalatRealisasi) as galat:
        catatan_verifikator_tulis(d["a"], 2020, 1, "x", d["users"]["bappeda"], kegiatan=asing)
    assert galat.value.galat == {"kegiatan": "Kegiatan 5001.500105.04.098 tidak ada pada isian tahun 2020."}
