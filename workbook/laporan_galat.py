"""The error report: the uploaded workbook's rows as read, with every bad cell filled red and commented.

Built from what the importer read (``berkas.buka``: the same limits against hostile files, only the named
columns, formulas as their saved values), at the same Excel rows and column letters as the upload, so the user
finds each cell where it was. Text is written as text (``core.xlsx``), never as a formula.
"""

from __future__ import annotations

import io
from collections import defaultdict
from pathlib import Path
from typing import IO

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import column_index_from_string

from core.xlsx import tulis

from .berkas import RUMUS_TANPA_NILAI, buka
from .sel import Galat

MERAH = PatternFill("solid", fgColor="FFC7CE")
TEKS_MERAH = Font(color="9C0006", bold=True)
PENULIS = "Impor workbook"


def laporan_galat(
    sumber: str | Path | IO[bytes], galat: list[Galat], nama_berkas: str | None = None
) -> bytes:
    """An .xlsx copy of the workbook's sheets with the cells named by ``galat`` highlighted and commented.

    A message without a column (a duplicated row, a sheet-level error) goes on the first cell of its row.
    """
    sheets = buka(sumber, nama_berkas=nama_berkas)
    per_sel: defaultdict[tuple[str, int, int], list[str]] = defaultdict(list)
    for g in galat:
        kolom = column_index_from_string(g.huruf) if g.huruf else 1
        per_sel[(g.sheet, g.baris, kolom)].append(
            f"{g.kolom}: {g.pesan}" if g.kolom and not g.huruf else g.pesan
        )
    wb = Workbook()
    wb.remove(wb.active)
    for sheet in sheets.values():
        ws = wb.create_sheet(sheet.nama[:31])
        for kunci, huruf in sheet.kolom.items():
            tulis(ws, 1, column_index_from_string(huruf), sheet.judul[kunci]).font = Font(bold=True)
        for baris in sheet.baris:
            for kunci, nilai in baris.sel.items():
                kolom = column_index_from_string(sheet.kolom[kunci])
                tulis(ws, baris.nomor, kolom, None if nilai is RUMUS_TANPA_NILAI else nilai)
        ws.freeze_panes = "A2"
    for (nama, nomor, kolom), pesan in per_sel.items():
        if nama[:31] not in wb.sheetnames:
            continue
        sel = wb[nama[:31]].cell(row=nomor, column=kolom)
        sel.fill = MERAH
        sel.font = TEKS_MERAH
        sel.comment = Comment("\n".join(pesan), PENULIS, width=400, height=40 + 20 * len(pesan))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
