"""One value type for targets and realisasi: a number, a SAKIP grade, or nothing.

Indicators are measured either in numbers (``75,5`` %, ``12`` dokumen) or in SAKIP grades
(``D`` < ``C`` < ``CC`` < ``B`` < ``BB`` < ``A`` < ``AA``). :class:`Nilai` holds either kind, or neither
(:data:`KOSONG`, "no value" — which is not zero).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from core.angka import AngkaError, format_angka, parse_angka

__all__ = ["GRADES", "GRADE_MIDPOINT", "KOSONG", "Nilai", "NilaiError"]

#: SAKIP grades, ordinal from low to high.
GRADES: tuple[str, ...] = ("D", "C", "CC", "B", "BB", "A", "AA")

#: Midpoint score of each grade, used to compute a capaian between grades.
GRADE_MIDPOINT: dict[str, Decimal] = {
    "AA": Decimal(95),
    "A": Decimal(85),
    "BB": Decimal(75),
    "B": Decimal(65),
    "CC": Decimal(55),
    "C": Decimal(40),
    "D": Decimal(15),
}


class NilaiError(ValueError):
    """A value that is neither a number nor a SAKIP grade; the message is in Bahasa Indonesia."""

    def __init__(self, value: object) -> None:
        self.value = value
        super().__init__(
            f"'{value}' bukan nilai yang sah: isi dengan angka atau predikat SAKIP ({', '.join(GRADES)})"
        )


@dataclass(frozen=True)
class Nilai:
    """A number (``angka``), a SAKIP grade (``grade``), or neither (kosong). Never both.

    Equality is by value: ``Nilai.parse("75,50") == Nilai.parse("75.5")``.
    """

    angka: Decimal | None = None
    grade: str | None = None

    def __post_init__(self) -> None:
        if self.angka is not None and self.grade is not None:
            raise ValueError("Nilai berisi angka atau predikat, tidak keduanya")
        if self.angka is not None:
            if not isinstance(self.angka, Decimal):
                object.__setattr__(self, "angka", parse_angka(self.angka))
            elif not self.angka.is_finite():
                raise NilaiError(self.angka)
        if self.grade is not None and self.grade not in GRADES:
            raise NilaiError(self.grade)

    @property
    def kosong(self) -> bool:
        """True when there is no value."""
        return self.angka is None and self.grade is None

    @property
    def is_grade(self) -> bool:
        return self.grade is not None

    @property
    def is_angka(self) -> bool:
        return self.angka is not None

    @property
    def skor(self) -> Decimal | None:
        """The number, or the grade's midpoint score (:data:`GRADE_MIDPOINT`); ``None`` when kosong."""
        if self.grade is not None:
            return GRADE_MIDPOINT[self.grade]
        return self.angka

    @classmethod
    def parse(cls, value: object) -> Nilai:
        """Read a number (anything :func:`~core.angka.parse_angka` accepts) or a grade (any case).

        Blank, ``-`` and ``None`` give :data:`KOSONG`; anything else raises :class:`NilaiError`.
        """
        if isinstance(value, Nilai):
            return value
        if isinstance(value, str) and value.strip().upper() in GRADES:
            return cls(grade=value.strip().upper())
        try:
            angka = parse_angka(value)
        except AngkaError:
            raise NilaiError(value) from None
        return cls(angka=angka) if angka is not None else KOSONG

    def to_db(self) -> str | None:
        """Canonical text for storage: ``"75.5"``, ``"1200"``, ``"CC"``; ``None`` when kosong."""
        if self.grade is not None:
            return self.grade
        if self.angka is None:
            return None
        if self.angka.is_zero():
            return "0"
        teks = f"{self.angka:f}"  # never exponent notation; exact (normalize() would round to 28 digits)
        return teks.rstrip("0").rstrip(".") if "." in teks else teks

    @classmethod
    def from_db(cls, text: str | None) -> Nilai:
        """Inverse of :meth:`to_db` (strict: a plain ``1234.5`` number, a grade, or NULL/empty)."""
        if text is None or text.strip() == "":
            return KOSONG
        text = text.strip()
        if text in GRADES:
            return cls(grade=text)
        try:
            angka = Decimal(text)
        except InvalidOperation:
            raise NilaiError(text) from None
        if not angka.is_finite():
            raise NilaiError(text)
        return cls(angka=angka)

    def __str__(self) -> str:
        """Indonesian display: ``1.234,5``, ``CC`` or ``-``."""
        if self.grade is not None:
            return self.grade
        return format_angka(self.angka)


#: The empty value.
KOSONG = Nilai()
