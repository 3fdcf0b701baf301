"""The whole flow in a real browser (Debian's Chromium driven by Playwright, headless):
operator enters a quarter's realisasi and sees the total update, submits the LKjIP; the camat approves it and
downloads the signed PDF; another kecamatan's operator gets 404.

It runs on the small two-kecamatan dataset: the approval lays out the signed LKjIP inline (no Redis in tests),
and the subject here is the browser flow; the demo's whole documents are laid out and read by
tests/dokumen/test_dokumen_lengkap.py, the signature block by tests/dokumen/test_dokumen.py."""

import re
import subprocess

import pytest
from playwright.sync_api import expect

from renja.models import Anggaran

from ..conftest import SANDI
from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db(transaction=True)


def masuk(page, live_server, username, sandi="demo"):
    """Sign in through the login form (``sandi``: the demo users' password unless given)."""
    page.goto(f"{live_server.url}/akun/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", sandi)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")


def test_operator_mengisi_mengajukan_camat_menyetujui(browser, live_server, tmp_path):
    d = dua_kecamatan()
    d["a"].nip_camat = "19700101 199001 1 001"
    d["a"].save(update_fields=["nip_camat"])
    baris = d["ang_a"]
    Anggaran.objects.filter(pk=baris.pk).update(pagu=5_000_000, realisasi=None)  # reported quarter by quarter

    konteks = browser.new_context(accept_downloads=True, locale="id-ID")
    page = konteks.new_page()
    masuk(page, live_server, "operator_a", SANDI)
    page.goto(f"{live_server.url}/kecamatan/36.73.03/2020/realisasi/")
    tr = page.locator(f'tr[data-url$="/anggaran/{baris.pk}/"]')
    tr.locator('input[name="realisasi_tw1"]').fill("1.000.000")
    tr.locator('input[name="realisasi_tw2"]').fill("250.000")
    expect(tr.locator(".jumlah")).to_have_text("1.250.000")  # updated while typing (the server's figure)
    tr.locator("button.simpan").click()
    page.wait_for_function(
        "el => el.textContent === 'Tersimpan'", arg=tr.locator(".status").element_handle(), timeout=10000
    )
    baris.refresh_from_db()
    assert baris.realisasi_tw1 == 1_000_000 and baris.realisasi == 1_250_000

    page.goto(f"{live_server.url}/kecamatan/36.73.03/2020/dokumen/lkjip/")
    page.click("text=Ajukan ke camat")
    page.wait_for_selector("text=Dokumen diajukan kepada camat.")
    konteks.close()

    konteks = browser.new_context(accept_downloads=True, locale="id-ID")
    page = konteks.new_page()
    masuk(page, live_server, "camat_a", SANDI)
    page.goto(f"{live_server.url}/kecamatan/36.73.03/2020/dokumen/lkjip/")
    page.click("text=Setujui dan tanda tangani")
    page.wait_for_selector("text=Dokumen disetujui", timeout=120000)
    respons = page.request.get(f"{live_server.url}/kecamatan/36.73.03/2020/dokumen/lkjip/pdf/")
    assert respons.status == 200 and respons.headers["content-type"] == "application/pdf"
    pdf = tmp_path / "lkjip.pdf"
    pdf.write_bytes(respons.body())
    teks = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert "CAMAT WALANTAKA" in teks and re.search(r"NIP\. \d{8} \d{6} \d \d{3}", teks)
    assert "DRAF" not in teks
    konteks.close()

    konteks = browser.new_context(locale="id-ID")
    page = konteks.new_page()
    masuk(page, live_server, "operator_b", SANDI)
    for url in ("/kecamatan/36.73.03/2020/realisasi/", "/kecamatan/36.73.03/2020/dokumen/lkjip/"):
        assert page.goto(f"{live_server.url}{url}").status == 404
    konteks.close()
