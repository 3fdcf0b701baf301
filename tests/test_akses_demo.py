"""With the demo data and users of load_demo: who gets 200 and who gets 404.

``load_demo`` runs once for the module, on an empty database (see ``data_modul`` in tests/conftest.py).
"""

import io

import pytest
from django.core.management import call_command
from django.test import Client

from core.laporan import registry

from .conftest import data_modul
from .test_akses_url import URL_APLIKASI

pytestmark = pytest.mark.django_db

SERANG, WALANTAKA = "36.73.01", "36.73.03"


def _load_demo() -> None:
    call_command("load_demo", "--force", stdout=io.StringIO())


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    yield from data_modul(django_db_blocker, _load_demo)


def klien(username: str) -> Client:
    from django.contrib.auth import get_user_model

    c = Client()
    c.force_login(get_user_model().objects.get(username=username))
    return c


def test_operator_walantaka_hanya_walantaka(demo):
    c = klien("operator_walantaka")
    for url in ("/kecamatan/36.73.03/2020/realisasi/", "/kecamatan/36.73.03/2020/laporan/lkjip-rekap/"):
        assert c.get(url).status_code == 200, url
    serang = [u.replace(WALANTAKA, SERANG) for u in URL_APLIKASI if u.startswith(f"/kecamatan/{WALANTAKA}/")]
    assert len(serang) >= 15
    for url in serang:
        assert c.get(url).status_code == 404, url
        assert c.post(url).status_code == 404, url


@pytest.mark.parametrize("pengguna", ["bappeda", "pimpinan"])
def test_bappeda_dan_pimpinan_melihat_laporan_kedua_kecamatan(demo, pengguna):
    c = klien(pengguna)
    for kode, tahun in ((SERANG, 2022), (WALANTAKA, 2020)):
        assert c.get(f"/kecamatan/{kode}/{tahun}/").status_code == 200
        for lap in registry.semua():
            url = f"/kecamatan/{kode}/{tahun}/laporan/{lap.slug}/"
            assert c.get(url).status_code == 200, url
