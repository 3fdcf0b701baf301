"""Realisasi entry: thin views over renja.selectors and renja.services."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.angka import format_angka, format_persen, format_rupiah
from core.capaian import capaian_anggaran, capaian_kinerja, metode_negatif_aktif
from core.riwayat import respons_riwayat
from wilayah.akses import Peran, adalah_camat_dari, akses_kecamatan, boleh_ubah, peran

from .models import TRIWULAN, Anggaran, BuktiDukung, CatatanVerifikator, Indikator
from .selectors import TRIWULAN_LABEL, kegiatan_rinci, realisasi_grid, riwayat_kegiatan
from .services import (
    GalatRealisasi,
    KonflikVersi,
    anggaran_set_realisasi,
    bukti_hapus,
    bukti_unggah,
    catatan_verifikator_jawab,
    catatan_verifikator_tulis,
    indikator_set_realisasi,
    keterangan_simpan,
    triwulan_tutup,
)


@akses_kecamatan("lihat")
def realisasi(request, kecamatan, tahun: int):
    grup, ditutup = realisasi_grid(kecamatan, tahun)
    catatan = CatatanVerifikator.objects.filter(kecamatan=kecamatan, tahun=tahun).select_related(
        "ditulis_oleh", "dijawab_oleh"
    )
    return render(
        request,
        "renja/realisasi.html",
        {
            "kecamatan": kecamatan,
            "tahun": tahun,
            "grup": grup,
            "ditutup": ditutup,
            "triwulan": TRIWULAN_LABEL,
            "boleh_ubah": boleh_ubah(request.user, kecamatan),
            "camat": adalah_camat_dari(request.user, kecamatan),
            "metode_negatif": metode_negatif_aktif(),
            "catatan": catatan,
            "verifikator": peran(request.user) == Peran.BAPPEDA,
        },
    )


def _masukan(request) -> tuple[int | None, dict]:
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            data = {}
    else:
        data = request.POST.dict()
    try:
        versi = int(data.get("versi"))
    except (TypeError, ValueError):
        versi = None
    return versi, {k: v for k, v in data.items() if k.startswith("realisasi_tw")}


def _json_anggaran(a: Anggaran) -> dict:
    return {
        "id": a.pk,
        "versi": a.versi,
        "nilai": {f"realisasi_tw{tw}": format_angka(getattr(a, f"realisasi_tw{tw}")) for tw in TRIWULAN},
        "jumlah": format_rupiah(a.realisasi_tahun),
        "serapan": format_persen(capaian_anggaran(a.pagu, a.realisasi_tahun)),
    }


def _json_indikator(i: Indikator) -> dict:
    return {
        "id": i.pk,
        "versi": i.versi,
        "nilai": {f"realisasi_tw{tw}": str(getattr(i, f"realisasi_tw{tw}")) for tw in TRIWULAN},
        "jumlah": str(i.realisasi),
        "capaian": format_persen(capaian_kinerja(i.target, i.realisasi, i.polaritas)),
    }


def _simpan(request, kecamatan, tahun, model, pk, layanan, ke_json):
    obj = model.objects.filter(pk=pk, kecamatan=kecamatan, tahun=tahun).first()
    if obj is None:
        raise Http404("Baris tidak ditemukan.")
    versi, masukan = _masukan(request)
    if versi is None:
        return JsonResponse({"pesan": "Versi baris tidak dikirim; muat ulang halaman."}, status=400)
    try:
        obj = layanan(obj, versi=versi, masukan=masukan, user=request.user)
    except GalatRealisasi as exc:
        return JsonResponse({"pesan": "Periksa isian yang ditandai.", "galat": exc.galat}, status=400)
    except KonflikVersi as exc:
        return JsonResponse({"pesan": str(exc), "sekarang": ke_json(exc.obj)}, status=409)
    return JsonResponse({"pesan": "Tersimpan.", **ke_json(obj)})


@akses_kecamatan("ubah")
@require_POST
def simpan_anggaran(request, kecamatan, tahun: int, pk: int):
    return _simpan(request, kecamatan, tahun, Anggaran, pk, anggaran_set_realisasi, _json_anggaran)


@akses_kecamatan("ubah")
@require_POST
def simpan_indikator(request, kecamatan, tahun: int, pk: int):
    return _simpan(request, kecamatan, tahun, Indikator, pk, indikator_set_realisasi, _json_indikator)


@akses_kecamatan("camat")
def tutup_triwulan(request, kecamatan, tahun: int, triwulan: int):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        triwulan_tutup(kecamatan, tahun, triwulan, request.user)
    except GalatRealisasi as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Triwulan {triwulan} tahun {tahun} ditutup; realisasinya kini hanya dapat dibaca.")
    return redirect("renja:realisasi", kode=kecamatan.kode, tahun=tahun)


# ------------------------------------------------------------------------------------------------
# One kegiatan: keterangan, bukti dukung, riwayat
# ------------------------------------------------------------------------------------------------
def _rinci_atau_404(kecamatan, tahun, node):
    data = kegiatan_rinci(kecamatan, tahun, node)
    if data is None:
        raise Http404("Kegiatan tidak ditemukan untuk kecamatan dan tahun ini.")
    return data


def _ke_rinci(kecamatan, tahun, node):
    return redirect("renja:kegiatan", kode=kecamatan.kode, tahun=tahun, node=node)


@akses_kecamatan("lihat")
def kegiatan(request, kecamatan, tahun: int, node: int):
    data = _rinci_atau_404(kecamatan, tahun, node)
    return render(
        request,
        "renja/kegiatan.html",
        {
            "kecamatan": kecamatan,
            "tahun": tahun,
            **data,
            "riwayat": riwayat_kegiatan(kecamatan, tahun, node)[:200],
            "boleh_ubah": boleh_ubah(request.user, kecamatan),
            "ukuran_maks_mb": settings.BUKTI_UKURAN_MAKS // 1048576,
        },
    )


def _triwulan(request) -> int:
    try:
        return int(request.POST.get("triwulan", ""))
    except ValueError:
        return 0


@akses_kecamatan("ubah")
@require_POST
def keterangan(request, kecamatan, tahun: int, node: int):
    data = _rinci_atau_404(kecamatan, tahun, node)
    try:
        keterangan_simpan(kecamatan, tahun, data["node"], _triwulan(request), request.POST.get("keterangan", ""), request.user)
    except GalatRealisasi as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Keterangan tersimpan.")
    return _ke_rinci(kecamatan, tahun, node)


@akses_kecamatan("ubah")
@require_POST
def bukti_baru(request, kecamatan, tahun: int, node: int):
    data = _rinci_atau_404(kecamatan, tahun, node)
    try:
        b = bukti_unggah(kecamatan, tahun, data["node"], _triwulan(request), request.FILES.get("berkas"), request.user)
    except GalatRealisasi as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Bukti dukung '{b.nama_asli}' tersimpan.")
    return _ke_rinci(kecamatan, tahun, node)


def _bukti_atau_404(kecamatan, tahun, pk):
    b = BuktiDukung.objects.filter(pk=pk, kecamatan=kecamatan, tahun=tahun).first()
    if b is None:
        raise Http404("Bukti dukung tidak ditemukan.")
    return b


@akses_kecamatan("lihat")
def bukti_unduh(request, kecamatan, tahun: int, pk: int):
    b = _bukti_atau_404(kecamatan, tahun, pk)
    respons = FileResponse(b.berkas.open("rb"), content_type=b.jenis, as_attachment=True, filename=b.nama_asli)
    respons["X-Content-Type-Options"] = "nosniff"
    return respons


@akses_kecamatan("ubah")
@require_POST
def bukti_hapus_view(request, kecamatan, tahun: int, pk: int):
    b = _bukti_atau_404(kecamatan, tahun, pk)
    try:
        bukti_hapus(b, request.user)
    except GalatRealisasi as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Bukti dukung dihapus.")
    return _ke_rinci(kecamatan, tahun, b.nomenklatur_id)


@akses_kecamatan("lihat")
def riwayat_kegiatan_xlsx(request, kecamatan, tahun: int, node: int):
    data = _rinci_atau_404(kecamatan, tahun, node)
    judul = f"Riwayat perubahan {data['node']} · {kecamatan} {tahun}"
    return respons_riwayat(riwayat_kegiatan(kecamatan, tahun, node), judul, f"Riwayat-{tahun}-{data['node'].kode}.xlsx")


# ------------------------------------------------------------------------------------------------
# Catatan verifikator (Bappeda) and the kecamatan's answer
# ------------------------------------------------------------------------------------------------
@akses_kecamatan("lihat")
@require_POST
def catatan_tulis(request, kecamatan, tahun: int):
    try:
        catatan_verifikator_tulis(kecamatan, tahun, _triwulan(request), request.POST.get("catatan", ""), request.user)
    except GalatRealisasi as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Catatan verifikator terkirim ke kecamatan.")
    return redirect("renja:realisasi", kode=kecamatan.kode, tahun=tahun)


@akses_kecamatan("ubah")
@require_POST
def catatan_jawab(request, kecamatan, tahun: int, pk: int):
    catatan = CatatanVerifikator.objects.filter(pk=pk, kecamatan=kecamatan, tahun=tahun).first()
    if catatan is None:
        raise Http404("Catatan tidak ditemukan.")
    try:
        catatan_verifikator_jawab(catatan, request.POST.get("jawaban", ""), request.user)
    except GalatRealisasi as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Jawaban tersimpan.")
    return redirect("renja:realisasi", kode=kecamatan.kode, tahun=tahun)
