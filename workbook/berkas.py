"""Opening a workbook file and reading its sheets as rows of named cells.

Everything that can go wrong with the file itself becomes a ``BerkasError`` with a message in
Bahasa Indonesia; nothing here raises a traceback at the user.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

EKSTENSI_DITERIMA = (".xlsx", ".xlsm")


class BerkasError(Exception):
    """The file cannot be read as a workbook at all."""


def normalisasi_nama(nama: Any) -> str:
    """Sheet and column names match case-insensitively, ignoring spaces and underscores."""
    return re.sub(r"[\s_]+", "", str(nama or "")).lower()


@dataclass
class Baris:
    """One data row: Excel row number and the cells by (canonical) column name."""

    nomor: int
    sel: dict[str, Any]
    huruf: dict[str, str]  # column name -> column letter, for messages


@dataclass
class Sheet:
    nama: str  # as written in the workbook
    kolom: dict[str, str] = field(default_factory=dict)  # canonical name -> letter
    judul: dict[str, str] = field(default_factory=dict)  # canonical name -> header as written
    baris: list[Baris] = field(default_factory=list)


def buka(sumber: str | Path | IO[bytes], nama_berkas: str | None = None) -> dict[str, Sheet]:
    """Read every sheet of the workbook into memory, keyed by normalised sheet name.

    Only the header row decides which columns are known; the caller maps them to its own names.
    """
    nama = nama_berkas or (str(sumber) if isinstance(sumber, (str, Path)) else getattr(sumber, "name", ""))
    if nama and Path(nama).suffix and Path(nama).suffix.lower() not in EKSTENSI_DITERIMA:
        suffix = Path(nama).suffix.lower()
        if suffix == ".xls":
            raise BerkasError("Format .xls (Excel 97-2003) tidak didukung. Simpan ulang berkas sebagai .xlsx.")
        raise BerkasError(f"Berkas '{Path(nama).name}' bukan workbook Excel (.xlsx). Unggah berkas .xlsx.")
    if isinstance(sumber, (str, Path)):
        path = Path(sumber)
        if not path.exists():
            raise BerkasError(f"Berkas '{path}' tidak ditemukan.")
        if path.stat().st_size == 0:
            raise BerkasError("Berkas kosong (0 byte): tidak ada yang bisa diimpor.")
    else:
        posisi = sumber.tell()
        awal = sumber.read(4)
        sumber.seek(posisi)
        if not awal:
            raise BerkasError("Berkas kosong (0 byte): tidak ada yang bisa diimpor.")
    try:
        # keep_vba=False: macros of an .xlsm are never loaded, let alone run.
        wb = load_workbook(sumber, read_only=True, data_only=True, keep_vba=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError, EOFError) as exc:
        raise BerkasError(
            "Berkas rusak atau bukan workbook Excel (.xlsx) yang sah; buka di Excel lalu simpan ulang sebagai .xlsx."
        ) from exc
    try:
        return {normalisasi_nama(ws.title): _baca_sheet(ws) for ws in wb.worksheets}
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
        raise BerkasError("Isi workbook rusak dan tidak dapat dibaca; simpan ulang sebagai .xlsx.") from exc
    finally:
        wb.close()


def _kosong(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _baca_sheet(ws) -> Sheet:
    sheet = Sheet(nama=ws.title)
    rows: Iterator[tuple] = ws.iter_rows(values_only=True)
    header = next(rows, None) or ()
    indeks: dict[int, str] = {}
    for i, judul in enumerate(header):
        if _kosong(judul):
            continue
        kunci = normalisasi_nama(judul)
        if kunci in sheet.kolom:
            continue  # a duplicated column name: the first one counts
        sheet.kolom[kunci] = get_column_letter(i + 1)
        sheet.judul[kunci] = str(judul).strip()
        indeks[i] = kunci
    for nomor, values in enumerate(rows, start=2):
        if all(_kosong(v) for v in values):
            continue
        sel = {kunci: (values[i] if i < len(values) else None) for i, kunci in indeks.items()}
        if all(_kosong(v) for v in sel.values()):
            continue
        sheet.baris.append(Baris(nomor=nomor, sel=sel, huruf=sheet.kolom))
    return sheet
