"""Staff vocabulary (LKjIP Tabel 1.2 and 1.3): pangkat/golongan, pendidikan and eselon, each with one
normaliser (the form a person types or a seed prints → the stored form) and the order the tables print in.

Plain functions and data; the model (:class:`lkjip.models.Pegawai`), the workbook sheet ``pegawai`` and the
admin all normalise through here, so ``IV / b`` typed anywhere is stored as ``IV/b``.
"""

from __future__ import annotations

import re

from django.db import models

__all__ = [
    "ESELON",
    "PANGKAT",
    "Pendidikan",
    "normalisasi_eselon",
    "normalisasi_pangkat",
    "normalisasi_pendidikan",
]


class Pendidikan(models.TextChoices):
    """Highest education, highest first (the order of Tabel 1.3)."""

    S3 = "S3", "S3"
    S2 = "S2", "S2"
    S1 = "S1", "S1"
    D4 = "D4", "D4"
    D3 = "D3", "D3"
    D2 = "D2", "D2"
    D1 = "D1", "D1"
    SMA = "SMA", "SMA/SLTA"
    SMP = "SMP", "SMP/SLTP"
    SD = "SD", "SD"


_SINONIM_PENDIDIKAN = {"SLTA": Pendidikan.SMA, "SMK": Pendidikan.SMA, "SLTP": Pendidikan.SMP}

#: Pangkat/golongan of a PNS, highest first: (golongan as stored, pangkat name as Tabel 1.3 prints it).
PANGKAT: tuple[tuple[str, str], ...] = (
    ("IV/e", "Pembina Utama"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/b", "Pembina Tk. I"),
    ("IV/a", "Pembina"),
    ("III/d", "Penata Tk. I"),
    ("III/c", "Penata"),
    ("III/b", "Penata Muda Tk. I"),
    ("III/a", "Penata Muda"),
    ("II/d", "Pengatur Tk. I"),
    ("II/c", "Pengatur"),
    ("II/b", "Pengatur Muda Tk. I"),
    ("II/a", "Pengatur Muda"),
    ("I/d", "Juru Tk. I"),
    ("I/c", "Juru"),
    ("I/b", "Juru Muda Tk. I"),
    ("I/a", "Juru Muda"),
)
GOLONGAN = tuple(g for g, _ in PANGKAT)

#: Structural eselon, highest first (blank = non eselon).
ESELON: tuple[str, ...] = ("I.a", "I.b", "II.a", "II.b", "III.a", "III.b", "IV.a", "IV.b", "V.a")

_PANGKAT = re.compile(r"^(IV|III|II|I)\s*[/.\-]?\s*([A-Ea-e])$", re.IGNORECASE)
_ESELON = re.compile(r"^(IV|III|II|I|V)\s*[/.\-]?\s*([ABab])$", re.IGNORECASE)


class IsianTidakSah(ValueError):
    """A value that is none of the accepted forms; the message (Bahasa Indonesia) names the accepted ones."""


def normalisasi_pangkat(teks: str) -> str:
    """``"IV / b"``, ``"iv/B"``, ``"III-c"``, ``"IIIc"`` → ``"IV/b"``; blank stays blank."""
    teks = " ".join((teks or "").split())
    if not teks:
        return ""
    m = _PANGKAT.match(teks)
    if not m:
        raise IsianTidakSah(
            f"pangkat/golongan '{teks}' tidak dikenal; tulis golongan/ruang, mis. IV/b, III/c, II/a."
        )
    return f"{m.group(1).upper()}/{m.group(2).lower()}"


def normalisasi_eselon(teks: str) -> str:
    """``"IV b"``, ``"IV.b"``, ``"iv/B"`` → ``"IV.b"``; blank, ``-`` and ``non eselon`` → ``""``."""
    teks = " ".join((teks or "").split())
    if not teks or teks == "-" or re.sub(r"[\s_\-]+", "", teks).lower() == "noneselon":
        return ""
    m = _ESELON.match(teks)
    if not m or f"{m.group(1).upper()}.{m.group(2).lower()}" not in ESELON:
        raise IsianTidakSah(
            f"eselon '{teks}' tidak dikenal; isi salah satu dari {', '.join(ESELON)}, atau kosongkan untuk "
            "non eselon."
        )
    return f"{m.group(1).upper()}.{m.group(2).lower()}"


def normalisasi_pendidikan(teks: str) -> str:
    """``"S2"``, ``"s 1"``, ``"SLTA"``/``"SLT A"`` → the stored choice (``"SMA"``); blank stays blank."""
    kunci = re.sub(r"[\s./\-]+", "", teks or "").upper()
    if not kunci:
        return ""
    if kunci in _SINONIM_PENDIDIKAN:
        return _SINONIM_PENDIDIKAN[kunci]
    if kunci in Pendidikan.values:
        return kunci
    raise IsianTidakSah(
        f"pendidikan '{teks.strip()}' tidak dikenal; isi salah satu dari S3, S2, S1, D4, D3, D2, D1, SMA/SLTA, "
        "SMP/SLTP, SD."
    )
