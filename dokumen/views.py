"""Document page (status, narrative, actions) and its PDF downloads. Thin: services do the work."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from antrean.selectors import tugas_tautan_hasil
from core.forms import halaman_400, pesan_galat
from core.pintasan import ambil_atau_404
from core.riwayat import respons_riwayat
from core.unduhan import respons_unduhan
from dokumen.models import Dokumen, StatusDokumen
from renja.pemeriksaan import pemeriksaan_data, ringkas
from wilayah.akses import LIHAT, akses_kecamatan, wajib_izin

from .cetak import (
    draf_aktif,
    draf_tersimpan,
    kirim_disetujui,
    kirim_draf,
    nama_berkas,
    sidik_data,
    tugas_disetujui,
)
from .forms import KembalikanForm, NarasiDokumenForm, OpsiPdfForm
from .narasi import bab_dokumen, kunci_sah
from .selectors import riwayat_dokumen
from .services import (
    GalatDokumen,
    KonflikNarasi,
    dokumen_ajukan,
    dokumen_buka_revisi,
    dokumen_kembalikan,
    dokumen_setujui,
    dokumen_terkini,
    narasi_dokumen,
    narasi_simpan_semua,
    narasi_versi,
)
from .struktur import STRUKTUR


def _struktur(jenis: str):
    if jenis not in STRUKTUR:
        raise Http404("Jenis dokumen tidak dikenal.")
    return STRUKTUR[jenis]


def _kembali(kecamatan, tahun, jenis):
    return redirect("dokumen:halaman", kode=kecamatan.kode, tahun=tahun, jenis=jenis)


@akses_kecamatan(LIHAT)
@require_safe
def halaman(request, kecamatan, tahun: int, jenis: str):
    return _halaman(request, kecamatan, tahun, jenis)


def _halaman(request, kecamatan, tahun: int, jenis: str, status: int = 200, bentrok=None):
    struktur = _struktur(jenis)
    dok = dokumen_terkini(kecamatan, tahun, jenis)
    narasi = narasi_dokumen(kecamatan, tahun, jenis)
    versi = narasi_versi(kecamatan, tahun, jenis)
    bagian = (
        [(b.kunci, "", b.judul, narasi[b.kunci], versi.get(b.kunci, 0)) for b in struktur.keputusan]
        + [("kata_pengantar", "", "Kata Pengantar", narasi["kata_pengantar"], versi.get("kata_pengantar", 0))]
        + [
            (
                b.kunci,
                b.nomor,
                b.judul or f"{bab.nomor} {bab.judul.title()} (teks tanpa judul)",
                narasi[b.kunci],
                versi.get(b.kunci, 0),
            )
            for bab, isi in bab_dokumen(struktur, kecamatan, tahun)
            for b in isi
        ]
    )
    judul = {kunci: (f"{nomor} {j}".strip()) for kunci, nomor, j, _isi, _v in bagian}
    revisi = Dokumen.objects.filter(kecamatan=kecamatan, tahun=tahun, jenis=jenis).select_related(
        "diajukan_oleh", "diputuskan_oleh"
    )
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
            # who may act is in the template ({% has_perm %}); whether the status allows it is here
            "terbuka": dok.status in (StatusDokumen.DRAF, StatusDokumen.DIKEMBALIKAN),
            "riwayat": riwayat_dokumen(kecamatan, tahun, jenis)[:200],
            # sections another tab or user changed since this page's text was loaded: both texts shown
            "bentrok": [(judul.get(k, k), tersimpan, dikirim) for k, tersimpan, dikirim in bentrok or []],
            # an approved revision whose signed PDF is still being rendered (or whose render failed)
            "tugas_cetak": tugas_disetujui(dok)
            if dok.status == StatusDokumen.DISETUJUI and not dok.pdf and dok.pk
            else None,
            # what the camat sees before Setujui: the year's inconsistencies (renja.pemeriksaan)
            "pemeriksaan": ringkas(pemeriksaan_data(kecamatan, tahun))
            if dok.status == StatusDokumen.DIAJUKAN
            else None,
        },
        status=status,
    )


def _tolak(request, form, kecamatan, tahun: int, jenis: str):
    """Input that cannot be used: the document page again with what was wrong, as 400; nothing saved."""
    messages.error(request, " ".join(pesan_galat(form).values()))
    return _halaman(request, kecamatan, tahun, jenis, status=400)


@akses_kecamatan("dokumen.ubah_narasi")
@require_POST
def simpan_narasi(request, kecamatan, tahun: int, jenis: str):
    """Save the narrative; with ``aksi=ajukan`` (the page's Ajukan button belongs to this form) then submit
    the document, so what was just typed is always in what the camat receives."""
    ajukan = request.POST.get("aksi") == "ajukan"
    if ajukan:
        wajib_izin("dokumen.ajukan", request.user, kecamatan)  # 403 before anything is saved
    _struktur(jenis)
    form = NarasiDokumenForm(kunci_sah(jenis, kecamatan, tahun), request.POST)
    if not form.is_valid():
        return _tolak(request, form, kecamatan, tahun, jenis)
    try:
        narasi_simpan_semua(kecamatan, tahun, jenis, form.isian_berversi(), request.user)
    except KonflikNarasi as exc:
        messages.error(
            request,
            "Narasi tidak disimpan: bagian di bawah sudah diubah di tab lain atau oleh pengguna lain sejak halaman "
            "ini dibuka. Kedua teks ditampilkan; salin teks Anda ke kotaknya (kini berisi teks tersimpan) lalu "
            "simpan lagi." + (" Dokumen belum diajukan." if ajukan else ""),
        )
        return _halaman(request, kecamatan, tahun, jenis, status=409, bentrok=exc.bentrok)
    except GalatDokumen as exc:
        messages.error(request, str(exc))
        return _kembali(kecamatan, tahun, jenis)
    if not ajukan:
        messages.success(request, "Narasi tersimpan.")
        return _kembali(kecamatan, tahun, jenis)
    try:
        dokumen_ajukan(dokumen_terkini(kecamatan, tahun, jenis), request.user)
    except GalatDokumen as exc:
        messages.error(request, f"Narasi tersimpan, tetapi dokumen belum diajukan: {exc}")
    else:
        messages.success(request, "Narasi tersimpan. Dokumen diajukan kepada camat.")
    return _kembali(kecamatan, tahun, jenis)


#: The actions of ``aksi/<nama>/`` and the permission each needs (an unknown ``nama`` is 404).
IZIN_AKSI = {
    "ajukan": "dokumen.ajukan",
    "setujui": "dokumen.setujui",
    "kembalikan": "dokumen.kembalikan",
    "revisi": "dokumen.buka_revisi",
    "cetak-ulang": "dokumen.cetak_ulang",
}


@akses_kecamatan(IZIN_AKSI, menurut="nama")
@require_POST
def aksi(request, kecamatan, tahun: int, jenis: str, nama: str):
    _struktur(jenis)
    dok = dokumen_terkini(kecamatan, tahun, jenis)
    try:
        if nama == "ajukan":
            dokumen_ajukan(dok, request.user)
            messages.success(request, "Dokumen diajukan kepada camat.")
        elif nama == "setujui":
            dok = dokumen_setujui(dok, request.user)
            if dok.pdf:
                messages.success(request, "Dokumen disetujui; PDF bertanda tangan tersimpan.")
            elif dok.tugas_cetak.status == "gagal":
                messages.error(request, "Dokumen disetujui, tetapi PDF bertanda tangan gagal disusun.")
            else:
                messages.success(request, "Dokumen disetujui; PDF bertanda tangan sedang disusun.")
        elif nama == "cetak-ulang":
            _cetak_ulang(request, dok)
        elif nama == "kembalikan":
            form = KembalikanForm(request.POST)
            if not form.is_valid():
                return _tolak(request, form, kecamatan, tahun, jenis)
            dokumen_kembalikan(dok, request.user, form.cleaned_data["catatan"])
            messages.success(request, "Dokumen dikembalikan kepada operator dengan catatan.")
        else:  # "revisi"
            baru = dokumen_buka_revisi(dok, request.user)
            messages.success(request, f"Revisi {baru.revisi} ({baru.judul_revisi}) dibuka sebagai draf.")
    except GalatDokumen as exc:
        messages.error(request, str(exc))
    if request.POST.get("kembali") == "beranda":  # acted from the home page (the camat's Setujui/Kembalikan)
        return redirect("home")
    return _kembali(kecamatan, tahun, jenis)


@akses_kecamatan(LIHAT)
@require_safe
def riwayat_xlsx(request, kecamatan, tahun: int, jenis: str):
    struktur = _struktur(jenis)
    nama = nama_berkas(kecamatan, tahun, jenis, "-Riwayat").removesuffix(".pdf") + ".xlsx"
    judul = f"Riwayat {struktur.singkatan} {kecamatan} {tahun}"
    return respons_riwayat(riwayat_dokumen(kecamatan, tahun, jenis), judul, nama)


def _cetak_ulang(request, dok: Dokumen) -> None:
    """Render an approved revision's signed PDF again when its job failed (or never ran)."""
    if dok.status != StatusDokumen.DISETUJUI or dok.pdf:
        messages.error(request, "Hanya dokumen disetujui yang PDF-nya belum tersimpan dapat dicetak ulang.")
        return
    tugas = kirim_disetujui(dok, request.user)
    if tugas.status == "selesai":
        messages.success(request, "PDF bertanda tangan tersimpan.")
    elif tugas.status == "gagal":
        messages.error(request, "PDF bertanda tangan gagal disusun lagi.")
    else:
        messages.success(request, "PDF bertanda tangan sedang disusun.")


@akses_kecamatan(LIHAT)
@require_safe
def pdf(request, kecamatan, tahun: int, jenis: str):
    """The current document: the stored approved PDF when the newest revision is approved, else the draft of
    the current data version (``?kertas=a4|f4``; anything else is 400, as on the report pages) once it has
    been rendered. Nothing is rendered here: until then the page shows the running job's progress, or a
    button that asks for the render (``pdf-susun``)."""
    _struktur(jenis)
    opsi = OpsiPdfForm(request.GET)
    if not opsi.is_valid():
        return halaman_400(request, list(pesan_galat(opsi).values()))
    kertas = opsi.cleaned_data["kertas"]
    dok = dokumen_terkini(kecamatan, tahun, jenis)
    if dok.status == StatusDokumen.DISETUJUI:
        if dok.pdf:
            return _berkas(dok, nama_berkas(kecamatan, tahun, jenis, f"-r{dok.revisi}"))
        return _menunggu(request, kecamatan, tahun, jenis, kertas, dok, tugas_disetujui(dok))
    sidik = sidik_data(kecamatan, tahun)
    tersimpan = draf_tersimpan(kecamatan, tahun, jenis, kertas, sidik)
    if tersimpan is not None and tersimpan.berkas:
        return respons_unduhan(
            tersimpan.berkas.open("rb"),
            nama_berkas(kecamatan, tahun, jenis, "-DRAF"),
            "application/pdf",
            lampiran=False,
        )
    return _menunggu(
        request, kecamatan, tahun, jenis, kertas, dok, draf_aktif(kecamatan, tahun, jenis, kertas, sidik)
    )


def _menunggu(request, kecamatan, tahun: int, jenis: str, kertas: str, dok: Dokumen, tugas):
    tautan = ""
    if tugas is not None:
        tautan = tugas_tautan_hasil(tugas, reverse("antrean:unduh", kwargs={"pk": tugas.pk}))
    return render(
        request,
        "dokumen/pdf_menunggu.html",
        {
            "kecamatan": kecamatan,
            "tahun": tahun,
            "jenis": jenis,
            "struktur": STRUKTUR[jenis],
            "kertas": kertas,
            "dok": dok,
            "tugas": tugas,
            "tautan": tautan,
        },
    )


@akses_kecamatan(LIHAT)
@require_POST
def pdf_susun(request, kecamatan, tahun: int, jenis: str):
    """Ask for the draft PDF of the current data version: joins the job already rendering it, or sends one
    (run at once without a queue). Then back to ``pdf``, which serves it or shows the progress."""
    _struktur(jenis)
    opsi = OpsiPdfForm(request.POST)
    if not opsi.is_valid():
        return halaman_400(request, list(pesan_galat(opsi).values()))
    kertas = opsi.cleaned_data["kertas"]
    dok = dokumen_terkini(kecamatan, tahun, jenis)
    if dok.status != StatusDokumen.DISETUJUI:
        tugas = kirim_draf(kecamatan, tahun, jenis, kertas, sidik_data(kecamatan, tahun), request.user)
        if tugas.status == "gagal":
            messages.error(request, f"PDF draf gagal disusun: {tugas.pesan}")
    url = reverse("dokumen:pdf", kwargs={"kode": kecamatan.kode, "tahun": tahun, "jenis": jenis})
    return redirect(f"{url}?kertas={kertas}" if kertas != "a4" else url)


@akses_kecamatan(LIHAT)
@require_safe
def pdf_revisi(request, kecamatan, tahun: int, jenis: str, revisi: int):
    _struktur(jenis)
    pesan = "PDF revisi ini tidak ada."
    dok = ambil_atau_404(Dokumen.objects.untuk(kecamatan, tahun), pesan, jenis=jenis, revisi=revisi)
    if not dok.pdf:
        raise Http404(pesan)
    return _berkas(dok, nama_berkas(kecamatan, tahun, jenis, f"-r{revisi}"))


def _berkas(dok: Dokumen, nama: str):
    return respons_unduhan(dok.pdf.open("rb"), nama, "application/pdf", lampiran=False)
