"""The realisasi grid's spreadsheet habits and its phone view, in a real browser (Chromium through Playwright):
a column pasted from Excel fills the rows below and is saved, Enter moves down and saves the row it leaves,
and on a phone one triwulan's input sits next to the kegiatan name and saves."""

from decimal import Decimal

import pytest

from renja.models import Anggaran, Indikator, Nomenklatur

from ..conftest import SANDI
from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db(transaction=True)

GRID = "/kecamatan/36.73.03/2020/realisasi/"


@pytest.fixture
def data():
    """Small data built in code (no demo load: these tests stay a few seconds): one program of three kegiatan,
    each with one anggaran line and one indicator, so anggaran and indicator rows alternate as in the seeds."""
    d = dua_kecamatan()
    baris = [d["ang_a"]]
    for n in (44, 45):
        node = Nomenklatur.objects.create(
            kode=f"5001.500105.04.0{n}", tingkat="kegiatan", uraian=f"Kegiatan uji {n}", induk=d["program"]
        )
        baris.append(
            Anggaran.objects.create(
                tahun=2020, kecamatan=d["a"], nomenklatur=node, kelurahan=d["kel"], pagu=Decimal(5_000_000)
            )
        )
        Indikator.objects.create(
            tahun=2020, kecamatan=d["a"], nomenklatur=node, uraian=f"Indikator {n}", satuan="Kali", target="4"
        )
    Anggaran.objects.filter(pk=d["ang_a"].pk).update(pagu=Decimal(5_000_000))
    d["baris"] = baris
    # another program with a line over its pagu (imported as a year figure): the page lists it to jump to
    program = Nomenklatur.objects.create(kode="5001.05", tingkat="program", uraian="PROGRAM KETENTERAMAN")
    node = Nomenklatur.objects.create(
        kode="5001.500105.05.001", tingkat="kegiatan", uraian="Patroli Malam", induk=program
    )
    d["lewat"] = Anggaran.objects.create(
        tahun=2020, kecamatan=d["a"], nomenklatur=node, pagu=Decimal(100), realisasi=Decimal(150)
    )
    return d


def _masuk(browser, live_server, **opsi):
    konteks = browser.new_context(locale="id-ID", **opsi)
    page = konteks.new_page()
    page.goto(f"{live_server.url}/akun/masuk/")
    page.fill("#id_username", "operator_a")
    page.fill("#id_password", SANDI)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    return konteks, page


def _tunggu_tersimpan(page, tr):
    page.wait_for_function(
        "el => el.textContent === 'Tersimpan'", arg=tr.locator(".status").element_handle(), timeout=10000
    )


