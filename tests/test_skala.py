"""Pages do not grow with the city (issue 12): the same queries with 8 kecamatan as with 2, and the realisasi
grid reads only its own kecamatan's part of the nomenklatur tree, never the national table."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core.laporan import registry
from renja.models import Nomenklatur, Tingkat
from wilayah.akun import pengguna_simpan
from wilayah.models import Peran

from . import factories as f
from .conftest import SANDI

pytestmark = pytest.mark.django_db

TAHUN = 2022
KODE = "36.73.01"


def _kecamatan(i: int):
    kec = f.kecamatan(f"36.73.{i:02d}", f"Kecamatan {i}")
    f.data_renja(kec, 1, tahun=TAHUN, awalan=f"7.{i:02d}")
    return kec


def _klien(username: str, peran: str, kec=None) -> Client:
    c = Client()
    c.force_login(pengguna_simpan(username, Peran[peran], kec, password=SANDI))
    return c


def _halaman(kec) -> list[tuple[str, Client, str]]:
    bappeda = _klien("bappeda", "BAPPEDA")
    awal = f"/kecamatan/{KODE}/{TAHUN}/"
    hasil = [
        ("beranda operator", _klien("operator", "OPERATOR", kec), "/"),
        ("beranda camat", _klien("camat", "CAMAT", kec), "/"),
        ("beranda bappeda", bappeda, "/"),
        ("beranda pimpinan", _klien("pimpinan", "PIMPINAN"), "/"),
        ("grid realisasi", _klien("operator2", "OPERATOR", kec), awal + "realisasi/"),
        ("dasbor kecamatan", bappeda, awal),
        ("ringkasan kota", bappeda, f"/kota/36.73/{TAHUN}/"),
    ]
    hasil += [(lap.slug, bappeda, f"{awal}laporan/{lap.slug}/") for lap in registry.semua()]
    return hasil


def _hitung(halaman) -> dict[str, int]:
    hasil = {}
    for nama, klien, url in halaman:
        with CaptureQueriesContext(connection) as q:
            r = klien.get(url)
        assert r.status_code == 200, (nama, r.status_code)
        hasil[nama] = len(q)
    return hasil


def test_kueri_sama_dengan_2_dan_8_kecamatan():
    """Every page that shows one kecamatan, and those that show them all (home page of Bappeda and pimpinan,
    city overview), costs the same queries whatever the number of kecamatan in the city."""
    kec = _kecamatan(1)
    _kecamatan(2)
    halaman = _halaman(kec)
    dua = _hitung(halaman)
    for i in range(3, 9):
        _kecamatan(i)
    assert _hitung(halaman) == dua


def _muat_node(fungsi) -> set[int]:
    """The pk of every Nomenklatur built from a database row while ``fungsi`` runs (directly or through
    ``select_related``: both go through ``from_db``)."""
    dimuat: set[int] = set()
    asli = Nomenklatur.from_db.__func__  # type: ignore[attr-defined]

    def catat(cls, db, field_names, values):
        obj = asli(cls, db, field_names, values)
        dimuat.add(obj.pk)
        return obj

    with mock.patch.object(Nomenklatur, "from_db", classmethod(catat)):
        fungsi()
    return dimuat


def test_grid_hanya_memuat_pohon_kecamatannya():
    """The grid's queries bring no node outside its kecamatan's tree: not another kecamatan's programs, not
    the rest of the national nomenclature."""
    kec = _kecamatan(1)
    _kecamatan(2)
    urusan = f.nomenklatur("9.01", "URUSAN LAIN", Tingkat.URUSAN)
    for i in range(1, 30):
        f.nomenklatur(f"9.01.{i:02d}", f"PROGRAM NASIONAL {i}", Tingkat.PROGRAM, urusan)
    operator = _klien("operator", "OPERATOR", kec)

    def buka():
        r = operator.get(f"/kecamatan/{KODE}/{TAHUN}/realisasi/")
        assert r.status_code == 200
        assert "PROGRAM 1" in r.content.decode()

    dimuat = _muat_node(buka)
    pohon = set(Nomenklatur.objects.filter(kode__startswith="7.01").values_list("pk", flat=True))
    assert dimuat, "the grid shows its kecamatan's nodes"
    assert dimuat <= pohon


def test_ringkasan_kota_cukup_tahun_ini():
    """The city overview reads year N only: each year-N figure is the full rekap's, although the rows of N−1
    (other programs, other indicators) are left out."""
    from lkjip.reports.rekap import rekap_hitung_banyak

    kec = [_kecamatan(1), _kecamatan(2)]
    f.data_renja(kec[0], 2, tahun=TAHUN - 1, awalan="7.51")  # programs of N−1 only
    penuh = rekap_hitung_banyak(kec, TAHUN)
    ringkas = rekap_hitung_banyak(kec, TAHUN, tahun_lalu=False)
    for k in kec:
        a, b = penuh[k.pk], ringkas[k.pk]
        assert a.pagu is not None and a.rata_capaian_k is not None
        assert (a.pagu, a.realisasi, a.serapan, a.rata_capaian_k) == (
            b.pagu,
            b.realisasi,
            b.serapan,
            b.rata_capaian_k,
        )
        assert a.kumulatif_triwulan == b.kumulatif_triwulan
        assert len(a.indikator_kosong()) == len(b.indikator_kosong())


def test_bench_skala_nomenklatur_nasional_dan_daftar_halaman():
    """``python -m bench.skala``'s pieces: a national-size nomenklatur (a tree, every node under its parent) and
    the pages it measures (every report among them)."""
    from bench import skala

    n = skala.nasional()
    nasional = Nomenklatur.objects.filter(kode__startswith="9.")
    assert n == nasional.count() > 7000
    assert nasional.filter(induk__isnull=True).count() == 6  # the urusan; every other node has its parent
    assert nasional.filter(tingkat=Tingkat.SUB_KEGIATAN, induk__tingkat=Tingkat.KEGIATAN).count() > 5000
    nama = [h[0] for h in skala.daftar_halaman()]  # the bench's one list of pages
    assert {"grid realisasi", "ringkasan kota", "beranda operator"} <= set(nama)
    assert {lap.slug for lap in registry.semua()} <= set(nama)
