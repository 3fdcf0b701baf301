"""Section 3.3 Akuntabilitas Keuangan of the LKjIP Walantaka 2020 (seed 002, §3.1 lines 742–763): belanja
langsung + belanja tidak langsung with the seed's totals, and the seed's narrative with the refocusing (covid)
figures when the demo narrative of that section is loaded. The whole demo LKjIP is read by
tests/dokumen/test_dokumen_lengkap.py::test_keuangan_walantaka_dalam_lkjip_utuh."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from ..conftest import REPO

sys.path.insert(0, str(REPO / "fixtures"))
from seed import walantaka

pytestmark = pytest.mark.django_db


def _teks(pdf: bytes) -> str:
    hasil = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(hasil.stdout.decode().split())  # lines joined: a sentence may wrap


def test_narasi_demo_memuat_angka_refocusing_seed():
    for angka in ("426.653.000", "254.591.114", "411.769.419"):
        assert angka in walantaka.NARASI_KEUANGAN
    # the totals are computed by the report, never retyped into the text
    for angka in ("28.846.929.951", "27.778.988.346", "860.522.113"):
        assert angka not in walantaka.NARASI_KEUANGAN


def test_btl_tidak_diketahui_tertanda_di_html_pdf_dan_xlsx():
    import io

    from openpyxl import load_workbook

    import lkjip.reports  # noqa: F401  (registers the slugs)
    from core.laporan import registry
    from core.laporan.keluaran import hasilkan
    from renja.models import Belanja

    from . import factories as f

    kec = f.kecamatan()
    f.anggaran(kec, f.kegiatan(f.program("9.01"), 1), 2020, 1000, 900, kel=f.kelurahan(kec, 1))
    Belanja.objects.create(tahun=2020, kecamatan=kec, jenis="belanja pegawai", pagu=500, realisasi=None)
    lap = registry.laporan("lkjip-keuangan")
    html = hasilkan(lap, kec, 2020, "html").isi.decode()
    assert "belum lengkap" in html and "tidak diketahui" in html
    assert "Realisasi anggaran belanja total" not in html
    if shutil.which("pdftotext"):
        teks = _teks(hasilkan(lap, kec, 2020, "pdf").isi)
        assert "belum lengkap" in teks and "Belum lengkap: realisasi belanja pegawai tidak diketahui" in teks
    ws = load_workbook(io.BytesIO(hasilkan(lap, kec, 2020, "xlsx").isi)).active
    # the realisasi totals (900 known + 1 unknown) stay numbers, marked; the pagu total 1.500 is complete
    fmt = {c.coordinate: c.number_format for r in ws.iter_rows() for c in r if c.value == 900}
    # marked on the kecamatan total only (the belanja langsung rows holding 900 are complete)
    assert sum("belum lengkap" in x for x in fmt.values()) == 1 and len(fmt) > 1, fmt
    assert [c.number_format for r in ws.iter_rows() for c in r if c.value == 1500] == ["#,##0"]
