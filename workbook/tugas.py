"""The web import as two jobs on the queue (``antrean``): *periksa* (read, check and build the preview of an
uploaded workbook, a dry run) and *impor* (write the confirmed file, one transaction, recorded in the history).

Both report progress through :class:`antrean.services.Kemajuan` and return their outcome as JSON, which
``antrean`` keeps in private storage as the job's file: the preview and the import result are read back from
there (never only from a session), so any page, tab or worker sees the same result.

The pending file of a preview is the upload itself in private storage (``impor/<hex>.xlsx``). Confirming
renames it to a name only that request knows (:func:`pending_klaim`); a rename is atomic, so of two clicks or
two tabs exactly one sends the import job.
"""

from __future__ import annotations

import io
import json
import logging
import os
import uuid
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from simple_history.models import HistoricalRecords

from antrean.models import Tugas
from antrean.services import Kemajuan, tugas_kirim
from core.angka import format_angka
from core.penyimpanan import penyimpanan_privat

from .impor import HasilImpor, workbook_impor
from .laporan_galat import laporan_galat
from .lembar import Konflik, Perubahan
from .riwayat import riwayat_catat
from .sel import Galat

logger = logging.getLogger(__name__)

#: Who may see the jobs (no kecamatan: a workbook spans kecamatan): admin Bappeda.
IZIN = "workbook.impor"
JENIS_PERIKSA = "workbook-periksa"
JENIS_IMPOR = "workbook-impor"
#: What admin Bappeda may confirm on the upload form (the checkbox names, in this order).
OPSI = ("timpa_versi", "timpa_kunci", "akui_melebihi_pagu")
#: The preview keeps at most this many changed cells per sheet, then "dan N lainnya" (huge imports).
PERUBAHAN_MAKS_PER_SHEET = 500
GAGAL_TAK_TERDUGA = (
    "Impor gagal karena kesalahan tak terduga di server; tidak ada yang diubah. "
    "Coba lagi, atau hubungi pengelola aplikasi bila terulang."
)


# -- the outcome as JSON ---------------------------------------------------------------------------------
def hasil_ke_data(hasil: HasilImpor) -> dict[str, Any]:
    """``hasil`` as plain JSON data; changed cells grouped by sheet and capped per sheet."""
    kelompok: dict[str, list[Perubahan]] = {}
    for p in hasil.perubahan:
        kelompok.setdefault(p.sheet, []).append(p)
    return {
        "dry_run": hasil.dry_run,
        "jumlah": dict(hasil.jumlah),
        "per_sheet": {s: dict(n) for s, n in hasil.per_sheet.items()},
        "galat": [[g.sheet, g.baris, g.kolom, g.huruf, g.pesan] for g in hasil.galat],
        "galat_berkas": hasil.galat_berkas,
        "peringatan": list(hasil.peringatan),
        "catatan": list(hasil.catatan),
        "perubahan": [
            {
                "sheet": sheet,
                "baris": [
                    [p.sheet, p.baris, p.kolom, p.lama, p.baru] for p in daftar[:PERUBAHAN_MAKS_PER_SHEET]
                ],
                "lainnya": max(0, len(daftar) - PERUBAHAN_MAKS_PER_SHEET),
            }
            for sheet, daftar in kelompok.items()
        ],
        "konflik": [
            [k.sheet, k.baris, k.versi_aplikasi, k.versi_workbook, [list(r) for r in k.rincian]]
            for k in hasil.konflik
        ],
    }


def hasil_dari_data(data: dict[str, Any]) -> HasilImpor:
    """The :class:`HasilImpor` of :func:`hasil_ke_data` (changed cells: the capped ones only)."""
    from collections import Counter

    hasil = HasilImpor(dry_run=data["dry_run"])
    hasil.jumlah = Counter(data["jumlah"])
    hasil.per_sheet = {s: Counter(n) for s, n in data["per_sheet"].items()}
    hasil.galat = [Galat(*g) for g in data["galat"]]
    hasil.galat_berkas = data["galat_berkas"]
    hasil.peringatan = list(data["peringatan"])
    hasil.catatan = list(data["catatan"])
    hasil.perubahan = [Perubahan(*p) for kelompok in data["perubahan"] for p in kelompok["baris"]]
    hasil.konflik = [
        Konflik(s, b, va, vw, tuple(tuple(r) for r in rincian)) for s, b, va, vw, rincian in data["konflik"]
    ]
    return hasil


