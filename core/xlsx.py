"""Writing cells with openpyxl so that text always stays text.

openpyxl turns a ``str`` that starts with ``=`` into a live formula (and ``#N/A``-like strings into error
cells). Names, uraian, keterangan, narrative and usernames are typed by users, so every writer of a
downloadable workbook sets its cells through :func:`isi_sel` (or :func:`tulis` / :func:`tambah_baris`):
a ``str`` is stored as a string cell, unchanged — no apostrophe is added, so a workbook export re-imports
the same text. Text that Excel would read as a formula once someone edits the cell (``=``, ``+``, ``-``,
``@``, tab, CR, LF) also gets Excel's "quote prefix" style, which keeps it text in Excel itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

#: First characters that make Excel (or a CSV reader) treat typed text as a formula.
PEMICU_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n")


def isi_sel(sel: Cell, nilai: Any) -> Cell:
    """Set ``sel`` to ``nilai``; a ``str`` becomes a string cell, never a formula or an error value.

    Control characters that an XLSX file cannot hold at all are dropped (openpyxl would raise instead).
    """
    if isinstance(nilai, str):
        teks = ILLEGAL_CHARACTERS_RE.sub("", nilai)
        sel.value = teks
        sel.data_type = "s"
        if len(teks) > 1 and teks.startswith(PEMICU_FORMULA):
            sel.quotePrefix = True
    else:
        sel.value = nilai
    return sel


def tulis(ws, baris: int, kolom: int, nilai: Any = None) -> Cell:
    """``ws.cell(baris, kolom, nilai)`` with text kept as text."""
    return isi_sel(ws.cell(row=baris, column=kolom), nilai)


def tambah_baris(ws, nilai: Iterable[Any]) -> None:
    """``ws.append(nilai)`` with text kept as text."""
    ws.append([isi_sel(Cell(ws), v) for v in nilai])
