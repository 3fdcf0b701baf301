"""Scoped reads that span every app: the home page's kecamatan and years, and a year's whole audit trail."""

from __future__ import annotations

from collections import defaultdict

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


def kecamatan_dengan_tahun(user) -> list[tuple[Kecamatan, list[int]]]:
    """The kecamatan the user may see, each with the years that have data (newest first)."""
    kecamatan = kecamatan_terlihat(user).order_by("kode")
    tahun: defaultdict[int, set[int]] = defaultdict(set)
    for model in (Anggaran, Indikator, RkpdReview, Sasaran):
        for kec_id, th in model.objects.terlihat_oleh(user).values_list("kecamatan_id", "tahun").distinct():
            tahun[kec_id].add(th)
    return [(kec, sorted(tahun[kec.pk], reverse=True)) for kec in kecamatan]


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
