"""Realisasi entry: thin views over renja.forms, renja.selectors and renja.services."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.db.models import F
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_POST, require_safe

from core.angka import format_angka, format_persen, format_rupiah
from core.capaian import capaian_anggaran, capaian_kinerja, metode_negatif_aktif
from core.choices import label_triwulan
from core.forms import halaman_400, pesan_galat
from core.laporan import registry
from core.pintasan import ambil_atau_404
from core.riwayat import respons_riwayat
from wilayah.akses import LIHAT, akses_kecamatan
from wilayah.models import Kelurahan

from . import services
from .forms import (
    KOLOM_TRIWULAN,
    BelanjaForm,
    BuktiForm,
    CatatanVerifikatorForm,
    HapusIsianForm,
    IsianForm,
    JawabanCatatanForm,
    KeteranganForm,
    PrioritasForm,
    RealisasiAnggaranForm,
    RealisasiIndikatorForm,
    TampilanGridForm,
    UsulanForm,
)
from .kunci import realisasi_terkunci
from .models import TRIWULAN, Anggaran, BuktiDukung, CatatanVerifikator, Indikator
from .reports.pohon import realisasi_indikator
from .selectors import (
    TRIWULAN_LABEL,
    belanja_jumlah,
    kegiatan_rinci,
    realisasi_grid,
    riwayat_kegiatan,
)
from .services import (
    GalatRealisasi,
    JenisIsian,
    KonflikVersi,
    TanyaGantiSetahun,
    anggaran_set_realisasi,
    bukti_hapus,
    bukti_unggah,
    catatan_verifikator_jawab,
    catatan_verifikator_tulis,
    indikator_set_realisasi,
    isian_hapus,
    isian_simpan,
    keterangan_simpan,
    triwulan_tutup,
)


def _cocok(teks: str, *bagian: str | None) -> bool:
    return any(teks in (b or "").casefold() for b in bagian)


def _saring_grid(grup: list, q: str) -> list:
    """The programs and kegiatan whose code or name contains ``q`` (a program that matches keeps all its
    kegiatan). The page's script filters the same way while typing; this is the path without JavaScript."""
    teks = q.strip().casefold()
    if not teks:
        return grup
    hasil = []
    for g in grup:
        if g.node and _cocok(teks, g.node.kode, g.node.uraian):
            hasil.append(g)
            continue
        kegiatan = [k for k in g.kegiatan if _cocok(teks, k.node.kode, k.node.uraian)]
        if kegiatan:
            hasil.append(replace(g, kegiatan=kegiatan, indikator=[]))
    return hasil


def _lewat_pagu(grup: list) -> list[dict]:
    """The lines whose realisasi exceeds their pagu, to be jumped to from the top of the page."""
    return [
        {"jangkar": f"a{a.pk}", "kode": k.node.kode, "uraian": k.node.uraian, "anggaran": a}
        for g in grup
        for k in g.kegiatan
        for a in k.anggaran
        if a.pagu is not None and a.realisasi_tahun is not None and a.realisasi_tahun > a.pagu
    ]


def _halaman_realisasi(request, kecamatan, tahun: int, status: int = 200, tanya: dict | None = None):
    grup, ditutup = realisasi_grid(kecamatan, tahun)
    catatan = CatatanVerifikator.objects.filter(kecamatan=kecamatan, tahun=tahun).select_related(
        "ditulis_oleh", "dijawab_oleh", "kegiatan"
    )
    tampilan = TampilanGridForm(request.GET)
    if not tampilan.is_valid():  # a hand-made address (?tw=9)
        return halaman_400(request, list(pesan_galat(tampilan).values()))
    tw, q = tampilan.cleaned_data["tw"], tampilan.cleaned_data["q"]
    terbuka = [t for t in TRIWULAN if t not in ditutup]
    return render(
        request,
        "renja/realisasi.html",
        {
            "kecamatan": kecamatan,
            "tahun": tahun,
            "grup": _saring_grid(grup, q),
            "kegiatan_grid": [k.node for g in grup for k in g.kegiatan],
            "lewat_pagu": _lewat_pagu(grup),
            "ditutup": ditutup,
            "triwulan": TRIWULAN_LABEL,
            "tw_tampil": tw,
            "tw_bawaan": terbuka[0] if terbuka else TRIWULAN[-1],
            "q": q,
            "catatan": catatan,
            "tanya": tanya,
            "terkunci": realisasi_terkunci(kecamatan.pk, tahun),
        },
        status=status,
    )


