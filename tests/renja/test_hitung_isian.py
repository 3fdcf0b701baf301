"""The grid's figures while typing come from the server (``.../hitung/``): the reports' Decimal arithmetic on
the typed values, the same checks as a save, nothing written (issue 11: no domain arithmetic in the page)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db


@pytest.fixture
def d():
    return dua_kecamatan()


def _url(d, jenis, obj, kode="36.73.03"):
    return reverse(f"renja:hitung-{jenis}", kwargs={"kode": kode, "tahun": 2020, "pk": obj.pk})


def test_anggaran_jumlah_serapan_dan_lewat_pagu_tanpa_menulis(d, client):
    client.force_login(d["users"]["operator_a"])
    a = d["ang_a"]  # pagu 1.000.000
    r = client.get(_url(d, "anggaran", a), {"realisasi_tw1": "333.333", "realisasi_tw2": "1.000"})
    assert r.status_code == 200
    assert r.json()["tampil"] == {
        "jumlah": "334.333",
        "capaian": "33,43 %",
        "lewat_pagu": False,
        "pesan_pagu": "",
    }
    r = client.get(_url(d, "anggaran", a), {"realisasi_tw1": "1.000.000", "realisasi_tw3": "1"})
    t = r.json()["tampil"]
    assert t["lewat_pagu"] and t["pesan_pagu"] == "Jumlah Rp 1.000.001 melebihi pagu Rp 1.000.000."
    a.refresh_from_db()
    assert a.realisasi_tw1 is None and a.realisasi is None and a.versi == 0


def test_setengah_dibulatkan_ke_atas_seperti_laporan(d, client):
    """1/8 of the pagu is 12,5 %: exact in Decimal; 2/3 rounds half-up the way the reports print it."""
    client.force_login(d["users"]["operator_a"])
    r = client.get(_url(d, "anggaran", d["ang_a"]), {"realisasi_tw1": "125.000"})
    assert r.json()["tampil"]["capaian"] == "12,50 %"
    r = client.get(_url(d, "anggaran", d["ang_a"]), {"realisasi_tw1": "666.665"})
    assert r.json()["tampil"]["capaian"] == "66,67 %"


def test_rupiah_ambigu_ditolak_dengan_pesan(d, client):
    client.force_login(d["users"]["operator_a"])
    r = client.get(_url(d, "anggaran", d["ang_a"]), {"realisasi_tw1": "1.5"})
    assert r.status_code == 400
    assert "realisasi_tw1" in r.json()["galat"]


def test_indikator_mengikuti_sifat(d, client):
    client.force_login(d["users"]["operator_a"])
    ind = d["ind_prog"]  # IKM, target 75 %, sifat akhir: the year is the last quarter reported
    r = client.get(_url(d, "indikator", ind), {"realisasi_tw1": "70", "realisasi_tw2": "80"})
    assert r.json()["tampil"]["jumlah"] == "80"
    assert r.json()["tampil"]["capaian"] == "106,67 %"
    keg = d["ind_a"]  # Bulan layanan, target 12, kumulatif: the quarters add up
    r = client.get(_url(d, "indikator", keg), {"realisasi_tw1": "3", "realisasi_tw2": "3"})
    assert r.json()["tampil"]["jumlah"] == "6" and r.json()["tampil"]["capaian"] == "50,00 %"
    ind.refresh_from_db()
    assert ind.realisasi_tw1.kosong and ind.versi == 0


def test_kecamatan_lain_404_dan_pimpinan_403(d, client):
    client.force_login(d["users"]["operator_b"])
    assert client.get(_url(d, "anggaran", d["ang_a"])).status_code == 404
    client.force_login(d["users"]["pimpinan"])
    assert client.get(_url(d, "anggaran", d["ang_a"])).status_code == 403
    # a row of kecamatan B under A's address does not exist there
    client.force_login(d["users"]["operator_a"])
    assert client.get(_url(d, "anggaran", d["ang_b"])).status_code == 404
