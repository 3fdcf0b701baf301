"""Reading jobs, scoped: a job is visible to a user who holds the job's permission on its kecamatan."""

from __future__ import annotations

import rules
from django.http import Http404

from .models import KelompokTugas, Tugas

TIDAK_ADA = "Tugas tidak ditemukan."


def tugas_boleh_dilihat(user, tugas: Tugas) -> bool:
    return rules.has_perm(tugas.izin, user, tugas.kecamatan_pk)


def tugas_atau_404(user, pk) -> Tugas:
    """The job, or 404 for one the user may not see (the same answer as for one that does not exist)."""
    tugas = Tugas.objects.filter(pk=pk).first()
    if tugas is None or not tugas_boleh_dilihat(user, tugas):
        raise Http404(TIDAK_ADA)
    return tugas


def tugas_status(tugas: Tugas, tautan_unduh: str) -> dict:
    """What the poller reads (``antrean:status``)."""
    return {
        "id": str(tugas.pk),
        "judul": tugas.judul,
        "status": tugas.status,
        "status_teks": tugas.get_status_display(),
        "selesai": tugas.langkah_selesai,
        "total": tugas.langkah_total,
        "persen": tugas.persen,
        "pesan": tugas.pesan,
        "percobaan": tugas.percobaan,
        "tautan": tugas_tautan_hasil(tugas, tautan_unduh) if tugas.status == "selesai" else "",
    }


def tugas_tautan_hasil(tugas: Tugas, tautan_unduh: str) -> str:
    if tugas.tautan_hasil:
        return tugas.tautan_hasil
    return tautan_unduh if tugas.berkas else ""


def kelompok_ringkasan(kelompok: KelompokTugas) -> dict[str, int]:
    """Jobs of a batch per status (one query)."""
    from django.db.models import Count

    hasil = {"antre": 0, "berjalan": 0, "selesai": 0, "gagal": 0}
    for baris in kelompok.tugas_set.order_by().values("status").annotate(n=Count("pk")):
        hasil[baris["status"]] = baris["n"]
    hasil["total"] = sum(hasil.values())
    return hasil
