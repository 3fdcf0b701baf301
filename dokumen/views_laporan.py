"""The kecamatan/year page, the report pages (one view for every report slug and format) and
the year's audit trail; scoped through :mod:`wilayah.akses`."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from antrean.services import antrean_redis
from core.forms import halaman_400, pesan_galat
from core.laporan import registry
from core.laporan.registry import TRIWULAN, Laporan, Opsi
from core.laporan.render_html import konteks_tabel
from core.riwayat import respons_riwayat
from core.unduhan import respons_unduhan
from wilayah.akses import LIHAT, akses_kecamatan

from .cap import VersiTidakTersedia, berkas_laporan, nama_berkas_laporan, versi_laporan
from .cetak_laporan import kirim_pdf, kunci_pdf, pdf_aktif, pdf_tersimpan
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


def _laporan(slug: str) -> Laporan:
    try:
        return registry.laporan(slug)
    except KeyError:
        raise Http404(_("Laporan tidak ditemukan.")) from None


def _versi_tidak_tersedia(request: HttpRequest, e: VersiTidakTersedia) -> HttpResponse:
    if e.status == 400:
        return halaman_400(request, [e.pesan])
    raise Http404(e.pesan) from None


@akses_kecamatan(LIHAT)
@require_safe
def laporan(request: HttpRequest, kecamatan, tahun: int, slug: str) -> HttpResponse:
    """The report as a web page, or a download with ``?format=pdf|xlsx|html``; ``?versi=disetujui`` the table
    as the camat approved it (dokumen.cap). XLSX and HTML are drawn here (fast); a PDF see :func:`_pdf`."""
    lap = _laporan(slug)
    pilihan = OpsiLaporanForm(request.GET)
    if not pilihan.is_valid():
        return halaman_400(request, list(pesan_galat(pilihan).values()))
    opsi, format, versi = pilihan.opsi(), pilihan.cleaned_data["format"], pilihan.cleaned_data["versi"]
    try:
        if format == "pdf":
            return _pdf(request, lap, kecamatan, tahun, opsi, versi)
        if format:
            berkas = berkas_laporan(lap, kecamatan, tahun, format, opsi, versi)
            return respons_unduhan(berkas.isi, berkas.nama, berkas.jenis_isi)
        v = versi_laporan(kecamatan, tahun, lap, opsi, versi)
    except VersiTidakTersedia as e:
        return _versi_tidak_tersedia(request, e)
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


def _pdf(request: HttpRequest, lap: Laporan, kecamatan, tahun: int, opsi: Opsi, versi: str) -> HttpResponse:
    """The report's PDF, read only (a GET never writes, as a document's draft PDF): the stored render of this
    version when there is one; the running job's progress page when it is being rendered; else, with a queue,
    a page whose button asks for the render (``pdf-susun``: the report page's Unduh PDF posts there at once).
    Without a queue (tests, ``make demo``) there is no worker to wait for: the PDF is drawn here, as the job
    would, and not kept."""
    kunci = kunci_pdf(lap, kecamatan, tahun, opsi, versi)
    tersimpan = pdf_tersimpan(kunci)
    if tersimpan is not None:
        nama = nama_berkas_laporan(lap, kecamatan, tahun, "pdf", opsi, versi)
        return respons_unduhan(tersimpan.berkas.open("rb"), nama, "application/pdf")
    aktif = pdf_aktif(kunci)
    if aktif is not None:
        return redirect("antrean:tugas", pk=aktif.pk)
    if not antrean_redis():
        berkas = berkas_laporan(lap, kecamatan, tahun, "pdf", opsi, versi)
        return respons_unduhan(berkas.isi, berkas.nama, berkas.jenis_isi)
    return render(
        request,
        "laporan/pdf_menunggu.html",
        {"laporan": lap, "kecamatan": kecamatan, "tahun": tahun, "opsi": opsi, "versi": versi},
    )


@akses_kecamatan(LIHAT)
@require_POST
def pdf_susun(request: HttpRequest, kecamatan, tahun: int, slug: str) -> HttpResponse:
    """Ask for the report's PDF (``kertas``, ``triwulan``, ``versi`` as on the report page): the stored render
    of this version, the job already rendering it (joined), or a new job (run at once without a queue). A
    finished render goes to that job's own download (not to ``?format=pdf``, which would look the version up
    again: another user's save in between would make it "not rendered yet"); otherwise to the job's progress
    page, which links the download when it is done. Any role that may see the report may print it."""
    lap = _laporan(slug)
    pilihan = OpsiLaporanForm(request.POST)
    if not pilihan.is_valid():
        return halaman_400(request, list(pesan_galat(pilihan).values()))
    opsi, versi = pilihan.opsi(), pilihan.cleaned_data["versi"]
    try:
        kunci = kunci_pdf(lap, kecamatan, tahun, opsi, versi)
    except VersiTidakTersedia as e:
        return _versi_tidak_tersedia(request, e)
    tugas = kirim_pdf(lap, kecamatan, tahun, opsi, versi, kunci, request.user)
    if tugas.status == "selesai" and tugas.berkas:
        return redirect("antrean:unduh", pk=tugas.pk)
    return redirect("antrean:tugas", pk=tugas.pk)  # queued, running, or failed (the page says why)
