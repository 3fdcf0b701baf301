"""Import a planning workbook: all-or-nothing, every error at once, idempotent on natural keys.

``workbook_impor(path_or_file, dry_run=...)`` runs inside one transaction. Rows are matched on the keys
of WORKBOOK.md and created, updated in place or left unchanged. When any row of any sheet has an error,
or on a dry run, the transaction is rolled back: the database is exactly as before. When the database itself
refuses a write (a constraint the checks did not foresee, a lost connection), the whole import is rolled back
and reported as one error in Bahasa Indonesia; the database's own message goes to the log, not to the user.

A row is checked whole before anything of it is queued (no savepoint per row: a row with an error queues
nothing), and each sheet's writes go to the database in bulk when the sheet is done (workbook.penulis), so
the next sheets find its rows.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from django.db import DatabaseError, IntegrityError, OperationalError, transaction

from .berkas import KEMAJUAN_SETIAP, BerkasError, Kemajuan, Sheet, buka, normalisasi_nama
from .daftar_lembar import PENANGAN
from .kolom import KOLOM_VERSI, SHEET_BERVERSI, SHEETS
from .lembar import Konflik, Konteks, Perubahan, kode_dipakai
from .penulis import GagalTulis
from .sel import Galat, PembacaBaris

STATUS = ("created", "updated", "unchanged")

logger = logging.getLogger(__name__)


@dataclass
class HasilImpor:
    dry_run: bool = False
    jumlah: Counter = field(default_factory=Counter)  # created / updated / unchanged
    per_sheet: dict[str, Counter] = field(default_factory=dict)
    galat: list[Galat] = field(default_factory=list)
    peringatan: list[str] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)  # what the import filled in by itself (e.g. sifat)
    galat_berkas: str | None = None
    perubahan: list[Perubahan] = field(default_factory=list)  # every changed cell, old → new
    konflik: list[Konflik] = field(default_factory=list)  # rows changed in the application since the export

    @property
    def errors(self) -> int:
        """Rows (or sheets / the file) that have at least one error."""
        if self.galat_berkas:
            return 1
        return len({(g.sheet, g.baris) for g in self.galat})

    @property
    def berhasil(self) -> bool:
        return self.errors == 0

    @property
    def tersimpan(self) -> bool:
        return self.berhasil and not self.dry_run

    def ringkasan(self) -> str:
        j = self.jumlah
        return (
            f"created={j['created']} updated={j['updated']} unchanged={j['unchanged']} errors={self.errors}"
        )

    def pesan_galat(self) -> list[str]:
        if self.galat_berkas:
            return [self.galat_berkas]
        return [str(g) for g in self.galat]


class _Batal(Exception):
    """Raised inside the transaction to roll it back."""


class _GagalBasisData(Exception):
    """A database error while reading or writing a sheet (``baris``: the Excel row, when it can be named); rolls
    the whole import back."""

    def __init__(self, sheet: str, baris: int | None) -> None:
        super().__init__(sheet, baris)
        self.sheet, self.baris = sheet, baris


def _pesan_basis_data(exc: BaseException, tempat: str) -> str:
    """What the user reads when the database refused the import (never the database's own text)."""
    if isinstance(exc, OperationalError):
        return (
            f"Impor gagal: basis data tidak dapat dihubungi atau sedang sibuk{tempat}; tidak ada yang diubah. "
            "Coba lagi beberapa saat lagi."
        )
    if isinstance(exc, IntegrityError):
        sebab = "data bentrok dengan data yang sudah tersimpan atau dengan aturan keutuhan data"
    else:
        sebab = "kesalahan basis data"
    return f"Impor gagal: basis data menolak perubahan{tempat} ({sebab}); tidak ada yang diubah."


def urai_timpa_baris(teks: str | Iterable[str]) -> frozenset[tuple[str, int]]:
    """``"anggaran:12,anggaran:15"`` (or the pieces) → {("anggaran", 12), ("anggaran", 15)}; ValueError with an
    Indonesian message on anything else."""
    bagian = teks.split(",") if isinstance(teks, str) else list(teks)
    hasil = set()
    for b in (b.strip() for b in bagian):
        if not b:
            continue
        sheet, _, baris = b.rpartition(":")
        if not sheet.strip() or not baris.strip().isdigit() or int(baris) < 2:
            raise ValueError(
                f"'{b}' bukan baris yang sah; tulis sheet:baris Excel, dipisah koma, mis. anggaran:12,anggaran:15."
            )
        hasil.add((normalisasi_nama(sheet), int(baris)))
    return frozenset(hasil)


def workbook_impor(
    sumber: str | Path | IO[bytes],
    *,
    dry_run: bool = False,
    nama_berkas: str | None = None,
    timpa_versi: bool = False,
    timpa_kunci: bool = False,
    akui_melebihi_pagu: bool = False,
    timpa_baris: Iterable[tuple[str, int]] | None = None,
    kemajuan: Kemajuan | None = None,
    kemajuan_setiap: int = KEMAJUAN_SETIAP,
) -> HasilImpor:
    """Import (or, with ``dry_run``, preview) a workbook. What admin Bappeda confirmed, each use listed as a
    warning and written into the row's audit trail: ``timpa_versi`` overwrite rows changed in the application
    after the workbook was exported; ``timpa_kunci`` change closed quarters and rows behind a diajukan/disetujui
    document; ``akui_melebihi_pagu`` accept realisasi above pagu. ``timpa_baris`` (sheet, Excel row) confirms
    the overwrite of those conflicting rows only: the other conflicts are then skipped (kept as they are in the
    application, reported) instead of refusing the import. Every conflict is listed in ``HasilImpor.konflik``.

    ``kemajuan(phase, done, total)``, for a job runner showing progress: ``("membaca", rows read, None)`` while
    reading, ``("memeriksa", rows checked and written, rows of the known sheets)`` while checking/writing, at
    most every ``kemajuan_setiap`` rows and once at the end of each phase. An exception raised by it aborts the
    import (rolled back, nothing written) and propagates."""
    hasil = HasilImpor(dry_run=dry_run)
    try:
        sheets = buka(sumber, nama_berkas=nama_berkas, kemajuan=kemajuan, setiap=kemajuan_setiap)
    except BerkasError as exc:
        hasil.galat_berkas = str(exc)
        return hasil

    dikenal = [nama for nama in SHEETS if normalisasi_nama(nama) in sheets]
    for kunci, sheet in sheets.items():
        if kunci not in {normalisasi_nama(n) for n in SHEETS}:
            hasil.peringatan.append(f"Sheet '{sheet.nama}' tidak dikenal dan diabaikan.")
    if not dikenal:
        hasil.galat_berkas = (
            "Workbook tidak memuat satu pun sheet yang dikenal ("
            + ", ".join(SHEETS)
            + "); tidak ada yang diimpor."
        )
        return hasil

    try:
        with transaction.atomic():
            konteks = Konteks(
                timpa_versi=timpa_versi,
                timpa_kunci=timpa_kunci,
                akui_melebihi_pagu=akui_melebihi_pagu,
                timpa_baris=(
                    None
                    if timpa_baris is None
                    else frozenset((normalisasi_nama(s), int(b)) for s, b in timpa_baris)
                ),
                kode=kode_dipakai(sheets[normalisasi_nama(nama)] for nama in dikenal),
            )
            total = sum(len(sheets[normalisasi_nama(nama)].baris) for nama in dikenal)
            selesai = [0]

            def lapor() -> None:
                selesai[0] += 1
                if kemajuan is not None and selesai[0] % kemajuan_setiap == 0:
                    kemajuan("memeriksa", selesai[0], total)

            for nama in dikenal:
                _impor_sheet(nama, sheets[normalisasi_nama(nama)], konteks, hasil, lapor)
            if kemajuan is not None:
                kemajuan("memeriksa", selesai[0], total)
            hasil.perubahan = konteks.perubahan
            hasil.konflik = konteks.konflik
            hasil.peringatan.extend(konteks.peringatan)
            hasil.catatan.extend(konteks.catatan_sifat())
            if hasil.galat or dry_run:
                raise _Batal
    except _Batal:
        pass
    except (_GagalBasisData, DatabaseError) as exc:
        asal = exc.__cause__ if isinstance(exc, _GagalBasisData) else exc
        tempat = ""
        if isinstance(exc, _GagalBasisData):
            tempat = f" pada sheet '{exc.sheet}'" + (f", baris {exc.baris}" if exc.baris is not None else "")
        logger.exception("Impor workbook %s ditolak basis data%s", nama_berkas or sumber, tempat)
        hasil.galat_berkas = _pesan_basis_data(asal or exc, tempat)
        hasil.jumlah.clear()  # nothing was saved
        hasil.per_sheet.clear()
        hasil.perubahan = []
        hasil.konflik = []
    return hasil


def _impor_sheet(
    nama: str, sheet: Sheet, konteks: Konteks, hasil: HasilImpor, lapor: Callable[[], None]
) -> None:
    spec = SHEETS[nama]
    dikenal = {normalisasi_nama(k) for k in spec["kolom"]}
    if nama in SHEET_BERVERSI:
        dikenal.add(KOLOM_VERSI)
    for kolom in sheet.kolom:
        if kolom not in dikenal:
            hasil.peringatan.append(
                f"Sheet '{sheet.nama}': kolom '{sheet.judul[kolom]}' tidak dikenal dan diabaikan."
            )
    hilang = [k for k in spec["wajib"] if normalisasi_nama(k) not in sheet.kolom]
    if hilang:
        hasil.galat.append(
            Galat(sheet.nama, 1, None, None, "kolom wajib tidak ada: " + ", ".join(hilang) + ".")
        )
        return
    hitung = hasil.per_sheet.setdefault(sheet.nama, Counter())
    penangan = PENANGAN[nama]
    penulis = konteks.penulis
    for baris in sheet.baris:
        lapor()
        pembaca = PembacaBaris(sheet.nama, baris)
        tanda = penulis.tanda()
        try:
            status = penangan(pembaca, konteks)
        except DatabaseError as exc:  # a read refused (the connection); the handlers queue their writes
            raise _GagalBasisData(sheet.nama, baris.nomor) from exc
        hasil.peringatan.extend(pembaca.peringatan)
        if pembaca.galat:
            # No savepoint per row: the handler checked before queueing; what it queued is forgotten.
            penulis.batal(tanda)
            hasil.galat.extend(pembaca.galat)
            continue
        if status:
            hasil.jumlah[status] += 1
            hitung[status] += 1
    try:
        penulis.kirim()  # the sheet's writes, in bulk: the next sheets find its rows (and their keys)
    except GagalTulis as exc:  # a constraint the checks above did not foresee, or the connection
        raise _GagalBasisData(sheet.nama, exc.baris) from exc.__cause__
