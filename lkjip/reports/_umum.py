"""What the LKjIP builders share: the table with charts and formulas under it, and small helpers.

:class:`TabelLkjip` is a :class:`~core.laporan.tabel.Tabel` (every renderer draws it as such) with two extra
lists the HTML and PDF renderers can draw under the table (``templates/lkjip/_lampiran.html``): ``gambar``
(server-drawn SVG charts, :mod:`core.grafik`) and ``rumus`` (indicator formulas as fractions). The XLSX
renderer can ignore both: the same formulas are also in ``keterangan`` as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

from core.laporan.tabel import Tabel
from wilayah.models import Kecamatan


@dataclass(frozen=True)
class Gambar:
    """A chart drawn on the server: ``svg`` is a complete, escaped ``<svg>`` element. ``nomor`` is its number
    in the whole document (``"3.2"``: per chapter, as the seed numbers them); blank in a standalone report,
    which numbers its charts 1, 2, …  ``sebelum_tabel``: the whole document prints it before its table's title
    (where the seed has it: Gambar 1.1 Struktur Organisasi before Tabel 1.2); a standalone report draws every
    chart under its table."""

    judul: str
    svg: str
    nomor: str = ""
    sebelum_tabel: bool = False


@dataclass(frozen=True)
class Rumus:
    """An indicator's formula as a fraction (``pembilang / penyebut × 100 %``) and its computation.

    ``penyebut`` empty: the formula is not a fraction and ``pembilang`` is shown as text.
    ``hitung_pembilang/hitung_penyebut``: the year's numbers put in (realisasi / target), ``hasil`` the result.
    """

    nomor: str
    indikator: str
    pembilang: str
    penyebut: str = ""
    kali: str = "× 100 %"
    hitung_pembilang: str = ""
    hitung_penyebut: str = ""
    hasil: str = ""


@dataclass
class TabelLkjip(Tabel):
    gambar: list[Gambar] = field(default_factory=list)
    rumus: list[Rumus] = field(default_factory=list)

    #: The partial that draws ``rumus`` and ``gambar`` under the table (HTML page and print document).
    templat_lampiran: ClassVar[str] = "lkjip/_lampiran.html"


_BAGI = re.compile(r"\s+/\s+|\s*÷\s*")
_KALI_SERATUS = re.compile(r"\s*[×xX*]\s*100\s*%?\s*$")


def pecah_formula(formula: str) -> tuple[str, str, str]:
    """``"A / B × 100 %"`` → ``("A", "B", "× 100 %")``; text without `` / `` → ``(text, "", "")``.

    Only a slash with spaces around it divides (``target/rencana`` inside a name does not).
    """
    teks = " ".join(formula.split())
    bagian = _BAGI.split(teks, maxsplit=1)
    if len(bagian) != 2 or not bagian[0] or not bagian[1]:
        return teks, "", ""
    penyebut, n = _KALI_SERATUS.subn("", bagian[1])
    return bagian[0].strip(), penyebut.strip(), "× 100 %" if n else ""


def judul_kecamatan(kecamatan: Kecamatan, tahun: int) -> str:
    return f"Kecamatan {kecamatan.nama} {kecamatan.kota.nama} — LKjIP Tahun {tahun}"
