"""Batch printing for Admin Bappeda: the batches (done / running / failed), one batch per kecamatan, its ZIP."""

from __future__ import annotations

import tempfile

from django.db.models import Count, Q
from django.http import FileResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from antrean.models import KelompokTugas
from core.pintasan import ambil_atau_404
from core.unduhan import nama_berkas_aman
from wilayah.akses import perlu_izin

from .cetak import JENIS_MASSAL, massal_baris, massal_zip
from .struktur import STRUKTUR

IZIN = "dokumen.cetak_massal"


def _kelompok():
    return KelompokTugas.objects.filter(jenis=JENIS_MASSAL).annotate(
        total=Count("tugas_set"),
        selesai=Count("tugas_set", filter=Q(tugas_set__status="selesai")),
        gagal=Count("tugas_set", filter=Q(tugas_set__status="gagal")),
        berjalan=Count("tugas_set", filter=Q(tugas_set__status__in=("antre", "berjalan"))),
    )


@perlu_izin(IZIN)
@require_safe
def daftar(request):
    return render(request, "dokumen/massal_daftar.html", {"kelompok": _kelompok()[:100]})


@perlu_izin(IZIN)
@require_safe
def rinci(request, pk):
    kelompok = ambil_atau_404(_kelompok(), "Kelompok cetak tidak ditemukan.", pk=pk)
    return render(
        request,
        "dokumen/massal_rinci.html",
        {"kelompok": kelompok, "baris": massal_baris(kelompok), "jenis": list(STRUKTUR.items())},
    )


@perlu_izin(IZIN)
@require_safe
def unduh_zip(request, pk):
    kelompok = ambil_atau_404(
        KelompokTugas.objects.filter(jenis=JENIS_MASSAL), "Kelompok cetak tidak ditemukan.", pk=pk
    )
    berkas = tempfile.TemporaryFile()  # noqa: SIM115 - closed (and so removed) by FileResponse when sent
    massal_zip(kelompok, berkas)
    berkas.seek(0)
    nama = nama_berkas_aman(f"{kelompok.judul} {kelompok.dibuat_pada:%Y%m%d-%H%M}.zip")
    return FileResponse(berkas, as_attachment=True, filename=nama, content_type="application/zip")
