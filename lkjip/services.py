"""Writes of the LKjIP pages."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.db import transaction

from lkjip.models import NarasiProgram, Pegawai, Tujuan
from renja.models import Nomenklatur, Tingkat
from renja.services import JenisIsian
from wilayah.akses import wajib_izin
from wilayah.models import Kecamatan

BIDANG_NARASI = ("keberhasilan", "hambatan", "saran")


def _bersih(teks: str | None) -> str:
    """Text as stored: browsers send line breaks as CRLF, stored text has LF; no surrounding blanks."""
    return (teks or "").replace("\r\n", "\n").strip()


def narasi_versi(narasi: NarasiProgram | dict[str, str] | None) -> str:
    """A short fingerprint of a program's narrative as a page showed it: saving checks that the stored text
    is still the one the page was loaded with, so nobody's newer text is overwritten silently."""
    if narasi is None:
        teks = dict.fromkeys(BIDANG_NARASI, "")
    elif isinstance(narasi, dict):
        teks = {k: narasi.get(k, "") for k in BIDANG_NARASI}
    else:
        teks = {k: getattr(narasi, k) for k in BIDANG_NARASI}
    isi = "\x1f".join(_bersih(teks[k]) for k in BIDANG_NARASI)
    return hashlib.sha256(isi.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class IsianNarasi:
    """What the page sent for one program: the texts and the fingerprint of the text it was loaded with."""

    program: Nomenklatur
    teks: dict[str, str]
    versi: str


@dataclass
class KonflikNarasi(Exception):
    """Someone else changed these programs' narrative since the page was loaded; nothing was saved."""

    sekarang: dict[int, NarasiProgram | None]  # program pk → the narrative stored now

    def __str__(self) -> str:
        return (
            "Narasi program yang ditandai baru saja diubah pengguna lain; tidak ada yang disimpan. "
            "Teks terbaru ditampilkan di bawah isian Anda: periksa, lalu simpan lagi untuk menimpanya."
        )


def narasi_program_simpan_semua(
    kecamatan: Kecamatan, tahun: int, isian: list[IsianNarasi], user
) -> list[NarasiProgram]:
    """Save the narrative of every program sent by the page at once; returns those written.

    A program whose text the user left as loaded is not written (even if someone else changed it meanwhile).
    A program the user changed whose stored text moved on since the page was loaded (``versi``) is a
    conflict: then nothing at all is saved and ``KonflikNarasi`` holds the texts stored now."""
    wajib_izin("lkjip.ubah_narasi", user, kecamatan)
    if any(i.program.tingkat != Tingkat.PROGRAM for i in isian):
        raise ValueError("narasi hanya untuk program")
    ditulis: list[NarasiProgram] = []
    with transaction.atomic():
        ada = {
            n.nomenklatur_id: n
            for n in NarasiProgram.objects.select_for_update().filter(
                kecamatan=kecamatan, tahun=tahun, nomenklatur__in=[i.program for i in isian]
            )
        }
        konflik: dict[int, NarasiProgram | None] = {}
        tulis: list[tuple[IsianNarasi, dict[str, str]]] = []
        for i in isian:
            baru = {k: _bersih(i.teks.get(k)) for k in BIDANG_NARASI}
            sekarang = ada.get(i.program.pk)
            if narasi_versi(baru) == narasi_versi(sekarang) or narasi_versi(baru) == i.versi:
                continue  # nothing to write, or the user did not touch it
            if narasi_versi(sekarang) != i.versi:
                konflik[i.program.pk] = sekarang
            else:
                tulis.append((i, baru))
        if konflik:
            raise KonflikNarasi(konflik)
        for i, baru in tulis:
            obj = ada.get(i.program.pk) or NarasiProgram(
                kecamatan=kecamatan, tahun=tahun, nomenklatur=i.program
            )
            for k, v in baru.items():
                setattr(obj, k, v)
            obj._history_user = user
            obj.save()
            ditulis.append(obj)
    return ditulis


#: The staff list (Tabel 1.2), entered on its page like renja's usulan (renja.services.isian_simpan).
PEGAWAI = JenisIsian(Pegawai, "lkjip.ubah_pegawai", "Isian daftar pegawai", "pegawai")
#: The Renstra's tujuan of the year (Renja §3.3's keterkaitan table), entered on their page the same way.
TUJUAN = JenisIsian(Tujuan, "lkjip.ubah_tujuan", "Isian tujuan", "tujuan")
