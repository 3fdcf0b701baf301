"""A kabupaten shaped like the seeds: each seed kecamatan's workbook cloned under new codes.

A clone is the seed workbook (``fixtures/*.xlsx``: its wilayah, nomenklatur, anggaran, indikator and the
other sheets) with the kecamatan code (and the kelurahan codes under it) rewritten and the name numbered, so
the programs, budgets and indicators of each clone are the seed's own. The nomenklatur is shared, as in a real
kabupaten.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@dataclass(frozen=True)
class Seed:
    path: Path
    kode: str  # "36.73.01"
    nama: str  # "Serang"


def seed_semua() -> list[Seed]:
    """The seed workbooks, named ``<kode>-kecamatan-<nama>.xlsx``."""
    hasil = []
    for path in sorted(FIXTURES.glob("*.xlsx")):
        kode, _, sisa = path.stem.partition("-kecamatan-")
        hasil.append(Seed(path, kode, sisa.replace("-", " ").title()))
    return hasil


def kode_klon(kota: str, i: int) -> str:
    """The i-th clone's code in ``kota`` (``36.73`` → ``36.73.10``, ``36.73.11``…; the seeds use 01–09)."""
    if not 0 <= i < 90:
        raise ValueError("paling banyak 90 kecamatan tiruan per kota")
    return f"{kota}.{10 + i:02d}"


def klon_workbook(seed: Seed, kode_baru: str, nama_baru: str) -> tuple[bytes, int]:
    """The seed workbook under ``kode_baru``/``nama_baru``; returns (xlsx bytes, data rows in all sheets)."""
    wb = load_workbook(seed.path)
    baris = 0
    awalan = seed.kode + "."
    for ws in wb.worksheets:
        kepala = [c.value for c in ws[1]]
        kolom_nama = kepala.index("nama_kecamatan") if "nama_kecamatan" in kepala else None
        for row in ws.iter_rows(min_row=2):
            if all(c.value is None for c in row):
                continue
            baris += 1
            for c in row:
                v = c.value
                if isinstance(v, str) and (v == seed.kode or v.startswith(awalan)):
                    c.value = kode_baru + v[len(seed.kode) :]
            if kolom_nama is not None and row[kolom_nama].value:
                row[kolom_nama].value = nama_baru
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue(), baris
