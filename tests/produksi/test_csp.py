"""Content Security Policy: no inline script anywhere in the templates, the header on every page, and in a
real browser the behaviour that moved from inline script to static/js/ (confirm dialogs, select that submits,
folding report rows, one-shot buttons) still works with no CSP violation."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command

from renja.models import BuktiDukung, TriwulanDitutup

from .lingkungan import REPO

TEMPLATES = REPO / "templates"
# The print documents are rendered to PDF by WeasyPrint and downloaded as files (Content-Disposition:
# attachment); they are never shown under the site's CSP, so they keep their inline <style>.
CETAK = {
    "laporan/cetak.html",
    "dokumen/cetak.html",
    "dokumen/_cetak_kepala.html",
    "dokumen/cetak_nomor.html",
    "kota/cetak.html",
}

SCRIPT_INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
HANDLER_INLINE = re.compile(r"""\son[a-z]+\s*=\s*["']""", re.IGNORECASE)


def templat():
    return sorted(p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.html"))


@pytest.mark.parametrize("nama", templat())
def test_templat_tanpa_script_inline_handler_atau_style_element(nama):
    teks = (TEMPLATES / nama).read_text(encoding="utf-8")
    assert not SCRIPT_INLINE.search(teks), "inline <script>: move it to static/js/"
    assert not HANDLER_INLINE.search(teks), "on*= handler: use a data- attribute wired in static/js/app.js"
    assert "javascript:" not in teks.lower()
    if nama not in CETAK:
        assert "<style" not in teks, "inline <style>: move it to static/css/"


def test_header_csp_pada_halaman(client, db):
    r = client.get("/akun/masuk/")
    assert r.status_code == 200
    arahan = dict(
        (bagian.split(" ", 1) + [""])[:2]
        for bagian in (b.strip() for b in r.headers["Content-Security-Policy"].split(";"))
    )
    assert arahan["default-src"] == "'self'"
    assert arahan["script-src"] == "'self'"
    assert arahan["style-src"] == "'self'"
    assert arahan["style-src-attr"] == "'unsafe-inline'"
    assert arahan["img-src"] == "'self' data:"
    assert arahan["object-src"] == "'none'"
    assert arahan["base-uri"] == "'self'"
    assert arahan["form-action"] == "'self'"
    assert arahan["frame-ancestors"] == "'none'"
    assert 'src="/static/js/app.js" defer' in r.content.decode()


class Halaman:
    """A browser tab signed in as one user, collecting every CSP violation Chromium reports."""

    def __init__(self, browser, live_server, username):
        self.konteks = browser.new_context(locale="id-ID")
        self.page = self.konteks.new_page()
        self.url = live_server.url
        self.pelanggaran: list[str] = []
        self.page.on(
            "console",
            lambda m: self.pelanggaran.append(m.text) if "Content Security Policy" in m.text else None,
        )
        self.page.goto(f"{self.url}/akun/masuk/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", "demo")
        self.page.click("button[type=submit]")
        self.page.wait_for_url(f"{self.url}/")

    def buka(self, path):
        self.page.goto(self.url + path)
        return self.page

    def tutup(self):
        self.konteks.close()


@pytest.mark.django_db(transaction=True)
def test_browser_perilaku_js_tetap_sama_tanpa_pelanggaran_csp(browser, live_server, settings, tmp_path):
    settings.DEBUG = True  # load_demo is for local use only
    call_command("load_demo")
    kec = "/kecamatan/36.73.03/2020"

    # operator: a report whose select sends the form; folding programs; the LKjIP appendix styled from a file
    op = Halaman(browser, live_server, "operator_walantaka")
    page = op.buka(f"{kec}/laporan/renja-evaluasi/")
    page.select_option("select[name=triwulan]", "2")
    page.wait_for_url(re.compile(r"[?&]triwulan=2"))
    assert page.locator("select[name=triwulan]").input_value() == "2"
    tombol = page.locator("button.lipat").first
    induk = tombol.locator("xpath=ancestor::tr").get_attribute("data-id")
    anak = page.locator(f'tr[data-induk="{induk}"]').first
    assert anak.is_visible()
    tombol.click()
    assert anak.is_hidden() and tombol.get_attribute("aria-expanded") == "false"
    tombol.click()
    assert anak.is_visible()
    page.click("[data-lipat-semua]")
    assert page.locator("[data-lipat-semua]").inner_text() == "Buka semua program"
    assert anak.is_hidden()

    page = op.buka(f"{kec}/laporan/lkjip-2.1/")
    lampiran = page.locator("section.lampiran-lkjip")
    assert lampiran.evaluate("el => getComputedStyle(el).fontSize") == f"{8 * 4 / 3:.4f}".rstrip("0") + "px"

    # operator: evidence file with a quote, & and brackets in its name; the confirm dialog shows it verbatim
    page = op.buka(f"{kec}/realisasi/")
    page.locator("table.grid-realisasi a[href*='/kegiatan/']").first.click()
    form = page.locator("form:has(input[name=berkas])").first
    nama = "laporan 'akhir' & <tw1>.pdf"
    form.locator("input[type=file]").set_input_files(
        {
            "name": nama,
            "mimeType": "application/pdf",
            "buffer": b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
        }
    )
    form.locator("button[type=submit]").click()
    page.wait_for_selector("text=tersimpan")
    dialog = []
    page.once("dialog", lambda d: (dialog.append(d.message), d.dismiss()))
    page.click("button.tautan-hapus")
    assert dialog == [f"Hapus {nama}?"]
    assert BuktiDukung.objects.filter(nama_asli=nama).exists()  # Batal: nothing sent
    page.once("dialog", lambda d: d.accept())
    page.click("button.tautan-hapus")
    page.wait_for_selector("text=Bukti dukung dihapus.")
    assert not BuktiDukung.objects.filter(nama_asli=nama).exists()
    op.tutup()

    # camat: closing a quarter asks first
    camat = Halaman(browser, live_server, "camat_walantaka")
    page = camat.buka(f"{kec}/realisasi/")
    dialog = []
    page.once("dialog", lambda d: (dialog.append(d.message), d.dismiss()))
    page.locator("form[data-konfirmasi] button").first.click()
    assert len(dialog) == 1 and dialog[0].startswith("Tutup TW ")
    assert dialog[0].endswith("? Setelah ditutup, realisasinya tidak dapat diubah.")
    assert not TriwulanDitutup.objects.filter(kecamatan__kode="36.73.03", tahun=2020).exists()
    page.once("dialog", lambda d: d.accept())
    page.locator("form[data-konfirmasi] button").first.click()
    page.wait_for_selector("text=ditutup; realisasinya kini hanya dapat dibaca.")
    assert TriwulanDitutup.objects.filter(kecamatan__kode="36.73.03", tahun=2020, triwulan=1).exists()
    camat.tutup()

    # Bappeda: preview then import; the one-shot button still sends its aksi=impor
    bappeda = Halaman(browser, live_server, "bappeda")
    page = bappeda.buka("/workbook/impor/")
    page.set_input_files("#berkas", str(REPO / "fixtures" / "36.73.03-kecamatan-walantaka.xlsx"))
    page.click("text=Pratinjau")
    page.wait_for_selector("text=Impor sekarang")
    page.click("text=Impor sekarang")
    page.wait_for_selector("ul.pesan >> text=diimpor:", timeout=120000)  # only for aksi=impor
    assert page.locator("text=Impor sekarang").count() == 0

    # the policy is enforced and the collector sees it: a script injected inline is refused
    with page.expect_console_message(lambda m: "Content Security Policy" in m.text):
        arahan = page.evaluate(
            """() => new Promise((selesai) => {
                document.addEventListener("securitypolicyviolation", (e) => selesai(e.effectiveDirective));
                const s = document.createElement("script");
                s.textContent = "window.__lolos = 1";
                document.head.appendChild(s);
            })"""
        )
    assert arahan == "script-src-elem" and page.evaluate("() => window.__lolos") is None
    bappeda.tutup()
    laporan = op.pelanggaran + camat.pelanggaran + bappeda.pelanggaran
    assert len(laporan) == 1 and "script-src 'self'" in laporan[0], laporan
