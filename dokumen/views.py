"""Document page (status, narrative, actions) and its PDF downloads. Thin: services do the work."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.riwayat import perubahan, respons_riwayat
from dokumen.models import Dokumen, StatusDokumen
from wilayah.akses import Peran, adalah_camat_dari, akses_kecamatan, boleh_ubah, peran

from .pdf import dokumen_pdf
from .services import (
    GalatDokumen,
    dokumen_ajukan,
    dokumen_buka_revisi,
    dokumen_kembalikan,
    dokumen_setujui,
    dokumen_terkini,
    narasi_dokumen,
    narasi_simpan,
)
from .struktur import STRUKTUR


def riwayat_dokumen(kecamatan, tahun: int, jenis: str):
    """Status changes and narrative edits of this document, newest first."""
    from dokumen.models import BagianNarasi

    return perubahan(
        Dokumen.history.filter(kecamatan=kecamatan, tahun=tahun, jenis=jenis),
        BagianNarasi.history.filter(kecamatan=kecamatan, tahun=tahun, jenis=jenis),
        label=lambda rec: f"Narasi {rec.kunci}" if hasattr(rec, "kunci") else f"Revisi {rec.revisi}",
    )


def _struktur(jenis: str):
    if jenis not in STRUKTUR:
        raise Http404("Jenis dokumen tidak dikenal.")
    return STRUKTUR[jenis]


def _kembali(kecamatan, tahun, jenis):
    return redirect("dokumen:halaman", kode=kecamatan.kode, tahun=tahun, jenis=jenis)


@akses_kecamatan("lihat")
def halaman(request, kecamatan, tahun: int, jenis: str):
    struktur = _struktur(jenis)
    dok = dokumen_terkini(kecamatan, tahun, jenis)
    narasi = narasi_dokumen(kecamatan, tahun, jenis)
    bagian = [("kata_pengantar", "", "Kata Pengantar", narasi["kata_pengantar"])] + [
        (b.kunci, b.nomor, b.judul or bab.judul.title(), narasi[b.kunci]) for bab in struktur.bab for b in bab.bagian
    ]
    revisi = Dokumen.objects.filter(kecamatan=kecamatan, tahun=tahun, jenis=jenis).select_related(
        "diajukan_oleh", "diputuskan_oleh"
    )
    p = peran(request.user)
    bisa_ubah = boleh_ubah(request.user, kecamatan)
    return render(
        request,
        "dokumen/halaman.html",
        {
            "kecamatan": kecamatan,
            "tahun": tahun,
            "jenis": jenis,
            "struktur": struktur,
            "dok": dok,
            "bagian": bagian,
            "revisi": revisi,
            "boleh_narasi": bisa_ubah and dok.status in (StatusDokumen.DRAF, StatusDokumen.DIKEMBALIKAN),
            "boleh_ajukan": p == Peran.OPERATOR and bisa_ubah
            and dok.status in (StatusDokumen.DRAF, StatusDokumen.DIKEMBALIKAN),
            "boleh_putuskan": adalah_camat_dari(request.user, kecamatan) and dok.status == StatusDokumen.DIAJUKAN,
            "boleh_revisi": p == Peran.BAPPEDA and dok.status == StatusDokumen.DISETUJUI,
            "riwayat": riwayat_dokumen(kecamatan, tahun, jenis)[:200],
        },
    )


@akses_kecamatan("ubah")
@require_POST
def simpan_narasi(request, kecamatan, tahun: int, jenis: str):
    _struktur(jenis)
    try:
        for kunci, isi in request.POST.items():
            if kunci.startswith("narasi:"):
                narasi_simpan(kecamatan, tahun, jenis, kunci.removeprefix("narasi:"), isi.strip(), request.user)
    except GalatDokumen as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Narasi tersimpan.")
    return _kembali(kecamatan, tahun, jenis)


@akses_kecamatan("lihat")
@require_POST
def aksi(request, kecamatan, tahun: int, jenis: str, nama: str):
    _struktur(jenis)
    dok = dokumen_terkini(kecamatan, tahun, jenis)
    try:
        if nama == "ajukan":
            dokumen_ajukan(dok, request.user)
            messages.success(request, "Dokumen diajukan kepada camat.")
        elif nama == "setujui":
            dokumen_setujui(dok, request.user)
            messages.success(request, "Dokumen disetujui; PDF bertanda tangan tersimpan.")
        elif nama == "kembalikan":
            dokumen_kembalikan(dok, request.user, request.POST.get("catatan", ""))
            messages.success(request, "Dokumen dikembalikan kepada operator dengan catatan.")
        elif nama == "revisi":
            baru = dokumen_buka_revisi(dok, request.user)
            messages.success(request, f"Revisi {baru.revisi} ({baru.judul_revisi}) dibuka sebagai draf.")
        else:
            raise Http404("Aksi tidak dikenal.")
    except GalatDokumen as exc:
        messages.error(request, str(exc))
    return _kembali(kecamatan, tahun, jenis)


@akses_kecamatan("lihat")
def riwayat_xlsx(request, kecamatan, tahun: int, jenis: str):
    struktur = _struktur(jenis)
    nama = _nama_berkas(struktur, kecamatan, tahun, "-Riwayat").removesuffix(".pdf") + ".xlsx"
    judul = f"Riwayat {struktur.singkatan} {kecamatan} {tahun}"
    return respons_riwayat(riwayat_dokumen(kecamatan, tahun, jenis), judul, nama)


def _nama_berkas(struktur, kecamatan, tahun, akhiran: str = "") -> str:
    nama = "-".join(["Kecamatan", *kecamatan.nama.split()])
    return f"{struktur.singkatan}-{tahun}-{nama}{akhiran}.pdf"


@akses_kecamatan("lihat")
def pdf(request, kecamatan, tahun: int, jenis: str):
    """The current document: the stored approved PDF when the newest revision is approved, else a draft."""
    struktur = _struktur(jenis)
    dok = dokumen_terkini(kecamatan, tahun, jenis)
    if dok.status == StatusDokumen.DISETUJUI and dok.pdf:
        return _berkas(dok, _nama_berkas(struktur, kecamatan, tahun, f"-r{dok.revisi}"))
    kertas = request.GET.get("kertas", "a4")
    isi = dokumen_pdf(kecamatan, tahun, jenis, kertas=kertas)
    respons = HttpResponse(isi, content_type="application/pdf")
    respons["Content-Disposition"] = f'inline; filename="{_nama_berkas(struktur, kecamatan, tahun, "-DRAF")}"'
    return respons


@akses_kecamatan("lihat")
def pdf_revisi(request, kecamatan, tahun: int, jenis: str, revisi: int):
    struktur = _struktur(jenis)
    dok = Dokumen.objects.filter(kecamatan=kecamatan, tahun=tahun, jenis=jenis, revisi=revisi).first()
    if dok is None or not dok.pdf:
        raise Http404("PDF revisi ini tidak ada.")
    return _berkas(dok, _nama_berkas(struktur, kecamatan, tahun, f"-r{revisi}"))


def _berkas(dok: Dokumen, nama: str) -> FileResponse:
    return FileResponse(dok.pdf.open("rb"), content_type="application/pdf", filename=nama, as_attachment=False)
