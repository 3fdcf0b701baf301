"""The kecamatan/year page, the report pages (one view for every report slug and format) and
the year's audit trail; scoped through :mod:`wilayah.akses`."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.forms import halaman_400, pesan_galat
from core.laporan import registry
from core.laporan.registry import TRIWULAN
from core.laporan.render_html import konteks_tabel
from core.riwayat import respons_riwayat
from core.unduhan import respons_unduhan
from wilayah.akses import LIHAT, akses_kecamatan

from .cap import VersiTidakTersedia, berkas_laporan, versi_laporan
from .dasbor import dasbor_kecamatan
from .forms import OpsiLaporanForm
from .selectors import riwayat_tahun
from .services import dokumen_per_jenis
from .struktur import STRUKTUR


@akses_kecamatan(LIHAT)
@require_safe
def riwayat_tahun_xlsx(request: HttpRequest, kecamatan, tahun: int) -> HttpResponse:
    nama = f"Riwayat-{tahun}-Kecamatan-{kecamatan.nama.replace(' ', '-')}.xlsx"
    return respons_riwayat(
        riwayat_tahun(kecamatan, tahun), f"Riwayat perubahan {kecamatan} tahun {tahun}", nama
    )


@akses_kecamatan(LIHAT)
@require_safe
def indeks(request: HttpRequest, kecamatan, tahun: int) -> HttpResponse:
    """The kecamatan/year page: the dashboard (:mod:`dokumen.dasbor`), then every report with its download
    links."""
    return render(
        request,
        "laporan/indeks.html",
        {
            "kecamatan": kecamatan,
            "tahun": tahun,
            "daftar": registry.semua(),
            "triwulan": TRIWULAN,
            "dokumen": [(STRUKTUR[j], d) for j, d in dokumen_per_jenis(kecamatan, tahun).items()],
            "dasbor": dasbor_kecamatan(kecamatan, tahun),
        },
    )


@akses_kecamatan(LIHAT)
@require_safe
def laporan(request: HttpRequest, kecamatan, tahun: int, slug: str) -> HttpResponse:
    """The report as a web page, or a download with ``?format=pdf|xlsx|html``; ``?versi=disetujui`` the table
    as the camat approved it (dokumen.cap)."""
    try:
        lap = registry.laporan(slug)
    except KeyError:
        raise Http404(_("Laporan tidak ditemukan.")) from None
    pilihan = OpsiLaporanForm(request.GET)
    if not pilihan.is_valid():
        return halaman_400(request, list(pesan_galat(pilihan).values()))
    opsi, format, versi = pilihan.opsi(), pilihan.cleaned_data["format"], pilihan.cleaned_data["versi"]
    try:
        if format:
            berkas = berkas_laporan(lap, kecamatan, tahun, format, opsi, versi)
            return respons_unduhan(berkas.isi, berkas.nama, berkas.jenis_isi)
        v = versi_laporan(kecamatan, tahun, lap, opsi, versi)
    except VersiTidakTersedia as e:
        if e.status == 400:
            return halaman_400(request, [e.pesan])
        raise Http404(e.pesan) from None
    konteks = konteks_tabel(v.tabel)
    konteks.update(
        {
            "laporan": lap,
            "kecamatan": kecamatan,
            "tahun": tahun,
            "opsi": opsi,
            "cap": v.cap,
            "versi": v.versi,
            "pilihan_versi": v.pilihan,
            "triwulan": TRIWULAN,
            "daftar": registry.semua(),
        }
    )
    return render(request, "laporan/halaman.html", konteks)
