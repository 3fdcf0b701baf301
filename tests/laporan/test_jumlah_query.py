"""Every report loads its data in a fixed number of queries, whatever the number of rows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.laporan import registry
from core.laporan.registry import Opsi
from core.laporan.render_html import render_tabel
from core.laporan.render_xlsx import render_xlsx

from .. import factories as f
from ..conftest import data_modul

pytestmark = pytest.mark.django_db

#: Queries of the busiest builder (Tabel 2.1: Renstra, Anggaran, Indikator).
MAKS_PEMBANGUN = 3
#: The page adds the session, the user, their groups and profile (scoping).
MAKS_HALAMAN = MAKS_PEMBANGUN + 6


def _kecil_besar():
    kecil = f.kecamatan("36.73.01", "Serang")
    besar = f.kecamatan("36.73.02", "Cipocok Jaya")
    n_kecil = f.data_renja(kecil, 1, awalan="7.01")
    n_besar = f.data_renja(besar, 10, awalan="7.02")
    assert n_besar == 10 * n_kecil
    return kecil, besar


@pytest.fixture(scope="module")
def kecil_besar(django_db_setup, django_db_blocker):
    """A small and a ten times larger kecamatan, built once for the module (the tests only read them)."""
    yield from data_modul(django_db_blocker, _kecil_besar)


@pytest.mark.parametrize("slug", ["renja-2.1", "renja-2.4", "renja-rencana", "renja-evaluasi"])
def test_jumlah_query_tetap(kecil_besar, slug, django_assert_max_num_queries):
    lap = registry.laporan(slug)
    hitung = []
    for kec in kecil_besar:
        with django_assert_max_num_queries(MAKS_PEMBANGUN), CaptureQueriesContext(connection) as q:
            tabel = lap.bangun(kec, 2022, Opsi(triwulan=3))
        hitung.append(len(q))
        assert len(tabel.baris) > 5
        with django_assert_max_num_queries(0):  # the renderers query nothing
            render_xlsx(lap, kec, 2022, tabel, Opsi())
            render_tabel(tabel)
    assert hitung[0] == hitung[1]


@pytest.mark.parametrize("slug", ["renja-2.1", "renja-evaluasi"])
def test_halaman_jumlah_query_tetap(client, kecil_besar, bappeda, slug, django_assert_max_num_queries):
    client.force_login(bappeda)
    hitung = []
    for kec in kecil_besar:
        url = reverse("laporan:laporan", args=[kec.kode, 2022, slug])
        with django_assert_max_num_queries(MAKS_HALAMAN), CaptureQueriesContext(connection) as q:
            assert client.get(url).status_code == 200
        hitung.append(len(q))
    assert hitung[0] == hitung[1]