@akses_kecamatan(LIHAT)
@require_safe
def realisasi(request, kecamatan, tahun: int):
    return _halaman_realisasi(request, kecamatan, tahun)


# ------------------------------------------------------------------------------------------------
# One row of the grid: JSON (the page's script) or a plain form post (no JavaScript)
# ------------------------------------------------------------------------------------------------
class _BukanObjek(ValueError):
    pass


def _minta_json(request) -> bool:
    return request.content_type == "application/json" or "application/json" in request.headers.get(
        "Accept", ""
    )


def _data(request) -> dict:
    """The row's fields: the JSON object sent by the script, or the form fields."""
    if request.content_type != "application/json":
        return request.POST
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, RecursionError):
        raise _BukanObjek("Isi permintaan bukan JSON yang sah.") from None
    if not isinstance(data, dict):
        raise _BukanObjek(
            'Isi permintaan harus berupa objek JSON, mis. {"versi": 3, "realisasi_tw1": "1.250.000"}.'
        )
    return data


def _json_anggaran(a: Anggaran) -> dict:
    serapan = capaian_anggaran(a.pagu, a.realisasi_tahun)
    lewat = a.pagu is not None and a.realisasi_tahun is not None and a.realisasi_tahun > a.pagu
    return {
        "id": a.pk,
        "versi": a.versi,
        "nilai": {f"realisasi_tw{tw}": format_angka(getattr(a, f"realisasi_tw{tw}")) for tw in TRIWULAN},
        "jumlah": format_rupiah(a.realisasi_tahun),
        "serapan": format_persen(serapan),
        # the row's computed cells as the page shows them: the script draws these, it does not recompute
        "tampil": {
            "jumlah": format_rupiah(a.realisasi_tahun),
            "capaian": format_persen(serapan, suffix=True),
            "lewat_pagu": lewat,
            "pesan_pagu": (
                f"Jumlah Rp {format_rupiah(a.realisasi_tahun)} melebihi pagu Rp {format_rupiah(a.pagu)}."
                if lewat
                else ""
            ),
        },
    }


def _json_indikator(i: Indikator) -> dict:
    tahunan = realisasi_indikator(
        i
    )  # the reports' year value: from the quarters by sifat, else the year figure
    capaian = capaian_kinerja(i.target, tahunan, i.polaritas, metode_negatif_aktif())
    return {
        "id": i.pk,
        "versi": i.versi,
        "nilai": {f"realisasi_tw{tw}": str(getattr(i, f"realisasi_tw{tw}")) for tw in TRIWULAN},
        "jumlah": str(i.realisasi),
        "capaian": format_persen(capaian),
        "tampil": {
            "jumlah": "-" if tahunan.kosong else str(tahunan),
            "capaian": format_persen(capaian, suffix=True),
            "lewat_pagu": False,
            "pesan_pagu": "",
        },
    }


