"""Every LKjIP report loads its data in a constant number of queries: the same bound for a small dataset and a
ten times larger one."""

from __future__ import annotations

import pytest

from lkjip.reports import LAPORAN_LKJIP
from wilayah.models import Kecamatan

from ..conftest import data_modul
from . import factories as f

pytestmark = pytest.mark.django_db

#: Upper bound per report (the builders use 1–4 queries; +1 for the kecamatan's kota when not loaded). The rekap's
#: computation: anggaran, indikator, the nodes they use (with ancestors) and narasi.
BATAS = {
    "lkjip-1.1": 1,
    "lkjip-1.2": 1,
    "lkjip-1.3": 1,
    "lkjip-2.1": 2,
    "lkjip-2.2": 2,
    "lkjip-3.1": 2,
    "lkjip-rekap": 4,
    "lkjip-keuangan": 3,
    "lkjip-2.3": 4,
    "lkjip-3.2": 4,
    "lkjip-3.4": 4,
}


def _dataset() -> dict[int, str]:
    return {1: f.dataset(1, "36.73.07").kode, 10: f.dataset(10, "36.73.08").kode}


@pytest.fixture(scope="module")
def dataset(django_db_setup, django_db_blocker):
    """{1: kode of a small kecamatan, 10: kode of one ten times larger}, built once for the module."""
    yield from data_modul(django_db_blocker, _dataset)


@pytest.mark.parametrize("lap", LAPORAN_LKJIP, ids=lambda lap: lap.slug)
@pytest.mark.parametrize("kali", [1, 10])
def test_query_count_does_not_grow_with_data(dataset, lap, kali, django_assert_max_num_queries):
    kec = Kecamatan.objects.select_related("kota").get(kode=dataset[kali])
    with django_assert_max_num_queries(BATAS[lap.slug]):
        tabel = lap.bangun(kec, 2020)
    assert len(tabel.baris) > 1


def test_dataset_grows_tenfold(dataset):
    k = Kecamatan.objects.select_related("kota")
    rekap = next(lap for lap in LAPORAN_LKJIP if lap.slug == "lkjip-rekap")
    n_kecil = len(rekap.bangun(k.get(kode=dataset[1]), 2020).baris)
    n_besar = len(rekap.bangun(k.get(kode=dataset[10]), 2020).baris)
    assert n_besar > 7 * n_kecil  # fixed kelompok/OPD rows aside, ten times the rows
