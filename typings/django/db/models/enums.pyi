"""Just enough of django.db.models.enums for mypy to see TextChoices/IntegerChoices as enums (members, .label,
.value, iteration) without the django-stubs plugin. Delete typings/ when django-stubs is adopted."""

import enum
from typing import Any

class ChoicesType(enum.EnumMeta):
    @property
    def choices(cls) -> list[tuple[Any, str]]: ...
    @property
    def labels(cls) -> list[str]: ...
    @property
    def values(cls) -> list[Any]: ...
    @property
    def names(cls) -> list[str]: ...

class Choices(enum.Enum, metaclass=ChoicesType):  # type: ignore[misc]  # members are in the subclasses
    @property
    def label(self) -> str: ...

class IntegerChoices(int, Choices):  # type: ignore[misc]
    @property
    def value(self) -> int: ...

class TextChoices(str, Choices):  # type: ignore[misc]
    @property
    def value(self) -> str: ...
