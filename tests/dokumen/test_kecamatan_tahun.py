"""The home page's kecamatan and their years with data: scoped to the user, gap years left out, and a cost that
does not grow with the rows (issue 12: no DISTINCT over every row of the city)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dokumen.selectors import kecamatan_dengan_tahun
from renja.models import Tingkat

from .. import factories as f
from ..lkjip import factories as f_lkjip

pytestmark = pytest.mark.django_db


def test_tahun_per_kecamatan_tanpa_tahun_kosong_dan_sesuai_cakupan(kec, kec_lain, operator, bappeda):
    keg = f.nomenklatur("9.93.01.2.01", "Kegiatan", Tingkat.KEGIATAN)
    f.anggaran(kec, keg, 2020, 100)
    f.indikator(kec, keg, 2023, "Dokumen", 1)
    f.rkpd(kec_lain, keg, 2022, pagu_rancangan=5)
    f_lkjip.sasaran(kec_lain, 2019, "Sasaran", [])
    assert [(k.kode, th) for k, th in kecamatan_dengan_tahun(bappeda)] == [
        (kec.kode, [2023, 2020]),
        (kec_lain.kode, [2022, 2019]),
    ]
    assert [(k.kode, th) for k, th in kecamatan_dengan_tahun(operator)] == [(kec.kode, [2023, 2020])]


def test_tanpa_data_daftar_tahun_kosong(kec, bappeda):
    assert kecamatan_dengan_tahun(bappeda) == [(kec, [])]


def test_jumlah_kueri_tidak_tumbuh_dengan_baris(kec, bappeda):
    keg = f.nomenklatur("9.93.01.2.01", "Kegiatan", Tingkat.KEGIATAN)
    f.anggaran(kec, keg, 2020, 100)
    kecamatan_dengan_tahun(bappeda)  # the user's role is read once and kept on the user
    with CaptureQueriesContext(connection) as sedikit:
        kecamatan_dengan_tahun(bappeda)
    for i in range(40):
        f.indikator(kec, keg, 2020, f"Indikator {i}", 1)
    with CaptureQueriesContext(connection) as banyak:
        hasil = kecamatan_dengan_tahun(bappeda)
    assert len(sedikit) == len(banyak) <= 5
    assert {k.kode: th for k, th in hasil}[kec.kode] == [2020]
