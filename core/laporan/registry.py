"""Report slug → builder, title, file-name part and orientation.

One view (:mod:`dokumen.views_laporan`) and one command (``export_report``) serve every registered report in
every format. Apps register their reports in their ``reports`` package (imported lazily from
:data:`MODUL_LAPORAN`, so this module does not depend on the apps).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from .tabel import Tabel

__all__ = ["Cap", "Laporan", "Opsi", "daftarkan", "laporan", "semua"]


class Kecamatan(Protocol):
    """What the report machinery reads of a kecamatan (``wilayah.models.Kecamatan`` is one); core knows no
    model of the apps."""

    pk: Any
    kode: str
    nama: str
    alamat_kantor: str
    kota: Any  # its ``nama`` heads the letterhead


#: Paper sizes (width × height in mm, portrait): A4, and F4/Folio as used by Indonesian offices.
KERTAS = {"a4": (210, 297), "f4": (215, 330)}
TRIWULAN = (1, 2, 3, 4)


@dataclass(frozen=True)
class Opsi:
    """Per-request choices of a report. ``triwulan`` is used by quarterly reports only ("s/d TW II")."""

    kertas: str = "a4"
    triwulan: int = 4


@dataclass(frozen=True)
class Cap:
    """What a printed report says of its standing: ``draf`` prints the DRAF watermark; ``keterangan`` is the
    line under the title saying why it is a draft, or which approved document it matches. The apps decide
    (``dokumen.cap``); core only draws it. The default is a draft with no reason given."""

    draf: bool = True
    keterangan: str = ""

    @property
    def kaki(self) -> str:
        """The short mark in the page footer."""
        return "DRAF" if self.draf else "Disetujui"


#: A builder: ``(kecamatan, tahun, triwulan=…) -> Tabel``; it must load its data in a fixed number of queries.
Pembangun = Callable[..., Tabel]


@dataclass(frozen=True)
class Laporan:
    slug: str
    judul: str  # shown in the list of reports
    dokumen: str  # "Renja" / "LKjIP": first part of the file name
    nama_berkas: str  # "Tabel-2.1": last part of the file name
    pembangun: Pembangun
    lanskap: bool = True
    pakai_triwulan: bool = False

    def bangun(self, kecamatan: Kecamatan, tahun: int, opsi: Opsi | None = None) -> Tabel:
        opsi = opsi or Opsi()
        return self.pembangun(kecamatan, tahun, triwulan=opsi.triwulan)

    def berkas(self, kecamatan: Kecamatan, tahun: int, ekstensi: str, opsi: Opsi | None = None) -> str:
        """``Renja-2022-Kecamatan-Serang-Tabel-2.1.pdf`` (``…-sd-TW2`` for a quarter other than IV)."""
        nama = "-".join(["Kecamatan", *kecamatan.nama.split()])
        bagian = [self.dokumen, str(tahun), nama, self.nama_berkas]
        if self.pakai_triwulan and opsi is not None and opsi.triwulan != 4:
            bagian.append(f"sd-TW{opsi.triwulan}")
        return "-".join(bagian) + f".{ekstensi}"


_LAPORAN: dict[str, Laporan] = {}


def daftarkan(laporan: Laporan) -> Laporan:
    if laporan.slug in _LAPORAN and _LAPORAN[laporan.slug] != laporan:
        raise ValueError(f"laporan '{laporan.slug}' sudah terdaftar")
    _LAPORAN[laporan.slug] = laporan
    return laporan


def semua() -> list[Laporan]:
    """Every registered report, in registration order."""
    return list(_LAPORAN.values())


def laporan(slug: str) -> Laporan:
    """The report with this slug; ``KeyError`` when there is none."""
    return _LAPORAN[slug]
