"""Whether a kecamatan's realisasi for a year may change now.

Realisasi is locked while a document built from it is with the camat or approved (the document would no longer
match its data). Documents live in an app that depends on renja, so renja does not ask them: the apps that
can lock realisasi register a checker here (``dokumen`` does in its ``AppConfig.ready``), and the realisasi
services ask :func:`realisasi_terkunci` before every write."""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["PemeriksaKunci", "kunci_daftarkan", "realisasi_terkunci"]

#: ``(kecamatan_id, tahun) -> message`` when realisasi is locked (in Bahasa Indonesia), else ``None``.
PemeriksaKunci = Callable[[int, int], str | None]

_PEMERIKSA: list[PemeriksaKunci] = []


def kunci_daftarkan(pemeriksa: PemeriksaKunci) -> PemeriksaKunci:
    """Register a checker (once, however often it is registered); returns it, so it can decorate."""
    if pemeriksa not in _PEMERIKSA:
        _PEMERIKSA.append(pemeriksa)
    return pemeriksa


def realisasi_terkunci(kecamatan_id: int, tahun: int) -> str | None:
    """Why the realisasi of the kecamatan and year cannot be changed now, or ``None`` when it can."""
    for pemeriksa in _PEMERIKSA:
        pesan = pemeriksa(kecamatan_id, tahun)
        if pesan:
            return pesan
    return None
