"""The formulas of DOMAIN.md ("Formulas"), one function each.

All results are unrounded :class:`~decimal.Decimal` values; round only when displaying
(:func:`core.angka.format_persen`). A missing input gives ``None`` ("-"), never an error and never 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, localcontext

from core.angka import parse_angka
from core.choices import MetodeNegatif, Polaritas, Sifat
from core.nilai import KOSONG, Nilai

__all__ = [
    "METODE_NEGATIF",
    "POLARITAS",
    "SIFAT",
    "capaian_anggaran",
    "capaian_kinerja",
    "jumlah",
    "metode_negatif_aktif",
    "nilai_tahunan",
    "predikat",
    "rata_rata",
]

POLARITAS: tuple[str, ...] = tuple(Polaritas.values)  # ("positif", "negatif")
SIFAT: tuple[str, ...] = tuple(Sifat.values)  # ("kumulatif", "akhir")
METODE_NEGATIF: tuple[str, ...] = tuple(MetodeNegatif.values)  # ("selisih", "rasio")

#: Arithmetic context of every formula: 28 significant digits.
KONTEKS = Context(prec=28, rounding=ROUND_HALF_EVEN)
_KONTEKS_LEBAR = Context(prec=60)  # for quantize of very large values

_SERATUS = Decimal(100)
_NOL = Decimal(0)

#: Lower bounds of the predikat capaian, highest first.
_PREDIKAT: tuple[tuple[Decimal, str], ...] = (
    (Decimal(91), "Sangat Tinggi"),
    (Decimal(76), "Tinggi"),
    (Decimal(66), "Sedang"),
    (Decimal(51), "Rendah"),
)


def metode_negatif_aktif(metode: str | None = None) -> str:
    """The method for negatif indicators: ``metode`` if given, else the setting
    ``CAPAIAN_METODE_NEGATIF``, else ``"selisih"``. Raises ``ValueError`` for an unknown method."""
    if metode is None:
        from django.conf import settings

        metode = getattr(settings, "CAPAIAN_METODE_NEGATIF", None) or MetodeNegatif.SELISIH
    if metode not in METODE_NEGATIF:
        raise ValueError(
            f"metode capaian negatif '{metode}' tidak dikenal (pilihan: {', '.join(METODE_NEGATIF)})"
        )
    return str(metode)


def capaian_kinerja(
    target: Nilai | None,
    realisasi: Nilai | None,
    polaritas: str = Polaritas.POSITIF,
    metode_negatif: str | None = None,
) -> Decimal | None:
    """Tingkat capaian kinerja in % (unrounded).

    - positif: ``R / T × 100``;
    - negatif, metode ``"selisih"`` (default, see :func:`metode_negatif_aktif`): ``(2T − R) / T × 100``,
      never below 0; metode ``"rasio"``: ``T / R × 100`` (``R = 0`` gives ``None``);
    - grades: the same formulas on the grades' midpoint scores (target B, realisasi CC: 55 / 65 × 100).

    ``None`` when the target is kosong or 0, the realisasi is kosong, or one is a grade and the other a
    number. Values that are not a :class:`Nilai` are read with :meth:`Nilai.parse`.
    """
    if polaritas not in POLARITAS:
        raise ValueError(f"polaritas '{polaritas}' tidak dikenal (pilihan: {', '.join(POLARITAS)})")
    target, realisasi = _nilai(target), _nilai(realisasi)
    if target.kosong or realisasi.kosong or target.is_grade != realisasi.is_grade:
        return None
    t, r = target.skor, realisasi.skor
    assert t is not None and r is not None
    if t.is_zero():
        return None
    with localcontext(KONTEKS):
        if polaritas == Polaritas.POSITIF:
            return r / t * _SERATUS
        if metode_negatif_aktif(metode_negatif) == MetodeNegatif.RASIO:
            return None if r.is_zero() else t / r * _SERATUS
        return max(_NOL, (2 * t - r) / t * _SERATUS)


def capaian_anggaran(pagu: Decimal | int | None, realisasi: Decimal | int | None) -> Decimal | None:
    """Serapan anggaran (tingkat capaian Rp) in %: ``realisasi / pagu × 100`` (unrounded).

    ``None`` when the pagu is missing or 0 or the realisasi is missing. Other inputs are read with
    :func:`~core.angka.parse_angka`.
    """
    p, r = parse_angka(pagu), parse_angka(realisasi)
    if p is None or r is None or p.is_zero():
        return None
    with localcontext(KONTEKS):
        return r / p * _SERATUS


def nilai_tahunan(triwulan: Sequence[Nilai | None], sifat: str) -> Nilai:
    """The year value of an indicator from its quarters (TW I–IV, in order; ``None`` = not reported).

    - ``"kumulatif"``: the sum of the quarters that have a number; all kosong gives :data:`KOSONG`.
      Grades cannot be summed: if any quarter holds a grade, the last reported quarter is the value.
    - ``"akhir"``: the last reported (non-kosong) quarter.
    """
    if sifat not in SIFAT:
        raise ValueError(f"sifat '{sifat}' tidak dikenal (pilihan: {', '.join(SIFAT)})")
    terisi = [n for n in map(_nilai, triwulan) if not n.kosong]
    if not terisi:
        return KOSONG
    if sifat == Sifat.AKHIR or any(n.is_grade for n in terisi):
        return terisi[-1]
    return Nilai(angka=jumlah(n.angka for n in terisi))


def jumlah(values: Iterable[Decimal | int | None]) -> Decimal | None:
    """Sum of the values that are present (program Rp = sum of its kegiatan); all missing → ``None``."""
    ada = [d for d in map(parse_angka, values) if d is not None]
    if not ada:
        return None
    with localcontext(KONTEKS):
        return sum(ada, _NOL)


def rata_rata(values: Iterable[Decimal | int | None]) -> Decimal | None:
    """Arithmetic mean of the values that are present (e.g. capaian of kegiatan); none → ``None``."""
    ada = [d for d in map(parse_angka, values) if d is not None]
    if not ada:
        return None
    with localcontext(KONTEKS):
        return sum(ada, _NOL) / len(ada)


def predikat(capaian: Decimal | None) -> str | None:
    """Predikat capaian: ≥ 91 Sangat Tinggi, ≥ 76 Tinggi, ≥ 66 Sedang, ≥ 51 Rendah, else Sangat Rendah.

    The DOMAIN.md ranges (76–90,99 …) are read as lower bounds of the capaian as displayed, i.e.
    rounded half up to 2 decimals, so the predikat always agrees with the printed percentage:
    90,994 is "Tinggi", 90,995 (shown as 91,00) is "Sangat Tinggi". ``None`` → ``None``.
    """
    if capaian is None:
        return None
    tampil = Decimal(capaian).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP, context=_KONTEKS_LEBAR)
    for batas, label in _PREDIKAT:
        if tampil >= batas:
            return label
    return "Sangat Rendah"


def _nilai(value: object) -> Nilai:
    return KOSONG if value is None else Nilai.parse(value)
