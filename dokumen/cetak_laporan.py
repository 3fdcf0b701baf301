"""A single report's PDF rendered as a job (:mod:`antrean`), like a whole document's draft (:mod:`.cetak`).

A report PDF can run to a dozen pages (renja-evaluasi, lkjip-rekap: several seconds in WeasyPrint), so with a
queue it is never rendered inside a request. It is rendered once per *version* and kept: the job's key is the
report, its options (paper, quarter), the version asked (``terkini``/``disetujui``) and a fingerprint of what it
is printed from — the kecamatan's data of the year (:func:`~.cetak.sidik_data`) for the live table, the approved
revision for the frozen one. A finished render with that key is served from storage; a queued or running one
is joined; a newer render removes the older ones of the same report and options. One rule for every report,
one page or fifteen: how many pages a table takes is only known once it is laid out.

The CLI (``export_report``) keeps rendering directly: it is not a request.
"""

from __future__ import annotations

import hashlib

from django.db.models import Count, Max

from antrean.models import AKTIF, Tugas
from antrean.services import Kemajuan, tugas_hapus_lama, tugas_hasil, tugas_kirim
from core.laporan import registry
from core.laporan.keluaran import gambar
from core.laporan.registry import Laporan, Opsi
from wilayah.models import Kecamatan

from .cap import VERSI_DISETUJUI, VERSI_TERKINI, nama_berkas_laporan, tabel_disetujui, versi_laporan
from .cetak import _versi_tata_letak, sidik_data

#: Steps of the job: the table (built, or read frozen), the page layout.
LANGKAH = 2


def awalan_pdf(kecamatan_pk: int, tahun: int, slug: str, opsi: Opsi, versi: str) -> str:
    """The key of every render of this report with these options, before its version's fingerprint."""
    return f"laporan:pdf:{kecamatan_pk}:{tahun}:{slug}:{opsi.kertas}:tw{opsi.triwulan}:{versi}:"


def sidik_pdf(laporan: Laporan, kecamatan: Kecamatan, tahun: int, opsi: Opsi, versi: str) -> str:
    """What the PDF is printed from. The live table: the year's data (as a document draft). The approved one:
    the approved revision (its frozen table never changes) with the kecamatan's own record and the layout
    files. Raises :class:`~.cap.VersiTidakTersedia` (400/404) as the report page does when the approved
    version does not exist for these options."""
    if versi != VERSI_DISETUJUI:
        return sidik_data(kecamatan, tahun)
    dok, _ = tabel_disetujui(kecamatan, tahun, laporan, opsi)
    riwayat = sorted(kecamatan.history.aggregate(t=Max("history_date"), n=Count("pk")).items())
    bagian = (dok.pk, dok.revisi, dok.camat_penyetuju, dok.diputuskan_pada, riwayat, _versi_tata_letak())
    return "r" + hashlib.sha256(repr(bagian).encode()).hexdigest()[:20]


def kunci_pdf(laporan: Laporan, kecamatan: Kecamatan, tahun: int, opsi: Opsi, versi: str) -> str:
    return awalan_pdf(kecamatan.pk, tahun, laporan.slug, opsi, versi) + sidik_pdf(
        laporan, kecamatan, tahun, opsi, versi
    )


def pdf_tersimpan(kunci: str) -> Tugas | None:
    """The finished render of this key whose file is still stored (read only: for a GET)."""
    tugas = tugas_hasil(kunci)
    return tugas if tugas is not None and tugas.berkas else None


def pdf_aktif(kunci: str) -> Tugas | None:
    """The queued or running render of this key, if any (read only)."""
    return Tugas.objects.filter(kunci=kunci, status__in=AKTIF).first()


def kirim_pdf(
    laporan: Laporan, kecamatan: Kecamatan, tahun: int, opsi: Opsi, versi: str, kunci: str, oleh
) -> Tugas:
    """The render of this key: stored, running (joined) or sent now (run at once without a queue). Visible to
    whoever may see the kecamatan (the job's default permission), read-only roles included."""
    return tugas_kirim(
        "dokumen.cetak_laporan.cetak_pdf",
        kunci,
        judul=f"PDF {laporan.dokumen} {laporan.judul} {tahun} {kecamatan}"
        + (" (versi disetujui)" if versi == VERSI_DISETUJUI else ""),
        jenis="laporan.pdf",
        argumen={
            "kecamatan_pk": kecamatan.pk,
            "tahun": tahun,
            "slug": laporan.slug,
            "kertas": opsi.kertas,
            "triwulan": opsi.triwulan,
            "versi": versi,
        },
        kecamatan_pk=kecamatan.pk,
        oleh=oleh,
        nama_berkas=nama_berkas_laporan(laporan, kecamatan, tahun, "pdf", opsi, versi),
        pakai_hasil=True,
    )


def cetak_pdf(
    kemajuan: Kemajuan | None,
    kecamatan_pk: int,
    tahun: int,
    slug: str,
    kertas: str,
    triwulan: int,
    versi: str = VERSI_TERKINI,
) -> bytes:
    """The job: the report's PDF as the report page would send it (:func:`~.cap.berkas_laporan`'s table and
    stamp); older stored renders of the same report and options are removed."""
    laporan = registry.laporan(slug)
    kecamatan = Kecamatan.objects.select_related("kota").get(pk=kecamatan_pk)
    opsi = Opsi(kertas=kertas, triwulan=triwulan)
    if kemajuan is not None:
        kemajuan.mulai(LANGKAH, "Menyusun tabel")
    v = versi_laporan(kecamatan, tahun, laporan, opsi, versi, pilihan=False)
    if kemajuan is not None:
        kemajuan.maju("Menata halaman PDF")
    isi = gambar(laporan, kecamatan, tahun, v.tabel, "pdf", opsi, v.cap).isi
    if kemajuan is not None:
        kemajuan.maju("PDF tersusun")
        kini = Tugas.objects.filter(pk=kemajuan.tugas_id).first()
        tugas_hapus_lama(awalan_pdf(kecamatan_pk, tahun, slug, opsi, versi), kecuali=kini)
    return isi
