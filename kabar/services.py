"""Sending notifications. Called by the services that change a document's status and that write or answer a
catatan verifikator (never by views), inside their transaction: a rolled-back change notifies nobody.

E-mail goes out through Django's mail only when ``EMAIL_HOST`` is set (the demo prints to the console backend
instead, see settings), after the transaction commits, to recipients who have an address; a mail server that
fails never undoes the change it reports."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import JenisKabar, Kabar

log = logging.getLogger(__name__)


def kabar_kirim(
    penerima: Iterable,
    jenis: JenisKabar,
    judul: str,
    *,
    isi: str = "",
    tautan: str = "",
    kecamatan=None,
    kecuali=None,
) -> list[Kabar]:
    """One notification per distinct recipient (``kecuali``: the user who acted, who needs no news of it)."""
    orang = {u.pk: u for u in penerima if u is not None and u.is_active}
    if kecuali is not None:
        orang.pop(kecuali.pk, None)
    baru = Kabar.objects.bulk_create(
        [
            Kabar(
                penerima=u, jenis=jenis, judul=judul[:200], isi=isi, tautan=tautan[:300], kecamatan=kecamatan
            )
            for u in orang.values()
        ]
    )
    alamat = sorted({u.email for u in orang.values() if u.email})
    if alamat and _surel_aktif():
        transaction.on_commit(lambda: _kirim_surel(alamat, judul, isi, tautan))
    return baru


def _surel_aktif() -> bool:
    return bool(getattr(settings, "KABAR_SUREL", False))


def _kirim_surel(alamat: list[str], judul: str, isi: str, tautan: str) -> None:
    from django.core.mail import send_mail

    badan = "\n\n".join(
        t for t in (isi, f"Buka: {settings.KABAR_ALAMAT_SITUS}{tautan}" if tautan else "") if t
    )
    try:
        send_mail(f"[Rencana & Kinerja Kecamatan] {judul}", badan or judul, None, alamat)
    except Exception:  # the change is saved; the in-app notification is there even if the mail is not
        log.warning("Surel pemberitahuan '%s' gagal dikirim", judul, exc_info=True)


def kabar_tandai_dibaca(user, pk: int | None = None) -> int:
    """Mark the user's unread notifications read (only ``pk`` when given); the number marked."""
    qs = Kabar.objects.filter(penerima=user, dibaca_pada__isnull=True)
    if pk is not None:
        qs = qs.filter(pk=pk)
    return qs.update(dibaca_pada=timezone.now())
