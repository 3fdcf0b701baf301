"""The narrative page (LKjIP §3.2): per program and year, keberhasilan, hambatan and saran."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from wilayah.akses import LIHAT, akses_kecamatan

from .forms import NarasiProgramForm
from .selectors import narasi_daftar, program_narasi_atau_none
from .services import narasi_program_simpan


def _halaman(
    request: HttpRequest,
    kecamatan,
    tahun: int,
    galat: dict[int, NarasiProgramForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    galat = galat or {}
    daftar = narasi_daftar(kecamatan, tahun)
    baris = [
        (
            d,
            galat.get(d.program.node.pk)
            or NarasiProgramForm(instance=d.narasi, prefix=f"p{d.program.node.pk}"),
        )
        for d in daftar
    ]
    return render(
        request,
        "lkjip/narasi.html",
        {"kecamatan": kecamatan, "tahun": tahun, "baris": baris},
        status=status,
    )


@akses_kecamatan(LIHAT)
@require_GET
def narasi(request: HttpRequest, kecamatan, tahun: int) -> HttpResponse:
    return _halaman(request, kecamatan, tahun)


@akses_kecamatan("lkjip.ubah_narasi")
@require_POST
def narasi_simpan(request: HttpRequest, kecamatan, tahun: int, pk: int) -> HttpResponse:
    program = program_narasi_atau_none(kecamatan, tahun, pk)
    if program is None:
        raise Http404("Program tidak ditemukan.")
    form = NarasiProgramForm(request.POST, prefix=f"p{pk}")
    if not form.is_valid():
        return _halaman(request, kecamatan, tahun, galat={pk: form}, status=400)
    narasi_program_simpan(kecamatan, tahun, program, user=request.user, **form.cleaned_data)
    messages.success(request, f"Narasi {program.uraian} tahun {tahun} tersimpan.")
    return redirect(reverse("lkjip:narasi", kwargs={"kode": kecamatan.kode, "tahun": tahun}) + f"#p{pk}")
