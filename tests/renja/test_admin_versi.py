"""The admin goes through the same services as the grid: a change claims the row's version, so neither side
can silently overwrite the other, and the admin obeys the grid's rules (quarter sum ≤ pagu, closed quarters)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from core.nilai import Nilai
from renja.models import Anggaran, Indikator
from renja.services import anggaran_set_realisasi, triwulan_tutup

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db
PESAN = "Data ini sudah diubah pengguna lain sejak halaman dibuka; muat ulang."


@pytest.fixture
def d():
    return dua_kecamatan()


def _ubah(model) -> str:
    return f"/admin/renja/{model.__name__.lower()}/{{}}/change/"


def _data_anggaran(a: Anggaran, versi_awal, **ubah) -> dict:
    data = {
        "tahun": a.tahun,
        "kecamatan": a.kecamatan_id,
        "nomenklatur": a.nomenklatur_id,
        "kelurahan": a.kelurahan_id or "",
        "sumber_dana": a.sumber_dana,
        "pagu": a.pagu,
        "realisasi": a.realisasi or "",
        **{f"realisasi_tw{tw}": getattr(a, f"realisasi_tw{tw}") or "" for tw in (1, 2, 3, 4)},
        "versi_awal": versi_awal,
        "_save": "Simpan",
    }
    return {**data, **ubah}


def _data_indikator(i: Indikator, versi_awal, **ubah) -> dict:
    data = {
        "tahun": i.tahun,
        "kecamatan": i.kecamatan_id,
        "nomenklatur": i.nomenklatur_id,
        "uraian": i.uraian,
        "satuan": i.satuan,
        "target": str(i.target),
        "realisasi": "" if i.realisasi.kosong else str(i.realisasi),
        **{f"realisasi_tw{tw}": "" for tw in (1, 2, 3, 4)},
        "polaritas": i.polaritas,
        "sifat": i.sifat,
        "urutan": i.urutan,
        "versi_awal": versi_awal,
        "_save": "Simpan",
    }
    return {**data, **ubah}


def test_form_admin_membawa_versi_saat_dibuka(client, d):
    Anggaran.objects.filter(pk=d["ang_a"].pk).update(versi=7)
    client.force_login(d["users"]["bappeda"])
    isi = client.get(_ubah(Anggaran).format(d["ang_a"].pk)).content.decode()
    assert 'type="hidden" name="versi_awal" value="7"' in isi


def test_simpan_admin_menaikkan_versi_lalu_grid_lama_409(client, d):
    pk = d["ang_a"].pk
    client.force_login(d["users"]["bappeda"])
    r = client.post(_ubah(Anggaran).format(pk), _data_anggaran(d["ang_a"], 0, realisasi_tw2="300000"))
    assert r.status_code == 302, r.content.decode()[:2000]
    a = Anggaran.objects.get(pk=pk)
    assert a.realisasi_tw2 == Decimal(300000) and a.realisasi == Decimal(300000) and a.versi == 1
    assert a.history.first().history_user == d["users"]["bappeda"]
    # the operator's grid page was loaded before (versi 0) and still shows TW II blank
    client.force_login(d["users"]["operator_a"])
    url = reverse("renja:simpan-anggaran", kwargs={"kode": "36.73.03", "tahun": 2020, "pk": pk})
    body = {
        "versi": 0,
        "realisasi_tw1": "100.000",
        "realisasi_tw2": "",
        "realisasi_tw3": "",
        "realisasi_tw4": "",
    }
    r = client.post(url, body, content_type="application/json")
    assert r.status_code == 409 and r.json()["sekarang"]["nilai"]["realisasi_tw2"] == "300.000"
    assert Anggaran.objects.get(pk=pk).realisasi_tw2 == Decimal(300000)


def test_simpan_grid_setelah_form_admin_dibuka_membuat_admin_ditolak(client, d):
    pk = d["ang_a"].pk
    client.force_login(d["users"]["bappeda"])
    assert client.get(_ubah(Anggaran).format(pk)).status_code == 200  # opened at versi 0
    anggaran_set_realisasi(
        d["ang_a"], versi=0, masukan={"realisasi_tw1": "100.000"}, user=d["users"]["operator_a"]
    )
    r = client.post(_ubah(Anggaran).format(pk), _data_anggaran(d["ang_a"], 0, realisasi_tw2="300000"))
    assert r.status_code == 200 and PESAN in r.content.decode()
    a = Anggaran.objects.get(pk=pk)
    assert (a.realisasi_tw1, a.realisasi_tw2, a.versi) == (Decimal(100000), None, 1)


@pytest.mark.parametrize(
    "ubah, tutup, kata",
    [
        ({"realisasi_tw1": "600000", "realisasi_tw2": "500000"}, False, "melebihi pagu Rp 1.000.000"),
        ({"pagu": "10", "realisasi_tw2": "11"}, False, "melebihi pagu Rp 10"),
        ({"realisasi_tw1": "5"}, True, "sudah ditutup camat"),
    ],
)
def test_admin_mematuhi_aturan_grid(client, d, ubah, tutup, kata):
    if tutup:
        triwulan_tutup(d["a"], 2020, 1, d["users"]["camat_a"])
    client.force_login(d["users"]["bappeda"])
    r = client.post(_ubah(Anggaran).format(d["ang_a"].pk), _data_anggaran(d["ang_a"], 0, **ubah))
    assert r.status_code == 200 and kata in r.content.decode()
    a = Anggaran.objects.get(pk=d["ang_a"].pk)
    assert (a.realisasi_tw1, a.realisasi_tw2, a.pagu, a.versi) == (None, None, Decimal(1000000), 0)


def test_indikator_admin_juga_berversi_dua_arah(client, d):
    pk = d["ind_a"].pk
    client.force_login(d["users"]["bappeda"])
    r = client.post(_ubah(Indikator).format(pk), _data_indikator(d["ind_a"], 0, realisasi_tw2="4"))
    assert r.status_code == 302
    i = Indikator.objects.get(pk=pk)
    assert i.realisasi_tw2 == Nilai.parse("4") and i.realisasi == Nilai.parse("4") and i.versi == 1
    client.force_login(d["users"]["operator_a"])
    url = reverse("renja:simpan-indikator", kwargs={"kode": "36.73.03", "tahun": 2020, "pk": pk})
    body = {"versi": 0, "realisasi_tw1": "3", "realisasi_tw2": ""}
    assert client.post(url, body, content_type="application/json").status_code == 409
    # and the other way: the admin's stale form (versi 0) is refused
    client.force_login(d["users"]["bappeda"])
    r = client.post(_ubah(Indikator).format(pk), _data_indikator(d["ind_a"], 0, realisasi_tw3="9"))
    assert r.status_code == 200 and PESAN in r.content.decode()
    assert Indikator.objects.get(pk=pk).realisasi_tw3.kosong


def test_indikator_admin_menolak_nilai_terlalu_panjang(client, d):
    client.force_login(d["users"]["bappeda"])
    r = client.post(
        _ubah(Indikator).format(d["ind_a"].pk), _data_indikator(d["ind_a"], 0, realisasi_tw1="1" * 40)
    )
    assert r.status_code == 200 and "paling banyak 32 karakter" in r.content.decode()
    assert Indikator.objects.get(pk=d["ind_a"].pk).versi == 0


def test_balapan_antara_cek_form_dan_simpan_admin_tidak_menimpa(client, d, monkeypatch):
    """Someone saves between the form's version check and the admin's save: the service's claim fails, the
    whole admin save is rolled back and the change page is shown again with the message (no 500)."""
    from renja.admin import AdminBerversi

    asli = AdminBerversi.save_model

    def disela(self, request, obj, form, change):
        Anggaran.objects.filter(pk=obj.pk).update(versi=5)  # another save claimed the row meanwhile
        return asli(self, request, obj, form, change)

    monkeypatch.setattr(AdminBerversi, "save_model", disela)
    client.force_login(d["users"]["bappeda"])
    url = _ubah(Anggaran).format(d["ang_a"].pk)
    r = client.post(url, _data_anggaran(d["ang_a"], 0, realisasi_tw2="300000"), follow=True)
    assert r.redirect_chain == [(url, 302)] and PESAN in r.content.decode()
    assert Anggaran.objects.get(pk=d["ang_a"].pk).realisasi_tw2 is None
