"""The camat approves a submitted document from his home page in a real browser (Debian's Chromium, headless),
after confirming; Admin Bappeda's home shows the city summary with Walantaka's pagu from the seed.

The approval queues the signed PDF's render (here it stays queued, as with a worker not started yet): the PDF
itself is tested in test_alur_browser.py and tests/dokumen, so this test needs no WeasyPrint render.
With ``LAYAR_BERANDA=/some/dir`` the four roles' home pages are also saved there as PNG screenshots."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from dokumen.models import Dokumen, StatusDokumen
from dokumen.selectors import dokumen_terkini
from dokumen.services import dokumen_ajukan
from kabar.models import Kabar
from wilayah.models import Kecamatan

pytestmark = pytest.mark.django_db(transaction=True)


def masuk(page, live_server, username):
    page.goto(f"{live_server.url}/akun/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")


def _layar(page, nama: str) -> None:
    folder = os.environ.get("LAYAR_BERANDA")
    if folder:
        page.screenshot(path=str(Path(folder) / f"beranda-{nama}.png"), full_page=True)


def test_camat_menyetujui_dari_beranda(browser, live_server, settings, monkeypatch):
    from antrean import services as antrean

    monkeypatch.setattr(antrean, "antrean_redis", lambda: True)
    monkeypatch.setattr(antrean, "_antrekan", lambda tugas_id: None)
    settings.DEBUG = True
    call_command("load_demo")
    from django.contrib.auth import get_user_model

    operator = get_user_model().objects.get(username="operator_walantaka")
    walantaka = Kecamatan.objects.get(kode="36.73.03")
    dokumen_ajukan(dokumen_terkini(walantaka, 2020, "lkjip"), operator)

    konteks = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    page = konteks.new_page()
    masuk(page, live_server, "camat_walantaka")
    assert page.locator("#judul-menunggu").inner_text().startswith("Menunggu keputusan Anda")
    _layar(page, "camat")
    tombol = page.get_by_role("button", name="Setujui LKjIP 2020")
    page.once("dialog", lambda d: d.dismiss())  # "Batal": nothing is sent
    tombol.click()
    page.wait_for_timeout(300)
    assert (
        Dokumen.objects.get(kecamatan=walantaka, tahun=2020, jenis="lkjip").status == StatusDokumen.DIAJUKAN
    )
    pesan = []
    page.once("dialog", lambda d: (pesan.append(d.message), d.accept()))
    tombol.click()
    page.wait_for_selector("text=Dokumen disetujui")
    assert page.url == f"{live_server.url}/" and pesan[0].startswith("Setujui dan tanda tangani LKjIP 2020?")
    assert "Tidak ada dokumen yang menunggu keputusan Anda." in page.content()
    dok = Dokumen.objects.get(kecamatan=walantaka, tahun=2020, jenis="lkjip")
    assert dok.status == StatusDokumen.DISETUJUI
    assert Kabar.objects.filter(penerima=operator, judul="LKjIP 2020 Kecamatan Walantaka disetujui").exists()
    konteks.close()

    for username, nama in (
        ("operator_walantaka", "operator"),
        ("bappeda", "bappeda"),
        ("pimpinan", "pimpinan"),
    ):
        konteks = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
        page = konteks.new_page()
        masuk(page, live_server, username)
        isi = page.content()
        if nama == "operator":
            assert "Kecamatan Walantaka — 2020" in isi
            assert page.locator(".kabar-tautan .hitungan").inner_text() == "1"  # the approval
        else:
            page.select_option("#pilih-tahun", "2020")  # sends the form: the year is chosen
            page.wait_for_url(f"{live_server.url}/?tahun=2020")
            isi = page.content()
            assert "Kota Serang — 2020" in isi and "19.213.538.636" in isi
        _layar(page, nama)
        konteks.close()
