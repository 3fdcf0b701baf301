"""The document side of the realisasi lock (see :mod:`renja.kunci`): while the year's Renja or LKjIP of a
kecamatan is submitted or approved, its realisasi cannot change."""

from __future__ import annotations

from .models import Dokumen, StatusDokumen

__all__ = ["kunci_dokumen"]

SARAN = {
    StatusDokumen.DIAJUKAN: "Minta camat mengembalikan dokumen, atau Bappeda membuka revisi setelah disetujui.",
    StatusDokumen.DISETUJUI: "Minta Bappeda membuka revisi.",
}


def kunci_dokumen(kecamatan_id: int, tahun: int) -> str | None:
    """The message when the newest revision of a document of the kecamatan/year is diajukan or disetujui."""
    terbaru: dict[str, Dokumen] = {}
    for dok in Dokumen.objects.filter(kecamatan_id=kecamatan_id, tahun=tahun).order_by("jenis", "revisi"):
        terbaru[dok.jenis] = dok
    for dok in terbaru.values():
        if dok.status in SARAN:
            keadaan = "sedang diajukan" if dok.status == StatusDokumen.DIAJUKAN else "sudah disetujui"
            return (
                f"Dokumen {dok.get_jenis_display()} {tahun} {keadaan}; realisasi terkunci. "
                f"{SARAN[StatusDokumen(dok.status)]}"
            )
    return None
