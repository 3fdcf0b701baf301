"""A report table frozen as JSON and read back unchanged (the approved version of a table, ``dokumen.cap``).

:func:`tabel_ke_json` turns a :class:`~core.laporan.tabel.Tabel` (or a subclass of it, e.g. the LKjIP table
with its charts and formulas) into plain JSON; :func:`tabel_dari_json` gives back an equal table of the same
class, so every renderer draws the frozen table exactly as it drew the live one (``repr`` is the same too).

Encoding: a dataclass is ``{"$kelas": name, "isi": {field: value}}``; ``Decimal`` is ``{"$d": "1.50"}`` (as
written, exponent kept); a tuple is ``{"$t": [...]}``; ``str``/``int``/``float``/``bool``/``None``, lists and
dicts with string keys are JSON as they are. Only the table classes and the dataclasses their fields name
are read back (found from :class:`Tabel` and its subclasses); any other name is refused, so stored JSON can
never make this module build an arbitrary object.
"""

from __future__ import annotations

import dataclasses
import typing
from decimal import Decimal
from functools import cache
from typing import Any

from .tabel import Tabel

__all__ = ["GalatBeku", "tabel_dari_json", "tabel_ke_json"]

_KELAS, _ISI, _DESIMAL, _TUPEL = "$kelas", "isi", "$d", "$t"


class GalatBeku(ValueError):
    """Stored JSON that is not a frozen table this code can read (the message is for the log)."""


def _nama(kelas: type) -> str:
    return f"{kelas.__module__}.{kelas.__qualname__}"


def _tipe_dalam(petunjuk: Any) -> set[type]:
    """The dataclasses a type hint names, at any depth (``list[Gambar]``, ``Decimal | Nilai | None``)."""
    if isinstance(petunjuk, type) and dataclasses.is_dataclass(petunjuk):
        return {petunjuk}
    return {t for arg in typing.get_args(petunjuk) for t in _tipe_dalam(arg)}


def _turunan(kelas: type) -> list[type]:
    """The class and its subclasses at any depth."""
    sub: list[type] = kelas.__subclasses__()
    return [kelas, *(t for s in sub for t in _turunan(s))]


def _kelas_dikenal() -> dict[str, type]:
    """Every class a frozen table may hold: Tabel, its subclasses (those imported: the apps' report modules
    are loaded with the registry), and the dataclasses their fields name."""
    hasil: dict[str, type] = {}
    antre: list[type] = _turunan(Tabel)
    while antre:
        kelas = antre.pop()
        if _nama(kelas) in hasil:
            continue
        hasil[_nama(kelas)] = kelas
        for petunjuk in typing.get_type_hints(kelas).values():
            antre.extend(_tipe_dalam(petunjuk))
        antre.extend(_turunan(kelas)[1:])
    return hasil


@cache
def _kelas_tersimpan() -> dict[str, type]:
    return _kelas_dikenal()


def _kelas(nama: str) -> type:
    kelas = _kelas_tersimpan().get(nama)
    if kelas is None:
        _kelas_tersimpan.cache_clear()  # a report module imported after the first call
        kelas = _kelas_tersimpan().get(nama)
    if kelas is None:
        raise GalatBeku(f"kelas '{nama}' bukan bagian tabel laporan")
    return kelas


def _ke(nilai: Any) -> Any:
    if nilai is None or isinstance(nilai, str | bool | int | float):
        return nilai
    if isinstance(nilai, Decimal):
        return {_DESIMAL: str(nilai)}
    if dataclasses.is_dataclass(nilai) and not isinstance(nilai, type):
        isi = {f.name: _ke(getattr(nilai, f.name)) for f in dataclasses.fields(nilai) if f.init}
        return {_KELAS: _nama(type(nilai)), _ISI: isi}
    if isinstance(nilai, tuple):
        return {_TUPEL: [_ke(v) for v in nilai]}
    if isinstance(nilai, list):
        return [_ke(v) for v in nilai]
    if isinstance(nilai, dict):
        if not all(isinstance(k, str) for k in nilai):
            raise GalatBeku("kunci kamus tabel harus teks")
        return {k: _ke(v) for k, v in nilai.items()}
    raise GalatBeku(f"nilai jenis {type(nilai).__name__} tidak dapat dibekukan")


def _dari(data: Any) -> Any:
    if data is None or isinstance(data, str | bool | int | float):
        return data
    if isinstance(data, list):
        return [_dari(v) for v in data]
    if not isinstance(data, dict):
        raise GalatBeku(f"JSON jenis {type(data).__name__} tidak dikenal")
    if _DESIMAL in data:
        return Decimal(data[_DESIMAL])
    if _TUPEL in data:
        return tuple(_dari(v) for v in data[_TUPEL])
    if _KELAS in data:
        kelas = _kelas(data[_KELAS])
        isi = data.get(_ISI)
        if not isinstance(isi, dict):
            raise GalatBeku(f"isi {data[_KELAS]} tidak sah")
        medan = {f.name for f in dataclasses.fields(kelas) if f.init}
        if not set(isi) <= medan:
            raise GalatBeku(f"medan {sorted(set(isi) - medan)} tidak ada pada {data[_KELAS]}")
        return kelas(**{k: _dari(v) for k, v in isi.items()})
    return {k: _dari(v) for k, v in data.items()}


def tabel_ke_json(tabel: Tabel) -> dict[str, Any]:
    """The table as JSON-ready data (dicts, lists, strings, numbers)."""
    return _ke(tabel)


def tabel_dari_json(data: Any) -> Tabel:
    """The table :func:`tabel_ke_json` gave; :class:`GalatBeku` when ``data`` is not one."""
    try:
        tabel = _dari(data)
    except (TypeError, ValueError, ArithmeticError) as e:
        if isinstance(e, GalatBeku):
            raise
        raise GalatBeku(f"tabel beku tidak dapat dibaca: {e}") from e
    if not isinstance(tabel, Tabel):
        raise GalatBeku("JSON ini bukan tabel laporan")
    return tabel
