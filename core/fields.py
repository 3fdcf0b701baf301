"""Model field storing a :class:`~core.nilai.Nilai` (number, SAKIP grade or nothing) as text.

The column holds the canonical text of :meth:`Nilai.to_db` (``"75.5"``, ``"1200"``, ``"CC"``) or NULL.
On the model the attribute is always a :class:`Nilai` (``KOSONG`` for NULL): a ``str``, number or
``Nilai`` may be assigned and is converted at once. A value that cannot be read is kept as assigned
so that ``full_clean()`` reports it as a validation error (in Bahasa Indonesia).
"""

from __future__ import annotations

import contextlib
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.query_utils import DeferredAttribute

from core.nilai import KOSONG, Nilai, NilaiError

__all__ = ["NilaiField", "NilaiFormField"]

_MAX_LENGTH = 32


def _ke_nilai(value: Any) -> Nilai:
    try:
        return Nilai.parse(value)
    except NilaiError as exc:
        raise ValidationError(str(exc), code="invalid", params={"value": value}) from None


class NilaiFormField(forms.CharField):
    """Form field cleaning to a :class:`Nilai`; shows numbers the Indonesian way and kosong as blank.

    ``panjang_maks`` is the column's length: a value whose stored text (:meth:`Nilai.to_db`) is longer is
    refused here rather than by the database."""

    empty_values = [*forms.CharField.empty_values, KOSONG]

    def __init__(self, *args: Any, panjang_maks: int | None = _MAX_LENGTH, **kwargs: Any) -> None:
        self.panjang_maks = panjang_maks
        super().__init__(*args, **kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Nilai):
            return "" if value.kosong else str(value)
        return value

    def to_python(self, value: Any) -> Nilai:
        return _ke_nilai(super().to_python(value))

    def validate(self, value: Any) -> None:
        super().validate(value)
        teks = value.to_db() if isinstance(value, Nilai) else None
        if self.panjang_maks is not None and teks is not None and len(teks) > self.panjang_maks:
            raise ValidationError(
                "Nilai terlalu panjang: paling banyak %(maks)s karakter.",
                code="max_length",
                params={"maks": self.panjang_maks},
            )


class _NilaiDescriptor(DeferredAttribute):
    """Converts whatever is assigned to the attribute into a :class:`Nilai` when it can."""

    def __set__(self, instance: models.Model, value: Any) -> None:
        with contextlib.suppress(ValidationError):  # if unreadable, kept as is for full_clean() to report
            value = self.field.to_python(value)
        instance.__dict__[self.field.attname] = value


class NilaiField(models.CharField):
    """A ``CharField`` holding a :class:`Nilai`.

    Defaults: ``max_length=32``, ``null=True``, ``blank=True`` (left out of migrations when unchanged).
    """

    description = "Nilai (angka, predikat SAKIP atau kosong)"
    descriptor_class = _NilaiDescriptor
    empty_values = [*models.CharField.empty_values, KOSONG]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", _MAX_LENGTH)
        kwargs.setdefault("null", True)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> tuple[str, str, list[Any], dict[str, Any]]:
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == _MAX_LENGTH:
            del kwargs["max_length"]
        for flag in ("null", "blank"):
            if getattr(self, flag):
                kwargs.pop(flag, None)
            else:
                kwargs[flag] = False
        return name, path, args, kwargs

    def to_python(self, value: Any) -> Nilai:
        return KOSONG if value is None else _ke_nilai(value)

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Nilai:
        return Nilai.from_db(value)

    def get_prep_value(self, value: Any) -> str | None:
        value = models.Field.get_prep_value(self, value)  # resolves lazy objects
        teks = None if value is None else Nilai.parse(value).to_db()
        if teks is None and not self.null:
            return ""  # kosong in a NOT NULL column, as Django does for CharField
        return teks

    def get_default(self) -> Any:
        return self.to_python(super().get_default())

    def run_validators(self, value: Any) -> None:
        super().run_validators(value.to_db() if isinstance(value, Nilai) else value)

    def formfield(self, **kwargs: Any) -> forms.Field:
        # max_length=None: the form field's length check would run on a Nilai, not on text.
        return super().formfield(
            **{"form_class": NilaiFormField, "max_length": None, "panjang_maks": self.max_length, **kwargs}
        )

    def value_to_string(self, obj: models.Model) -> str | None:
        value = self.value_from_object(obj)
        return Nilai.parse(value).to_db() if value is not None else None