def _simpan(request, kecamatan, tahun, model, pk, form_class, layanan, ke_json, jangkar: str):
    """Save one row. JSON answers keep the shape the grid's script reads: the row (200), ``{pesan, galat}``
    (400) or ``{pesan, sekarang}`` (409). A plain form post redirects back to the row with a message, or shows
    the grid again with the message (400/409) and nothing saved."""
    obj = ambil_atau_404(model.objects.untuk(kecamatan, tahun), "Baris tidak ditemukan.", pk=pk)
    json_ = _minta_json(request)

    def label() -> str:
        return obj.uraian if isinstance(obj, Indikator) else obj.nomenklatur.uraian

    def gagal(pesan: str, galat: dict[str, str], status: int, sekarang=None):
        if json_:
            isi = (
                {"pesan": pesan, "galat": galat}
                if sekarang is None
                else {"pesan": pesan, "sekarang": ke_json(sekarang)}
            )
            return JsonResponse(isi, status=status)
        rincian = " ".join(galat.values()) if galat else ""
        messages.error(request, f"{label()}: {pesan} {rincian}".strip())
        return _halaman_realisasi(request, kecamatan, tahun, status=status)

    try:
        data = _data(request)
    except _BukanObjek as exc:
        return gagal(str(exc), {}, 400)
    form = form_class(data)
    if not form.is_valid():
        return gagal("Periksa isian yang ditandai.", pesan_galat(form), 400)
    try:
        obj = layanan(
            obj, versi=form.cleaned_data["versi"], masukan=form.masukan(), user=request.user, **form.opsi()
        )
    except TanyaGantiSetahun as exc:
        if json_:
            return JsonResponse({"pesan": str(exc), "tanya": str(exc)}, status=409)
        # the question with a button that sends the same values again, with the answer
        tanya = {
            "pesan": f"{label()}: {exc}",
            "url": request.path,
            "versi": form.cleaned_data["versi"],
            "nilai": [(k, data[k]) for k in form.masukan()],
            "kembali": reverse("renja:realisasi", kwargs={"kode": kecamatan.kode, "tahun": tahun})
            + f"#{jangkar}{obj.pk}",
        }
        return _halaman_realisasi(request, kecamatan, tahun, status=409, tanya=tanya)
    except GalatRealisasi as exc:
        return gagal("Periksa isian yang ditandai.", exc.galat, 400)
    except KonflikVersi as exc:
        return gagal(str(exc), {}, 409, sekarang=exc.obj)
    if json_:
        return JsonResponse({"pesan": "Tersimpan.", **ke_json(obj)})
    messages.success(request, f"{label()}: tersimpan.")
    return redirect(
        reverse("renja:realisasi", kwargs={"kode": kecamatan.kode, "tahun": tahun}) + f"#{jangkar}{obj.pk}"
    )


def _hitung(request, kecamatan, tahun, model, pk, form_class, ke_json):
    """The row's computed cells (jumlah, serapan/capaian, over pagu) for the values being typed, before any save:
    the grid asks while the user types, so the page never computes a figure itself. Reads the query string
    through the row's own form (the same checks as a save, e.g. ambiguous "1.5"); writes nothing."""
    obj = ambil_atau_404(model.objects.untuk(kecamatan, tahun), "Baris tidak ditemukan.", pk=pk)
    data = {k: request.GET[k] for k in KOLOM_TRIWULAN if k in request.GET}
    form = form_class({**data, "versi": obj.versi})
    if not form.is_valid():
        return JsonResponse({"pesan": "Periksa isian yang ditandai.", "galat": pesan_galat(form)}, status=400)
    salinan = copy.copy(obj)
    for nama, nilai in form.masukan().items():
        setattr(salinan, nama, nilai)
    return JsonResponse({"tampil": ke_json(salinan)["tampil"]})


@akses_kecamatan("renja.ubah_realisasi")
@require_safe
def hitung_anggaran(request, kecamatan, tahun: int, pk: int):
    return _hitung(request, kecamatan, tahun, Anggaran, pk, RealisasiAnggaranForm, _json_anggaran)


@akses_kecamatan("renja.ubah_realisasi")
@require_safe
def hitung_indikator(request, kecamatan, tahun: int, pk: int):
    return _hitung(request, kecamatan, tahun, Indikator, pk, RealisasiIndikatorForm, _json_indikator)


