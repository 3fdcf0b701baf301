"""Renja Kecamatan Serang 2022, Tabel 2.5 and BAB IV (seed lines 546-697): the tables as the seed prints them,
read back from the builders and from the PDF text (standalone tables and the whole Renja document)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from core.laporan import registry
from core.laporan.keluaran import hasilkan
from fixtures.seed import serang
from wilayah.models import Kecamatan

pytestmark = pytest.mark.django_db

KALIMAT_4_1 = (
    "Kecamatan Serang merupakan perangkat daerah pada bidang kewilayahan dan bukan Organisasi Perangkat Daerah "
    "Penghasil. Maka tidak ada perkiraan pendapatan pada Kecamatan Serang"
)


def teks_pdf(data: bytes) -> str:
    """The PDF's text with every run of whitespace as one space (a heading may wrap) and words hyphenated at a
    line end (U+2010) joined again."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) tidak terpasang")
    hasil = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return re.sub(r"\s+", " ", hasil.stdout.decode("utf-8")).replace("\u2010 ", "")


@pytest.fixture
def serang_kec(seed) -> Kecamatan:
    return Kecamatan.objects.select_related("kota").get(kode="36.73.01")


def _isi(slug: str, kec: Kecamatan):
    return [b for b in registry.laporan(slug).bangun(kec, 2022).baris if b.jenis != "total"]


def test_tabel_seed_jumlah_baris_dan_isi(serang_kec):
    assert _isi("renja-2.5", serang_kec) == []  # the seed's Tabel 2.5 has a header and no row
    assert _isi("renja-4.1", serang_kec) == []
    assert _isi("renja-4.3-kl", serang_kec) == [] and _isi("renja-4.3-provinsi", serang_kec) == []
    unggulan = registry.laporan("renja-4.2-unggulan").bangun(serang_kec, 2022)
    assert [b.get("uraian") for b in unggulan.baris] == [*serang.PROGRAM_UNGGULAN_2022, "JUMLAH"]
    assert len(serang.PROGRAM_UNGGULAN_2022) == 5
    # the seed states no pagu: every cell and the total are unknown ("-"), never 0
    assert all(b.get("pagu") is None for b in unggulan.baris)
    mendesak = registry.laporan("renja-4.2-mendesak").bangun(serang_kec, 2022)
    assert [b.get("uraian") for b in mendesak.baris][:-1] == serang.PROGRAM_MENDESAK_2022
    assert mendesak.baris[0].get("uraian") == "Penataan Pedagang Kreatif Lapangan (PKL)"
    assert mendesak.baris[-1].get("pagu") is None


@pytest.mark.parametrize(
    ("slug", "judul"),
    [
        ("renja-2.5", ["Tabel 2.5", "Usulan Program/Kegiatan/Sub Kegiatan Kota Serang",
                       "dari Para Pemangku Kepentingan Tahun 2022", "Program/Kegiatan/ Sub Kegiatan", "Lokasi",
                       "Indikator Kinerja", "saran/ Volume", "Catatan"]),
        ("renja-4.1", ["Tabel 4.1", "Rumusan Rencana Pendapatan Perangkat Daerah Tahun 2022", "Kode",
                       "Uraian Akun Pendapatan", "Target Penganggaran (Rp)", "Keterangan", KALIMAT_4_1]),
        ("renja-4.2-unggulan", ["Rumusan Rencana Indikasi Kegiatan/Sub Kegiatan pada Program Unggulan Tahun 2022",
                                "Program Unggulan", "Indikasi/Fokus Kegiatan", "Pagu Indikatif (Rp)",
                                "Pembangunan Mesjid Agung sebagai land mark Kota Serang"]),
        ("renja-4.2-mendesak", ["Rumusan Rencana Indikasi Kegiatan/Sub Kegiatan pada Program Mendesak Tahun 2022",
                                "Program Mendesak", "Penataan Pedagang Kreatif Lapangan (PKL)"]),
        ("renja-4.3-kl", ["Bidang Urusan/Program/Kegiatan/Sub Kegiatan", "Kinerja", "Indikator", "Satuan",
                          "Target", "Sumber Dana", "Keterangan : Sumber Dana diisi dengan APBD Prov atau APBN"]),
        ("renja-4.3-provinsi", ["Bidang Urusan/Program/Kegiatan/Sub Kegiatan", "Sumber Dana"]),
    ],
)  # fmt: skip
def test_pdf_tabel_memuat_judul_seed(serang_kec, slug, judul):
    teks = teks_pdf(hasilkan(registry.laporan(slug), serang_kec, 2022, "pdf").isi)
    for j in judul:
        assert j in teks, j
    assert "Tidak" not in teks
