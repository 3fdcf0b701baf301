"""The audit trail: who changed what, when, old → new — read from django-simple-history's tables.

``perubahan(*historical_querysets)`` turns history rows into one change per changed field, comparing each
history row with the previous one of the same object (in Python, in a fixed number of queries).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import QuerySet

from core.angka import format_angka
from core.nilai import Nilai
from core.waktu import format_waktu

JENIS = {"+": "dibuat", "~": "diubah", "-": "dihapus"}
ABAIKAN = {
    "id",
    "history_id",
    "history_date",
    "history_change_reason",
    "history_type",
    "history_user",
    "history_user_id",
    "history_relation",
    "versi",
}
# What identifies a row is in its label already; listing it as "changed" on creation is noise.
IDENTITAS = {
    "tahun",
    "kecamatan_id",
    "nomenklatur_id",
    "kelurahan_id",
    "sasaran_id",
    "jenis",
    "revisi",
    "kunci",
    "triwulan",
    "periode_awal",
    "periode_akhir",
}


@dataclass(frozen=True)
class Perubahan:
    waktu: datetime
    pengguna: str
    objek: str
    kolom: str
    lama: str
    baru: str
    jenis: str
    alasan: str


def _teks(nilai: Any) -> str:
    if nilai is None or nilai == "":
        return "-"
    if isinstance(nilai, date):  # a datetime too: local time, never the stored UTC timestamp
        return format_waktu(nilai)
    if isinstance(nilai, Nilai):
        return str(nilai)
    if hasattr(nilai, "as_tuple"):  # Decimal
        return format_angka(nilai)
    return str(nilai)


def perubahan(*riwayat: QuerySet, label=str) -> list[Perubahan]:
    """Changes in the given historical querysets, newest first. ``label(record)`` names the object."""
    hasil: list[Perubahan] = []
    for qs in riwayat:
        model = qs.model
        kolom = [f for f in model._meta.fields if f.attname not in ABAIKAN | IDENTITAS]
        sebelumnya: dict[Any, Any] = {}
        for rec in qs.select_related("history_user").order_by("history_date", "history_id"):
            lalu = sebelumnya.get(rec.id)
            pengguna = (
                (rec.history_user.get_full_name() or rec.history_user.username)
                if rec.history_user
                else "sistem"
            )
            alasan = rec.history_change_reason or ""
            jenis = JENIS.get(rec.history_type, rec.history_type)
            nama_objek = label(rec)
            if rec.history_type == "-":
                # A deletion changes no field: one line says the row is gone.
                hasil.append(
                    Perubahan(
                        rec.history_date,
                        pengguna,
                        nama_objek,
                        "(seluruh baris)",
                        nama_objek,
                        "-",
                        jenis,
                        alasan,
                    )
                )
                sebelumnya[rec.id] = rec
                continue
            for f in kolom:
                baru = getattr(rec, f.attname)
                lama = getattr(lalu, f.attname) if lalu is not None else None
                if lalu is not None and lama == baru:
                    continue
                if lalu is None and baru in (None, ""):
                    continue
                nama = str(f.verbose_name)
                if f.choices:
                    pilihan = dict(f.flatchoices)
                    lama, baru = pilihan.get(lama, lama), pilihan.get(baru, baru)
                hasil.append(
                    Perubahan(
                        rec.history_date, pengguna, nama_objek, nama, _teks(lama), _teks(baru), jenis, alasan
                    )
                )
            sebelumnya[rec.id] = rec
    hasil.sort(key=lambda p: p.waktu, reverse=True)
    return hasil


def ke_xlsx(daftar: list[Perubahan], judul: str) -> bytes:
    """The changes as a workbook (one row per changed field)."""
    import io

    from django.utils import timezone
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from core.xlsx import tambah_baris

    wb = Workbook()
    ws = wb.active
    ws.title = "Riwayat"
    # Names, values and reasons are user text: written as text, never as formulas (core.xlsx).
    tambah_baris(ws, [judul])
    ws["A1"].font = Font(bold=True, size=12)
    kepala = ["Waktu", "Pengguna", "Data", "Kolom", "Nilai lama", "Nilai baru", "Jenis", "Keterangan"]
    tambah_baris(ws, kepala)
    for sel in ws[2]:
        sel.font = Font(bold=True)
    for p in daftar:
        tambah_baris(
            ws,
            [
                timezone.localtime(p.waktu).replace(tzinfo=None),
                p.pengguna,
                p.objek,
                p.kolom,
                p.lama,
                p.baru,
                p.jenis,
                p.alasan,
            ],
        )
        ws.cell(row=ws.max_row, column=1).number_format = "dd/mm/yyyy hh:mm:ss"
    for huruf, lebar in zip("ABCDEFGH", (20, 22, 50, 24, 22, 22, 10, 28)):
        ws.column_dimensions[huruf].width = lebar
    ws.freeze_panes = "A3"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def respons_riwayat(daftar: list[Perubahan], judul: str, nama_berkas: str):
    """The XLSX download of an audit trail (used by every riwayat link)."""
    from core.unduhan import respons_unduhan

    return respons_unduhan(
        ke_xlsx(daftar, judul),
        nama_berkas,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
