"""The report pages: one view for every report slug and format, scoped through :mod:`core.akses`."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.akses import kecamatan_atau_404
from core.dokumen.services import dokumen_per_jenis
from core.dokumen.struktur import STRUKTUR

from . import registry
from .keluaran import FORMAT, hasilkan
from .registry import KERTAS, TRIWULAN, Opsi
from .render_html import konteks_tabel

TAHUN_MIN, TAHUN_MAKS = 2000, 2100


def _tahun(tahun: int) -> int:
    if not TAHUN_MIN <= tahun <= TAHUN_MAKS:
        raise Http404(_("Tahun tidak ditemukan."))
    return tahun


def _opsi(request: HttpRequest) -> Opsi:
    """Paper (``?kertas=a4|f4``) and quarter (``?triwulan=1..4``); ``ValueError`` when not valid."""
    kertas = request.GET.get("kertas", "a4").lower()
    if kertas not in KERTAS:
        raise ValueError(_("Kertas harus a4 atau f4."))
    teks = request.GET.get("triwulan", "4")
    if not teks.isdigit() or int(teks) not in TRIWULAN:
        raise ValueError(_("Triwulan harus 1, 2, 3 atau 4."))
    return Opsi(kertas=kertas, triwulan=int(teks))


@login_required
def indeks(request: HttpRequest, kode: str, tahun: int) -> HttpResponse:
    """The kecamatan/year page: every report with its download links."""
    kecamatan = kecamatan_atau_404(request.user, kode)
    return render(
        request,
        "laporan/indeks.html",
        {
            "kecamatan": kecamatan,
            "tahun": _tahun(tahun),
            "daftar": registry.semua(),
            "triwulan": TRIWULAN,
            "dokumen": [(STRUKTUR[j], d) for j, d in dokumen_per_jenis(kecamatan, tahun).items()],
        },
    )


@login_required
def laporan(request: HttpRequest, kode: str, tahun: int, slug: str) -> HttpResponse:
    """The report as a web page, or a download with ``?format=pdf|xlsx|html``."""
    kecamatan = kecamatan_atau_404(request.user, kode)
    tahun = _tahun(tahun)
    try:
        lap = registry.laporan(slug)
    except KeyError:
        raise Http404(_("Laporan tidak ditemukan.")) from None
    try:
        opsi = _opsi(request)
    except ValueError as exc:
        return HttpResponseBadRequest(str(exc))
    format = request.GET.get("format", "")
    if format:
        if format not in FORMAT:
            return HttpResponseBadRequest(_("Format harus html, pdf atau xlsx."))
        berkas = hasilkan(lap, kecamatan, tahun, format, opsi)
        resp = HttpResponse(berkas.isi, content_type=berkas.jenis_isi)
        resp["Content-Disposition"] = f'attachment; filename="{berkas.nama}"'
        return resp
    tabel = lap.bangun(kecamatan, tahun, opsi)
    konteks = konteks_tabel(tabel)
    konteks.update(
        {
            "laporan": lap,
            "kecamatan": kecamatan,
            "tahun": tahun,
            "opsi": opsi,
            "triwulan": TRIWULAN,
            "daftar": registry.semua(),
        }
    )
    return render(request, "laporan/halaman.html", konteks)
