"""Web import (Bappeda), the blank template and the per-kecamatan export. Thin over impor/ekspor.

The import runs on the job queue (``workbook/tugas.py``): an upload sends a *periksa* job and lands on its
page, which shows its progress and then the preview; "Impor sekarang" there sends the *impor* job and lands on
its page, which shows its progress and then the outcome. Nothing is read or written inside these requests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from antrean.models import Tugas
from antrean.selectors import TIDAK_ADA, tugas_atau_404
from core.penyimpanan import penyimpanan_privat
from core.pintasan import ambil_atau_404
from core.unduhan import respons_unduhan
from wilayah.akses import LIHAT, akses_kecamatan, perlu_izin

from .ekspor import workbook_ekspor, workbook_templat
from .forms import KonfirmasiImporForm
from .impor import urai_timpa_baris
from .models import RiwayatImpor
from .tugas import (
    JENIS_IMPOR,
    JENIS_PERIKSA,
    hasil_dari_data,
    impor_dari_periksa,
    impor_kirim,
    pending_klaim,
    periksa_batal,
    periksa_kirim,
    periksa_tertunda,
    perubahan_per_sheet,
    tugas_data,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: What admin Bappeda may confirm on the upload form (the checkbox name -> what the confirm step repeats).
OPSI = {
    "timpa_versi": "Perubahan yang lebih baru di aplikasi akan ditimpa.",
    "timpa_kunci": "Triwulan yang sudah ditutup dan baris dokumen yang diajukan/disetujui akan diubah.",
    "akui_melebihi_pagu": "Realisasi yang melebihi pagu diterima.",
}
TIDAK_MENUNGGU = (
    "Tidak ada pratinjau yang menunggu: workbook ini sudah diimpor (atau sedang diimpor). "
    "Unggah berkasnya lagi bila perlu."
)


def _unduhan(isi: bytes, nama: str) -> HttpResponse:
    return respons_unduhan(isi, nama, XLSX)


def _tugas(request, pk, jenis: str) -> Tugas:
    """A workbook job the user may see (admin Bappeda), or 404 (also for a job of another kind)."""
    tugas = tugas_atau_404(request.user, pk)
    if tugas.jenis != jenis:
        raise Http404(TIDAK_ADA)
    return tugas


@perlu_izin("workbook.impor")
@require_safe
def laporan(request, pk):
    """Download the error report of a refused preview: the bad cells red, each with its message."""
    tugas = _tugas(request, pk, JENIS_PERIKSA)
    data = tugas_data(tugas)
    simpanan = penyimpanan_privat()
    if not data or not data.get("laporan") or not simpanan.exists(data["laporan"]):
        raise Http404("Tidak ada laporan kesalahan; unggah workbook-nya lagi untuk pratinjau.")
    with simpanan.open(data["laporan"], "rb") as f:
        return _unduhan(f.read(), f"Kesalahan-{Path(tugas.argumen['nama']).stem}.xlsx")


@perlu_izin("workbook.impor")
@require_safe
def riwayat(request):
    """The import history, newest first: who, when, which file, its outcome."""
    daftar = RiwayatImpor.objects.select_related("pengguna")[:200]
    return render(request, "workbook/riwayat.html", {"daftar": daftar})


@perlu_izin("workbook.impor")
@require_safe
def riwayat_berkas(request, pk: int):
    """The file of one past import, as it was uploaded."""
    obj = ambil_atau_404(RiwayatImpor, "Riwayat impor tidak ditemukan.", pk=pk)
    if not obj.berkas or not obj.berkas.storage.exists(obj.berkas.name):
        raise Http404("Berkas impor ini tidak tersimpan lagi.")
    with obj.berkas.open("rb") as f:
        return _unduhan(f.read(), obj.nama_berkas)


@login_required
@require_safe
def templat(request):
    return _unduhan(workbook_templat(), "Templat-Workbook-Perencanaan.xlsx")


@akses_kecamatan(LIHAT)
@require_safe
def ekspor(request, kecamatan, tahun: int):
    nama = f"Workbook-{tahun}-Kecamatan-{kecamatan.nama.replace(' ', '-')}.xlsx"
    return _unduhan(workbook_ekspor(kecamatan, tahun=tahun), nama)


@perlu_izin("workbook.impor")
@require_http_methods(["GET", "HEAD", "POST"])
def impor(request):
    """The upload form. An upload is kept privately and checked by a job (a dry run: every error, or what
    would change); the user follows its progress on the preview page."""
    if request.method == "POST" and "berkas" in request.FILES:
        opsi = {nama: request.POST.get(nama) == "1" for nama in OPSI}
        tugas = periksa_kirim(request.FILES["berkas"], opsi, request.user)
        return redirect("workbook:periksa", pk=tugas.pk)
    return render(request, "workbook/impor.html", {})


def _konteks_periksa(tugas: Tugas) -> dict[str, Any]:
    data = tugas_data(tugas)
    konteks: dict[str, Any] = {"tugas": tugas, "muat_ulang": True, "tertunda": None}
    if data is None:
        return konteks
    hasil = hasil_dari_data(data)
    opsi = tugas.argumen["opsi"]
    tertunda = periksa_tertunda(tugas, data)
    konteks.update(
        hasil=hasil,
        tertunda=Path(tugas.argumen["nama"]).name if tertunda else None,
        dikonfirmasi=[OPSI[nama] for nama in OPSI if opsi.get(nama)],
        perubahan=perubahan_per_sheet(data) if hasil.berhasil else [],
        laporan=bool(data.get("laporan")),
        konflik=[] if opsi.get("timpa_versi") else hasil.konflik,
        konflik_kunci=data["konflik_kunci"],
        impor=None if tertunda else impor_dari_periksa(tugas),
    )
    return konteks


@perlu_izin("workbook.impor")
@require_http_methods(["GET", "HEAD", "POST"])
def periksa(request, pk):
    """The check of one upload: its progress, then the preview (every error with the error report, or every
    changed cell old → new per sheet and the conflicting rows to tick) and "Impor sekarang" / "Batal".

    Rows changed in the application since the workbook was exported are listed in the preview, each with a
    checkbox: only the ticked ones are overwritten (audited), the others are kept and reported as skipped.
    """
    tugas = _tugas(request, pk, JENIS_PERIKSA)
    konteks = _konteks_periksa(tugas)
    if request.method == "POST":
        aksi = request.POST.get("aksi")
        if aksi == "batal":
            if konteks["tertunda"]:
                periksa_batal(tugas)
            return redirect("workbook:impor")
        if aksi != "impor":
            return render(
                request,
                "workbook/periksa.html",
                {**konteks, "galat_konfirmasi": ["Pilih Impor sekarang atau Batal."]},
                status=400,
            )
        return _impor_sekarang(request, tugas, konteks)
    hasil = konteks.get("hasil")
    # a refused workbook is the client's error: 400, with every message on the page
    status = 400 if hasil is not None and not hasil.berhasil else 200
    return render(request, "workbook/periksa.html", konteks, status=status)


def _impor_sekarang(request, tugas: Tugas, konteks: dict[str, Any]):
    """Claim the pending file (one request only, however many clicks or tabs) and send the import job."""
    if tugas.aktif:
        messages.error(request, "Pemeriksaan workbook belum selesai; tunggu pratinjaunya.")
        return redirect("workbook:periksa", pk=tugas.pk)
    if konteks["tertunda"]:
        form = KonfirmasiImporForm(request.POST, konflik=konteks["konflik_kunci"])
        if not form.is_valid():
            galat = [p for daftar in form.errors.values() for p in daftar]
            return render(
                request, "workbook/periksa.html", {**konteks, "galat_konfirmasi": galat}, status=400
            )
        diklaim = pending_klaim(tugas)
        if diklaim is not None:
            dipilih = urai_timpa_baris(form.cleaned_data["timpa_baris"])
            impor = impor_kirim(tugas, diklaim, sorted(dipilih), request.user)
            return redirect("workbook:hasil", pk=impor.pk)
    messages.error(request, TIDAK_MENUNGGU)
    sudah = impor_dari_periksa(tugas)  # imported (or importing) by the other click: join it
    if sudah is not None:
        return redirect("workbook:hasil", pk=sudah.pk)
    return redirect("workbook:impor")


@perlu_izin("workbook.impor")
@require_safe
def hasil(request, pk):
    """One import job: its progress, then its outcome (counts, warnings, or why it was refused) and the
    link to the import history."""
    tugas = _tugas(request, pk, JENIS_IMPOR)
    data = tugas_data(tugas)
    konteks: dict[str, Any] = {"tugas": tugas, "muat_ulang": True, "nama": tugas.argumen.get("nama", "")}
    status = 200
    if data is not None:
        hasil = hasil_dari_data(data)
        konteks.update(hasil=hasil, riwayat=data.get("riwayat"))
        status = 200 if hasil.berhasil else 400
    return render(request, "workbook/hasil.html", konteks, status=status)
