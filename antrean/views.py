"""A job's page (progress, then the link to its result), its status as JSON for the poller, its file."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from core.unduhan import respons_unduhan

from .selectors import tugas_atau_404, tugas_status, tugas_tautan_hasil


def _tugas(view):
    """Signed-in users only; a job the user may not see is 404 whatever the method (as on kecamatan pages:
    scope first, then the method); then GET/HEAD only. The view receives the Tugas."""

    @login_required
    @wraps(view)
    def bungkus(request, pk):
        tugas = tugas_atau_404(request.user, pk)
        return require_safe(lambda request: view(request, tugas))(request)

    return bungkus


def _unduh(tugas) -> str:
    return reverse("antrean:unduh", kwargs={"pk": tugas.pk})


@_tugas
def halaman(request, tugas):
    return render(
        request,
        "antrean/tugas.html",
        {"tugas": tugas, "tautan": tugas_tautan_hasil(tugas, _unduh(tugas))},
    )


@_tugas
def status(request, tugas):
    respons = JsonResponse(tugas_status(tugas, _unduh(tugas)))
    respons["Cache-Control"] = "no-store"
    return respons


@_tugas
def unduh(request, tugas):
    if tugas.status != "selesai" or not tugas.berkas or not tugas.berkas.storage.exists(tugas.berkas.name):
        raise Http404("Hasil tugas ini belum ada.")
    jenis = "application/pdf" if tugas.nama_berkas.lower().endswith(".pdf") else "application/octet-stream"
    if tugas.nama_berkas.lower().endswith(".zip"):
        jenis = "application/zip"
    return respons_unduhan(
        tugas.berkas.open("rb"),
        tugas.nama_berkas or f"{tugas.pk}",
        jenis,
        lampiran=jenis != "application/pdf",
    )
