"""Download responses: every file the application sends goes through :func:`respons_unduhan`.

File names are built from data (a kecamatan's name, a node's code), so they are cleaned first — only letters
(Indonesian and other), digits, ``.``, ``-``, ``_`` and spaces survive; anything else (quotes, ``;``, path
separators, CR/LF and other control characters) becomes ``-`` — and the ``Content-Disposition`` header is
written by Django's :func:`~django.utils.http.content_disposition_header`, never by hand.
"""

from __future__ import annotations

import re
import unicodedata
from typing import IO

from django.http import FileResponse, HttpResponse
from django.utils.http import content_disposition_header

PANJANG_MAKS = 150
_TIDAK_AMAN = re.compile(r"[^\w.\- ]+")  # \w: letters and digits of any script, and "_"


def nama_berkas_aman(nama: str, cadangan: str = "unduhan") -> str:
    """``nama`` as a safe file name: ``'Serang";x'`` → ``'Serang-x'``; never empty, at most 150 characters."""
    nama = unicodedata.normalize("NFC", str(nama))
    nama = _TIDAK_AMAN.sub("-", nama)
    nama = re.sub(r"-{2,}", "-", re.sub(r" {2,}", " ", re.sub(r"\.{2,}", ".", nama)))
    nama = nama.strip(" .-")
    if len(nama) > PANJANG_MAKS:
        batang, titik, ekstensi = nama.rpartition(".")
        if titik and 0 < len(ekstensi) <= 10:
            nama = batang[: PANJANG_MAKS - len(ekstensi) - 1].rstrip(" .-") + "." + ekstensi
        else:
            nama = nama[:PANJANG_MAKS].rstrip(" .-")
    return nama or cadangan


def respons_unduhan(
    isi: bytes | IO[bytes], nama_berkas: str, jenis_isi: str, lampiran: bool = True
) -> HttpResponse | FileResponse:
    """A download (``lampiran``) or inline response of ``isi`` (bytes, or an open file that is streamed)."""
    if isinstance(isi, bytes | bytearray):
        respons: HttpResponse | FileResponse = HttpResponse(isi, content_type=jenis_isi)
    else:
        respons = FileResponse(isi, content_type=jenis_isi)
    respons["Content-Disposition"] = content_disposition_header(lampiran, nama_berkas_aman(nama_berkas))
    return respons
