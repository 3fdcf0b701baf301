"""Dates and times as people in the kecamatan read them: local time with its zone, Indonesian month names
(``30 November 2026 21.58 WIB``), never a raw timestamp. Used by the ``waktu``/``tanggal`` template filters, the
audit trail (``core.riwayat``) and notification e-mails.

Local time is ``settings.TIME_ZONE`` (Asia/Jakarta for Kota Serang); a caller serving a kota in another zone
passes that zone's name (``zona="Asia/Makassar"`` → WITA).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

#: Indonesia's three zones (Permendagri/Keppres 41/1987) by IANA name; any other zone shows its UTC offset.
SINGKATAN_ZONA = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


def _zona(zona: str | None) -> tuple[ZoneInfo, str]:
    nama = zona or settings.TIME_ZONE
    return ZoneInfo(nama), nama


def _sadar(nilai: datetime) -> datetime:
    """Naive values are UTC, as Django stores them with USE_TZ."""
    return timezone.make_aware(nilai, UTC) if timezone.is_naive(nilai) else nilai


def format_tanggal(nilai: date | datetime | None, zona: str | None = None) -> str:
    """``30 November 2026`` (a datetime is first moved to local time); ``-`` for nothing."""
    if nilai is None:
        return "-"
    if isinstance(nilai, datetime):
        nilai = _sadar(nilai).astimezone(_zona(zona)[0])
    return f"{nilai.day} {BULAN[nilai.month - 1]} {nilai.year}"


def format_waktu(nilai: datetime | date | None, zona: str | None = None) -> str:
    """``30 November 2026 21.58 WIB`` in local time (naive values are taken as UTC, as Django stores them)."""
    if nilai is None:
        return "-"
    if not isinstance(nilai, datetime):
        return format_tanggal(nilai)
    tz, nama = _zona(zona)
    lokal = _sadar(nilai).astimezone(tz)
    singkatan = SINGKATAN_ZONA.get(nama) or lokal.strftime("UTC%z")
    return f"{format_tanggal(lokal)} {lokal:%H.%M} {singkatan}"