@akses_kecamatan("renja.ubah_realisasi")
@require_POST
def simpan_anggaran(request, kecamatan, tahun: int, pk: int):
    return _simpan(
        request,
        kecamatan,
        tahun,
        Anggaran,
        pk,
        RealisasiAnggaranForm,
        anggaran_set_realisasi,
        _json_anggaran,
        "a",
    )


@akses_kecamatan("renja.ubah_realisasi")
@require_POST
def simpan_indikator(request, kecamatan, tahun: int, pk: int):
    return _simpan(
        request,
        kecamatan,
        tahun,
        Indikator,
        pk,
        RealisasiIndikatorForm,
        indikator_set_realisasi,
        _json_indikator,
        "i",
    )


@akses_kecamatan("renja.tutup_triwulan")
@require_POST
def tutup_triwulan(request, kecamatan, tahun: int, triwulan: int):
    try:
        triwulan_tutup(kecamatan, tahun, triwulan, request.user)
    except GalatRealisasi as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            f"{label_triwulan(triwulan)} tahun {tahun} ditutup; realisasinya kini hanya dapat dibaca.",
        )
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


def _halaman_kegiatan(request, kecamatan, tahun: int, node: int, data=None, status: int = 200):
    data = data or _rinci_atau_404(kecamatan, tahun, node)
    return render(
        request,
        "renja/kegiatan.html",
        {
            "kecamatan": kecamatan,
            "tahun": tahun,
            **data,
            "riwayat": riwayat_kegiatan(kecamatan, tahun, node)[:200],
            "ukuran_maks_mb": settings.BUKTI_UKURAN_MAKS // 1048576,
        },
        status=status,
    )


def _tolak_form(request, form, halaman):
    """Input that cannot be used: the page again, with what was wrong, as 400."""
    messages.error(request, " ".join(pesan_galat(form).values()))
    return halaman(status=400)


@akses_kecamatan(LIHAT)
@require_safe
def kegiatan(request, kecamatan, tahun: int, node: int):
    return _halaman_kegiatan(request, kecamatan, tahun, node)


@akses_kecamatan("renja.ubah_realisasi")
@require_POST
def keterangan(request, kecamatan, tahun: int, node: int):
    data = _rinci_atau_404(kecamatan, tahun, node)
    form = KeteranganForm(request.POST)
    if not form.is_valid():
        return _tolak_form(
            request, form, lambda status: _halaman_kegiatan(request, kecamatan, tahun, node, data, status)
        )
    try:
        keterangan_simpan(
            kecamatan,
            tahun,
            data["node"],
            form.cleaned_data["triwulan"],
            form.cleaned_data["keterangan"],
            request.user,
        )
    except GalatRealisasi as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Keterangan tersimpan.")
    return _ke_rinci(kecamatan, tahun, node)


@akses_kecamatan("renja.unggah_bukti")
@require_POST
def bukti_baru(request, kecamatan, tahun: int, node: int):
    data = _rinci_atau_404(kecamatan, tahun, node)
    form = BuktiForm(request.POST, request.FILES)
    if not form.is_valid():
        return _tolak_form(
            request, form, lambda status: _halaman_kegiatan(request, kecamatan, tahun, node, data, status)
        )
    try:
        b = bukti_unggah(
            kecamatan,
            tahun,
            data["node"],
            form.cleaned_data["triwulan"],
            form.cleaned_data["berkas"],
            request.user,
        )
    except GalatRealisasi as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Bukti dukung '{b.nama_asli}' tersimpan.")
    return _ke_rinci(kecamatan, tahun, node)


def _bukti_atau_404(kecamatan, tahun, pk):
    return ambil_atau_404(BuktiDukung.objects.untuk(kecamatan, tahun), "Bukti dukung tidak ditemukan.", pk=pk)


@akses_kecamatan(LIHAT)
@require_safe
def bukti_unduh(request, kecamatan, tahun: int, pk: int):
    b = _bukti_atau_404(kecamatan, tahun, pk)
    respons = FileResponse(
        b.berkas.open("rb"), content_type=b.jenis, as_attachment=True, filename=b.nama_asli
    )
    respons["X-Content-Type-Options"] = "nosniff"
    return respons


