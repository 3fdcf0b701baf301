"""Typed reading of one cell, with every problem recorded as a message in Bahasa Indonesia."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from core.angka import AngkaError, parse_angka
from core.nilai import KOSONG, Nilai, NilaiError

from .berkas import RUMUS_TANPA_NILAI, Baris, normalisasi_nama

_KODE = re.compile(r"^[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*$")
ABSEN = object()  # the column is not in the sheet at all: leave the stored value alone


@dataclass(frozen=True)
class Galat:
    sheet: str
    baris: int
    kolom: str | None
    huruf: str | None
    pesan: str

    def __str__(self) -> str:
        tempat = f"Sheet '{self.sheet}', baris {self.baris}"
        if self.kolom:
            tempat += f", kolom {self.kolom}" + (f" ({self.huruf})" if self.huruf else "")
        return f"{tempat}: {self.pesan}"


_KUNCI: dict[str, str] = {}


def _kunci(kolom: str) -> str:
    """A handler's column name as the sheet's columns are keyed (``normalisasi_nama``), computed once per name:
    it is looked up for every cell read."""
    kunci = _KUNCI.get(kolom)
    if kunci is None:
        kunci = _KUNCI[kolom] = normalisasi_nama(kolom)
    return kunci


_PEMISAH = re.compile(r"[\s_\-]+")
_PETA: dict[int, tuple[dict[str, str], dict[str, str]]] = {}


def _peta(pilihan: dict[str, str]) -> dict[str, str]:
    """The choices keyed as a cell is matched; built once per choice table (read for every row)."""
    ada = _PETA.get(id(pilihan))
    if ada is None or ada[0] is not pilihan:
        ada = (pilihan, {_PEMISAH.sub("", k).lower(): v for k, v in pilihan.items()})
        _PETA[id(pilihan)] = ada
    return ada[1]


class PembacaBaris:
    """Reads the cells of one row; collects errors instead of raising."""

    def __init__(self, sheet: str, baris: Baris) -> None:
        self.sheet = sheet
        self.baris = baris
        self.galat: list[Galat] = []
        self.peringatan: list[str] = []

    # -- helpers -------------------------------------------------------------------------------
    def salah(self, kolom: str | None, pesan: str) -> None:
        huruf = self.baris.huruf.get(_kunci(kolom)) if kolom else None
        self.galat.append(Galat(self.sheet, self.baris.nomor, kolom, huruf, pesan))

    def ada(self, kolom: str) -> bool:
        return _kunci(kolom) in self.baris.huruf

    def mentah(self, kolom: str) -> Any:
        kunci = _kunci(kolom)
        if kunci not in self.baris.huruf:
            return ABSEN
        value = self.baris.sel.get(kunci)
        if value is RUMUS_TANPA_NILAI:
            self.salah(
                kolom,
                "rumus tanpa nilai tersimpan; buka di Excel, simpan ulang, lalu unggah lagi.",
            )
            return None
        if isinstance(value, str):
            value = value.strip()
            if value == "":
                return None
        return value

    def _wajib_kosong(self, kolom: str, wajib: bool, value: Any) -> bool:
        if value is None or value is ABSEN:
            if wajib:
                self.salah(kolom, "wajib diisi.")
            return True
        return False

    # -- typed readers -------------------------------------------------------------------------
    def teks(self, kolom: str, wajib: bool = False) -> Any:
        value = self.mentah(kolom)
        if self._wajib_kosong(kolom, wajib, value):
            return value if value is ABSEN else ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, (int, float, Decimal)):
            value = str(Decimal(repr(value)) if isinstance(value, float) else value)
        return str(value).strip()

    def kode(self, kolom: str, wajib: bool = False) -> Any:
        value = self.mentah(kolom)
        if self._wajib_kosong(kolom, wajib, value):
            return value if value is ABSEN else ""
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            self.salah(
                kolom,
                f"kode tersimpan sebagai angka ({value}); format kolom {kolom} sebagai Teks di Excel lalu ketik ulang "
                "kodenya (mis. '001' terbaca 1 bila kolom berformat angka).",
            )
            return ""
        text = str(value).strip()
        asli = self.baris.sel.get(_kunci(kolom))
        if isinstance(asli, str) and asli != text:
            self.peringatan.append(
                f"Sheet '{self.sheet}', baris {self.baris.nomor}, kolom {kolom}: spasi di awal/akhir kode "
                f"'{text}' (termasuk spasi tak terputus) dibuang."
            )
        if not _KODE.match(text):
            self.salah(
                kolom,
                f"kode '{text}' tidak sah: hanya angka/huruf yang dipisah titik, mis. 7.01.01.2.01.0001.",
            )
            return ""
        return text

    def uang(self, kolom: str, wajib: bool = False) -> Any:
        """Rupiah: Decimal with 2 places, never negative; blank or '-' is None (no value, not zero)."""
        value = self.mentah(kolom)
        if self._wajib_kosong(kolom, wajib, value):
            return value
        try:
            angka = parse_angka(value)
        except AngkaError as exc:
            self.salah(kolom, str(exc))
            return None
        if angka is None:
            return None
        if angka < 0:
            self.salah(kolom, f"nilai Rupiah tidak boleh negatif ({value}).")
            return None
        if angka != angka.quantize(Decimal("0.01")):
            self.salah(kolom, f"nilai Rupiah paling banyak 2 angka di belakang koma ({value}).")
            return None
        if angka >= Decimal("1e16"):
            self.salah(kolom, f"nilai Rupiah terlalu besar ({value}).")
            return None
        return angka.quantize(Decimal("0.01"))

    def nilai(self, kolom: str) -> Any:
        value = self.mentah(kolom)
        if value is ABSEN:
            return ABSEN
        if value is None:
            return KOSONG
        try:
            return Nilai.parse(value)
        except (NilaiError, AngkaError) as exc:
            self.salah(kolom, str(exc))
            return KOSONG

    def bulat(
        self, kolom: str, wajib: bool = False, minimum: int | None = 0, maksimum: int | None = None
    ) -> Any:
        value = self.mentah(kolom)
        if self._wajib_kosong(kolom, wajib, value):
            return value
        try:
            angka = parse_angka(value)
        except AngkaError as exc:
            self.salah(kolom, str(exc))
            return None
        if angka is None:
            if wajib:
                self.salah(kolom, "wajib diisi.")
            return None
        if angka != angka.to_integral_value():
            self.salah(kolom, f"harus bilangan bulat ({value}).")
            return None
        hasil = int(angka)
        if minimum is not None and hasil < minimum:
            self.salah(kolom, f"tidak boleh kurang dari {minimum} ({value}).")
            return None
        if maksimum is not None and hasil > maksimum:
            self.salah(kolom, f"tidak boleh lebih dari {maksimum} ({value}).")
            return None
        return hasil

    def tahun(self, kolom: str = "tahun") -> Any:
        return self.bulat(kolom, wajib=True, minimum=2000, maksimum=2100)

    def pilihan(self, kolom: str, pilihan: dict[str, str], bawaan: str | None = None) -> Any:
        """An enum cell: matched case-insensitively ignoring spaces, dashes and underscores."""
        value = self.mentah(kolom)
        if value is ABSEN:
            return bawaan if bawaan is not None else ABSEN
        if value is None:
            return bawaan
        kunci = _PEMISAH.sub("", str(value)).lower()
        peta = _peta(pilihan)
        if kunci not in peta:
            sah = ", ".join(dict.fromkeys(pilihan.values()))
            self.salah(kolom, f"'{value}' tidak dikenal; isi salah satu dari: {sah}.")
            return bawaan
        return peta[kunci]
