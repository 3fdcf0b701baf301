"""Realisasi entry: thin views over renja.selectors and renja.services."""

from __future__ import annotations

import json

from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.akses import adalah_camat_dari, akses_kecamatan, boleh_ubah
from core.angka import format_angka, format_persen, format_rupiah
from core.capaian import capaian_anggaran, capaian_kinerja, metode_negatif_aktif

from .models import TRIWULAN, Anggaran, Indikator
from .selectors import TRIWULAN_LABEL, realisasi_grid
from .services import (
    GalatRealisasi,
    KonflikVersi,
    anggaran_set_realisasi,
    indikator_set_realisasi,
    triwulan_tutup,
)


@akses_kecamatan("lihat")
def realisasi(request, kecamatan, tahun: int):
    grup, ditutup = realisasi_grid(kecamatan, tahun)
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
