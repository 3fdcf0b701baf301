"""The one parser and the one formatter of Indonesian numbers.

Indonesian notation uses ``.`` to group thousands and ``,`` as the decimal mark: ``1.234.567,89``.
Everything that reads a number typed by a person or found in a workbook goes through
:func:`parse_angka`; everything that shows a number goes through :func:`format_angka` (or its
shortcuts :func:`format_rupiah` and :func:`format_persen`).

Values are :class:`~decimal.Decimal`, never float. Rounding (half up) happens only when formatting.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext

__all__ = ["AngkaError", "format_angka", "format_excel", "format_persen", "format_rupiah", "parse_angka"]

#: Strings that mean "no value" (not zero).
_GARIS = frozenset({"-", "\u2013", "\u2014"})  # hyphen, en dash, em dash
TANPA_NILAI = _GARIS | {""}

_RP = re.compile(r"^rp\.?\s*", re.IGNORECASE)
_PERSEN = re.compile(r"\s*%$")
_RUPIAH_TANPA_SEN = re.compile(r",-$")  # "Rp 10.000,-" = 10.000 without cents
_RIBUAN_DESIMAL = re.compile(r"^[1-9]\d{0,2}(?:\.\d{3})+,\d+$", re.ASCII)  # 1.234.567,89
_DESIMAL_KOMA = re.compile(r"^\d+,\d+$", re.ASCII)  # 75,5
_RIBUAN = re.compile(r"^[1-9]\d{0,2}(?:\.\d{3})+$", re.ASCII)  # 1.234.567 / 12.500
_DESIMAL_TITIK = re.compile(r"^\d+\.\d+$", re.ASCII)  # 1234567.89 / 0.5
_BULAT = re.compile(r"^\d+$", re.ASCII)


class AngkaError(ValueError):
    """A value that is not a valid number; the message is in Bahasa Indonesia."""

    def __init__(self, value: object, alasan: str | None = None) -> None:
        self.value = value
        pesan = f"'{value}' bukan angka yang sah"
        if alasan:
            pesan = f"{pesan}: {alasan}"
        super().__init__(pesan)


def parse_angka(value: object) -> Decimal | None:
    """Read a number as a person or Excel gives it; ``None`` means "no value".

    Accepts ``None``, ``int``, ``Decimal``, ``float`` (taken as its shortest repr, so ``0.1`` stays
    ``Decimal("0.1")``) and ``str``. Strings may be ``""``/``"-"``/``"–"`` (no value), and may carry a
    leading ``Rp``/``Rp.`` or a trailing ``%``. Number forms: ``1.234.567,89``, ``75,5``,
    ``1.234.567``/``12.500`` (dots grouping thousands), ``1234567.89``/``0.5`` (a decimal point),
    ``1234``, optionally with a leading ``-``. ``Rp 10.000,-`` is ``10000``. Anything else raises
    :class:`AngkaError`. Negative numbers are returned as such; callers decide whether they are valid.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise AngkaError(value)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise AngkaError(value)
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise AngkaError(value)
        return Decimal(repr(value))
    if isinstance(value, str):
        return _parse_teks(value)
    raise AngkaError(value)


def _parse_teks(teks: str) -> Decimal | None:
    s = teks.strip()
    if s in TANPA_NILAI:
        return None
    negatif = s.startswith("-") and s[1:3].lower() == "rp"  # "-Rp 1.000"
    if negatif:
        s = s[1:]
    s, ada_rp = _RP.subn("", s, count=1)
    s, ada_persen = _PERSEN.subn("", s, count=1)
    if ada_rp and ada_persen:
        raise AngkaError(teks, "tidak boleh berisi Rp dan % sekaligus")
    if not negatif and s in _GARIS:
        return None  # "Rp -", "- %"
    if s.startswith("-"):  # "Rp -1.000", "-5 %", "-1.234,5"
        if negatif:
            raise AngkaError(teks)
        negatif, s = True, s[1:]
    if ada_rp:
        s = _RUPIAH_TANPA_SEN.sub("", s)
    angka = _baku(teks, s)
    hasil = Decimal(("-" if negatif else "") + angka)
    return hasil.copy_abs() if hasil.is_zero() else hasil


