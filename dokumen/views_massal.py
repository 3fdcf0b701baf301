"""Batch printing for Admin Bappeda: the batches (done / running / failed), one batch per kecamatan, its ZIP."""

from __future__ import annotations

import tempfile

from django.contrib import messages
from django.db.models import Count, Q
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from antrean.models import KelompokTugas
from core.forms import pesan_galat
from core.pintasan import ambil_atau_404
from core.unduhan import nama_berkas_aman
from wilayah.akses import perlu_izin
from wilayah.models import Kecamatan

from .cetak import JENIS_MASSAL, massal_baris, massal_kirim, massal_zip
from .forms import CetakMassalForm
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
    return _daftar(request, CetakMassalForm())


def _daftar(request, form, status: int = 200):
    return render(
        request, "dokumen/massal_daftar.html", {"kelompok": _kelompok()[:100], "form": form}, status=status
    )


@perlu_izin(IZIN)
@require_POST
def baru(request):
    """Start a batch: queued for the workers (shown at once on its page), or printed here without a queue."""
    form = CetakMassalForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(pesan_galat(form).values()))
        return _daftar(request, form, status=400)
    kecamatan = Kecamatan.objects.select_related("kota").order_by("kode")
    if form.cleaned_data["kota"] is not None:
        kecamatan = kecamatan.filter(kota=form.cleaned_data["kota"])
    daftar_kec = list(kecamatan)
    if not daftar_kec:
        messages.error(request, "Tidak ada kecamatan untuk dicetak.")
        return redirect("dokumen:massal")
    jenis = [form.cleaned_data["dokumen"]] if form.cleaned_data["dokumen"] else list(STRUKTUR)
    kelompok = massal_kirim(daftar_kec, form.cleaned_data["tahun"], jenis, oleh=request.user)
    return redirect("dokumen:massal-rinci", pk=kelompok.pk)


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
