"""The city overview /kota/<kode>/<tahun>/ on the seed (Kecamatan Serang and Walantaka of Kota Serang)."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from core.capaian import jumlah, rata_rata
from core.laporan import registry
from dokumen.kota import ringkasan_kota, tabel_kota
from wilayah.models import Kecamatan, Kota

pytestmark = pytest.mark.django_db
URL = "/kota/36.73/2020/"


@pytest.mark.parametrize("persona", ["bappeda", "pimpinan"])
def test_bappeda_dan_pimpinan_melihat_ringkasan_walantaka(seed, klien, persona):
    r = klien(persona).get(URL)
    assert r.status_code == 200
    html = r.content.decode()
    assert "19.213.538.636" in html  # Walantaka 2020: belanja langsung
    assert "Walantaka" in html and "Serang" in html
    assert "<svg" in html and "Peringkat serapan anggaran" in html
    assert "Realisasi kumulatif" in html


@pytest.mark.parametrize("persona", ["operator", "camat", "operator_lain", "camat_lain"])
def test_operator_dan_camat_404(seed, klien, persona):
    c = klien(persona)
    assert c.get(URL).status_code == 404
    assert c.get(URL + "?format=xlsx").status_code == 404


def test_anonim_ke_halaman_masuk(seed, klien):
    r = klien("anonim").get(URL)
    assert r.status_code == 302 and r["Location"].startswith("/akun/masuk/")


def test_kota_tak_dikenal_dan_tahun_di_luar_batas_404(seed, klien):
    c = klien("bappeda")
    assert c.get("/kota/99.99/2020/").status_code == 404
    assert c.get("/kota/36.73/1999/").status_code == 404


def test_total_kota_sama_dengan_jumlah_laporan_kecamatan(seed):
    """Every figure of the overview is the one each kecamatan's LKjIP rekap prints; the kota total is their sum."""
    kota = Kota.objects.get(kode="36.73")
    kecamatan = list(Kecamatan.objects.filter(kota=kota).select_related("kota"))
    r = ringkasan_kota(kota, 2020, kecamatan)
    rekap = registry.laporan("lkjip-rekap")
    pagu, realisasi, capaian = [], [], []
    for kec in kecamatan:
        tabel = rekap.bangun(kec, 2020)
        total = tabel.cari(uraian="Jumlah anggaran dan realisasi seluruh program")
        rata = tabel.cari(uraian="Total rata-rata kinerja dan anggaran dari seluruh program OPD")
        baris = next(b for b in r.baris if b.kecamatan == kec)
        assert (baris.pagu, baris.realisasi) == (total.get("rp_t1"), total.get("rp_r1"))
        assert baris.serapan == total.get("rp_c1")
        assert baris.capaian == rata.get("k_c1")
        pagu.append(total.get("rp_t1"))
        realisasi.append(total.get("rp_r1"))
        capaian.append(rata.get("k_c1"))
    assert r.pagu == jumlah(pagu) and r.realisasi == jumlah(realisasi)
    assert r.capaian == rata_rata(capaian)
    walantaka = next(b for b in r.baris if b.kecamatan.kode == "36.73.03")
    assert walantaka.pagu == Decimal(19213538636)
    # the same belanja langsung as the Akuntabilitas Keuangan table
    keuangan = registry.laporan("lkjip-keuangan").bangun(walantaka.kecamatan, 2020)
    bl = keuangan.cari(unit="Jumlah belanja langsung")
    assert walantaka.pagu == bl.get("p_jumlah") and walantaka.realisasi == bl.get("r_jumlah")
    # the cumulative realisasi reaches the year's realisasi at TW IV
    assert walantaka.kumulatif[3] == walantaka.realisasi
    # the total row of the table is the sum
    total = tabel_kota(r).cari(uraian="Jumlah 2 kecamatan")
    assert total.get("pagu") == jumlah(pagu)


def test_urut_menurut_kolom_dan_urutan_salah_400(seed, klien):
    c = klien("bappeda")
    kota = Kota.objects.get(kode="36.73")
    r = ringkasan_kota(kota, 2020, list(Kecamatan.objects.filter(kota=kota)), "-pagu")
    assert [b.pagu for b in r.baris] == sorted((b.pagu for b in r.baris), reverse=True)
    html = c.get(URL + "?urut=-pagu").content.decode()
    pertama = r.baris[0].kecamatan.nama
    kedua = r.baris[1].kecamatan.nama
    badan = html[html.index("<tbody>") :]
    assert badan.index(f">{pertama}</a>") < badan.index(f">{kedua}</a>")
    assert 'href="?urut=pagu"' in html  # the sorted column links to the other direction
    salah = c.get(URL + "?urut=hapus")
    assert salah.status_code == 400
    assert "Urutan tidak dikenal" in salah.content.decode()
    assert c.get(URL + "?format=docx").status_code == 400


def test_xlsx_angka_tetap_angka_teks_tetap_teks(seed, klien):
    Kecamatan.objects.filter(kode="36.73.01").update(nama="=HYPERLINK(1)")
    r = klien("pimpinan").get(URL + "?format=xlsx")
    assert r.status_code == 200
    assert "Ringkasan-2020" in r["Content-Disposition"]
    ws = load_workbook(io.BytesIO(r.content)).active
    baris = {ws.cell(i, 2).value: i for i in range(1, ws.max_row + 1)}
    w = baris["Walantaka"]
    assert ws.cell(w, 3).value == 19213538636 and ws.cell(w, 3).data_type == "n"
    assert ws.cell(w, 3).number_format == "#,##0"
    assert isinstance(ws.cell(w, 5).value, float | int)  # serapan: a number with a % format
    s = baris["=HYPERLINK(1)"]
    assert ws.cell(s, 2).data_type == "s"  # user text never a formula
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate


def test_tidak_menulis_pada_get(seed, klien):
    from renja.models import Anggaran

    n = Anggaran.objects.count()
    klien("bappeda").get(URL)
    assert Anggaran.objects.count() == n
