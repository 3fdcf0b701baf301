"""Entry in a real browser (Chromium through Playwright): nothing typed is lost or silently overwritten."""

import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from lkjip.models import NarasiProgram
from renja.models import Anggaran

from .test_alur_browser import masuk

pytestmark = pytest.mark.django_db(transaction=True)

GRID = "/kecamatan/36.73.03/2020/realisasi/"


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo")


@pytest.fixture
def page(browser, live_server, demo):
    konteks = browser.new_context(locale="id-ID")
    halaman = konteks.new_page()
    masuk(halaman, live_server, "operator_walantaka")
    yield halaman
    konteks.close()


def _baris_kosong(pagu_min: int) -> Anggaran:
    baris = (
        Anggaran.objects.filter(kecamatan__kode="36.73.03", tahun=2020, pagu__gt=pagu_min)
        .order_by("nomenklatur__kode")
        .first()
    )
    Anggaran.objects.filter(pk=baris.pk).update(
        realisasi=None, realisasi_tw1=None, realisasi_tw2=None, realisasi_tw3=None, realisasi_tw4=None
    )
    baris.refresh_from_db()
    return baris


def test_serapan_dihitung_saat_mengetik_dan_lewat_pagu_ditandai(page, live_server):
    """While typing, the row's figures are the server's (the reports' Decimal arithmetic), before any save."""
    baris = _baris_kosong(2_000_000)
    page.goto(f"{live_server.url}{GRID}")
    tr = page.locator(f"tr#a{baris.pk}")
    tr.locator('input[name="realisasi_tw1"]').fill("1.000.000")
    serapan = (Decimal(1_000_000) / baris.pagu * 100).quantize(Decimal("0.01"))
    expect(tr.locator(".capaian")).to_have_text(f"{serapan:f}".replace(".", ",") + " %")
    expect(tr.locator(".jumlah")).to_have_text("1.000.000")
    expect(tr).not_to_have_class(re.compile(r"\blewat-pagu\b"))
    expect(tr.locator(".pesan-pagu")).to_have_text("")

    lebih = f"{int(baris.pagu) + 1:,}".replace(",", ".")
    tr.locator('input[name="realisasi_tw2"]').fill(lebih)
    expect(tr).to_have_class(re.compile(r"\blewat-pagu\b"))
    expect(tr.locator(".pesan-pagu")).to_contain_text("melebihi pagu")  # before any save
    tr.locator('input[name="realisasi_tw2"]').fill("1.5")  # ambiguous rupiah: the server's message, no total
    expect(tr.locator(".jumlah")).to_have_text("?")
    expect(tr.locator(".pesan-sel")).to_contain_text("1.5")
    tr.locator('input[name="realisasi_tw2"]').fill("")
    expect(tr.locator(".jumlah")).to_have_text("1.000.000")
    expect(tr).not_to_have_class(re.compile(r"\blewat-pagu\b"))
    expect(tr.locator(".pesan-pagu")).to_have_text("")
    expect(tr.locator(".pesan-sel")).to_have_count(0)
    baris.refresh_from_db()
    assert baris.realisasi_tw1 is None  # asking for the figures wrote nothing


def test_triwulan_atas_realisasi_setahun_ditanya_batal_tidak_mengubah_ya_menyimpan(page, live_server):
    baris = _baris_kosong(40_000_000)
    baris.realisasi = Decimal(31_750_000)  # imported as a year figure, no quarters
    baris.save()
    page.goto(f"{live_server.url}{GRID}")
    tr = page.locator(f"tr#a{baris.pk}")
    assert "setahun, tanpa rincian TW: Rp 31.750.000" in tr.inner_text()
    tr.locator('input[name="realisasi_tw3"]').fill("1.250.000")

    pertanyaan = []

    def tolak(dialog):
        pertanyaan.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", tolak)
    tr.locator("button.simpan").click()
    page.wait_for_function(
        "el => el.textContent.startsWith('Belum disimpan')",
        arg=tr.locator(".status").element_handle(),
        timeout=10000,
    )
    assert pertanyaan == [
        "Realisasi setahun 31.750.000 tercatat tanpa rincian triwulan: ganti dengan rincian triwulan?"
    ]
    baris.refresh_from_db()
    assert baris.realisasi == 31_750_000 and baris.realisasi_tw3 is None

    page.once("dialog", lambda dialog: dialog.accept())
    tr.locator("button.simpan").click()
    page.wait_for_function(
        "el => el.textContent === 'Tersimpan'", arg=tr.locator(".status").element_handle(), timeout=10000
    )
    assert "tanpa rincian TW" not in tr.inner_text()
    baris.refresh_from_db()
    assert baris.realisasi == baris.realisasi_tw3 == 1_250_000
    assert baris.history.first().history_change_reason == "Realisasi setahun diganti rincian triwulan"


def test_narasi_dua_program_tersimpan_dengan_satu_tombol(page, live_server):
    page.goto(f"{live_server.url}/kecamatan/36.73.03/2020/lkjip/narasi/")
    kolom = page.locator('#f-narasi textarea[name$="-keberhasilan"]')
    assert kolom.count() >= 2
    nama = [kolom.nth(0).get_attribute("name"), kolom.nth(1).get_attribute("name")]
    kolom.nth(0).fill("Keberhasilan program pertama")
    kolom.nth(1).fill("Keberhasilan program kedua")

    dialog = []

    def tetap_di_halaman(d):
        dialog.append(d.type)
        d.dismiss()

    page.on("dialog", tetap_di_halaman)
    page.close(run_before_unload=True)  # leaving with unsent text asks first
    page.wait_for_timeout(500)
    assert dialog == ["beforeunload"] and not page.is_closed()
    page.remove_listener("dialog", tetap_di_halaman)

    page.click("text=Simpan semua narasi")
    page.wait_for_selector("text=Narasi tahun 2020 tersimpan (2 program")
    program = [int(n.split("-")[0][1:]) for n in nama]
    tersimpan = dict(
        NarasiProgram.objects.filter(
            kecamatan__kode="36.73.03", tahun=2020, nomenklatur_id__in=program
        ).values_list("nomenklatur_id", "keberhasilan")
    )
    assert tersimpan == {
        program[0]: "Keberhasilan program pertama",
        program[1]: "Keberhasilan program kedua",
    }
    assert page.locator(f'textarea[name="{nama[0]}"]').input_value() == "Keberhasilan program pertama"
    assert page.locator(f'textarea[name="{nama[1]}"]').input_value() == "Keberhasilan program kedua"
