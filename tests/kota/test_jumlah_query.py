"""The city overview costs the same number of queries for 2 kecamatan as for 6."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dokumen.kota import ringkasan_kota, tabel_kota
from wilayah.models import Kecamatan

from .. import factories as f
from ..conftest import data_modul

pytestmark = pytest.mark.django_db

#: rekap (anggaran, indikator, their nodes, narasi), catatan verifikator, dokumen
MAKS_RINGKASAN = 6
#: the page adds the session, the user, their groups, the kota and the kecamatan list
MAKS_HALAMAN = MAKS_RINGKASAN + 6


def _enam():
    kota = f.kota()
    for i in range(1, 7):
        f.data_renja(f.kecamatan(f"36.73.0{i}", f"Kecamatan {i}", kota), 1, awalan=f"7.0{i}")
    return kota


@pytest.fixture(scope="module")
def kota(django_db_setup, django_db_blocker):
    yield from data_modul(django_db_blocker, _enam)


def test_jumlah_query_tetap_2_dan_6_kecamatan(kota, django_assert_max_num_queries):
    semua = list(Kecamatan.objects.filter(kota=kota).order_by("kode"))
    hitung = []
    for daftar in (semua[:2], semua):
        with django_assert_max_num_queries(MAKS_RINGKASAN), CaptureQueriesContext(connection) as q:
            r = ringkasan_kota(kota, 2022, daftar)
        hitung.append(len(q))
        assert len(r.baris) == len(daftar) and all(b.pagu for b in r.baris)
        with django_assert_max_num_queries(0):
            tabel_kota(r)
    assert hitung[0] == hitung[1]


def test_halaman_jumlah_query_tetap(client, kota, bappeda, django_assert_max_num_queries):
    client.force_login(bappeda)
    hitung = []
    for n in (2, 6):
        Kecamatan.objects.filter(kota=kota, kode__gt=f"36.73.0{n}").update(kota=f.kota("36.74", "Kota Lain"))
        with CaptureQueriesContext(connection) as q, django_assert_max_num_queries(MAKS_HALAMAN):
            r = client.get("/kota/36.73/2022/")
        assert r.status_code == 200
        assert r.content.decode().count('class="b-kegiatan"') == n
        hitung.append(len(q))
        Kecamatan.objects.update(kota=kota)
    assert hitung[0] == hitung[1]