def test_tempel_satu_kolom_mengisi_tiga_baris_dan_enter_pindah_ke_bawah(browser, live_server, data):
    program, baris = data["program"].kode, data["baris"]
    konteks, page = _masuk(browser, live_server, viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}{GRID}")
    tw = page.locator("table.grid-realisasi").get_attribute("data-tw-bawaan")  # the first open triwulan
    kolom = f"realisasi_tw{tw}"

    # a warning names a row: the link opens its folded program and clears a search that hid it
    page.click("[data-lipat-semua]")
    page.fill("#cari-grid", "uji 45")
    lewat = page.locator(f"tr#a{data['lewat'].pk}")
    assert lewat.is_hidden()
    page.click(f".peringatan a[href='#a{data['lewat'].pk}']")
    assert lewat.is_visible() and "sorot" in lewat.get_attribute("class")
    assert lewat.locator(f"input[name=realisasi_tw{tw}]").evaluate("el => el === document.activeElement")
    assert page.locator("#cari-grid").input_value() == ""
    page.click("[data-lipat-semua]")  # Buka semua program

    anggaran = page.locator("table.grid-realisasi tr.baris-anggaran:visible")
    page.fill("#cari-grid", "uji 45")  # search by name, then by code: only that kegiatan's rows stay
    assert anggaran.count() == 1 and anggaran.get_attribute("id") == f"a{baris[2].pk}"
    page.fill("#cari-grid", "5001.500105.04.044")
    assert anggaran.count() == 1 and anggaran.get_attribute("id") == f"a{baris[1].pk}"
    page.fill("#cari-grid", program)  # the program's code keeps all its kegiatan
    assert anggaran.count() == 3 and lewat.is_hidden()

    pertama = page.locator(f"#a{baris[0].pk} input[name={kolom}]")
    pertama.focus()
    # a column of three cells copied from Excel (lines end with CRLF) fills three anggaran lines, not one cell;
    # the indicator rows between them are passed over
    pertama.evaluate(
        """(el, teks) => { const dt = new DataTransfer(); dt.setData("text/plain", teks);
             el.dispatchEvent(new ClipboardEvent("paste", {clipboardData: dt, bubbles: true, cancelable: true})); }""",
        "1.000.000\r\n2.500.000\r\n750.000\r\n",
    )
    nilai = ["1.000.000", "2.500.000", "750.000"]
    for b, v in zip(baris, nilai, strict=True):
        assert page.locator(f"#a{b.pk} input[name={kolom}]").input_value() == v
    tombol = page.locator("button.simpan-semua")
    assert tombol.inner_text() == "Simpan semua (3 baris)"
    tombol.click()
    page.wait_for_selector(".status-grid.ok")
    assert page.locator(".status-grid").inner_text() == "3 baris tersimpan."
    assert tombol.inner_text() == "Simpan semua (0 baris)" and tombol.is_disabled()
    for b, v in zip(baris, [1_000_000, 2_500_000, 750_000], strict=True):
        b.refresh_from_db()
        assert getattr(b, kolom) == Decimal(v) and b.realisasi == Decimal(v)

    # typing into a filled cell replaces it; Enter moves down and the row left behind is saved
    aktif_di = "el => document.activeElement.closest('tr') === el"
    pertama.click()
    page.keyboard.type("1.100.000")
    assert pertama.input_value() == "1.100.000"
    page.keyboard.press("Enter")
    bawah = page.locator(f"tr#a{baris[0].pk} + tr")  # the next row down, whatever its kind
    assert bawah.evaluate(aktif_di)
    assert page.evaluate("document.activeElement.name") == kolom
    _tunggu_tersimpan(page, page.locator(f"tr#a{baris[0].pk}"))
    baris[0].refresh_from_db()
    assert getattr(baris[0], kolom) == Decimal(1_100_000)
    page.keyboard.press("ArrowDown")
    assert page.locator(f"tr#a{baris[0].pk} + tr + tr").evaluate(aktif_di)
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert pertama.evaluate("el => el === document.activeElement")

    # an error sits under its own cell and looks unlike a success
    page.keyboard.type("1.5")
    page.keyboard.press("ArrowDown")
    pesan = page.locator(f"#a{baris[0].pk} td.tw{tw} .pesan-sel")
    pesan.wait_for(timeout=10000)
    assert "1.5" in pesan.inner_text()
    assert page.locator(f"tr#a{baris[0].pk} .status").get_attribute("class") == "status galat"
    assert getattr(Anggaran.objects.get(pk=baris[0].pk), kolom) == Decimal(1_100_000)
    konteks.close()


def test_hp_satu_triwulan_disimpan(browser, live_server, data):
    baris = data["baris"][1]
    konteks, page = _masuk(
        browser, live_server, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page.goto(f"{live_server.url}{GRID}?q={baris.nomenklatur.kode}")
    tabel = page.locator("table.grid-realisasi")
    tw = tabel.get_attribute("data-tw-bawaan")
    assert tabel.get_attribute("data-tw") == tw  # a phone shows one triwulan
    tr = page.locator(f"tr#a{baris.pk}")
    terlihat = tr.locator("input:visible")
    assert terlihat.count() == 1 and terlihat.get_attribute("name") == f"realisasi_tw{tw}"
    assert terlihat.get_attribute("inputmode") == "decimal"
    kotak, nama = terlihat.bounding_box(), tr.locator("td.k-nama").bounding_box()
    assert kotak["height"] >= 44 and abs(kotak["y"] - nama["y"]) < 30  # beside the kegiatan name
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing to scroll sideways
    assert tr.locator("button.simpan").is_hidden()  # leaving the row saves; its button shows once changed

    terlihat.tap()
    page.keyboard.type("1.250.000")
    tombol = tr.locator("button.simpan").bounding_box()
    assert tombol["height"] >= 44 and tombol["width"] >= 44
    semua = page.locator("button.simpan-semua").bounding_box()
    assert semua["height"] >= 44 and semua["y"] + semua["height"] <= 844  # always in reach at the bottom
    tr.locator("button.simpan").tap()
    _tunggu_tersimpan(page, tr)
    baris.refresh_from_db()
    assert getattr(baris, f"realisasi_tw{tw}") == Decimal(1_250_000)
    konteks.close()
