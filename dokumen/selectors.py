"""Scoped reads that span every app: the home page's kecamatan and years, and a year's whole audit trail."""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Exists, Max, Min, OuterRef

from core.riwayat import Perubahan, perubahan
from lkjip.models import NarasiProgram, Sasaran
from renja.models import (
    Anggaran,
    Belanja,
    BuktiDukung,
    CatatanRealisasi,
    CatatanVerifikator,
    Indikator,
    Prioritas,
    RkpdReview,
    TriwulanDitutup,
    Usulan,
)
from renja.selectors import label_riwayat as label_renja
from wilayah.akses import kecamatan_terlihat
from wilayah.models import Kecamatan

from .models import BagianNarasi, Dokumen
from .struktur import STRUKTUR


def dokumen_terkini(kecamatan: Kecamatan, tahun: int, jenis: str) -> Dokumen:
    """The newest revision of the document; when none is stored yet, an unsaved draf (revision 0) standing in
    for it. Reading never writes: the row is created by the first POST that needs it (narrative, ajukan)."""
    if jenis not in STRUKTUR:
        raise ValueError(f"Jenis dokumen '{jenis}' tidak dikenal.")
    dok = Dokumen.objects.filter(kecamatan=kecamatan, tahun=tahun, jenis=jenis).order_by("-revisi").first()
    return dok or Dokumen(kecamatan=kecamatan, tahun=tahun, jenis=jenis, revisi=0)


#: The tables whose rows give a kecamatan a year "with data"; each has a unique index led by (tahun, kecamatan).
BERDATA = (Anggaran, Indikator, RkpdReview, Sasaran)


def kecamatan_dengan_tahun(user) -> list[tuple[Kecamatan, list[int]]]:
    """The kecamatan the user may see, each with the years that have data (newest first).

    Cost does not grow with the rows: the span of years comes from MIN/MAX of ``tahun`` (the first column of each
    table's unique index), then one query asks, per visible kecamatan and year of that span, whether any row
    EXISTS (an index probe), instead of a DISTINCT over every row of the city (issue 12: 23x slower with 42
    kecamatan than with 2)."""
    rentang = [m.objects.aggregate(awal=Min("tahun"), akhir=Max("tahun")) for m in BERDATA]
    awal = [r["awal"] for r in rentang if r["awal"] is not None]
    akhir = [r["akhir"] for r in rentang if r["akhir"] is not None]
    calon = range(min(awal), max(akhir) + 1) if awal else range(0)
    ada = {
        f"ada_{th}": reduce(
            or_, (Exists(m.objects.filter(kecamatan=OuterRef("pk"), tahun=th)) for m in BERDATA)
        )
        for th in calon
    }
    kecamatan = kecamatan_terlihat(user).order_by("kode").annotate(**ada)
    return [(kec, [th for th in reversed(calon) if getattr(kec, f"ada_{th}")]) for kec in kecamatan]


def label_riwayat(rec) -> str:
    model = rec.instance_type.__name__
    if model == "BagianNarasi":
        return f"Narasi {rec.get_jenis_display()} {rec.kunci}"
    if model == "Dokumen":
        return f"Dokumen {rec.get_jenis_display()} revisi {rec.revisi}"
    if model == "NarasiProgram":
        return f"Narasi program {rec.nomenklatur.kode}"
    return label_renja(rec)


def riwayat_tahun(kecamatan: Kecamatan, tahun: int) -> list[Perubahan]:
    """Every recorded change of the kecamatan's data, narrative and documents for one year."""
    return perubahan(
        Anggaran.history.filter(kecamatan=kecamatan, tahun=tahun).select_related("nomenklatur", "kelurahan"),
        Indikator.history.filter(kecamatan=kecamatan, tahun=tahun).select_related("nomenklatur"),
        CatatanRealisasi.history.filter(kecamatan=kecamatan, tahun=tahun).select_related("nomenklatur"),
        BuktiDukung.history.filter(kecamatan=kecamatan, tahun=tahun).select_related("nomenklatur"),
        CatatanVerifikator.history.filter(kecamatan=kecamatan, tahun=tahun),
        TriwulanDitutup.history.filter(kecamatan=kecamatan, tahun=tahun),
        NarasiProgram.history.filter(kecamatan=kecamatan, tahun=tahun).select_related("nomenklatur"),
        Usulan.history.filter(kecamatan=kecamatan, tahun=tahun).select_related("kelurahan"),
        Prioritas.history.filter(kecamatan=kecamatan, tahun=tahun),
        BagianNarasi.history.filter(kecamatan=kecamatan, tahun=tahun),
        Dokumen.history.filter(kecamatan=kecamatan, tahun=tahun),
        Belanja.history.filter(kecamatan=kecamatan, tahun=tahun).select_related("kelurahan"),
        label=label_riwayat,
    )


def riwayat_dokumen(kecamatan: Kecamatan, tahun: int, jenis: str) -> list[Perubahan]:
    """Status changes and narrative edits of one document, newest first."""
    return perubahan(
        Dokumen.history.filter(kecamatan=kecamatan, tahun=tahun, jenis=jenis),
        BagianNarasi.history.filter(kecamatan=kecamatan, tahun=tahun, jenis=jenis),
        label=label_riwayat,
    )
