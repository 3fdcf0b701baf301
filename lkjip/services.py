"""Writes of the LKjIP pages."""

from __future__ import annotations

from django.db import transaction

from lkjip.models import NarasiProgram
from renja.models import Nomenklatur, Tingkat
from wilayah.akses import wajib_izin
from wilayah.models import Kecamatan


def narasi_program_simpan(
    kecamatan: Kecamatan,
    tahun: int,
    program: Nomenklatur,
    *,
    keberhasilan: str,
    hambatan: str,
    saran: str,
    user,
) -> NarasiProgram:
    """Create or update the narrative of one program and year; saving the same text again changes nothing."""
    wajib_izin("lkjip.ubah_narasi", user, kecamatan)
    if program.tingkat != Tingkat.PROGRAM:
        raise ValueError("narasi hanya untuk program")
    teks = {"keberhasilan": keberhasilan.strip(), "hambatan": hambatan.strip(), "saran": saran.strip()}
    with transaction.atomic():
        obj = (
            NarasiProgram.objects.select_for_update()
            .filter(kecamatan=kecamatan, tahun=tahun, nomenklatur=program)
            .first()
        )
        if obj is None:
            obj = NarasiProgram(kecamatan=kecamatan, tahun=tahun, nomenklatur=program)
        elif all(getattr(obj, k) == v for k, v in teks.items()):
            return obj
        for k, v in teks.items():
            setattr(obj, k, v)
        obj._history_user = user
        obj.save()
    return obj
