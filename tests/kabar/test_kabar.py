"""Notifications: created by the services (document submitted, returned, approved; catatan written and
answered), counted in the header, listed, marked read only by a POST, e-mailed when mail is configured."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from dokumen.selectors import dokumen_terkini
from dokumen.services import dokumen_ajukan, dokumen_kembalikan, dokumen_setujui
from kabar.models import JenisKabar, Kabar
from renja.services import catatan_verifikator_jawab, catatan_verifikator_tulis

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db


@pytest.fixture
def d():
    return dua_kecamatan()


@pytest.fixture
def tanpa_cetak(monkeypatch):
    """Approval queues its PDF render; here it stays queued (as with a worker that has not started yet), so the
    test needs no WeasyPrint render."""
    from antrean import services

    monkeypatch.setattr(services, "antrean_redis", lambda: True)
    monkeypatch.setattr(services, "_antrekan", lambda tugas_id: None)


def _kabar(user):
    return list(Kabar.objects.filter(penerima=user).values_list("jenis", flat=True))


def test_alur_dokumen_memberi_kabar_kepada_yang_bersangkutan(
    d, tanpa_cetak, django_capture_on_commit_callbacks
):
    u = d["users"]
    dok = dokumen_ajukan(dokumen_terkini(d["a"], 2020, "lkjip"), u["operator_a"])
    assert _kabar(u["camat_a"]) == [JenisKabar.DIAJUKAN]
    assert (
        _kabar(u["operator_a"]) == [] and _kabar(u["camat_b"]) == []
    )  # not the actor, not another kecamatan
    k = Kabar.objects.get(penerima=u["camat_a"])
    assert k.judul == "LKjIP 2020 Kecamatan Walantaka diajukan, menunggu keputusan Anda"
    assert k.tautan == "/kecamatan/36.73.03/2020/dokumen/lkjip/" and k.kecamatan == d["a"]

    dokumen_kembalikan(dok, u["camat_a"], "Lengkapi bab III.")
    assert _kabar(u["operator_a"]) == [JenisKabar.DIKEMBALIKAN]
    assert "Lengkapi bab III." in Kabar.objects.get(penerima=u["operator_a"]).isi
    assert _kabar(u["operator_b"]) == []

    dok = dokumen_ajukan(dok, u["operator_a"])
    dokumen_setujui(dok, u["camat_a"])
    assert _kabar(u["operator_a"]) == [JenisKabar.DISETUJUI, JenisKabar.DIKEMBALIKAN]
    assert _kabar(u["bappeda"]) == [JenisKabar.DISETUJUI]
    assert _kabar(u["pimpinan"]) == []


def test_catatan_ditulis_dan_dijawab(d):
    u = d["users"]
    c = catatan_verifikator_tulis(d["a"], 2020, 3, "Bukti TW III belum ada.", u["bappeda"])
    assert set(_kabar(u["operator_a"])) == {JenisKabar.CATATAN} and _kabar(u["camat_a"]) == [
        JenisKabar.CATATAN
    ]
    k = Kabar.objects.get(penerima=u["operator_a"])
    assert k.judul == "Catatan verifikator TW III 2020 untuk Kecamatan Walantaka"
    assert k.tautan == f"/kecamatan/36.73.03/2020/realisasi/#catatan-{c.pk}"
    catatan_verifikator_jawab(c, "Sudah diunggah.", u["operator_a"])
    k = Kabar.objects.get(penerima=u["bappeda"])
    assert (k.jenis, k.judul) == (JenisKabar.DIJAWAB, "Catatan TW III 2020 dijawab Kecamatan Walantaka")


def test_hitungan_di_kepala_daftar_dan_tandai_dibaca(client, d):
    u = d["users"]
    c = catatan_verifikator_tulis(d["a"], 2020, 1, "Catatan satu", u["bappeda"])
    catatan_verifikator_tulis(d["a"], 2020, 2, "Catatan dua", u["bappeda"])
    client.force_login(u["operator_a"])
    kepala = client.get(reverse("home")).content.decode()
    assert 'aria-label="2 belum dibaca">2</span>' in kepala

    isi = client.get(reverse("kabar:daftar")).content.decode()  # GET never writes
    assert "Catatan verifikator TW I 2020" in isi and "Catatan verifikator TW II 2020" in isi
    assert Kabar.objects.filter(penerima=u["operator_a"], dibaca_pada__isnull=True).count() == 2

    satu = Kabar.objects.get(penerima=u["operator_a"], judul__contains="TW I ")
    r = client.post(reverse("kabar:baca"), {"pk": satu.pk, "lanjut": satu.tautan})
    assert r.status_code == 302 and r["Location"] == f"/kecamatan/36.73.03/2020/realisasi/#catatan-{c.pk}"
    assert Kabar.objects.filter(penerima=u["operator_a"], dibaca_pada__isnull=True).count() == 1

    # someone else's notification cannot be marked; an outside address is not followed
    lain = Kabar.objects.get(penerima=u["camat_a"], judul__contains="TW I ")
    r = client.post(reverse("kabar:baca"), {"pk": lain.pk, "lanjut": "https://contoh.invalid/"})
    assert r["Location"] == reverse("kabar:daftar")
    lain.refresh_from_db()
    assert lain.dibaca_pada is None

    client.post(reverse("kabar:baca"))
    assert not Kabar.objects.filter(penerima=u["operator_a"], dibaca_pada__isnull=True).exists()
    assert "belum dibaca" not in client.get(reverse("home")).content.decode()
    assert client.post(reverse("kabar:baca"), {"pk": "abc"}).status_code == 400
    assert client.get(reverse("kabar:baca")).status_code == 405


def test_daftar_kabar_perlu_masuk(client):
    assert client.get(reverse("kabar:daftar")).status_code == 302


def test_surel_hanya_bila_diaktifkan(d, settings, django_capture_on_commit_callbacks):
    u = d["users"]
    u["operator_a"].email = "operator@contoh.invalid"
    u["operator_a"].save()
    settings.KABAR_SUREL = False
    with django_capture_on_commit_callbacks(execute=True):
        catatan_verifikator_tulis(d["a"], 2020, 1, "Tanpa surel", u["bappeda"])
    assert mail.outbox == []
    settings.KABAR_SUREL = True
    with django_capture_on_commit_callbacks(execute=True):
        catatan_verifikator_tulis(d["a"], 2020, 2, "Dengan surel", u["bappeda"])
    assert len(mail.outbox) == 1
    m = mail.outbox[0]
    assert m.to == ["operator@contoh.invalid"] and "Catatan verifikator TW II 2020" in m.subject
    assert "Dengan surel" in m.body and "/kecamatan/36.73.03/2020/realisasi/#catatan-" in m.body


def test_riwayat_dokumen_menampilkan_waktu_lokal_bukan_stempel_mentah(client, d):
    u = d["users"]
    dokumen_ajukan(dokumen_terkini(d["a"], 2020, "lkjip"), u["operator_a"])
    client.force_login(u["camat_a"])
    isi = client.get(reverse("dokumen:halaman", args=["36.73.03", 2020, "lkjip"])).content.decode()
    assert "diajukan pada" in isi  # the history lists the submission time as a changed value
    assert "+00:00" not in isi and " WIB" in isi
