"""Clicking "Impor sekarang" twice (two requests for the same pending file), or a pending file that vanished
between the check and the open: the workbook is imported once, the other request gets a message, never a 500."""

from __future__ import annotations

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse

from wilayah.akun import pengguna_simpan
from wilayah.models import Kecamatan, Peran
from workbook import views

from ..conftest import buat_xlsx
from .test_impor_dasar import WILAYAH

pytestmark = pytest.mark.django_db


@pytest.fixture
def bappeda(db):
    return pengguna_simpan("bappeda", Peran.BAPPEDA, password="sandi-uji-123")


def _pratinjau(client) -> None:
    baris = [WILAYAH[0], WILAYAH[1]]
    isi = buat_xlsx({"wilayah": baris})
    r = client.post(reverse("workbook:impor"), {"berkas": SimpleUploadedFile("wilayah.xlsx", isi)})
    assert "Impor sekarang" in r.content.decode()


def test_dua_klik_impor_serentak_hanya_satu_yang_mengimpor(client, bappeda, monkeypatch, settings):
    client.force_login(bappeda)
    _pratinjau(client)
    kunci_sesi = client.cookies[settings.SESSION_COOKIE_NAME].value
    asli = views.workbook_impor
    impor_sungguhan: list[str] = []
    klik_kedua = {}

    def impor_sambil_klik_lagi(sumber, *, dry_run=False, nama_berkas=None, **lain):
        if not dry_run:
            impor_sungguhan.append(nama_berkas)
            if not klik_kedua:
                klik_kedua["mulai"] = True
                # the second click arrives while the first is importing, with the session as it was
                from django.contrib.messages.storage.fallback import FallbackStorage
                from django.contrib.sessions.backends.db import SessionStore

                req = RequestFactory().post(reverse("workbook:impor"), {"aksi": "impor"})
                req.user = bappeda
                req.session = SessionStore(session_key=kunci_sesi)
                req._messages = FallbackStorage(req)
                klik_kedua["respons"] = views.impor(req)
                klik_kedua["pesan"] = [str(m) for m in req._messages]
        return asli(sumber, dry_run=dry_run, nama_berkas=nama_berkas, **lain)

    monkeypatch.setattr(views, "workbook_impor", impor_sambil_klik_lagi)
    r = client.post(reverse("workbook:impor"), {"aksi": "impor"}, follow=True)
    assert impor_sungguhan == ["wilayah.xlsx"]  # once, not twice
    assert "diimpor: created=1" in r.content.decode()
    assert klik_kedua["respons"].status_code == 302
    assert any("sudah diimpor" in p and "Tidak ada pratinjau" in p for p in klik_kedua["pesan"]), klik_kedua
    assert Kecamatan.objects.count() == 1


def test_berkas_tertunda_hilang_setelah_diperiksa_tanpa_500(client, bappeda, monkeypatch):
    client.force_login(bappeda)
    client.raise_request_exception = False
    _pratinjau(client)
    tertunda = client.session[views.KUNCI_SESI]["path"]
    simpanan = views.penyimpanan_privat()
    simpanan.delete(tertunda)  # another request took it between the check and the open
    monkeypatch.setattr(FileSystemStorage, "exists", lambda self, name: True)
    r = client.post(reverse("workbook:impor"), {"aksi": "impor"}, follow=True)
    assert r.status_code == 200
    assert "Tidak ada pratinjau" in r.content.decode()
    assert not Kecamatan.objects.exists()