@akses_kecamatan("renja.unggah_bukti")
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


@akses_kecamatan(LIHAT)
@require_safe
def riwayat_kegiatan_xlsx(request, kecamatan, tahun: int, node: int):
    data = _rinci_atau_404(kecamatan, tahun, node)
    judul = f"Riwayat perubahan {data['node']} · {kecamatan} {tahun}"
    return respons_riwayat(
        riwayat_kegiatan(kecamatan, tahun, node), judul, f"Riwayat-{tahun}-{data['node'].kode}.xlsx"
    )


# ------------------------------------------------------------------------------------------------
# Catatan verifikator (Bappeda) and the kecamatan's answer
# ------------------------------------------------------------------------------------------------
@akses_kecamatan("renja.tulis_catatan_verifikator")
@require_POST
def catatan_tulis(request, kecamatan, tahun: int):
    form = CatatanVerifikatorForm(request.POST, kecamatan=kecamatan, tahun=tahun)
    if not form.is_valid():
        return _tolak_form(
            request, form, lambda status: _halaman_realisasi(request, kecamatan, tahun, status)
        )
    catatan_verifikator_tulis(
        kecamatan,
        tahun,
        form.cleaned_data["triwulan"],
        form.cleaned_data["catatan"],
        request.user,
        kegiatan=form.cleaned_data["kegiatan"],
    )
    messages.success(request, "Catatan verifikator terkirim ke kecamatan.")
    return redirect("renja:realisasi", kode=kecamatan.kode, tahun=tahun)


@akses_kecamatan("renja.jawab_catatan")
@require_POST
def catatan_jawab(request, kecamatan, tahun: int, pk: int):
    catatan = ambil_atau_404(
        CatatanVerifikator.objects.untuk(kecamatan, tahun), "Catatan tidak ditemukan.", pk=pk
    )
    form = JawabanCatatanForm(request.POST)
    if not form.is_valid():
        return _tolak_form(
            request, form, lambda status: _halaman_realisasi(request, kecamatan, tahun, status)
        )
    catatan_verifikator_jawab(catatan, form.cleaned_data["jawaban"], request.user)
    messages.success(request, "Jawaban tersimpan.")
    return redirect("renja:realisasi", kode=kecamatan.kode, tahun=tahun)


# ------------------------------------------------------------------------------------------------
# Rows entered per year on their own page: one pattern for usulan, prioritas, belanja (here), pegawai and tujuan
# (lkjip)
# ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Kolom:
    """A column that is not a model field (e.g. a percentage computed from two): its name (the key of the
    totals row), heading and the text shown for a row."""

    nama: str
    judul: str
    isi: Callable[[Any], str]


@dataclass(frozen=True)
class HalamanIsian:
    """A per-year list page: what it stores (``jenis``, a ``renja.services.JenisIsian``), its form (an
    ``IsianForm``), its URL names (``url`` + ``""``/``-baru``/``-simpan``/``-hapus``), the title and the text
    above the table, the columns shown (model field names, or a ``Kolom``), the related fields read with the
    rows, the label of a row in messages, and the reports that print these rows (slugs). Optional: the order
    of the rows (the model's by default) and a totals row (texts by column name, from the year's rows)."""

    jenis: JenisIsian
    form: type[IsianForm]
    url: str
    judul: str
    penjelasan: str
    kolom: tuple[str | Kolom, ...]
    terkait: tuple[str, ...]
    label: Callable[[Any], str]
    laporan: tuple[str, ...] = ()
    urutan: tuple[Any, ...] = ()
    jumlah: Callable[[list[Any]], dict[str, str]] | None = None


