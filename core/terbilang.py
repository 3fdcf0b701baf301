"""Numbers in Indonesian words ("terbilang"), e.g. for "pengajuan sebesar Rp … (… rupiah)".

``terbilang(24_300_000_000)`` → ``"dua puluh empat miliar tiga ratus juta"``. Lowercase, single spaces.
"""

from __future__ import annotations

from decimal import Decimal

__all__ = ["terbilang", "terbilang_rupiah"]

_SATUAN = (
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
)

#: (value, word), largest first. "seribu triliun" and up are said with "triliun", as usual.
_SKALA = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu"))

#: Largest number read (999.999 triliun); above that there is no common word.
MAKSIMUM = 10**18 - 1


def terbilang(value: int | Decimal) -> str:
    """Indonesian words for a non-negative number up to :data:`MAKSIMUM`.

    Uses the "se-" forms (sepuluh, sebelas, seratus, seribu). A Decimal with a non-zero fraction gets
    ``" koma "`` and the fraction's digits read one by one (trailing zeros dropped): ``12,05`` →
    ``"dua belas koma nol lima"``. Raises ``ValueError`` for negative or too large numbers and
    ``TypeError`` for other types.
    """
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError(f"terbilang memerlukan bilangan bulat atau Decimal, bukan {type(value).__name__}")
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError(f"'{value}' bukan bilangan yang dapat dibilang")
    if value < 0:
        raise ValueError(f"terbilang hanya untuk bilangan tidak negatif, bukan {value}")
    utuh = int(value)
    if utuh > MAKSIMUM:
        raise ValueError(f"{value} terlalu besar untuk dibilang (maksimal 999.999 triliun)")
    kata = _bulat(utuh) if utuh else _SATUAN[0]
    if isinstance(value, Decimal):
        digit = f"{value:f}".partition(".")[2].rstrip("0")
        if digit:
            kata += " koma " + " ".join(_SATUAN[int(d)] for d in digit)
    return kata


def terbilang_rupiah(value: int | Decimal) -> str:
    """Words for the whole rupiah (cents are dropped) followed by ``"rupiah"``: ``"seribu rupiah"``."""
    if isinstance(value, Decimal) and value.is_finite():
        value = int(value)
    return f"{terbilang(value)} rupiah"


def _bulat(n: int) -> str:
    """Words for 1 ≤ n ≤ MAKSIMUM (0 gives "")."""
    if n == 0:
        return ""
    if n < 12:
        return _SATUAN[n]
    if n < 20:
        return f"{_SATUAN[n - 10]} belas"
    if n < 100:
        return _gabung(f"{_SATUAN[n // 10]} puluh", _bulat(n % 10))
    if n < 1000:
        ratus = "seratus" if n < 200 else f"{_SATUAN[n // 100]} ratus"
        return _gabung(ratus, _bulat(n % 100))
    for skala, nama in _SKALA:
        if n >= skala:
            depan = "seribu" if skala == 1000 and n < 2000 else f"{_bulat(n // skala)} {nama}"
            return _gabung(depan, _bulat(n % skala))
    raise AssertionError(n)  # pragma: no cover


def _gabung(depan: str, belakang: str) -> str:
    return f"{depan} {belakang}" if belakang else depan
