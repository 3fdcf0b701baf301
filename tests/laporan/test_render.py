"""The three renderers draw the builder's figures: HTML and PDF text in Indonesian format, XLSX as numbers."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from core.laporan import registry
from core.laporan.keluaran import hasilkan
from core.laporan.registry import Opsi

from .. import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def serang(kec):
    """Program 5001.04 with 2020 figures that add up to the Serang seed's line (plan year 2022)."""
    f.nomenklatur("5001.04", "PROGRAM PELAYANAN ADMINISTRASI KELURAHAN", kelompok="NON URUSAN")
    a = f.nomenklatur("5001.04.001", "Operasional Pelayanan Kelurahan Serang")
    b = f.nomenklatur("5001.04.002", "Operasional Pelayanan Kelurahan Cipare")
    f.anggaran(kec, a, 2020, "1.000.000.000", "950.000.000")
    f.anggaran(kec, b, 2020, "812.154.027", "804.655.303")
    f.indikator(kec, a, 2020, "Terlaksana pelayanan", 0, 11, satuan="Bulan")
    return kec


def _pdf_teks(data: bytes) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) tidak terpasang")
    hasil = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True)
    return hasil.stdout.decode("utf-8")


def test_html_menampilkan_angka_indonesia(serang):
    berkas = hasilkan(registry.laporan("renja-2.1"), serang, 2022, "html")
    teks = berkas.isi.decode("utf-8")
    assert berkas.nama == "Renja-2022-Kecamatan-Serang-Tabel-2.1.html"
    assert "1.812.154.027" in teks and "1.754.655.303" in teks and "96,83" in teks
    assert "PEMERINTAH KOTA SERANG" in teks and "Jl. Ki Mas Jong No. 1" in teks
    assert 'class="draf"' in teks
    assert "(8) = (7)/(6)" in teks


def test_pdf_berisi_angka_kop_draf_dan_nomor_halaman(serang):
    berkas = hasilkan(registry.laporan("renja-2.1"), serang, 2022, "pdf")
    assert berkas.isi.startswith(b"%PDF") and berkas.nama.endswith("Tabel-2.1.pdf")
    teks = _pdf_teks(berkas.isi)
    for angka in ("1.812.154.027", "1.754.655.303", "96,83", "1.000.000.000"):
        assert angka in teks
    assert "PEMERINTAH KOTA SERANG" in teks and "KECAMATAN SERANG" in teks
    assert "Halaman 1 dari 1" in teks
    assert "DRAF" in teks


def test_pdf_kepala_tabel_berulang_di_setiap_halaman(kec):
    f.data_renja(kec, 6)
    berkas = hasilkan(registry.laporan("renja-2.1"), kec, 2022, "pdf", Opsi(kertas="f4"))
    halaman = _pdf_teks(berkas.isi).split("\f")
    halaman = [h for h in halaman if h.strip()]
    assert len(halaman) > 1
    for h in halaman:
        assert "(8) = (7)/(6)" in h  # the numbered header row is part of the repeated header
    assert f"Halaman {len(halaman)} dari {len(halaman)}" in halaman[-1]


def test_xlsx_angka_sebagai_angka_dengan_format(serang):
    berkas = hasilkan(registry.laporan("renja-2.1"), serang, 2022, "xlsx")
    wb = load_workbook(io.BytesIO(berkas.isi))
    ws = wb.active
    baris = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value}
    r = baris["5001.04"]
    kolom = {ws.cell(r0, c).value for r0 in range(1, r) for c in range(1, ws.max_column + 1)}
    assert "(8) = (7)/(6)" in kolom
    nilai = [ws.cell(r, c).value for c in range(1, ws.max_column + 1)]
    assert Decimal(1812154027) in nilai or 1812154027 in nilai
    c_rp6 = nilai.index(1812154027) + 1
    assert ws.cell(r, c_rp6).number_format == "#,##0"
    c_rp8 = c_rp6 + 3  # rp6, k7, rp7, k8, rp8
    assert isinstance(ws.cell(r, c_rp8 + 1).value, (int, float))
    assert round(ws.cell(r, c_rp8 + 1).value, 2) == 96.83
    assert ws.cell(r, c_rp8 + 1).number_format == "#,##0.00"
    # a target of 0 gives capaian "-" (text), and the target itself stays the number 0
    rk = baris["5001.04.001"]
    sel = [ws.cell(rk, c).value for c in range(1, ws.max_column + 1)]
    assert sel[8] == 0 and sel[12] == "-"
    # merged two-level header, frozen panes, print setup
    assert any(m.min_col == 5 and m.max_col == 6 for m in ws.merged_cells.ranges)
    assert ws.freeze_panes is not None and ws.freeze_panes.startswith("C")
    assert ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows
    assert ws.column_dimensions["B"].width > ws.column_dimensions["E"].width


@pytest.mark.parametrize("slug", ["renja-2.1", "renja-2.4", "renja-rencana", "renja-evaluasi"])
def test_setiap_laporan_dalam_setiap_format(data, slug):
    lap = registry.laporan(slug)
    for format in ("html", "pdf", "xlsx"):
        berkas = hasilkan(lap, data, 2022, format, Opsi(kertas="f4", triwulan=2))
        assert berkas.isi and berkas.nama.startswith("Renja-2022-Kecamatan-Serang-")


@pytest.mark.parametrize(("kertas", "mm"), [("a4", (297, 210)), ("f4", (330, 215))])
def test_pdf_ukuran_kertas_lanskap(data, kertas, mm):
    berkas = hasilkan(registry.laporan("renja-evaluasi"), data, 2022, "pdf", Opsi(kertas=kertas))
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo (poppler-utils) tidak terpasang")
    info = subprocess.run(["pdfinfo", "-"], input=berkas.isi, capture_output=True, check=True).stdout.decode()
    kotak = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert kotak is not None
    lebar, tinggi = (float(v) * 25.4 / 72 for v in kotak.groups())
    assert (round(lebar), round(tinggi)) == mm


def test_xlsx_kertas_f4(data):
    berkas = hasilkan(registry.laporan("renja-evaluasi"), data, 2022, "xlsx", Opsi(kertas="f4"))
    ws = load_workbook(io.BytesIO(berkas.isi)).active
    assert int(ws.page_setup.paperSize) == 14
