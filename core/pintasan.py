"""Shortcuts every app's views use."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404


def ambil_atau_404(sumber: Any, pesan: str, **saring: Any) -> Any:
    """``get_object_or_404`` with the message the user sees in Bahasa Indonesia (Django's own names the model
    in English). ``sumber`` is a model, manager or queryset — pass one already scoped (``.untuk(…)``)."""
    try:
        return get_object_or_404(sumber, **saring)
    except Http404:
        raise Http404(pesan) from None
