"""Web import (Bappeda), the blank template and the per-kecamatan export. Thin over impor/ekspor."""

from __future__ import annotations

import io
import os
import uuid
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from core.penyimpanan import penyimpanan_privat
from core.pintasan import ambil_atau_404
from core.unduhan import respons_unduhan
from wilayah.akses import LIHAT, akses_kecamatan, perlu_izin

from .ekspor import workbook_ekspor, workbook_templat
from .forms import KonfirmasiImporForm
from .impor import HasilImpor, urai_timpa_baris, workbook_impor
from .laporan_galat import laporan_galat
from .lembar import Perubahan
from .models import RiwayatImpor
from .riwayat import riwayat_catat

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
KUNCI_SESI = "workbook_impor"
KUNCI_LAPORAN = "workbook_laporan_galat"  # the error report of the last refused preview (private storage)
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


def _klaim(simpanan, tertunda: dict | None) -> str | None:
    """Take the pending file for this request alone, or None when there is none (any more).

    The file is renamed to a name only this request knows; a rename is atomic, so of two clicks on
    "Impor sekarang" (or two tabs) exactly one gets the file and the other is told it was imported.
    """
    if not tertunda:
        return None
    diklaim = f"impor/diklaim-{uuid.uuid4().hex}.xlsx"
    try:
        os.replace(simpanan.path(tertunda["path"]), simpanan.path(diklaim))
    except FileNotFoundError:
        return None
    return diklaim


def _simpan_laporan(request, simpanan, berkas, hasil: HasilImpor) -> None:
    """Keep the error report of a refused preview for download (replacing the previous one)."""
    lama = request.session.pop(KUNCI_LAPORAN, None)
    if lama:
        simpanan.delete(lama["path"])
    if hasil.galat_berkas or not hasil.galat:
        return  # the file itself could not be read: there are no cells to mark
    berkas.seek(0)
    isi = laporan_galat(berkas, hasil.galat, nama_berkas=berkas.name)
    nama = simpanan.save(f"impor/laporan-{uuid.uuid4().hex}.xlsx", ContentFile(isi))
    request.session[KUNCI_LAPORAN] = {"path": nama, "nama": f"Kesalahan-{Path(berkas.name).stem}.xlsx"}


@perlu_izin("workbook.impor")
@require_safe
def laporan(request):
    """Download the error report of the last refused preview: the bad cells red, each with its message."""
    tersimpan = request.session.get(KUNCI_LAPORAN)
    simpanan = penyimpanan_privat()
    if not tersimpan or not simpanan.exists(tersimpan["path"]):
        raise Http404("Tidak ada laporan kesalahan; unggah workbook-nya lagi untuk pratinjau.")
    with simpanan.open(tersimpan["path"], "rb") as f:
        return _unduhan(f.read(), tersimpan["nama"])


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


#: The preview lists at most this many changed cells per sheet, then "dan N lainnya".
PERUBAHAN_MAKS_PER_SHEET = 500


def _perubahan_per_sheet(hasil: HasilImpor) -> list[dict[str, Any]]:
    """The changed cells of a preview grouped by sheet, capped per sheet for huge imports."""
    kelompok: dict[str, list[Perubahan]] = {}
    for p in hasil.perubahan:
        kelompok.setdefault(p.sheet, []).append(p)
    return [
        {
            "sheet": sheet,
            "baris": daftar[:PERUBAHAN_MAKS_PER_SHEET],
            "lainnya": max(0, len(daftar) - PERUBAHAN_MAKS_PER_SHEET),
        }
        for sheet, daftar in kelompok.items()
    ]


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
def impor(request):
    """Upload → Pratinjau (dry run: every error, or what would change) → Impor (the same file, all or nothing).

    Rows changed in the application since the workbook was exported are listed in the preview, each with a
    checkbox: only the ticked ones are overwritten (audited), the others are kept and reported as skipped.
    """
    simpanan = penyimpanan_privat()
    hasil = None
    tertunda = request.session.get(KUNCI_SESI)
    konflik = []
    if request.method == "POST" and "berkas" in request.FILES:
        berkas = request.FILES["berkas"]
        opsi = {nama: request.POST.get(nama) == "1" for nama in OPSI}
        # per row (nothing ticked yet): conflicts are listed and, unless confirmed, skipped
        hasil = workbook_impor(berkas, dry_run=True, nama_berkas=berkas.name, timpa_baris=(), **opsi)
        if hasil.berhasil:
            berkas.seek(0)
            nama = simpanan.save(f"impor/{uuid.uuid4().hex}.xlsx", berkas)
            request.session[KUNCI_SESI] = {
                "path": nama,
                "nama": berkas.name,
                **opsi,
                "konflik": [] if opsi["timpa_versi"] else [k.kunci for k in hasil.konflik],
            }
            tertunda = request.session[KUNCI_SESI]
            konflik = [] if opsi["timpa_versi"] else hasil.konflik
        else:
            request.session.pop(KUNCI_SESI, None)
            tertunda = None
            _simpan_laporan(request, simpanan, berkas, hasil)
    elif request.method == "POST" and request.POST.get("aksi") == "impor":
        form = KonfirmasiImporForm(request.POST, konflik=(tertunda or {}).get("konflik", []))
        if tertunda and not form.is_valid():
            galat = [p for daftar in form.errors.values() for p in daftar]
            konteks_galat = {"tertunda": Path(tertunda["nama"]).name, "galat_konfirmasi": galat}
            return render(request, "workbook/impor.html", konteks_galat, status=400)
        request.session.pop(KUNCI_SESI, None)
        diklaim = _klaim(simpanan, tertunda)
        if diklaim is None:
            messages.error(request, TIDAK_MENUNGGU)
            return redirect("workbook:impor")
        opsi = {nama: bool(tertunda.get(nama)) for nama in OPSI}
        dipilih = urai_timpa_baris(form.cleaned_data["timpa_baris"])
        try:
            with simpanan.open(diklaim, "rb") as f:
                isi = f.read()
            hasil = workbook_impor(io.BytesIO(isi), nama_berkas=tertunda["nama"], timpa_baris=dipilih, **opsi)
        finally:
            simpanan.delete(diklaim)
        riwayat_catat(isi, tertunda["nama"], hasil, request.user, timpa_baris=bool(dipilih), **opsi)
        if hasil.berhasil:
            messages.success(request, f"Workbook '{tertunda['nama']}' diimpor: {hasil.ringkasan()}.")
            for p in hasil.peringatan:
                if "dilewati" in p or "ditimpa atas" in p:
                    messages.warning(request, p)
            return redirect("workbook:impor")
        tertunda = None
    elif request.method == "POST" and request.POST.get("aksi") == "batal":
        if tertunda:
            simpanan.delete(tertunda["path"])
        request.session.pop(KUNCI_SESI, None)
        return redirect("workbook:impor")
    konteks = {
        "hasil": hasil,
        "tertunda": tertunda and Path(tertunda["nama"]).name,
        "dikonfirmasi": [OPSI[nama] for nama in OPSI if tertunda and tertunda.get(nama)],
        "perubahan": _perubahan_per_sheet(hasil) if hasil and hasil.berhasil else [],
        "laporan": bool(hasil and not hasil.berhasil and request.session.get(KUNCI_LAPORAN)),
        "konflik": konflik,
    }
    # a refused workbook is the client's error: 400, with every message on the page
    return render(
        request, "workbook/impor.html", konteks, status=400 if hasil and not hasil.berhasil else 200
    )
