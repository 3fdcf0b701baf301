"""The job poller in a real browser (static/js/antrean.js): a running job's progress moves on the page
without a reload, then the download link appears; a failed job shows its message. No PDF is rendered here:
the job rows are changed from the test, as a worker would."""

import time

import pytest
from django.core.files.base import ContentFile
from django.db import OperationalError

from antrean.models import Tugas
from wilayah.akun import pengguna_simpan
from wilayah.models import Kecamatan, Kota, Peran

pytestmark = pytest.mark.django_db(transaction=True)


def _ubah(pk, **nilai) -> None:
    """Change the job row as a worker would. The live server's thread may be reading the same table for the
    poller at that moment; SQLite's shared in-memory test database then answers "table is locked" at once
    (no busy wait), so the write is tried again, as a real worker's would succeed after the read."""
    for _ in range(100):
        try:
            Tugas.objects.filter(pk=pk).update(**nilai)
            return
        except OperationalError:
            time.sleep(0.05)
    Tugas.objects.filter(pk=pk).update(**nilai)


def test_poller_menampilkan_kemajuan_lalu_tautan_unduh(browser, live_server):
    kota = Kota.objects.create(kode="36.73", nama="Kota Serang")
    kec = Kecamatan.objects.create(kota=kota, kode="36.73.03", nama="Walantaka")
    pengguna_simpan("camat_uji", Peran.CAMAT, kecamatan=kec, password="sandi-uji-123")
    t = Tugas.objects.create(
        kunci="uji",
        fungsi="x.y",
        judul="PDF draf uji",
        kecamatan_pk=kec.pk,
        status="berjalan",
        langkah_selesai=1,
        langkah_total=4,
        nama_berkas="uji.pdf",
    )
    konteks = browser.new_context(locale="id-ID")
    page = konteks.new_page()
    page.goto(f"{live_server.url}/akun/masuk/")
    page.fill("#id_username", "camat_uji")
    page.fill("#id_password", "sandi-uji-123")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/antrean/tugas/{t.pk}/")
    assert page.locator("[data-tugas-persen]").inner_text() == "25 %"
    assert page.locator("[data-tugas-tautan]").is_hidden()

    _ubah(t.pk, langkah_selesai=3, pesan="Menata halaman 7")
    page.wait_for_function("() => document.querySelector('[data-tugas-persen]').textContent === '75 %'")
    assert page.locator("[data-tugas-pesan]").inner_text() == "Menata halaman 7"

    t.berkas.save("uji.pdf", ContentFile(b"%PDF-1.4 uji"), save=False)
    _ubah(t.pk, status="selesai", langkah_selesai=4, berkas=t.berkas.name)
    page.wait_for_selector("[data-tugas-tautan]:not([hidden])")
    assert page.locator("[data-tugas-teks]").inner_text() == "Selesai"
    assert page.locator("[data-tugas-tautan] a").get_attribute("href") == f"/antrean/tugas/{t.pk}/unduh/"

    gagal = Tugas.objects.create(
        kunci="uji-2", fungsi="x.y", judul="PDF gagal", kecamatan_pk=kec.pk, status="antre"
    )
    page.goto(f"{live_server.url}/antrean/tugas/{gagal.pk}/")
    _ubah(gagal.pk, status="gagal", pesan="Percobaan 3 gagal: disk penuh")
    page.wait_for_function("() => document.querySelector('[data-tugas-teks]').textContent === 'Gagal'")
    assert page.locator("[data-tugas-pesan]").inner_text() == "Percobaan 3 gagal: disk penuh"
    assert page.locator("[data-tugas-tautan]").is_hidden()
    konteks.close()
