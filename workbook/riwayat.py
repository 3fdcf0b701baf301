"""Record a real import in the history (``RiwayatImpor``), keeping the file in private storage."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile

from .impor import HasilImpor
from .models import RiwayatImpor

PESAN_MAKS = 50


def riwayat_catat(
    isi: bytes, nama_berkas: str, hasil: HasilImpor, pengguna: Any = None, **opsi: bool
) -> RiwayatImpor:
    """Write one history row for ``hasil`` (never for a dry run: callers record real imports only)."""
    j = hasil.jumlah
    galat = hasil.pesan_galat()
    pesan = galat[:PESAN_MAKS] + (
        [f"… dan {len(galat) - PESAN_MAKS} kesalahan lainnya"] if len(galat) > PESAN_MAKS else []
    )
    sha = hashlib.sha256(isi).hexdigest()
    obj = RiwayatImpor(
        pengguna=pengguna if getattr(pengguna, "is_authenticated", False) else None,
        nama_berkas=Path(nama_berkas).name[:255],
        ukuran=len(isi),
        sha256=sha,
        created=j["created"],
        updated=j["updated"],
        unchanged=j["unchanged"],
        errors=hasil.errors,
        berhasil=hasil.berhasil,
        konfirmasi=", ".join(nama for nama, ya in opsi.items() if ya),
        pesan="\n".join(
            [
                *pesan,
                *(f"Peringatan: {p}" for p in hasil.peringatan),
                *(f"Catatan: {c}" for c in hasil.catatan),
            ]
        ),
    )
    obj.berkas.save(f"{sha}.xlsx", ContentFile(isi), save=False)
    obj.save()
    return obj
