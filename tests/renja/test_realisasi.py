"""Entering realisasi: Indonesian input, validation, closed quarters, version conflicts, double submits."""

from decimal import Decimal

import pytest
from django.urls import reverse

from core.nilai import Nilai
from renja.models import Anggaran
from renja.services import (
    GalatRealisasi,
    KonflikVersi,
    anggaran_set_realisasi,
    indikator_set_realisasi,
    triwulan_tutup,
)

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db


@pytest.fixture
def d():
    return dua_kecamatan()


def test_realisasi_triwulan_format_indonesia_dan_jumlah_tahun(d):
    op = d["users"]["operator_a"]
    a = anggaran_set_realisasi(
        d["ang_a"], versi=0, masukan={"realisasi_tw1": "250.000", "realisasi_tw2": "Rp 125.500,50"}, user=op
    )
    assert a.realisasi_tw1 == Decimal(250000) and a.realisasi_tw2 == Decimal("125500.50")
    assert a.realisasi == Decimal("375500.50") == a.realisasi_tahun and a.versi == 1
    riwayat = a.history.first()
    assert riwayat.history_user == op and riwayat.realisasi_tw2 == Decimal("125500.50")


@pytest.mark.parametrize(
    "masukan, kolom, kata",
    [
        ({"realisasi_tw1": "-5"}, "realisasi_tw1", "negatif"),
        ({"realisasi_tw1": "dua juta"}, "realisasi_tw1", "bukan angka"),
        ({"realisasi_tw1": "600.000", "realisasi_tw2": "500.000"}, "realisasi", "melebihi pagu Rp 1.000.000"),
    ],
)
def test_realisasi_salah_ditolak_dengan_pesan_indonesia(d, masukan, kolom, kata):
    with pytest.raises(GalatRealisasi) as exc:
        anggaran_set_realisasi(d["ang_a"], versi=0, masukan=masukan, user=d["users"]["operator_a"])
    assert kata in exc.value.galat[kolom]
    assert Anggaran.objects.get(pk=d["ang_a"].pk).realisasi_tw1 is None


def test_simpan_kedua_dengan_versi_lama_ditolak_dan_diberi_nilai_terbaru(d):
    op, camat = d["users"]["operator_a"], d["users"]["camat_a"]
    salinan_1 = Anggaran.objects.get(pk=d["ang_a"].pk)
    salinan_2 = Anggaran.objects.get(pk=d["ang_a"].pk)
    anggaran_set_realisasi(salinan_1, versi=0, masukan={"realisasi_tw1": "100.000"}, user=op)
    with pytest.raises(KonflikVersi) as exc:
        anggaran_set_realisasi(salinan_2, versi=0, masukan={"realisasi_tw1": "200.000"}, user=camat)
    assert exc.value.obj.realisasi_tw1 == Decimal(100000)
    assert Anggaran.objects.get(pk=d["ang_a"].pk).realisasi_tw1 == Decimal(100000)


def test_kirim_ganda_tidak_menggandakan(d):
    op = d["users"]["operator_a"]
    for _ in range(2):  # the same submit twice, both with the version the page had
        a = anggaran_set_realisasi(
            Anggaran.objects.get(pk=d["ang_a"].pk), versi=0, masukan={"realisasi_tw1": "100.000"}, user=op
        )
    assert a.realisasi == Decimal(100000) and a.versi == 1
    assert a.history.count() == 2  # created + one change


def test_triwulan_ditutup_hanya_baca(d):
    triwulan_tutup(d["a"], 2020, 1, d["users"]["camat_a"])
    with pytest.raises(GalatRealisasi) as exc:
        anggaran_set_realisasi(
            d["ang_a"], versi=0, masukan={"realisasi_tw1": "1"}, user=d["users"]["operator_a"]
        )
    assert "sudah ditutup" in exc.value.galat["realisasi_tw1"]
    a = anggaran_set_realisasi(
        d["ang_a"],
        versi=0,
        masukan={"realisasi_tw1": "", "realisasi_tw2": "5"},
        user=d["users"]["operator_a"],
    )
    assert a.realisasi_tw2 == Decimal(5)


def test_indikator_kumulatif_dan_akhir(d):
    op = d["users"]["operator_a"]
    i = indikator_set_realisasi(
        d["ind_a"],
        versi=0,
        masukan={"realisasi_tw1": "3", "realisasi_tw2": "3", "realisasi_tw3": "6"},
        user=op,
    )
    assert i.realisasi == Nilai(angka=Decimal(12))
    p = indikator_set_realisasi(
        d["ind_prog"], versi=0, masukan={"realisasi_tw1": "70", "realisasi_tw2": "77,44"}, user=op
    )
    assert p.realisasi == Nilai(angka=Decimal("77.44"))
    with pytest.raises(GalatRealisasi):
        indikator_set_realisasi(p, versi=p.versi, masukan={"realisasi_tw3": "banyak"}, user=op)


def _url(d, nama, **kw):
    return reverse(f"renja:{nama}", kwargs={"kode": d["a"].kode, "tahun": 2020, **kw})


def test_halaman_realisasi_dan_simpan_lewat_json(client, d):
    client.force_login(d["users"]["operator_a"])
    r = client.get(_url(d, "realisasi"))
    assert r.status_code == 200 and "Operasional Pelayanan Kelurahan Walantaka" in r.content.decode()
    url = _url(d, "simpan-anggaran", pk=d["ang_a"].pk)
    r = client.post(url, {"versi": 0, "realisasi_tw1": "1.250.000"}, content_type="application/json")
    assert r.status_code == 400 and "melebihi pagu" in r.json()["galat"]["realisasi"]
    r = client.post(url, {"versi": 0, "realisasi_tw1": "250.000"}, content_type="application/json")
    assert r.status_code == 200 and r.json()["jumlah"] == "250.000" and r.json()["serapan"] == "25,00"
    r = client.post(url, {"versi": 0, "realisasi_tw1": "300.000"}, content_type="application/json")
    assert r.status_code == 409 and r.json()["sekarang"]["nilai"]["realisasi_tw1"] == "250.000"


def test_orang_lain_tidak_bisa_menyimpan(client, d):
    url = _url(d, "simpan-anggaran", pk=d["ang_a"].pk)
    client.force_login(d["users"]["operator_b"])
    assert (
        client.post(url, {"versi": 0, "realisasi_tw1": "1"}, content_type="application/json").status_code
        == 404
    )
    client.force_login(d["users"]["pimpinan"])
    assert (
        client.post(url, {"versi": 0, "realisasi_tw1": "1"}, content_type="application/json").status_code
        == 403
    )
    # a row of another kecamatan through this kecamatan's URL
    client.force_login(d["users"]["operator_a"])
    url_b = _url(d, "simpan-anggaran", pk=d["ang_b"].pk)
    assert (
        client.post(url_b, {"versi": 0, "realisasi_tw1": "1"}, content_type="application/json").status_code
        == 404
    )
    assert Anggaran.objects.get(pk=d["ang_b"].pk).realisasi_tw1 is None


def test_hanya_camat_sendiri_menutup_triwulan(client, d):
    url = _url(d, "tutup-triwulan", triwulan=2)
    client.force_login(d["users"]["operator_a"])
    assert client.post(url).status_code == 403
    client.force_login(d["users"]["camat_b"])
    assert client.post(url).status_code == 404
    client.force_login(d["users"]["camat_a"])
    assert client.post(url).status_code == 302
    assert d["a"].triwulanditutup_set.filter(tahun=2020, triwulan=2).exists()
