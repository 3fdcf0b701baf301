"""A user's notifications: only ever their own."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import Kabar


def kabar_milik(user) -> QuerySet[Kabar]:
    return Kabar.objects.filter(penerima=user).select_related("kecamatan")


def kabar_belum_dibaca(user) -> int:
    """The header's count (one query)."""
    if not user.is_authenticated:
        return 0
    return Kabar.objects.filter(penerima=user, dibaca_pada__isnull=True).count()
