"""One vocabulary on every page: ``{% load kosakata %}``.

- ``{{ 3|tw }}`` → ``TW III`` (:func:`core.choices.label_triwulan`)
- ``{{ dibuat_pada|waktu }}`` → ``30 November 2026 21.58 WIB``; ``{{ x|tanggal }}`` → ``30 November 2026``
  (:mod:`core.waktu`: local time, Indonesian month names)
"""

from __future__ import annotations

from typing import Any

from django import template

from core import waktu as _waktu
from core.choices import label_triwulan

register = template.Library()


@register.filter
def tw(value: Any) -> str:
    try:
        return label_triwulan(value)
    except (KeyError, ValueError, TypeError):
        return "" if value is None else str(value)


@register.filter
def waktu(value: Any, zona: str | None = None) -> str:
    try:
        return _waktu.format_waktu(value, zona or None)
    except (AttributeError, TypeError, ValueError):
        return "" if value is None else str(value)


@register.filter
def tanggal(value: Any, zona: str | None = None) -> str:
    try:
        return _waktu.format_tanggal(value, zona or None)
    except (AttributeError, TypeError, ValueError):
        return "" if value is None else str(value)
