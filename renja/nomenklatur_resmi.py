"""The national nomenclature of urusan 7.01 (Kecamatan), shipped as data: renja/data/nomenklatur_7_01.csv.

Source: Kepmendagri 050-5889 Tahun 2021, updated by Kepmendagri 900.1.15.5-1317 Tahun 2023 (see
renja/data/README.md for what was verified and what was left out). The list is partial, so a code of urusan 7.01
that is not in it, or an uraian that differs from the official name, is a *warning* (import preview, admin),
never an error. Codes outside urusan 7.01 (old-style ``5001.13.001``, other urusan) are not checked.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.db import transaction

from .models import KEDALAMAN, Nomenklatur

BERKAS = Path(__file__).resolve().parent / "data" / "nomenklatur_7_01.csv"
SUMBER = "Kepmendagri 050-5889/2021 jo. 900.1.15.5-1317/2023"
ALASAN_MUAT = f"Muat nomenklatur resmi 7.01 ({SUMBER})"
_SPASI = re.compile(r"\s+")


@dataclass(frozen=True)
class EntriResmi:
    kode: str
    tingkat: str
    uraian: str


@cache
def daftar_resmi() -> dict[str, EntriResmi]:
    """The official entries by code, in file order (read once per process)."""
    with BERKAS.open(encoding="utf-8", newline="") as f:
        baris = csv.DictReader(line for line in f if not line.startswith("#"))
        return {
            r["kode"]: EntriResmi(r["kode"].strip(), r["tingkat"].strip(), r["uraian"].strip()) for r in baris
        }


def normalisasi(teks: str) -> str:
    """For comparing names: case and runs of spaces (non-breaking included) do not count."""
    return _SPASI.sub(" ", teks.replace("\u00a0", " ")).strip().casefold()


def tercakup(kode: str) -> bool:
    """Codes the official list speaks about: urusan 7.01 (national format). Everything else is not checked."""
    return kode == "7.01" or kode.startswith("7.01.")


def cek_resmi(kode: str, uraian: str | None) -> str | None:
    """A warning (Indonesian) when ``kode`` is a 7.01 code missing from the official list or its uraian differs
    from the official name; None when it matches or is outside the list's scope."""
    if not tercakup(kode):
        return None
    resmi = daftar_resmi().get(kode)
    if resmi is None:
        return (
            f"kode '{kode}' tidak ada di daftar nomenklatur resmi urusan 7.01 ({SUMBER}); "
            "periksa kodenya (daftar di aplikasi belum lengkap: lihat renja/data/README.md)."
        )
    if uraian is not None and normalisasi(uraian) != normalisasi(resmi.uraian):
        return f"uraian kode '{kode}' berbeda dari nama resmi: '{uraian}' di sini, '{resmi.uraian}' resmi ({SUMBER})."
    return None


def _induk(kode: str, ada: dict[str, Nomenklatur]) -> Nomenklatur | None:
    """The longest known code ``kode`` starts with, followed by a dot (WORKBOOK.md, nomenklatur)."""
    bagian = kode.split(".")
    for n in range(len(bagian) - 1, 0, -1):
        node = ada.get(".".join(bagian[:n]))
        if node is not None:
            return node
    return None


class GalatMuat(Exception):
    """The official list does not fit the stored tree (e.g. a code stored with another tingkat)."""


@transaction.atomic
def muat_resmi(*, dry_run: bool = False) -> Counter:
    """Load the official list into Nomenklatur: missing nodes are created, nodes whose uraian differs get the
    official name (audited), nothing is deleted. Idempotent: a second run reports ``created=0 updated=0``.
    A code already stored with another tingkat stops the whole load (GalatMuat), nothing written."""
    hitung: Counter = Counter()
    ada = {n.kode: n for n in Nomenklatur.objects.all()}
    for entri in daftar_resmi().values():
        node = ada.get(entri.kode)
        if node is not None and node.tingkat != entri.tingkat:
            raise GalatMuat(
                f"Kode '{entri.kode}' tersimpan sebagai {node.get_tingkat_display().lower()}, di daftar resmi "
                f"{entri.tingkat}; perbaiki dulu nomenklaturnya. Tidak ada yang dimuat."
            )
        induk = _induk(entri.kode, ada)
        if induk is not None and induk.kedalaman != KEDALAMAN[entri.tingkat] - 1:
            raise GalatMuat(
                f"Induk kode '{entri.kode}' ({induk.kode}) bukan tepat satu tingkat di atasnya; tidak ada yang dimuat."
            )
        if node is None:
            node = Nomenklatur(kode=entri.kode, tingkat=entri.tingkat, uraian=entri.uraian, induk=induk)
            hitung["created"] += 1
        elif node.uraian != entri.uraian or (node.induk_id is None and induk is not None):
            node.uraian = entri.uraian
            if node.induk_id is None:
                node.induk = induk
            hitung["updated"] += 1
        else:
            hitung["unchanged"] += 1
            continue
        node._change_reason = ALASAN_MUAT
        node.save()
        ada[entri.kode] = node
    if dry_run:
        transaction.set_rollback(True)
    return hitung
