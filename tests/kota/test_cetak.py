"""The city overview as a one-page landscape PDF (WeasyPrint; marked ``sekali`` in tests/conftest.py)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from .. import factories as f

pytestmark = pytest.mark.django_db


def test_pdf_satu_halaman_lanskap_dengan_angka_tabel(client, bappeda):
    if not shutil.which("pdftotext") or not shutil.which("pdfinfo"):
        pytest.skip("poppler-utils tidak terpasang")
    kota = f.kota()
    for i in (1, 2, 3):
        f.data_renja(f.kecamatan(f"36.73.0{i}", f"Kecamatan {i}", kota), 1, awalan=f"7.0{i}")
    client.force_login(bappeda)
    r = client.get("/kota/36.73/2022/?format=pdf&urut=-serapan")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert r["Content-Disposition"].endswith('Ringkasan-2022-Kota-Serang.pdf"')
    info = subprocess.run(["pdfinfo", "-"], input=r.content, capture_output=True, check=True).stdout.decode()
    assert "Pages:           1" in info
    lebar, tinggi = (float(x) for x in info.split("Page size:")[1].split("pts")[0].split(" x "))
    assert lebar > tinggi  # landscape
    teks = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=r.content, capture_output=True, check=True
    ).stdout.decode()
    assert "Ringkasan Kinerja Kecamatan Kota Serang Tahun 2022" in teks
    assert "Jumlah 3 kecamatan" in teks
    # 6 sub kegiatan × (1.000.000 or 2.000.000) per kecamatan: 9.000.000 each, 27.000.000 for the kota
    assert "9.000.000" in teks and "27.000.000" in teks
    assert "Diurutkan menurut serapan (menurun)." in teks
