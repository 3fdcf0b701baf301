"""The whole LKjIP (Walantaka 2020, from the seed): figures and tables numbered per chapter as the seed does
(Gambar 3.1, Tabel 3.2), and a chapter that opens with a landscape table does not leave its opening alone
on an almost empty page."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from dokumen.pdf import dokumen_pdf
from wilayah.models import Kecamatan

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def halaman(seed, django_db_blocker) -> list[str]:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) tidak terpasang")
    with django_db_blocker.unblock():
        kec = Kecamatan.objects.select_related("kota").get(kode="36.73.03")
        pdf = dokumen_pdf(kec, 2020, "lkjip")
    teks = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout
    return teks.decode().split("\f")


def test_gambar_bernomor_per_bab_tanpa_berulang(halaman):
    gambar = [m for h in halaman for m in re.findall(r"^\s*Gambar (\S+)", h, re.MULTILINE)]
    assert len(gambar) >= 3
    assert len(set(gambar)) == len(gambar), gambar  # "Gambar 1" printed three times before
    assert all(re.fullmatch(r"\d+\.\d+", g) for g in gambar), gambar
    bab3 = [g for g in gambar if g.startswith("3.")]
    assert bab3 == [f"3.{i}" for i in range(1, len(bab3) + 1)]


def test_tabel_bernomor_per_bab(halaman):
    judul = [m for h in halaman for m in re.findall(r"^\s*(Tabel \d+\.\d+) ", h, re.MULTILINE)]
    assert judul[:6] == ["Tabel 1.1", "Tabel 1.2", "Tabel 1.3", "Tabel 2.1", "Tabel 2.2", "Tabel 2.3"]
    assert [f"Tabel 3.{i}" for i in range(1, 6)] == [j for j in judul if j.startswith("Tabel 3.")]
    teks = "\n".join(halaman)
    # the seed's list of tables: 2.3 Rincian Program dan Kegiatan, 3.2 Pengukuran Capaian Kinerja,
    # 3.3 Laporan Rekapitulasi Kemajuan Pelaksanaan Kegiatan, 3.4 Perbandingan Realisasi dan Capaian Kinerja
    assert "Tabel 2.3 Rincian Program dan Kegiatan" in teks
    assert "Tabel 3.2 Pengukuran Capaian Kinerja" in teks
    assert "Tabel 3.3 Laporan Rekapitulasi Kemajuan Pelaksanaan Kegiatan" in teks
    assert "Tabel 3.4 Perbandingan Realisasi dan Capaian Kinerja" in teks
    assert "Tabel 3.5 Akuntabilitas Keuangan" in teks


def test_pembuka_bab_tidak_sendirian_sebelum_tabel_lanskap(halaman):
    """BAB III opens straight into the landscape Tabel 3.1: heading and table share the page."""
    buka = [h for h in halaman if re.search(r"^\s*BAB III\s*$", h, re.MULTILINE)]
    assert buka, "BAB III tidak ditemukan"
    assert "AKUNTABILITAS KINERJA" in buka[0] and "Tabel 3.1 Pengukuran Sasaran Strategis" in buka[0]


def test_bab_1_memuat_struktur_organisasi_dan_tabel_sdm(halaman):
    """BAB I 1.3 as the seed: Tabel 1.1, the staff list Tabel 1.2 with Gambar 1.1 Struktur Organisasi drawn
    from it, and Tabel 1.3 computed from it."""
    teks = "\n".join(halaman)
    urutan = [
        "Tabel 1.1 Data Kelurahan",
        "Tabel 1.2 Daftar Klasifikasi PNS Kecamatan Walantaka",
        "Gambar 1.1",
        "STRUKTUR ORGANISASI KECAMATAN WALANTAKA",
        "Tabel 1.3 Kondisi SDM Aparatur berdasarkan Pendidikan, Pangkat dan Eselon",
        "BAB II",
    ]
    mulai = teks.find("Tabel 1.1 Data Kelurahan")  # after the daftar isi
    for t in urutan:
        ketemu = teks.find(t, mulai)
        assert ketemu >= mulai >= 0, f"{t!r} tidak ada setelah posisi {mulai}"
        mulai = ketemu
    assert "KARSONO. S.Sos. M.Si" in teks and "19780126 201408 1 002" in teks
