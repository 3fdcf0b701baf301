"""Job functions for the tests (importable by an RQ worker by their dotted path)."""

from __future__ import annotations

#: Calls per key, so a test can make a function fail a given number of times.
PANGGILAN: dict[str, int] = {}


def berhasil(kemajuan, teks: str = "isi") -> bytes:
    kemajuan.mulai(2, "langkah pertama")
    kemajuan.maju("langkah kedua")
    kemajuan.maju("ditulis")
    return teks.encode()


def gagal_dulu(kemajuan, kunci: str, kali: int) -> bytes:
    """Fails the first ``kali`` calls for ``kunci``, then succeeds."""
    PANGGILAN[kunci] = PANGGILAN.get(kunci, 0) + 1
    if PANGGILAN[kunci] <= kali:
        raise RuntimeError(f"gangguan ke-{PANGGILAN[kunci]}")
    return b"akhirnya"


def selalu_gagal(kemajuan) -> None:
    raise ValueError("data tidak dapat dibaca")
