"""Every URL of the app, walked from the URL conf (``URL_APLIKASI``, also used by the demo-data access test),
and the Django admin being for Bappeda only. Who gets what on each URL and method — anonymous users to login,
another kecamatan's staff 404, read-only roles 403 — is the persona × URL × method table of
tests/test_matriks_akses.py."""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from .data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db

# Values for each URL parameter. Object ids need not exist: scope is checked before anything else.
NILAI = {
    "kode": "36.73.03",
    "tahun": "2020",
    "pk": "1",
    "node": "1",
    "triwulan": "1",
    "jenis": "lkjip",
    "nama": "setujui",
    "revisi": "0",
    "slug": "lkjip-rekap",
}
# Public by design (sign-in and password pages) and Django's own admin (staff only, tested separately).
TERBUKA = re.compile(r"^/(akun/|admin/)")


def _semua(patterns=None, awal: str = "") -> list[str]:
    hasil = []
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        route = awal + str(p.pattern)
        if isinstance(p, URLResolver):
            hasil += _semua(p.url_patterns, route)
        elif isinstance(p, URLPattern):
            hasil.append(route)
    return hasil


def _bangun(route: str) -> str:
    if route.startswith("^") or "(?P" in route:
        raise AssertionError(f"regex route without a recipe: {route}")

    def ganti(m: re.Match) -> str:
        nama = m.group(2)
        if nama not in NILAI:
            raise AssertionError(f"no test value for URL parameter '{nama}' in {route}: add it to NILAI")
        return NILAI[nama]

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", ganti, route)


URL_APLIKASI = [
    u for u in (_bangun(r) for r in _semua() if not r.startswith(("admin/", "akun/"))) if not TERBUKA.match(u)
]


def test_walk_menemukan_semua_url_aplikasi():
    assert "/kecamatan/36.73.03/2020/realisasi/" in URL_APLIKASI
    assert len(URL_APLIKASI) >= 15


@pytest.mark.parametrize("pengguna", ["operator_a", "camat_a", "pimpinan"])
def test_admin_hanya_untuk_bappeda(client, pengguna):
    d = dua_kecamatan()
    client.force_login(d["users"][pengguna])
    for url in ("/admin/", "/admin/renja/anggaran/", "/admin/wilayah/kecamatan/"):
        r = client.get(url)
        assert r.status_code == 302 and "/admin/login/" in r["Location"], url


def test_admin_bappeda_melihat_data_induk(client):
    d = dua_kecamatan()
    client.force_login(d["users"]["bappeda"])
    for url in (
        "/admin/",
        "/admin/renja/anggaran/",
        "/admin/wilayah/kecamatan/",
        "/admin/renja/nomenklatur/",
    ):
        assert client.get(url).status_code == 200, url