def _baku(asli: str, s: str) -> str:
    """Turn the unsigned number text ``s`` into Python's notation (``1234567.89``)."""
    ada_titik, ada_koma = "." in s, "," in s
    if ada_titik and ada_koma:
        if _RIBUAN_DESIMAL.match(s):
            return s.replace(".", "").replace(",", ".")
        raise AngkaError(asli, "gunakan titik sebagai pemisah ribuan (tiap 3 angka) dan koma untuk desimal")
    if ada_koma:
        if _DESIMAL_KOMA.match(s):
            return s.replace(",", ".")
        if s.count(",") > 1:
            raise AngkaError(asli, "gunakan titik sebagai pemisah ribuan, bukan koma")
        raise AngkaError(asli)
    if ada_titik:
        if _RIBUAN.match(s):
            return s.replace(".", "")
        if _DESIMAL_TITIK.match(s):
            return s
        raise AngkaError(asli, "pemisah ribuan harus tiap 3 angka")
    if _BULAT.match(s):
        return s
    raise AngkaError(asli)


def format_angka(value: object, desimal: int | None = None) -> str:
    """Show a number the Indonesian way: ``1.234.567,89``; ``None`` (no value) is ``"-"``.

    ``desimal`` fixes the number of decimals (rounded half up); ``None`` shows as many as the value
    has, without trailing zeros (``Decimal("1234.50")`` → ``"1.234,5"``). Non-Decimal input is read
    with :func:`parse_angka` first.
    """
    angka = parse_angka(value)
    if angka is None:
        return "-"
    if desimal is None:
        desimal = len(f"{angka:f}".partition(".")[2].rstrip("0"))  # exact, unlike normalize()
    elif desimal < 0:
        raise ValueError("jumlah desimal tidak boleh negatif")
    with localcontext(Context(prec=max(28, angka.adjusted() + desimal + 10))):
        try:
            bulat = angka.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
        except InvalidOperation:  # pragma: no cover - the precision above is always enough
            raise AngkaError(value) from None
    tanda = "-" if bulat.is_signed() and not bulat.is_zero() else ""
    utuh, _, pecahan = f"{bulat.copy_abs():f}".partition(".")
    kelompok = f"{int(utuh):,}".replace(",", ".")
    return f"{tanda}{kelompok},{pecahan}" if pecahan else f"{tanda}{kelompok}"


def format_rupiah(value: object) -> str:
    """Rupiah without cents, rounded half up: ``19.213.538.636``; ``None`` → ``"-"``."""
    return format_angka(value, 0)


def format_persen(value: object, suffix: bool = False) -> str:
    """A percentage with 2 decimals, rounded half up: ``98,92`` (``"98,92 %"`` with suffix)."""
    teks = format_angka(value, 2)
    return f"{teks} %" if suffix and teks != "-" else teks


#: Excel display formats of the report columns. The grouping and decimal marks Excel shows follow the
#: reader's regional settings: with Indonesian settings ``#,##0`` shows ``19.213.538.636``.
EXCEL_RUPIAH = "#,##0"
EXCEL_PERSEN = "#,##0.00"


def format_excel(jenis: str, value: object = None) -> str:
    """The Excel number format for a value of a report column kind (``rupiah``, ``persen``, ``angka``, ``nilai``).

    Rupiah without cents and percentages with 2 decimals, like :func:`format_rupiah`/:func:`format_persen`;
    other numbers with as many decimals as the value has (at most 6), like :func:`format_angka`.
    """
    if jenis == "rupiah":
        return EXCEL_RUPIAH
    if jenis == "persen":
        return EXCEL_PERSEN
    angka = parse_angka(value) if value is not None else None
    desimal = 0 if angka is None else min(6, len(f"{angka:f}".partition(".")[2].rstrip("0")))
    return "#,##0" + ("." + "0" * desimal if desimal else "")
