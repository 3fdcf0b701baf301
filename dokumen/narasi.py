"""A document's sections for one kecamatan and year: the declared structure with the sections written per
sasaran indicator expanded from the year's data (LKjIP §3.1.1 "Indeks Kepuasan Pelayanan …", §3.1.2 …), and
the default text of each section filled in. One query (the indicators), none for the Renja."""

from __future__ import annotations

import re

from lkjip.models import IndikatorSasaran
from wilayah.models import Kecamatan

from .struktur import STRUKTUR, Bab, Bagian, Struktur, teks_bawaan

KUNCI_KATA_PENGANTAR = "kata_pengantar"


def _indikator(kecamatan: Kecamatan, tahun: int) -> list[IndikatorSasaran]:
    """The year's sasaran indicators in the order of the Pengukuran Sasaran Strategis table."""
    return list(
        IndikatorSasaran.objects.untuk(kecamatan, tahun).order_by(
            "sasaran__urutan", "sasaran_id", "urutan", "id"
        )
    )


def bab_dokumen(struktur: Struktur, kecamatan: Kecamatan, tahun: int) -> list[tuple[Bab, list[Bagian]]]:
    """Each chapter with its sections as printed: a ``per_indikator`` section becomes one section per
    indicator (``bab3.capaian.<id>``, "3.1.<n>", headed by the indicator)."""
    per_indikator = any(b.per_indikator for bab in struktur.bab for b in bab.bagian)
    indikator = _indikator(kecamatan, tahun) if per_indikator else []
    hasil = []
    for bab in struktur.bab:
        bagian: list[Bagian] = []
        for b in bab.bagian:
            if not b.per_indikator:
                bagian.append(b)
                continue
            for n, ind in enumerate(indikator, start=1):
                bagian.append(
                    Bagian(
                        f"{b.kunci}.{ind.pk}",
                        f"{b.nomor}.{n}",
                        ind.uraian,
                        b.bawaan,
                    )
                )
        hasil.append((bab, bagian))
    return hasil


def semua_bagian(struktur: Struktur, kecamatan: Kecamatan, tahun: int) -> list[Bagian]:
    """Every editable section of the document in order: the Keputusan's parts, then the chapters'."""
    return [
        *struktur.keputusan,
        *(b for _bab, bagian in bab_dokumen(struktur, kecamatan, tahun) for b in bagian),
    ]


def kunci_sah(jenis: str, kecamatan: Kecamatan, tahun: int) -> set[str]:
    """The section keys a kecamatan may write for the document of a year (kata pengantar included)."""
    struktur = STRUKTUR[jenis]
    return {KUNCI_KATA_PENGANTAR, *(b.kunci for b in semua_bagian(struktur, kecamatan, tahun))}


def teks_bagian(bagian: Bagian, kecamatan: Kecamatan, tahun: int) -> str:
    """The default text of a section filled in ({indikator}: the heading of a section written per indicator)."""
    return teks_bawaan(bagian.bawaan, kecamatan, tahun, indikator=bagian.judul)


_BUTIR = re.compile(r"^\s*(?:[-•]\s*)?(?P<label>(?:\d{1,2}|[a-zA-Z])[.)])\s+(?P<isi>\S.*)$")
_DIKTUM = re.compile(r"^\s*(?P<label>[A-Z]{4,})\s*:\s*(?P<isi>\S.*)$")


def butir(teks: str, pola: re.Pattern[str] = _BUTIR) -> list[tuple[str, str]] | None:
    """The numbered items of a paragraph ("1. …", "a. …", "b) …", one per line) as (label, text) pairs,
    so they print with a hanging indent; a line that is no item continues the one before it. None when the
    paragraph does not start with an item (it prints as running text)."""
    hasil: list[tuple[str, str]] = []
    for baris in teks.splitlines():
        if not baris.strip():
            continue
        m = pola.match(baris)
        if m:
            hasil.append((m["label"], m["isi"].strip()))
        elif hasil:
            label, isi = hasil[-1]
            hasil[-1] = (label, f"{isi} {baris.strip()}")
        else:
            return None
    return hasil or None


def diktum(teks: str) -> list[tuple[str, str]]:
    """The diktum of a keputusan ("KESATU : …", one per line) as (label, text) pairs."""
    return butir(teks, _DIKTUM) or [("", " ".join(teks.split()))]
