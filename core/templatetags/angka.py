"""Template filters for Indonesian numbers: ``{% load angka %}``.

- ``{{ pagu|rupiah }}`` → ``19.213.538.636``
- ``{{ capaian|persen }}`` → ``98,92``; ``{{ capaian|persen:"%" }}`` → ``98,92 %``
- ``{{ x|angka }}`` → ``1.234,5``; ``{{ x|angka:2 }}`` → ``1.234,50``
- ``{{ target|nilai }}`` → ``75,5``, ``CC`` or ``-``
- ``{{ total|terbilang }}`` → ``seribu``; ``{{ total|terbilang_rupiah }}`` → ``seribu rupiah``

The formatting itself lives in :mod:`core.angka`, :mod:`core.nilai` and :mod:`core.terbilang`;
a value that cannot be read is shown unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import template

from core import angka as _angka
from core import terbilang as _terbilang
from core.nilai import Nilai

register = template.Library()


def _aman(fungsi: Callable[[], str], value: Any) -> str:
    """Filters must not break a page: on a value that is not a number, show it as it is."""
    try:
        return fungsi()
    except (ValueError, TypeError):
        return "" if value is None else str(value)


@register.filter(is_safe=True)
def rupiah(value: Any) -> str:
    return _aman(lambda: _angka.format_rupiah(value), value)


@register.filter(is_safe=True)
def persen(value: Any, suffix: Any = False) -> str:
    return _aman(lambda: _angka.format_persen(value, suffix=bool(suffix)), value)


@register.filter(is_safe=True)
def angka(value: Any, desimal: Any = None) -> str:
    return _aman(lambda: _angka.format_angka(value, None if desimal in (None, "") else int(desimal)), value)


@register.filter(is_safe=True)
def nilai(value: Any) -> str:
    return _aman(lambda: str(Nilai.parse(value)), value)


@register.filter(is_safe=True)
def terbilang(value: Any) -> str:
    return _aman(lambda: _terbilang.terbilang(_bilangan(value)), value)


@register.filter(is_safe=True)
def terbilang_rupiah(value: Any) -> str:
    return _aman(lambda: _terbilang.terbilang_rupiah(_bilangan(value)), value)


def _bilangan(value: Any) -> Any:
    """Read text and floats the one way (:func:`core.angka.parse_angka`) before spelling them out."""
    return value if isinstance(value, int) else _angka.parse_angka(value)
