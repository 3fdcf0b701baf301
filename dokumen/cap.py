"""Whether a standalone report prints as DRAF, and what it says about the approved document it matches.

A document's tables are fingerprinted when the camat approves it (:func:`sidik_dokumen`, stored in
``Dokumen.sidik_tabel``). A report printed later is the approved table exactly when the same builder gives a
table with the same fingerprint: the data it shows is still the data as approved, so it prints without DRAF
and says so ("Sesuai Renja 2022 yang disetujui 5 Desember 2022"). Any change since — to pagu, realisasi,
indicators, targets, master data, anything the table shows — gives another fingerprint, and the report is a
live draft again, with the reason printed under its title. The signed whole-document PDF stays the frozen
record of what was approved.
"""

from __future__ import annotations

import hashlib

from core.laporan.keluaran import Berkas, gambar
from core.laporan.registry import Cap, Laporan, Opsi
from core.laporan.registry import laporan as cari_laporan
from core.laporan.tabel import Tabel
from wilayah.models import Kecamatan

from .models import Dokumen, StatusDokumen
from .pdf import tanggal_indonesia
from .struktur import STRUKTUR


def sidik(tabel: Tabel) -> str:
    """A fingerprint of everything a table shows: title, header, rows, values, notes (and charts)."""
    return hashlib.sha256(repr(tabel).encode("utf-8")).hexdigest()


def slug_dokumen(jenis: str) -> list[str]:
    """The report slugs a document prints, in order."""
    return [slug for b in STRUKTUR[jenis].semua_bagian() for slug in b.laporan]


def jenis_laporan(slug: str) -> str | None:
    """The document (``renja``/``lkjip``) whose chapters print this report; None when none does."""
    return next((jenis for jenis in STRUKTUR if slug in slug_dokumen(jenis)), None)


def sidik_dokumen(kecamatan: Kecamatan, tahun: int, jenis: str) -> dict[str, str]:
    """Fingerprints of every report table of the document, as printed in it (the default options)."""
    hasil = {}
    for slug in slug_dokumen(jenis):
        try:
            lap = cari_laporan(slug)
        except KeyError:
            continue
        hasil[slug] = sidik(lap.bangun(kecamatan, tahun))
    return hasil


def cap_laporan(kecamatan: Kecamatan, tahun: int, laporan: Laporan, tabel: Tabel, opsi: Opsi) -> Cap:
    """DRAF with its reason, or the approved document this table is exactly part of (one query)."""
    jenis = jenis_laporan(laporan.slug)
    if jenis is None:
        return Cap(True, "DRAF: laporan ini bukan bagian dokumen Renja atau LKjIP yang disetujui camat.")
    nama = f"{STRUKTUR[jenis].singkatan} {tahun}"
    dok = (
        Dokumen.objects.untuk(kecamatan, tahun)
        .filter(jenis=jenis, status=StatusDokumen.DISETUJUI)
        .order_by("-revisi")
        .first()
    )
    if dok is None:
        return Cap(True, f"DRAF: {nama} belum disetujui camat.")
    tanggal = tanggal_indonesia(dok.diputuskan_pada) if dok.diputuskan_pada else "-"
    revisi = f" (revisi {dok.revisi})" if dok.revisi else ""
    if laporan.pakai_triwulan and opsi.triwulan != 4:
        return Cap(True, f"DRAF: {nama}{revisi} disetujui {tanggal} memuat tabel s/d triwulan IV.")
    tersimpan = (dok.sidik_tabel or {}).get(laporan.slug)
    if tersimpan is None:
        return Cap(
            True,
            f"DRAF: tabel ini tidak tercatat pada {nama}{revisi} yang disetujui {tanggal}; lihat PDF dokumen.",
        )
    if tersimpan != sidik(tabel):
        return Cap(
            True,
            f"DRAF: data berubah sejak {nama}{revisi} disetujui {tanggal}; "
            "tabel yang disetujui ada pada PDF dokumen.",
        )
    return Cap(False, f"Sesuai {nama}{revisi} yang disetujui camat pada {tanggal}.")


def berkas_laporan(laporan: Laporan, kecamatan: Kecamatan, tahun: int, format: str, opsi: Opsi) -> Berkas:
    """The report's download (what the report page and ``export_report`` send), stamped by :func:`cap_laporan`."""
    tabel = laporan.bangun(kecamatan, tahun, opsi)
    return gambar(
        laporan, kecamatan, tahun, tabel, format, opsi, cap_laporan(kecamatan, tahun, laporan, tabel, opsi)
    )