def _tampil(obj: Any, nama: str | Kolom) -> str:
    """A stored value as the page shows it: choices by their label, money in the Indonesian format, a program
    by its kode, a blank as "-"."""
    if isinstance(nama, Kolom):
        return nama.isi(obj)
    bidang = obj._meta.get_field(nama)
    if bidang.choices:
        return getattr(obj, f"get_{nama}_display")() or "-"
    nilai = getattr(obj, nama)
    if nilai is None or nilai == "":
        return "Kecamatan" if nama == "kelurahan" else "-"
    if isinstance(nilai, Decimal):
        return format_rupiah(nilai)
    if nama == "nomenklatur":
        return nilai.kode
    return getattr(nilai, "nama", None) or str(nilai)


def _halaman_isian(
    request,
    h: HalamanIsian,
    kecamatan,
    tahun: int,
    *,
    status: int = 200,
    baru=None,
    ubah: dict | None = None,
    ketikan: dict | None = None,
):
    """The year's rows, each with its form (``ubah`` holds a bound or refreshed form by pk; ``ketikan`` what
    was typed in a refused save, by pk), and the form for a new row."""
    daftar = h.jenis.model.objects.untuk(kecamatan, tahun).select_related(*h.terkait)
    daftar = list(daftar.order_by(*h.urutan) if h.urutan else daftar)
    kelurahan = list(Kelurahan.objects.filter(kecamatan=kecamatan).order_by("kode").values_list("pk", "nama"))
    ubah = ubah or {}
    meta = h.jenis.model._meta
    nama_kolom = [k.nama if isinstance(k, Kolom) else k for k in h.kolom]
    jumlah = h.jumlah(daftar) if h.jumlah and daftar else None
    return render(
        request,
        "renja/isian.html",
        {
            "kecamatan": kecamatan,
            "tahun": tahun,
            "h": h,
            "kepala": [k.judul if isinstance(k, Kolom) else meta.get_field(k).verbose_name for k in h.kolom],
            "baris": [
                (
                    obj,
                    [_tampil(obj, k) for k in h.kolom],
                    ubah.get(obj.pk) or h.form(instance=obj, kelurahan=kelurahan, auto_id=f"r{obj.pk}-%s"),
                    (ketikan or {}).get(obj.pk),
                )
                for obj in daftar
            ],
            "baru": baru or h.form(kelurahan=kelurahan, auto_id="baru-%s"),
            "jumlah": None if jumlah is None else [jumlah.get(k, "") for k in nama_kolom],
            "terkunci": realisasi_terkunci(kecamatan.pk, tahun),
            "url": {"baru": f"{h.url}-baru", "simpan": f"{h.url}-simpan", "hapus": f"{h.url}-hapus"},
            "laporan": [registry.laporan(slug) for slug in h.laporan],  # where these rows are printed
        },
        status=status,
    )


