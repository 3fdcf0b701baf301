"""Scoped reads of the LKjIP pages (the kecamatan is already checked by the view's access decorator)."""

from __future__ import annotations

from dataclasses import dataclass

from lkjip.models import NarasiProgram
from lkjip.reports.rekap import RingkasanProgram, rekap_hitung
from renja.models import Anggaran, Indikator, Nomenklatur, Tingkat
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


def program_narasi_atau_none(kecamatan: Kecamatan, tahun: int, pk: int) -> Nomenklatur | None:
    """The program ``pk`` if the kecamatan planned anything under it in ``tahun`` or ``tahun − 1``."""
    program = Nomenklatur.objects.filter(pk=pk, tingkat=Tingkat.PROGRAM).first()
    if program is None:
        return None
    tahun_ada = (tahun - 1, tahun)
    subtree = [program.pk]
    frontier = [program.pk]
    while frontier:  # the tree is at most 3 levels under a program
        frontier = list(Nomenklatur.objects.filter(induk_id__in=frontier).values_list("pk", flat=True))
        subtree += frontier
    ada = (
        Anggaran.objects.untuk(kecamatan).filter(tahun__in=tahun_ada, nomenklatur_id__in=subtree).exists()
        or Indikator.objects.untuk(kecamatan).filter(tahun__in=tahun_ada, nomenklatur_id__in=subtree).exists()
    )
    return program if ada else None
