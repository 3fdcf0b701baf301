"""The Keputusan Camat that adopts the Renja, printed before the kata pengantar as in the seed: kop, KEPUTUSAN
CAMAT …, Nomor, TENTANG, Menimbang, Mengingat, MEMUTUSKAN, Menetapkan KESATU … KELIMA, place and date, the
camat's name, pangkat and NIP. Generated from the kecamatan, the year and the camat; Nomor, Menimbang, Mengingat
and the diktum are narrative sections the kecamatan edits (dokumen.struktur.KEPUTUSAN_RENJA)."""

from __future__ import annotations

from dataclasses import dataclass

from dokumen.models import Dokumen
from wilayah.models import Kecamatan

from .narasi import butir, diktum
from .struktur import Struktur


@dataclass(frozen=True)
class Keputusan:
    jabatan: str  # "CAMAT SERANG"
    nomor: str
    tentang: list[str]
    menimbang: list[tuple[str, str]]
    mengingat: list[tuple[str, str]]
    diktum: list[tuple[str, str]]
    tempat: str
    tanggal: str  # blank until the document is approved
    nama: str
    pangkat: str
    nip: str


def _daftar(teks: str) -> list[tuple[str, str]]:
    return butir(teks) or [("", " ".join(teks.split()))]


def konteks_keputusan(
    kecamatan: Kecamatan, tahun: int, struktur: Struktur, narasi: dict[str, str], disetujui: Dokumen | None
) -> Keputusan | None:
    """The keputusan of a document that has one (the Renja), else None."""
    if not struktur.keputusan:
        return None
    from .pdf import tanggal_indonesia

    jabatan = f"CAMAT {kecamatan.nama.upper()}"
    kota = kecamatan.kota.nama
    return Keputusan(
        jabatan=jabatan,
        nomor=" ".join(narasi["sk.nomor"].split()),
        tentang=[
            f"PENETAPAN {struktur.judul} ({struktur.singkatan.upper()})",
            f"{str(kecamatan).upper()} TAHUN {tahun}",
        ],
        menimbang=_daftar(narasi["sk.menimbang"]),
        mengingat=_daftar(narasi["sk.mengingat"]),
        diktum=diktum(narasi["sk.diktum"]),
        tempat=kota.removeprefix("Kota ").removeprefix("Kabupaten "),
        tanggal=tanggal_indonesia(disetujui.diputuskan_pada)
        if disetujui and disetujui.diputuskan_pada
        else "",
        nama=kecamatan.nama_camat,
        pangkat=kecamatan.pangkat_camat,
        nip=kecamatan.nip_camat,
    )
