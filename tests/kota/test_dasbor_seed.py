"""The kecamatan dashboard on the seed data: figures per kelurahan add up to the reports' totals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dokumen.dasbor import dasbor_kecamatan
from wilayah.models import Kecamatan

pytestmark = pytest.mark.django_db


def test_per_kelurahan_menjumlah_ke_angka_laporan(seed, klien):
    """Walantaka 2020: the lines per lokasi add up to the rekap's pagu and realisasi (the LKjIP's belanja
    langsung), and the page lists each kelurahan."""
    kec = Kecamatan.objects.get(kode="36.73.03")
    d = dasbor_kecamatan(kec, 2020)
    assert len(d.lokasi) > 2 and d.lokasi[0].nama.startswith("Kecamatan Walantaka")
    assert sum(lokasi.pagu or 0 for lokasi in d.lokasi) == d.pagu == Decimal(19213538636)
    assert sum(lokasi.realisasi or 0 for lokasi in d.lokasi) == d.realisasi
    html = klien("bappeda").get("/kecamatan/36.73.03/2020/").content.decode()
    assert "Per lokasi (kelurahan) tahun 2020" in html and "Kelurahan " in html
