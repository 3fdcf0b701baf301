"""``{% load narasi_cetak %}``: a narrative paragraph that is a numbered list ("1. …", "a. …" per line) prints
as items with a hanging indent (``p|butir`` gives the (label, text) pairs, or None for running text)."""

from django import template

from dokumen.narasi import butir as _butir

register = template.Library()


@register.filter
def butir(teks: str) -> list[tuple[str, str]] | None:
    return _butir(teks or "")
