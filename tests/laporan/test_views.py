"""Report pages: scoping, formats and file names, the kecamatan/year page, and the export command."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from core.laporan import registry

pytestmark = pytest.mark.django_db

SLUGS = ["renja-2.1", "renja-2.4", "renja-rencana", "renja-evaluasi"]


def _url(slug: str, kode: str = "36.73.01", tahun: int = 2022) -> str:
    return reverse("laporan:laporan", args=[kode, tahun, slug])


def test_alamat():
    assert _url("renja-2.1") == "/kecamatan/36.73.01/2022/laporan/renja-2.1/"
    assert reverse("laporan:indeks", args=["36.73.01", 2022]) == "/kecamatan/36.73.01/2022/"


@pytest.mark.parametrize("slug", SLUGS)
def test_anonim_diarahkan_ke_login(client, data, slug):
    resp = client.get(_url(slug))
    assert resp.status_code == 302 and reverse("login") in resp["Location"]


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("format", ["", "pdf", "xlsx", "html"])
def test_operator_kecamatan_lain_mendapat_404(client, data, operator_lain, slug, format):
    client.force_login(operator_lain)
    assert client.get(_url(slug), {"format": format} if format else {}).status_code == 404
    assert client.get(reverse("laporan:indeks", args=["36.73.01", 2022])).status_code == 404


def test_kecamatan_tak_ada_dan_slug_tak_ada_404(client, data, bappeda):
    client.force_login(bappeda)
    assert client.get(_url("renja-2.1", kode="99.99.99")).status_code == 404
    assert client.get(_url("tidak-ada")).status_code == 404
    assert client.get(_url("renja-2.1", tahun=1900)).status_code == 404


@pytest.mark.parametrize("slug", SLUGS)
def test_halaman_html(client, data, operator, slug):
    client.force_login(operator)
    resp = client.get(_url(slug))
    assert resp.status_code == 200
    teks = resp.content.decode()
    assert 'class="laporan"' in teks and "<thead>" in teks
    assert 'name="format" value="pdf"' in teks and 'name="format" value="xlsx"' in teks


@pytest.mark.parametrize(
    ("format", "jenis", "awal"),
    [
        ("pdf", "application/pdf", b"%PDF"),
        ("xlsx", "application/vnd.openxmlformats", b"PK"),
        ("html", "text/html", b"<!doctype html>"),
    ],
)
def test_unduhan(client, data, operator, format, jenis, awal):
    client.force_login(operator)
    resp = client.get(_url("renja-2.1"), {"format": format})
    assert resp.status_code == 200
    assert resp["Content-Type"].startswith(jenis)
    assert (
        resp["Content-Disposition"]
        == f'attachment; filename="Renja-2022-Kecamatan-Serang-Tabel-2.1.{format}"'
    )
    assert resp.content.startswith(awal)


def test_pilihan_tidak_sah_400(client, data, operator):
    client.force_login(operator)
    assert client.get(_url("renja-2.1"), {"format": "docx"}).status_code == 400
    assert client.get(_url("renja-2.1"), {"kertas": "a3"}).status_code == 400
    assert client.get(_url("renja-evaluasi"), {"triwulan": "5"}).status_code == 400


def test_evaluasi_triwulan(client, data, operator):
    client.force_login(operator)
    resp = client.get(_url("renja-evaluasi"), {"triwulan": 2})
    assert "s/d Triwulan II" in resp.content.decode()
    resp = client.get(_url("renja-evaluasi"), {"triwulan": 2, "format": "pdf"})
    assert "sd-TW2.pdf" in resp["Content-Disposition"]


def test_halaman_kecamatan_tahun_mendaftar_semua_laporan(client, data, operator):
    client.force_login(operator)
    resp = client.get(reverse("laporan:indeks", args=["36.73.01", 2022]))
    teks = resp.content.decode()
    for lap in registry.semua():
        assert _url(lap.slug) in teks
    assert "kertas=f4" in teks


@pytest.mark.parametrize("format", ["html", "pdf", "xlsx"])
def test_perintah_menulis_byte_yang_sama_dengan_unduhan(client, data, bappeda, tmp_path, format):
    keluaran = tmp_path / f"laporan.{format}"
    call_command(
        "export_report",
        "renja-2.1",
        "--kecamatan",
        "36.73.01",
        "--tahun",
        "2022",
        "--format",
        format,
        "--output",
        str(keluaran),
    )
    client.force_login(bappeda)
    assert keluaran.read_bytes() == client.get(_url("renja-2.1"), {"format": format}).content


def test_perintah_slug_tak_dikenal(data, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="tidak dikenal"):
        call_command(
            "export_report",
            "x",
            "--kecamatan",
            "36.73.01",
            "--tahun",
            "2022",
            "--output",
            str(tmp_path / "x"),
        )
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command(
            "export_report",
            "renja-2.1",
            "--kecamatan",
            "00",
            "--tahun",
            "2022",
            "--output",
            str(tmp_path / "x"),
        )
