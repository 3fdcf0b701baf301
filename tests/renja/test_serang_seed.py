"""Renja Tabel 2.1 of Kecamatan Serang 2022 from the seed workbook prints the seed's figures."""

from __future__ import annotations

import io
import shutil
import subprocess
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from core.angka import format_persen
from core.laporan import registry
from core.laporan.keluaran import hasilkan
from wilayah.models import Kecamatan

pytestmark = pytest.mark.django_db


@pytest.fixture
def serang(seed):
    """Serang from the seed workbooks (``seed``: tests/conftest.py)."""
    return Kecamatan.objects.select_related("kota").get(kode="36.73.01")


def test_program_pelayanan_administrasi_kelurahan_2020(serang):
    lap = registry.laporan("renja-2.1")
    tabel = lap.bangun(serang, 2022)
    prog = tabel.cari(kode="5001.04")
    assert prog.sel["rp6"] == Decimal(1812154027)
    assert prog.sel["rp7"] == Decimal(1754655303)
    assert format_persen(prog.sel["rp8"]) == "96,83"

    html = hasilkan(lap, serang, 2022, "html").isi.decode()
    for teks in ("1.812.154.027", "1.754.655.303", "96,83"):
        assert teks in html

    ws = load_workbook(io.BytesIO(hasilkan(lap, serang, 2022, "xlsx").isi)).active
    r = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "5001.04")
    nilai = [ws.cell(r, c).value for c in range(1, ws.max_column + 1)]
    assert 1812154027 in nilai and 1754655303 in nilai
    assert any(isinstance(v, float) and round(v, 2) == 96.83 for v in nilai)

    if shutil.which("pdftotext"):
        pdf = hasilkan(lap, serang, 2022, "pdf").isi
        teks = subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout
        baris = next(b for b in teks.decode().splitlines() if b.startswith("5001.04 "))
        for angka in ("1.812.154.027", "1.754.655.303", "96,83"):
            assert angka in baris
