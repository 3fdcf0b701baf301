"""``{% load narasi_cetak %}``: a narrative paragraph that is a numbered list ("1. …", "a. …" per line) prints
as items with a hanging indent (``p|butir`` gives the (label, text) pairs, or None for running text)."""

from django import template

from dokumen.narasi import butir as _butir

register = template.Library()


@register.filter
def butir(teks: str) -> list[tuple[str, str]] | None:
    return _butir(teks or "")


@register.filter
def halaman_dari(halaman: dict[str, int] | None, anchor: str) -> int | str:
    """The page of ``anchor`` in the joined document (``{{ halaman|halaman_dari:c.anchor }}``, daftar isi of
    a document laid out per chapter: dokumen/bab.py)."""
    return (halaman or {}).get(anchor, "")
