"""Renja Tabel 2.4 of Kecamatan Serang 2022 from the seed workbook: the seed's per-kelurahan blocks with
their subtotals, in the seed's order, and "Kota Serang" as the lokasi of the kota-wide lines."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest

from core.angka import format_rupiah
from core.laporan import registry
from core.laporan.keluaran import hasilkan
from renja.reports.tabel_2_4 import renja_tabel_2_4
from wilayah.models import Kecamatan

from ..conftest import REPO

sys.path.insert(0, str(REPO / "fixtures"))
from seed import serang

pytestmark = pytest.mark.django_db


@pytest.fixture
def kec(db, seed) -> Kecamatan:
    return Kecamatan.objects.select_related("kota").get(kode="36.73.01")


def _errata(baris: int) -> dict | None:
    return next(
        (e for e in serang.ERRATA if e["tabel"] == "2.4" and e["baris"].split("-")[0] == str(baris)), None
    )


def test_subtotal_per_kelurahan_seperti_seed(kec):
    """Each printed block subtotal (seed lines 454-500) is the kebutuhan sum of its block heading; where the
    seed's own subtotal is wrong (ERRATA 466, 483, 500) the computed one is printed."""
    tabel = renja_tabel_2_4(kec, 2022)
    kegiatan = [b for b in tabel.baris if b.jenis == "kegiatan"]
    for baris, (kode, kel, tercetak) in serang.SUBTOTAL_2_4.items():
        cocok = [
            b
            for b in kegiatan
            if b.sel["uraian_rancangan"].endswith(f"Kelurahan {kel}")
            and b.id.startswith("n")
            and any(
                r.sel.get("lokasi_rancangan") == kel for r in tabel.baris if r.induk and r.tingkat > b.tingkat
            )
        ]
        judul = [b for b in cocok if _uraian_kode(kode) in b.sel["uraian_rancangan"]]
        assert len(judul) == 1, (baris, kode, kel)
        e = _errata(baris)
        harap = tercetak if e is None else int(e["hitung"].replace(".", ""))
        assert judul[0].sel["pagu_kebutuhan"] == Decimal(harap), (baris, kel)


def _uraian_kode(kode: str) -> str:
    return next(u for k, _t, u, _i in serang.NOMENKLATUR_90 if k == kode)


def test_urutan_blok_mengikuti_seed(kec):
    """Under the first program: the kecamatan's kegiatan, then Serang's, Cipare's and Sumur Pecung's blocks."""
    tabel = renja_tabel_2_4(kec, 2022)
    program = [b for b in tabel.baris if b.jenis == "program"]
    awal, akhir = tabel.baris.index(program[0]), tabel.baris.index(program[1])
    judul = [b.sel["uraian_rancangan"] for b in tabel.baris[awal:akhir] if b.jenis == "kegiatan"]
    blok = [j.rsplit("Kelurahan ", 1)[1] for j in judul if "Kelurahan " in j]
    assert blok == ["Serang"] * 3 + ["Cipare"] * 3 + ["Sumur Pecung"] * 3
    assert not any("Kelurahan " in j for j in judul[: len(judul) - 9])
    pemberdayaan = [
        b.sel["uraian_rancangan"]
        for b in tabel.baris
        if b.sel.get("uraian_rancangan", "").startswith("Kegiatan Pemberdayaan Kelurahan")
    ]
    assert pemberdayaan == [
        "Kegiatan Pemberdayaan Kelurahan (Sumur Pecung)",
        "Kegiatan Pemberdayaan Kelurahan (Kota Baru)",
        "Kegiatan Pemberdayaan Kelurahan (Lopang)",
        "Kegiatan Pemberdayaan Kelurahan (Cimuncang)",
        "Kegiatan Pemberdayaan Kelurahan",  # seed line 532: the block's kelurahan was cut off by a page break
        "Kegiatan Pemberdayaan Kelurahan (Kagungan)",
    ]
    sumur = tabel.cari(uraian_rancangan="Kegiatan Pemberdayaan Kelurahan (Sumur Pecung)")
    assert sumur.sel["pagu_kebutuhan"] == Decimal(11_804_053 + 175_000_000 + 739_320_000)


def test_lokasi_kota_serang(kec):
    tabel = renja_tabel_2_4(kec, 2022)
    dok = tabel.cari(uraian_rancangan="Penyusunan Dokumen Perencanaan Perangkat Daerah")
    assert dok.sel["lokasi_rancangan"] == dok.sel["lokasi_kebutuhan"] == "Kota Serang"
    lokasi = {b.sel.get("lokasi_rancangan") for b in tabel.baris} - {None}
    assert "Kecamatan Serang" not in lokasi and "Kota Serang" in lokasi


def test_pdf_mencetak_blok_dan_subtotal(kec):
    isi = hasilkan(registry.laporan("renja-2.4"), kec, 2022, "pdf").isi
    teks = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=isi, capture_output=True, check=True
    ).stdout.decode()
    for kel in ("Serang", "Cipare", "Sumur Pecung"):
        assert f"Kelurahan {kel}" in teks
    assert teks.count(format_rupiah(Decimal(28_000_000))) == 3  # the kebutuhan subtotal of three blocks
    for angka in (111_416_008, 121_687_104, 137_610_000):
        assert format_rupiah(Decimal(angka)) in teks
    assert "Kota Serang" in teks
