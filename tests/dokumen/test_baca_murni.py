"""A GET never writes: opening a document (page, PDF) or the kecamatan/year page creates no Dokumen row and no
audit row, for any persona; the row appears only with the first POST that needs it. Years outside 2000–2100
are 404 on every kecamatan/year URL, before anything touches the database."""

from __future__ import annotations

from unittest import mock

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.urls import reverse

from dokumen.models import BagianNarasi, Dokumen, StatusDokumen
from dokumen.services import dokumen_ajukan, dokumen_terkini

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db

PERSONA_A = ["operator_a", "camat_a", "bappeda", "pimpinan"]


@pytest.fixture
def d():
    return dua_kecamatan()


@pytest.fixture
def pdf_cepat():
    with (
        mock.patch("weasyprint.HTML.write_pdf", return_value=b"%PDF-1.4 uji"),
        mock.patch("dokumen.pdf.dokumen_pdf", return_value=b"%PDF-1.4 uji"),
    ):
        yield


def _jumlah_baris() -> dict[str, int]:
    return {
        m._meta.label: m.objects.count() for m in apps.get_models() if m is not Session and m._meta.managed
    }


def _url(pola: str, jenis: str = "lkjip", tahun: int = 2020, **kw) -> str:
    if pola.startswith("laporan:"):
        return reverse(pola, kwargs={"kode": "36.73.03", "tahun": tahun, **kw})
    return reverse(pola, kwargs={"kode": "36.73.03", "tahun": tahun, "jenis": jenis, **kw})


@pytest.mark.parametrize("persona", PERSONA_A)
def test_get_halaman_dan_pdf_dokumen_tidak_membuat_baris_apa_pun(client, d, pdf_cepat, persona):
    client.force_login(d["users"][persona])
    sebelum = _jumlah_baris()
    for jenis in ("renja", "lkjip"):
        for nama in ("dokumen:halaman", "dokumen:pdf", "dokumen:riwayat"):
            r = client.get(_url(nama, jenis))
            assert r.status_code == 200, (nama, jenis, r.status_code)
    assert client.get(_url("laporan:indeks")).status_code == 200
    assert _jumlah_baris() == sebelum
    assert not Dokumen.objects.exists() and not Dokumen.history.exists()


def test_halaman_dokumen_baru_tampil_sebagai_draf_yang_belum_tersimpan(client, d):
    client.force_login(d["users"]["operator_a"])
    isi = client.get(_url("dokumen:halaman")).content.decode()
    assert "Draf" in isi and "Ajukan ke camat" in isi
    dok = dokumen_terkini(d["a"], 2020, "lkjip")
    assert dok.pk is None and dok.status == StatusDokumen.DRAF and dok.revisi == 0


def test_baris_dokumen_dibuat_oleh_post_narasi_atau_ajukan(client, d):
    client.force_login(d["users"]["operator_a"])
    r = client.post(_url("dokumen:narasi", "renja"), {"narasi:bab1.latar_belakang": "Latar belakang."})
    assert r.status_code == 302
    assert Dokumen.objects.filter(jenis="renja").count() == 1 and BagianNarasi.objects.count() == 1
    r = client.post(_url("dokumen:aksi", "lkjip", nama="ajukan"))
    assert r.status_code == 302
    assert Dokumen.objects.get(jenis="lkjip").status == StatusDokumen.DIAJUKAN


def test_aksi_selain_ajukan_pada_dokumen_yang_belum_ada_tidak_membuat_baris(client, d):
    client.force_login(d["users"]["camat_a"])
    for nama, data in (("setujui", {}), ("kembalikan", {"catatan": "x"})):
        assert client.post(_url("dokumen:aksi", nama=nama), data).status_code == 302
    client.force_login(d["users"]["bappeda"])
    assert client.post(_url("dokumen:aksi", nama="revisi")).status_code == 302
    assert not Dokumen.objects.exists() and not Dokumen.history.exists()


def test_layanan_ajukan_menyimpan_draf_yang_belum_ada(d):
    dok = dokumen_ajukan(dokumen_terkini(d["a"], 2020, "renja"), d["users"]["operator_a"])
    assert dok.pk is not None and dok.status == StatusDokumen.DIAJUKAN and dok.revisi == 0


@pytest.mark.parametrize("tahun", [1999, 2101, 32767, 40000, 99999999])
@pytest.mark.parametrize(
    "nama, kw",
    [
        ("dokumen:halaman", {"jenis": "lkjip"}),
        ("dokumen:pdf", {"jenis": "renja"}),
        ("dokumen:riwayat", {"jenis": "renja"}),
        ("laporan:indeks", {}),
        ("laporan:laporan", {"slug": "lkjip-rekap"}),
        ("renja:realisasi", {}),
        ("lkjip:narasi", {}),
        ("workbook:ekspor", {}),
    ],
)
def test_tahun_di_luar_2000_2100_404_dengan_pesan_indonesia(client, d, tahun, nama, kw):
    client.force_login(d["users"]["pimpinan"])
    sebelum = _jumlah_baris()
    r = client.get(reverse(nama, kwargs={"kode": "36.73.03", "tahun": tahun, **kw}))
    assert r.status_code == 404
    assert f"Tahun {tahun} tidak ditemukan" in r.content.decode()
    assert _jumlah_baris() == sebelum


def test_tahun_di_luar_batas_pada_post_404_tanpa_menulis(client, d):
    client.force_login(d["users"]["operator_a"])
    r = client.post(_url("dokumen:aksi", tahun=40000, nama="ajukan"))
    assert r.status_code == 404 and not Dokumen.objects.exists()