def isian_views(h: HalamanIsian) -> tuple[Callable, Callable, Callable, Callable]:
    """The page (GET) and its three actions (POST: new row, change, delete) of a per-year list page, with the
    rules of the realisasi grid: scoped to the kecamatan, the change permission on every action (403 for a role
    that may only look), 409 with the stored and the typed values when the row changed since the page was
    opened, 400 with the messages on the fields, refused while the year's document locks it."""

    def kelurahan_dari(kecamatan) -> list[tuple[int, str]]:
        return list(Kelurahan.objects.filter(kecamatan=kecamatan).order_by("kode").values_list("pk", "nama"))

    def ke_halaman(kecamatan, tahun: int, pk: int | None = None):
        alamat = reverse(h.url, kwargs={"kode": kecamatan.kode, "tahun": tahun})
        return redirect(alamat + (f"#r{pk}" if pk else ""))

    def ambil(kecamatan, tahun: int, pk: int):
        sumber = h.jenis.model.objects.untuk(kecamatan, tahun).select_related(*h.terkait)
        return ambil_atau_404(sumber, f"Baris {h.jenis.nama} tidak ditemukan.", pk=pk)

    def konflik(request, kecamatan, tahun: int, pk: int, exc: KonflikVersi, ketikan, pesan: str):
        messages.error(request, f"{h.label(exc.obj)}: {exc}{pesan}")
        segar = ambil(kecamatan, tahun, pk)
        form = h.form(instance=segar, kelurahan=kelurahan_dari(kecamatan), auto_id=f"r{pk}-%s")
        return _halaman_isian(
            request, h, kecamatan, tahun, status=409, ubah={pk: form}, ketikan={pk: ketikan}
        )

    @akses_kecamatan(LIHAT)
    @require_safe
    def halaman(request, kecamatan, tahun: int):
        return _halaman_isian(request, h, kecamatan, tahun)

    @akses_kecamatan(h.jenis.izin)
    @require_POST
    def baru(request, kecamatan, tahun: int):
        form = h.form(request.POST, kelurahan=kelurahan_dari(kecamatan), auto_id="baru-%s")
        if form.is_valid():
            try:
                obj = isian_simpan(
                    h.jenis, kecamatan, tahun, obj=None, versi=None, nilai=form.nilai(), user=request.user
                )
            except GalatRealisasi as exc:
                form.tampilkan_galat(exc.galat)
            else:
                messages.success(request, f"{h.label(obj)}: tersimpan.")
                return ke_halaman(kecamatan, tahun, obj.pk)
        messages.error(request, f"Baris {h.jenis.nama} baru belum tersimpan: periksa isian yang ditandai.")
        return _halaman_isian(request, h, kecamatan, tahun, status=400, baru=form)

    @akses_kecamatan(h.jenis.izin)
    @require_POST
    def simpan(request, kecamatan, tahun: int, pk: int):
        obj = ambil(kecamatan, tahun, pk)
        form = h.form(
            request.POST, instance=copy.copy(obj), kelurahan=kelurahan_dari(kecamatan), auto_id=f"r{pk}-%s"
        )
        if form.is_valid():
            try:
                obj = isian_simpan(
                    h.jenis,
                    kecamatan,
                    tahun,
                    obj=obj,
                    versi=form.cleaned_data["versi"],
                    nilai=form.nilai(),
                    user=request.user,
                )
            except KonflikVersi as exc:
                return konflik(request, kecamatan, tahun, pk, exc, form.nilai_tampil(), "")
            except GalatRealisasi as exc:
                form.tampilkan_galat(exc.galat)
            else:
                messages.success(request, f"{h.label(obj)}: tersimpan.")
                return ke_halaman(kecamatan, tahun, obj.pk)
        messages.error(request, f"{h.label(obj)}: belum tersimpan, periksa isian yang ditandai.")
        return _halaman_isian(request, h, kecamatan, tahun, status=400, ubah={pk: form})

    @akses_kecamatan(h.jenis.izin)
    @require_POST
    def hapus(request, kecamatan, tahun: int, pk: int):
        obj = ambil(kecamatan, tahun, pk)
        form = HapusIsianForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(pesan_galat(form).values()))
            return _halaman_isian(request, h, kecamatan, tahun, status=400)
        try:
            isian_hapus(h.jenis, obj, versi=form.cleaned_data["versi"], user=request.user)
        except KonflikVersi as exc:
            return konflik(request, kecamatan, tahun, pk, exc, None, " Baris tidak dihapus.")
        except GalatRealisasi as exc:
            messages.error(request, str(exc))
            return _halaman_isian(request, h, kecamatan, tahun, status=400)
        messages.success(request, f"{h.label(obj)}: dihapus.")
        return ke_halaman(kecamatan, tahun)

    return halaman, baru, simpan, hapus


def isian_urls(awal: str, h: HalamanIsian, views: tuple[Callable, Callable, Callable, Callable]) -> list:
    """The four URLs of a per-year list page under ``awal`` (``…/<nama>/``, ``baru/``, ``<pk>/``,
    ``<pk>/hapus/``), named after ``h.url``."""
    nama = h.url.split(":", 1)[1]
    halaman, baru, simpan, hapus = views
    return [
        path(f"{awal}{nama}/", halaman, name=nama),
        path(f"{awal}{nama}/baru/", baru, name=f"{nama}-baru"),
        path(f"{awal}{nama}/<int:pk>/", simpan, name=f"{nama}-simpan"),
        path(f"{awal}{nama}/<int:pk>/hapus/", hapus, name=f"{nama}-hapus"),
    ]


