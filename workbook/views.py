"""Web import (Bappeda), the blank template and the per-kecamatan export. Thin over impor/ekspor."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render

from core.penyimpanan import penyimpanan_privat
from wilayah.akses import Peran, akses_kecamatan, peran

from .ekspor import ekspor_workbook, templat_kosong
from .impor import impor_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
KUNCI_SESI = "impor_workbook"


def _unduhan(isi: bytes, nama: str) -> HttpResponse:
    respons = HttpResponse(isi, content_type=XLSX)
    respons["Content-Disposition"] = f'attachment; filename="{nama}"'
    return respons


@login_required
def templat(request):
    return _unduhan(templat_kosong(), "Templat-Workbook-Perencanaan.xlsx")


@akses_kecamatan("lihat")
def ekspor(request, kecamatan, tahun: int):
    nama = f"Workbook-{tahun}-Kecamatan-{kecamatan.nama.replace(' ', '-')}.xlsx"
    return _unduhan(ekspor_workbook(kecamatan, tahun=tahun), nama)


@login_required
def impor(request):
    """Upload → Pratinjau (dry run: every error, or what would change) → Impor (the same file, all or nothing)."""
    if peran(request.user) != Peran.BAPPEDA:
        raise PermissionDenied("Hanya admin Bappeda yang dapat mengimpor workbook.")
    simpanan = penyimpanan_privat()
    hasil = None
    tertunda = request.session.get(KUNCI_SESI)
    if request.method == "POST" and "berkas" in request.FILES:
        berkas = request.FILES["berkas"]
        hasil = impor_workbook(berkas, dry_run=True, nama_berkas=berkas.name)
        if hasil.berhasil:
            berkas.seek(0)
            nama = simpanan.save(f"impor/{uuid.uuid4().hex}.xlsx", berkas)
            request.session[KUNCI_SESI] = {"path": nama, "nama": berkas.name}
            tertunda = request.session[KUNCI_SESI]
        else:
            request.session.pop(KUNCI_SESI, None)
            tertunda = None
    elif request.method == "POST" and request.POST.get("aksi") == "impor":
        if not tertunda or not simpanan.exists(tertunda["path"]):
            messages.error(request, "Tidak ada pratinjau yang menunggu (mungkin sudah diimpor). Unggah berkasnya lagi.")
            return redirect("workbook:impor")
        with simpanan.open(tertunda["path"], "rb") as f:
            hasil = impor_workbook(f, nama_berkas=tertunda["nama"])
        simpanan.delete(tertunda["path"])
        request.session.pop(KUNCI_SESI, None)
        if hasil.berhasil:
            messages.success(request, f"Workbook '{tertunda['nama']}' diimpor: {hasil.ringkasan()}.")
            return redirect("workbook:impor")
        tertunda = None
    elif request.method == "POST" and request.POST.get("aksi") == "batal":
        if tertunda:
            simpanan.delete(tertunda["path"])
        request.session.pop(KUNCI_SESI, None)
        return redirect("workbook:impor")
    return render(request, "workbook/impor.html", {"hasil": hasil, "tertunda": tertunda and Path(tertunda["nama"]).name})
