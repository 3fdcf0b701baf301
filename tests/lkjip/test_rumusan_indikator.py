"""Renja BAB III "Rumusan dan Definisi Operasional Indikator Renja PD": sasaran with their indicators and
formulas, then the program tree with each node's indicators; from the seed workbooks."""

from __future__ import annotations

import re
import subprocess

import pytest

from core.laporan import registry
from core.laporan.keluaran import hasilkan
from lkjip.reports import renja_rumusan_indikator
from wilayah.models import Kecamatan

pytestmark = pytest.mark.django_db


def _kec(kode: str) -> Kecamatan:
    return Kecamatan.objects.select_related("kota").get(kode=kode)


def test_kepala_seperti_seed(seed):
    t = renja_rumusan_indikator(_kec("36.73.01"), 2022)
    assert [kp.judul for kp in t.kepala] == [
        "Tujuan/Sasaran/Program Perangkat Daerah",
        "Indikator Tujuan/Sasaran/Program/Kegiatan",
    ]
    assert [k.judul for k in t.kolom[1:]] == ["Indikator", "Satuan", "Rumus/Formula", "Penjelasan/Keterangan"]
    assert t.judul[0] == "Rumusan dan Definisi Operasional Indikator Renja PD Tahun 2022"


def test_sasaran_dengan_indikator_dan_rumus(seed):
    t = renja_rumusan_indikator(_kec("36.73.03"), 2020)
    sasaran = [b for b in t.baris if str(b.sel.get("uraian", "")).startswith("Sasaran ")]
    assert (
        sasaran[0]
        .sel["uraian"]
        .startswith("Sasaran 1. Meningkatnya akuntabilitas kinerja penyelenggaraan pemerintahan")
    )
    kelurahan = t.cari(indikator="Capaian Kelurahan yang memenuhi standard kelurahan (berkembang)")
    assert "Jumlah kelurahan berkembang" in kelurahan.sel["rumus"]  # seed §3.1.2 (line 533)
    assert kelurahan.sel["keterangan"] == "Target 30 %"


def test_program_kegiatan_dengan_indikator(seed):
    t = renja_rumusan_indikator(_kec("36.73.01"), 2022)
    assert t.baris[0].jenis == "catatan" and "Belum ada sasaran strategis tahun 2022" in t.baris[0].teks
    b = t.cari(indikator="Jumlah Dokumen Renja Murni, Renja Perubahan dan Renstra, PK")
    assert b.jenis == "sub_kegiatan"
    assert b.sel["uraian"].startswith("Sub Kegiatan 1.")
    assert b.sel["uraian"].endswith("7.01.01.2.01.0001 Penyusunan Dokumen Perencanaan Perangkat Daerah")
    assert b.sel["rumus"] is None and b.sel["keterangan"] == "Target 4"
    program = [b for b in t.baris if b.jenis == "program"]
    assert [p.sel["uraian"].split(". ", 1)[1].split()[0] for p in program] == [
        "7.01.01",
        "7.01.02",
        "7.01.03",
        "7.01.05",
    ]


def test_jumlah_query_tetap(seed, django_assert_max_num_queries):
    for kode, tahun in (("36.73.01", 2022), ("36.73.03", 2020)):
        kec = _kec(kode)
        with django_assert_max_num_queries(4):
            renja_rumusan_indikator(kec, tahun)


def test_pdf_kode_utuh_dan_tanpa_tidak(seed):
    kec = _kec("36.73.01")
    isi = hasilkan(registry.laporan("renja-rumusan-indikator"), kec, 2022, "pdf").isi
    teks = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=isi, capture_output=True, check=True
    ).stdout.decode()
    assert "Rumusan dan Definisi Operasional Indikator Renja PD Tahun 2022" in teks
    kata = set(teks.split())
    t = renja_rumusan_indikator(kec, 2022)
    kode = {m for b in t.baris for m in re.findall(r"\b7\.01[\d.]*\d\b", str(b.sel.get("uraian", "")))}
    assert len(kode) > 30
    assert not sorted(k for k in kode if k not in kata)