def perubahan_per_sheet(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The preview's changed cells per sheet, as the template lists them."""
    return [
        {"sheet": k["sheet"], "baris": [Perubahan(*p) for p in k["baris"]], "lainnya": k["lainnya"]}
        for k in data["perubahan"]
    ]


def tugas_data(tugas: Tugas) -> dict[str, Any] | None:
    """The outcome a finished job stored, or None (not finished, or its file is gone)."""
    if tugas.status != "selesai" or not tugas.berkas:
        return None
    try:
        with tugas.berkas.open("rb") as f:
            return json.loads(f.read())
    except FileNotFoundError:
        return None


def _json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode()


# -- progress --------------------------------------------------------------------------------------------
def _lapor(kemajuan: Kemajuan, kata: str):
    """``workbook_impor``'s ``kemajuan(phase, done, total)`` written to the job's row."""

    def lapor(fase: str, selesai: int, total: int | None) -> None:
        if fase == "membaca":
            if total is None:
                kemajuan.kabar(f"Membaca workbook: {format_angka(selesai)} baris terbaca.")
            else:
                kemajuan.mulai(total, f"Workbook terbaca: {format_angka(total)} baris.")
            return
        if total is not None and kemajuan.total != total:
            kemajuan.mulai(total)
        kemajuan.maju(
            f"{kata} baris {format_angka(selesai)} dari {format_angka(total or selesai)}.",
            langkah=max(0, selesai - kemajuan.selesai),
        )

    return lapor


# -- periksa: read, check, preview ------------------------------------------------------------------------
def periksa_kirim(berkas, opsi: dict[str, bool], oleh) -> Tugas:
    """Keep the upload privately and send the job that reads and checks it (a dry run)."""
    simpanan = penyimpanan_privat()
    path = simpanan.save(f"impor/{uuid.uuid4().hex}.xlsx", berkas)
    nama = Path(berkas.name).name
    tugas = tugas_kirim(
        "workbook.tugas.periksa_jalankan",
        f"{JENIS_PERIKSA}:{path}",
        judul=f"Pemeriksaan workbook {nama}",
        jenis=JENIS_PERIKSA,
        argumen={"path": path, "nama": nama, "opsi": {k: bool(opsi.get(k)) for k in OPSI}},
        izin=IZIN,
        oleh=oleh,
        nama_berkas="pratinjau-impor.json",
    )
    _tautkan(tugas, "workbook:periksa")
    return tugas


def periksa_jalankan(kemajuan: Kemajuan, *, path: str, nama: str, opsi: dict[str, bool]) -> bytes:
    """The job: the preview of the pending file (every error, or every change) as JSON. A refused file is
    deleted and, when it has bad cells, its error report kept for download."""
    simpanan = penyimpanan_privat()
    try:
        with simpanan.open(path, "rb") as f:
            isi = f.read()
    except FileNotFoundError:
        hasil = HasilImpor(dry_run=True)
        hasil.galat_berkas = "Berkas unggahan tidak ada lagi (pratinjau dibatalkan?); unggah berkasnya lagi."
        return _json({**hasil_ke_data(hasil), "konflik_kunci": [], "laporan": ""})
    kemajuan.kabar("Membaca workbook…")
    hasil = workbook_impor(
        io.BytesIO(isi),
        dry_run=True,
        nama_berkas=nama,
        timpa_baris=(),  # per row (nothing ticked yet): conflicts are listed and, unless confirmed, skipped
        kemajuan=_lapor(kemajuan, "Memeriksa"),
        **opsi,
    )
    laporan = ""
    if not hasil.berhasil and not hasil.galat_berkas and hasil.galat:
        # the bad cells red, each with its message (the file itself could be read)
        isi_laporan = laporan_galat(io.BytesIO(isi), hasil.galat, nama_berkas=nama)
        laporan = simpanan.save(f"impor/laporan-{uuid.uuid4().hex}.xlsx", ContentFile(isi_laporan))
    data = {
        **hasil_ke_data(hasil),
        # the rows admin Bappeda may tick (none when every newer row is overwritten anyway)
        "konflik_kunci": [] if opsi.get("timpa_versi") else [k.kunci for k in hasil.konflik],
        "laporan": laporan,
    }
    if not hasil.berhasil:
        simpanan.delete(path)  # nothing to import: the refused file is not kept
    return _json(data)


def periksa_tertunda(tugas: Tugas, data: dict[str, Any] | None) -> bool:
    """Whether the preview's file still waits for "Impor sekarang" (not imported, not cancelled)."""
    if data is None or data["galat_berkas"] or data["galat"]:
        return False
    return penyimpanan_privat().exists(tugas.argumen["path"])


def periksa_batal(tugas: Tugas) -> None:
    penyimpanan_privat().delete(tugas.argumen["path"])


def pending_klaim(tugas: Tugas) -> str | None:
    """Take the preview's pending file for this request alone, or None when there is none (any more).

    The file is renamed to a name only this request knows; a rename is atomic, so of two clicks on
    "Impor sekarang" (or two tabs) exactly one gets the file and the other is told it was imported."""
    simpanan = penyimpanan_privat()
    diklaim = f"impor/diklaim-{uuid.uuid4().hex}.xlsx"
    try:
        os.replace(simpanan.path(tugas.argumen["path"]), simpanan.path(diklaim))
    except FileNotFoundError:
        return None
    return diklaim


# -- impor: write ------------------------------------------------------------------------------------------
def kunci_impor(periksa: Tugas) -> str:
    return f"{JENIS_IMPOR}:{periksa.pk}"


def impor_dari_periksa(periksa: Tugas) -> Tugas | None:
    """The import job sent from this preview, if any (newest first)."""
    return (
        Tugas.objects.filter(kunci=kunci_impor(periksa), jenis=JENIS_IMPOR).order_by("-dibuat_pada").first()
    )


def impor_kirim(periksa: Tugas, diklaim: str, timpa_baris: list[tuple[str, int]], oleh) -> Tugas:
    """Send the job that imports the claimed file with the preview's options and the ticked rows."""
    arg = periksa.argumen
    tugas = tugas_kirim(
        "workbook.tugas.impor_jalankan",
        kunci_impor(periksa),
        judul=f"Impor workbook {arg['nama']}",
        jenis=JENIS_IMPOR,
        argumen={
            "periksa": str(periksa.pk),
            "diklaim": diklaim,
            "nama": arg["nama"],
            "opsi": arg["opsi"],
            "timpa_baris": [[s, b] for s, b in sorted(timpa_baris)],
            "pengguna": oleh.pk if oleh is not None and oleh.is_authenticated else None,
        },
        izin=IZIN,
        oleh=oleh,
        nama_berkas="hasil-impor.json",
    )
    _tautkan(tugas, "workbook:hasil")
    return tugas


@contextmanager
def _pengguna_riwayat(pengguna):
    """Writes in this block are attributed to ``pengguna`` in the audit trail (django-simple-history reads
    the request's user; a worker has no request). The request's own context, inline, is restored after."""
    konteks = HistoricalRecords.context
    ada = hasattr(konteks, "request")
    lama = getattr(konteks, "request", None)
    if pengguna is not None:
        konteks.request = SimpleNamespace(user=pengguna)
    try:
        yield
    finally:
        if pengguna is not None:
            if ada:
                konteks.request = lama
            else:
                del konteks.request


def impor_jalankan(
    kemajuan: Kemajuan,
    *,
    periksa: str,
    diklaim: str,
    nama: str,
    opsi: dict[str, bool],
    timpa_baris: list[list[Any]],
    pengguna: int | None,
) -> bytes:
    """The job: import the claimed file (all or nothing) and record it in the history, refused or not. An
    unexpected error rolls the import back and is recorded as a refused import with an Indonesian message."""
    simpanan = penyimpanan_privat()
    with simpanan.open(diklaim, "rb") as f:
        isi = f.read()
    user = get_user_model().objects.filter(pk=pengguna).first() if pengguna else None
    dipilih = frozenset((str(s), int(b)) for s, b in timpa_baris)
    try:
        with transaction.atomic(), _pengguna_riwayat(user):
            hasil = workbook_impor(
                io.BytesIO(isi),
                nama_berkas=nama,
                timpa_baris=dipilih,
                kemajuan=_lapor(kemajuan, "Memeriksa dan menyimpan"),
                **opsi,
            )
            riwayat = riwayat_catat(isi, nama, hasil, user, timpa_baris=bool(dipilih), **opsi)
    except Exception:
        logger.exception("Impor workbook %s (pratinjau %s) gagal", nama, periksa)
        hasil = HasilImpor()
        hasil.galat_berkas = GAGAL_TAK_TERDUGA
        riwayat = riwayat_catat(isi, nama, hasil, user, timpa_baris=bool(dipilih), **opsi)
    try:
        simpanan.delete(diklaim)
    except OSError:  # the import is done and recorded; a leftover private file is harmless
        logger.warning("Berkas impor %s tidak dapat dihapus", diklaim, exc_info=True)
    return _json({**hasil_ke_data(hasil), "nama": nama, "riwayat": riwayat.pk})


def _tautkan(tugas: Tugas, nama_url: str) -> None:
    """The job's result is shown on the workbook page (the generic job page links there)."""
    tautan = reverse(nama_url, kwargs={"pk": tugas.pk})
    if tugas.tautan_hasil != tautan:
        Tugas.objects.filter(pk=tugas.pk).update(tautan_hasil=tautan)
        tugas.tautan_hasil = tautan
