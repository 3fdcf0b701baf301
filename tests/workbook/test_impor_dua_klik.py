"""Clicking "Impor sekarang" twice (two requests for the same pending file, or two tabs), or a pending file that
vanished between the check and the claim: the workbook is imported once, the other request joins the running
import (or is told it was imported), never a 500."""

from __future__ import annotations

import pytest
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory
from django.urls import resolve

from antrean.models import Tugas
from wilayah.akun import pengguna_simpan
from wilayah.models import Kecamatan, Peran
from workbook import tugas, views
from workbook.models import RiwayatImpor

from ..conftest import buat_xlsx
from .test_impor_dasar import WILAYAH
from .web import halaman, impor_sekarang, unggah

pytestmark = pytest.mark.django_db


@pytest.fixture
def bappeda(db):
    return pengguna_simpan("bappeda", Peran.BAPPEDA, password="sandi-uji-123")


def _pratinjau(client) -> str:
    r = unggah(client, "wilayah.xlsx", buat_xlsx({"wilayah": [WILAYAH[0], WILAYAH[1]]}))
    assert "Impor sekarang" in r.content.decode()
    return halaman(r)


def test_dua_klik_impor_serentak_hanya_satu_yang_mengimpor(client, bappeda, monkeypatch, settings):
    client.force_login(bappeda)
    pratinjau = _pratinjau(client)
    kunci_sesi = client.cookies[settings.SESSION_COOKIE_NAME].value
    asli = tugas.workbook_impor
    impor_sungguhan: list[str] = []
    klik_kedua = {}

    def impor_sambil_klik_lagi(sumber, *, dry_run=False, nama_berkas=None, **lain):
        if not dry_run:
            impor_sungguhan.append(nama_berkas)
            if not klik_kedua:
                klik_kedua["mulai"] = True
                # the second click (another tab) arrives while the first one's job is importing
                req = RequestFactory().post(pratinjau, {"aksi": "impor"})
                req.user = bappeda
                req.session = SessionStore(session_key=kunci_sesi)
                req._messages = FallbackStorage(req)
                klik_kedua["respons"] = views.periksa(req, **resolve(pratinjau).kwargs)
                klik_kedua["pesan"] = [str(m) for m in req._messages]
        return asli(sumber, dry_run=dry_run, nama_berkas=nama_berkas, **lain)

    monkeypatch.setattr(tugas, "workbook_impor", impor_sambil_klik_lagi)
    r = impor_sekarang(client, pratinjau)
    assert impor_sungguhan == ["wilayah.xlsx"]  # once, not twice
    assert "diimpor: created=1" in r.content.decode()
    # the second click joins the running import: sent to its page, told why
    impor = Tugas.objects.get(jenis=tugas.JENIS_IMPOR)
    assert klik_kedua["respons"].status_code == 302
    assert klik_kedua["respons"]["Location"] == f"/workbook/impor/hasil/{impor.pk}/"
    assert any("sudah diimpor" in p and "Tidak ada pratinjau" in p for p in klik_kedua["pesan"]), klik_kedua
    assert Kecamatan.objects.count() == 1 and RiwayatImpor.objects.count() == 1


def test_konfirmasi_kedua_setelah_selesai_tidak_mengimpor_lagi(client, bappeda):
    client.force_login(bappeda)
    pratinjau = _pratinjau(client)
    pertama = impor_sekarang(client, pratinjau)
    assert "diimpor: created=1" in pertama.content.decode()
    Kecamatan.objects.all().delete()  # were it imported again, the row would come back
    kedua = impor_sekarang(client, pratinjau)
    assert halaman(kedua) == halaman(pertama)  # shown the import that already ran
    assert "Tidak ada pratinjau yang menunggu" in kedua.content.decode()
    assert not Kecamatan.objects.exists()
    assert Tugas.objects.filter(jenis=tugas.JENIS_IMPOR).count() == 1 and RiwayatImpor.objects.count() == 1
    # the preview page no longer offers the import, and links its result
    isi = client.get(pratinjau).content.decode()
    assert "Impor sekarang" not in isi and halaman(pertama) in isi


def test_berkas_tertunda_hilang_setelah_diperiksa_tanpa_500(client, bappeda, monkeypatch):
    client.force_login(bappeda)
    client.raise_request_exception = False
    pratinjau = _pratinjau(client)
    periksa = Tugas.objects.get(jenis=tugas.JENIS_PERIKSA)
    simpanan = tugas.penyimpanan_privat()
    # another request took it between the check (the page still offers it) and the claim
    monkeypatch.setattr(views, "periksa_tertunda", lambda t, data: True)
    simpanan.delete(periksa.argumen["path"])
    r = impor_sekarang(client, pratinjau)
    assert r.status_code == 200
    assert "Tidak ada pratinjau" in r.content.decode()
    assert not Kecamatan.objects.exists()
