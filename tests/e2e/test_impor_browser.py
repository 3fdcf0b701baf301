"""Import in a real browser (Chromium through Playwright): re-importing an old export never undoes an entry the
operator made in the grid after the export. The preview lists old → new and the conflict (both values, one
checkbox per row); imported without ticking it, the operator's entry stays and the row is reported skipped.

The check and the import run as jobs: the browser lands on each job's progress page and follows it to the
preview, then to the outcome, when the job ends. The jobs are sent as with REDIS_URL but run by the test (the
worker), so the page is seen waiting first."""

import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from antrean import services as antrean_services
from antrean.models import Tugas
from renja.models import Anggaran
from wilayah.models import Kecamatan
from workbook.ekspor import workbook_ekspor

from .test_alur_browser import masuk

pytestmark = pytest.mark.django_db(transaction=True)

GRID = "/kecamatan/36.73.03/2020/realisasi/"


def _kerjakan_saat_halaman_menunggu(page, jalur: str) -> None:
    """The page of a queued job shows its progress; the worker runs it; the page reloads with its result."""
    page.wait_for_url(re.compile(rf"{jalur}[0-9a-f-]+/$"))
    pk = page.url.rstrip("/").rsplit("/", 1)[-1]
    assert page.locator("[data-tugas-muat-ulang] [data-tugas-teks]").inner_text() == "Antre"
    antrean_services.tugas_jalankan(pk)
    assert Tugas.objects.get(pk=pk).status == "selesai"
    page.wait_for_selector("[data-tugas-muat-ulang]", state="detached")


def test_impor_ekspor_lama_tidak_membatalkan_isian_grid_yang_lebih_baru(
    browser, live_server, settings, tmp_path, monkeypatch
):
    settings.DEBUG = True
    call_command("load_demo")
    baris = (
        Anggaran.objects.filter(kecamatan__kode="36.73.03", tahun=2020, pagu__gt=2_000_000)
        .order_by("nomenklatur__kode")
        .first()
    )
    Anggaran.objects.filter(pk=baris.pk).update(
        realisasi=None, realisasi_tw1=None, realisasi_tw2=None, realisasi_tw3=None, realisasi_tw4=None
    )
    # Bappeda exports the year (the same bytes as the page's download link)
    ekspor = tmp_path / "Workbook-2020-Walantaka.xlsx"
    ekspor.write_bytes(workbook_ekspor(Kecamatan.objects.get(kode="36.73.03"), tahun=2020))
    # ... and corrects one pagu in Excel (a real change the preview must list, old → new)
    wb = load_workbook(ekspor)
    ws = wb["anggaran"]
    kolom = {c.value: c.column for c in ws[1]}
    nomor = next(
        r for r in range(2, ws.max_row + 1) if ws.cell(r, kolom["kode"]).value != baris.nomenklatur.kode
    )
    pagu_lama = Decimal(str(ws.cell(nomor, kolom["pagu"]).value))
    ws.cell(nomor, kolom["pagu"]).value = int(pagu_lama) + 1000
    wb.save(ekspor)

    # after the export, the operator enters TW I in the grid
    operator = browser.new_context(locale="id-ID")
    halaman = operator.new_page()
    masuk(halaman, live_server, "operator_walantaka")
    halaman.goto(f"{live_server.url}{GRID}")
    tr = halaman.locator(f"tr#a{baris.pk}")
    tr.locator('input[name="realisasi_tw1"]').fill("1.000.000")
    tr.locator("button.simpan").click()
    halaman.wait_for_function(
        "el => el.textContent === 'Tersimpan'", arg=tr.locator(".status").element_handle(), timeout=10000
    )
    operator.close()
    baris.refresh_from_db()
    assert baris.realisasi_tw1 == Decimal(1_000_000)

    # Bappeda uploads the old export: the preview shows the conflict with both values, unticked
    bappeda = browser.new_context(locale="id-ID")
    page = bappeda.new_page()
    masuk(page, live_server, "bappeda")
    page.goto(f"{live_server.url}/workbook/impor/")
    page.set_input_files("#berkas", str(ekspor))
    monkeypatch.setattr(antrean_services, "antrean_redis", lambda: True)  # sent, left queued for the test
    monkeypatch.setattr(antrean_services, "_antrekan", lambda tugas_id: None)
    page.click("text=Pratinjau")
    _kerjakan_saat_halaman_menunggu(page, "/workbook/impor/periksa/")
    page.wait_for_selector("text=Impor sekarang")
    konflik = page.locator("#konflik tbody tr", has_text="realisasi_tw1")
    assert konflik.count() == 1
    sel = [c.strip() for c in konflik.locator("td").all_inner_texts()]
    assert sel[-3:] == ["realisasi_tw1", "1.000.000", "kosong"]  # column, in the application, in the workbook
    kotak = page.locator('#konflik input[name="timpa_baris"]')  # one per conflicting row
    assert kotak.count() == 1
    assert kotak.get_attribute("value").startswith("anggaran:") and not kotak.is_checked()
    assert "dilewati" in page.inner_text("body")
    lama, baru = (f"{int(v):,}".replace(",", ".") for v in (pagu_lama, pagu_lama + 1000))
    assert page.locator("text=Perubahan di sheet anggaran").count() == 1
    ubah = [
        c.strip()
        for c in page.locator(f"tr:has(td:text-is('{nomor}'))", has_text="pagu")
        .first.locator("td")
        .all_inner_texts()
    ]
    assert ubah == [str(nomor), "pagu", lama, baru]

    page.click("text=Impor sekarang")
    _kerjakan_saat_halaman_menunggu(page, "/workbook/impor/hasil/")
    page.wait_for_selector("text=diimpor")
    assert page.locator("a", has_text="riwayat impor").count() == 1
    assert "isi aplikasi dipertahankan" in page.inner_text("body")
    baris.refresh_from_db()
    assert baris.realisasi_tw1 == Decimal(1_000_000)  # the operator's newer entry is kept
    assert baris.history.first().history_user.username == "operator_walantaka"
    assert Anggaran.objects.filter(kecamatan__kode="36.73.03", tahun=2020, pagu=pagu_lama + 1000).exists()
    bappeda.close()
