"""Form fields for numbers typed the Indonesian way, with the limits of the model fields they end up in, and
the one way a page answers input it cannot use (400 with the reasons, in Bahasa Indonesia)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.angka import AngkaError, format_angka, parse_angka
from core.terbilang import terbilang

__all__ = ["RupiahField", "halaman_400", "pesan_galat"]

#: Typed money with a single dot and one or two digits after it (``1.5``, ``Rp 12.50``): ambiguous, since
#: ``1.5`` may be a decimal point or a thousand with a digit missing (``0.5``, ``1234.5`` are read as decimals).
_AMBIGU = re.compile(
    r"^\s*(?:rp\.?\s*)?-?(?P<utuh>[1-9]\d{0,2})\.(?P<pecahan>\d{1,2})\s*$", re.IGNORECASE | re.ASCII
)


class RupiahField(forms.Field):
    """Rupiah as a person types it (``1.250.000``, ``Rp 125.500,50``; see :func:`core.angka.parse_angka`),
    cleaned to a ``Decimal`` with ``decimal_places`` decimals, or ``None`` when left blank.

    The limits are those of the model's ``DecimalField`` (``max_digits``/``decimal_places``) so that what
    passes the form always fits the column; ``min_value`` (default 0) refuses negative amounts.
    """

    default_error_messages: ClassVar[dict[str, str]] = {
        "invalid": "'%(value)s' bukan angka. Tulis misalnya 1.250.000.",
        "negatif": "Rupiah tidak boleh negatif.",
        "desimal": "Rupiah paling banyak %(desimal)s angka di belakang koma.",
        "terlalu_besar": "Angka terlalu besar: paling banyak %(digit)s angka sebelum koma.",
        "ambigu": (
            "'%(value)s' ambigu: tulis %(koma)s untuk %(koma_kata)s atau %(ribuan)s untuk %(ribuan_kata)s"
        ),
    }

    def __init__(
        self,
        *,
        max_digits: int = 18,
        decimal_places: int = 2,
        min_value: Decimal | None = Decimal(0),
        **kwargs: Any,
    ) -> None:
        self.max_digits, self.decimal_places, self.min_value = max_digits, decimal_places, min_value
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Decimal | None:
        if isinstance(value, (list, tuple, dict)):
            raise ValidationError(self.error_messages["invalid"], code="invalid", params={"value": "…"})
        if value in self.empty_values:
            return None
        if isinstance(value, str):
            self._tolak_ambigu(value)
        try:
            return parse_angka(value)
        except AngkaError:
            teks = str(value)
            teks = teks if len(teks) <= 40 else teks[:40] + "…"
            raise ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": teks}
            ) from None

    def _tolak_ambigu(self, teks: str) -> None:
        """A typed ``1.5`` or ``12.50``: one dot and one or two digits after it reads as a decimal point to
        some and as a badly grouped thousand to others, so it is refused with both ways of writing it."""
        cocok = _AMBIGU.match(teks)
        if cocok is None:
            return
        utuh, pecahan = cocok["utuh"], cocok["pecahan"]
        ribuan = int(utuh + pecahan.ljust(3, "0"))
        raise ValidationError(
            self.error_messages["ambigu"],
            code="ambigu",
            params={
                "value": teks.strip(),
                "koma": f"{utuh},{pecahan}",
                "koma_kata": terbilang(Decimal(f"{utuh}.{pecahan}")),
                "ribuan": format_angka(ribuan),
                "ribuan_kata": terbilang(ribuan),
            },
        )

    def validate(self, value: Decimal | None) -> None:
        super().validate(value)
        if value is None:
            return
        digit = self.max_digits - self.decimal_places
        if not value.is_zero() and value.adjusted() >= digit:  # checked first: quantize needs a bounded size
            raise ValidationError(
                self.error_messages["terlalu_besar"], code="terlalu_besar", params={"digit": digit}
            )
        if self.min_value is not None and value < self.min_value:
            raise ValidationError(self.error_messages["negatif"], code="negatif")
        if value != value.quantize(Decimal(1).scaleb(-self.decimal_places)):
            raise ValidationError(
                self.error_messages["desimal"], code="desimal", params={"desimal": self.decimal_places}
            )

    def clean(self, value: Any) -> Decimal | None:
        hasil = super().clean(value)
        return None if hasil is None else hasil.quantize(Decimal(1).scaleb(-self.decimal_places))


def pesan_galat(form: forms.BaseForm) -> dict[str, str]:
    """The form's errors as ``{field: message}`` (``__all__`` for errors of the whole form)."""
    return {nama: " ".join(str(p) for p in daftar) for nama, daftar in form.errors.items()}


def halaman_400(request: HttpRequest, pesan: str | list[str]) -> HttpResponse:
    """A 400 page naming what was wrong with the request (for GET options and the like)."""
    return render(request, "400.html", {"pesan": [pesan] if isinstance(pesan, str) else pesan}, status=400)