USULAN = HalamanIsian(
    jenis=services.USULAN,
    form=UsulanForm,
    url="renja:usulan",
    judul="Usulan masyarakat dan pemangku kepentingan",
    penjelasan=(
        "Usulan program dan kegiatan dari musrenbang per kelurahan (Renja Tabel 2.5), dan usulan yang diteruskan "
        "ke Renja K/L atau Renja PD Provinsi dicatat di halaman prioritas (Tabel 4.3)."
    ),
    kolom=("urutan", "uraian", "kelurahan", "nomenklatur", "indikator", "volume", "catatan"),
    terkait=("kelurahan", "nomenklatur"),
    label=lambda u: f"Usulan '{u.uraian}'",
    laporan=("renja-2.5",),
)
usulan_views = isian_views(USULAN)

PRIORITAS = HalamanIsian(
    jenis=services.PRIORITAS,
    form=PrioritasForm,
    url="renja:prioritas",
    judul="Prioritas dan pendanaan (BAB IV)",
    penjelasan=(
        "Rencana pendapatan (Tabel 4.1), program unggulan dan mendesak (Tabel 4.2), dan usulan pada Renja K/L "
        "(APBN) atau Renja PD Provinsi (APBD Prov) (Tabel 4.3). Pagu kosong berarti belum diketahui, bukan 0."
    ),
    kolom=(
        "jenis",
        "urutan",
        "uraian",
        "nomenklatur",
        "indikator",
        "target",
        "satuan",
        "pagu",
        "sumber_dana",
    ),
    terkait=("nomenklatur",),
    label=lambda p: f"{p.get_jenis_display()} '{p.uraian}'",
    laporan=("renja-4.1", "renja-4.2-unggulan", "renja-4.2-mendesak", "renja-4.3-kl", "renja-4.3-provinsi"),
)
prioritas_views = isian_views(PRIORITAS)


def _jumlah_belanja(daftar: list) -> dict[str, str]:
    """The year's pagu, realisasi and serapan; a sum missing a row's value says so ("belum lengkap")."""
    j = belanja_jumlah(daftar)

    def uang(nilai, lengkap: bool) -> str:
        return format_rupiah(nilai) + ("" if lengkap else " (belum lengkap)")

    return {
        "pagu": uang(j.pagu, j.pagu_lengkap),
        "realisasi": uang(j.realisasi, j.realisasi_lengkap),
        "serapan": format_persen(j.serapan),
    }


BELANJA = HalamanIsian(
    jenis=services.BELANJA,
    form=BelanjaForm,
    url="renja:belanja",
    judul="Belanja tidak langsung",
    penjelasan=(
        "Belanja di luar program dan kegiatan (mis. belanja pegawai), satu baris per jenis untuk kecamatan atau "
        "satu kelurahan. Pagu ditulis dari anggaran perubahan bila ada. Kosongkan pagu atau realisasi yang belum "
        "diketahui: nilai kosong tidak dihitung sebagai 0, jumlahnya ditandai belum lengkap. Akuntabilitas "
        "keuangan LKjIP menjumlahkan baris ini dengan belanja langsung."
    ),
    kolom=(
        "jenis",
        "kelurahan",
        "pagu",
        "realisasi",
        Kolom("serapan", "serapan (%)", lambda b: format_persen(b.serapan)),
        "keterangan",
    ),
    terkait=("kelurahan",),
    label=lambda b: f"Belanja '{b.jenis}'",
    laporan=("lkjip-keuangan",),
    urutan=("jenis", F("kelurahan__kode").asc(nulls_first=True)),
    jumlah=_jumlah_belanja,
)
belanja_views = isian_views(BELANJA)
