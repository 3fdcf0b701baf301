"""Every sheet of WORKBOOK.md with the code that reads it, and the export rows of the sheets kept in modules of
their own: listed here once, in workbook order, so the importer and the exporter take them from one place and no
module registers itself when imported.

A new sheet: its columns in :data:`workbook.kolom.SHEETS`, a module ``lembar_<nama>`` with its handler (and,
when the core export in :mod:`workbook.ekspor` does not write it, a function giving its rows), and a line here.
"""

from __future__ import annotations

from collections.abc import Callable

from wilayah.models import Kecamatan

from . import lembar, lembar_belanja, lembar_pegawai, lembar_usulan
from .kolom import BarisEkspor
from .lembar import Konteks
from .sel import PembacaBaris

Penangan = Callable[[PembacaBaris, Konteks], str | None]

#: The import handler of each sheet (see :mod:`workbook.lembar` for what a handler does).
PENANGAN: dict[str, Penangan] = {
    "wilayah": lembar.wilayah,
    "nomenklatur": lembar.nomenklatur,
    "anggaran": lembar.anggaran,
    "indikator": lembar.indikator,
    "renstra": lembar.renstra,
    "sasaran": lembar.sasaran,
    "rkpd": lembar.rkpd,
    "belanja": lembar_belanja.belanja,
    "pegawai": lembar_pegawai.pegawai,
    "usulan": lembar_usulan.usulan,
    "prioritas": lembar_usulan.prioritas,
}

#: The rows of a kecamatan (one year, or every year for ``None``) that the export writes to the sheets after
#: the core ones, in this order.
EKSPOR: dict[str, Callable[[Kecamatan, int | None], BarisEkspor]] = {
    "belanja": lembar_belanja.baris_ekspor,
    "pegawai": lembar_pegawai.baris_pegawai,
    "usulan": lembar_usulan.baris_usulan,
    "prioritas": lembar_usulan.baris_prioritas,
}
