"""The shape every report builder returns and every renderer draws.

A :class:`Tabel` is plain data: title lines, a two-level header and typed rows of raw values. Nothing here
is formatted: cells hold ``Decimal`` (rupiah, persen, angka), :class:`~core.nilai.Nilai` (a target or
realisasi: number, SAKIP grade or kosong), ``str`` (text columns) or ``None`` (no value, drawn as ``-``).
The renderers turn values into text only through :mod:`core.angka` (the ``angka`` template filters and
:func:`core.angka.format_excel`).

Header layout. ``Tabel.kepala`` is a list of :class:`Kepala` (top-level captions), each spanning one or more
:class:`Kolom` (the sub-columns, e.g. ``K`` and ``Rp``). A caption with a single column that has no label of
its own spans both header rows. Under the captions comes the numbered row: a caption's ``nomor`` (e.g.
``"(8) = (7)/(6)"``) spans all its columns; otherwise each column shows its own ``nomor``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, TypeAlias

from core.nilai import Nilai

__all__ = ["Baris", "Jenis", "JenisBaris", "Kepala", "Kolom", "Nilai", "Sel", "Tabel"]

#: How a column's values are shown: text as is; rupiah without cents; persen with 2 decimals;
#: nilai a Nilai (number as typed, or a grade); angka a plain number.
Jenis: TypeAlias = Literal["teks", "rupiah", "persen", "nilai", "angka"]

#: What a row is; renderers style by it (program rows bold and shaded, totals bold, …).
JenisBaris: TypeAlias = Literal[
    "opd", "kelompok", "program", "kegiatan", "sub_kegiatan", "indikator", "total", "catatan"
]

#: One cell's raw value.
Sel: TypeAlias = Decimal | Nilai | str | None

JENIS_KOLOM: tuple[str, ...] = ("teks", "rupiah", "persen", "nilai", "angka")
JENIS_BARIS: tuple[str, ...] = (
    "opd",
    "kelompok",
    "program",
    "kegiatan",
    "sub_kegiatan",
    "indikator",
    "total",
    "catatan",
)


@dataclass(frozen=True)
class Kolom:
    """One column of values. ``lebar`` is its width in characters (XLSX) and its share of the page width."""

    kunci: str
    judul: str
    jenis: Jenis = "teks"
    lebar: float = 12
    nomor: str = ""

    def __post_init__(self) -> None:
        if self.jenis not in JENIS_KOLOM:
            raise ValueError(f"jenis kolom '{self.jenis}' tidak dikenal")

    @property
    def angka(self) -> bool:
        """True for columns drawn right-aligned (everything but text)."""
        return self.jenis != "teks"


@dataclass(frozen=True)
class Kepala:
    """A top-level caption over one or more columns, with the numbered-row text (e.g. ``"(8) = (7)/(6)"``)."""

    judul: str
    kolom: tuple[Kolom, ...]
    nomor: str = ""

    @property
    def tunggal(self) -> bool:
        """A single column without its own label: the caption spans both header rows."""
        return len(self.kolom) == 1 and not self.kolom[0].judul


@dataclass
class Baris:
    """One row. ``tingkat`` is the indentation level of the uraian (0 = OPD/total).

    ``id``/``induk`` tie a program's rows together so the HTML page can fold them; ``sel`` maps column keys
    to raw values (missing keys are blank cells). A ``catatan`` row spans the whole table with ``teks``.
    ``tanda`` maps column keys to a short mark printed with the value in every format (e.g. ``"belum
    lengkap"`` on a sum that includes an unknown value; the table's ``keterangan`` names the missing cells).
    """

    jenis: JenisBaris
    sel: dict[str, Sel] = field(default_factory=dict)
    tingkat: int = 0
    id: str = ""
    induk: str = ""
    teks: str = ""
    tanda: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.jenis not in JENIS_BARIS:
            raise ValueError(f"jenis baris '{self.jenis}' tidak dikenal")

    def get(self, kunci: str) -> Sel:
        return self.sel.get(kunci)


@dataclass
class Tabel:
    """A whole report table: title lines, header, rows, footnotes (``keterangan``)."""

    judul: list[str]
    kepala: list[Kepala]
    baris: list[Baris] = field(default_factory=list)
    keterangan: list[str] = field(default_factory=list)

    @property
    def kolom(self) -> list[Kolom]:
        """All columns, left to right."""
        return [k for kp in self.kepala for k in kp.kolom]

    @property
    def ada_sub_kolom(self) -> bool:
        """Whether the header has a second caption row at all."""
        return any(not kp.tunggal for kp in self.kepala)

    @property
    def ada_nomor(self) -> bool:
        return any(kp.nomor or any(k.nomor for k in kp.kolom) for kp in self.kepala)

    def sel(self) -> Iterator[tuple[Baris, list[tuple[Kolom, Sel]]]]:
        """Each row with its cells in column order (blank cells as ``None``)."""
        kolom = self.kolom
        for b in self.baris:
            yield b, [(k, b.sel.get(k.kunci)) for k in kolom]

    def cari(self, **sel: str) -> Baris:
        """The first row whose text cells equal the given values (for tests and checks)."""
        for b in self.baris:
            if all(b.sel.get(k) == v for k, v in sel.items()):
                return b
        raise KeyError(sel)
