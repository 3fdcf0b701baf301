"""Scoped reads of the LKjIP pages (the kecamatan is already checked by the view's access decorator)."""

from __future__ import annotations

from dataclasses import dataclass

from lkjip.models import NarasiProgram
from lkjip.reports.rekap import RingkasanProgram, rekap_hitung
from wilayah.models import Kecamatan


@dataclass(frozen=True)
class NarasiBaris:
    """One program on the narrative page: its figures of the year and what was written about it."""

    program: RingkasanProgram

    @property
    def narasi(self) -> NarasiProgram | None:
        return self.program.narasi


def narasi_daftar(kecamatan: Kecamatan, tahun: int) -> list[NarasiBaris]:
    """Every program with data in ``tahun`` or the year before, with its figures and narrative (3 queries)."""
    rekap = rekap_hitung(kecamatan, tahun)
    return [NarasiBaris(p) for p in rekap.program]
