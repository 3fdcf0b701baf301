"""Write one kecamatan's data in the workbook format, so that importing it changes nothing.

Also writes the blank template ("Unduh templat"): the same sheets with only their header rows.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from django.db.models import F, Q
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from core.nilai import Nilai
from core.xlsx import tambah_baris
from lkjip.models import IndikatorSasaran
from renja.models import TRIWULAN, Anggaran, Indikator, Nomenklatur, RenstraTarget, RkpdReview
from wilayah.models import Kecamatan

from .daftar_lembar import EKSPOR
from .kolom import KOLOM_TEKS, KOLOM_VERSI, SHEET_BERVERSI, SHEETS

_JUDUL = Font(bold=True)
_ISI_JUDUL = PatternFill("solid", fgColor="DDEBF7")
FORMAT_UANG = "#,##0.##"


def _sel(value: Any) -> Any:
    if isinstance(value, Nilai):
        if value.kosong:
            return None
        if value.is_grade:
            return value.grade
        value = value.angka
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if value == "":
        return None
    return value


def _tulis(wb: Workbook, nama: str, baris: list[dict[str, Any]], tambahan: tuple[str, ...] = ()) -> None:
    kolom = [*SHEETS[nama]["kolom"], *tambahan]
    ws = wb.create_sheet(nama)
    tambah_baris(ws, kolom)
    for i, judul in enumerate(kolom, start=1):
        sel = ws.cell(row=1, column=i)
        sel.font = _JUDUL
        sel.fill = _ISI_JUDUL
        ws.column_dimensions[get_column_letter(i)].width = max(12, min(45, len(judul) + 4))
        if judul in KOLOM_TEKS:
            ws.column_dimensions[get_column_letter(i)].number_format = "@"
    for data in baris:
        # user text (uraian, names, catatan) stays text even when it starts with "=" (core.xlsx)
        tambah_baris(ws, [_sel(data.get(k)) for k in kolom])
        for i, judul in enumerate(kolom, start=1):
            if judul in KOLOM_TEKS:
                ws.cell(row=ws.max_row, column=i).number_format = "@"
    ws.freeze_panes = "A2"


def workbook_templat() -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for nama in SHEETS:
        _tulis(wb, nama, [])
    return _simpan(wb)


def _simpan(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _baris_nomenklatur(nodes: dict[int, Nomenklatur]) -> list[dict[str, Any]]:
    """The nodes used plus every ancestor, parents before children, each with its kode_induk."""
    semua = {n.pk: n for n in Nomenklatur.objects.all()}
    hasil: dict[int, Nomenklatur] = {}
    for node in nodes.values():
        while node is not None and node.pk not in hasil:
            hasil[node.pk] = node
            node = semua.get(node.induk_id)
    return [
        {
            "kode": n.kode,
            "tingkat": n.tingkat,
            "uraian": n.uraian,
            "kelompok": n.kelompok,
            "kode_induk": semua[n.induk_id].kode if n.induk_id else "",
        }
        for n in sorted(hasil.values(), key=lambda n: (n.kedalaman, n.kode))
    ]


def workbook_ekspor(kecamatan: Kecamatan, tahun: int | None = None) -> bytes:
    """All data of one kecamatan (optionally one year) as workbook bytes."""
    per_tahun = Q(tahun=tahun) if tahun else Q()
    kode_kec = kecamatan.kode
    wb = Workbook()
    wb.remove(wb.active)

    kota = kecamatan.kota
    wilayah = [
        {
            "kode_kota": kota.kode,
            "nama_kota": kota.nama,
            "kode_kecamatan": kode_kec,
            "nama_kecamatan": kecamatan.nama,
            "alamat_kantor": kecamatan.alamat_kantor,
            "nama_camat": kecamatan.nama_camat,
            "nip_camat": kecamatan.nip_camat,
        }
    ]
    for kel in kecamatan.kelurahan_set.order_by("kode"):
        wilayah.append(
            {
                "kode_kota": kota.kode,
                "kode_kecamatan": kode_kec,
                "nama_kecamatan": kecamatan.nama,
                "kode_kelurahan": kel.kode,
                "nama_kelurahan": kel.nama,
                "jumlah_rt_rw": kel.jumlah_rt_rw,
            }
        )

    anggaran = list(
        Anggaran.objects.filter(per_tahun, kecamatan=kecamatan)
        .select_related("nomenklatur", "kelurahan")
        .order_by("tahun", "nomenklatur__kode", F("kelurahan__kode").asc(nulls_first=True), "sumber_dana")
    )
    indikator = list(
        Indikator.objects.filter(per_tahun, kecamatan=kecamatan)
        .select_related("nomenklatur")
        .order_by("tahun", "nomenklatur__kode", "urutan", "id")
    )
    renstra_q = Q(periode_awal__lte=tahun, periode_akhir__gte=tahun) if tahun else Q()
    renstra = list(
        RenstraTarget.objects.filter(renstra_q, kecamatan=kecamatan)
        .select_related("nomenklatur")
        .order_by("periode_awal", "periode_akhir", "nomenklatur__kode", "indikator")
    )
    sasaran = list(
        IndikatorSasaran.objects.filter(
            Q(sasaran__tahun=tahun) if tahun else Q(), sasaran__kecamatan=kecamatan
        )
        .select_related("sasaran")
        .order_by("sasaran__tahun", "sasaran__urutan", "sasaran_id", "urutan", "id")
    )
    rkpd = list(
        RkpdReview.objects.filter(per_tahun, kecamatan=kecamatan)
        .select_related("nomenklatur", "kelurahan")
        .order_by("tahun", "urutan", "id")
    )

    lain = {nama: baris(kecamatan, tahun) for nama, baris in EKSPOR.items()}
    dipakai = {o.nomenklatur.pk: o.nomenklatur for o in [*anggaran, *indikator, *renstra, *rkpd]}
    dipakai.update((n.pk, n) for e in lain.values() for n in e.nomenklatur)
    nomenklatur = _baris_nomenklatur(dipakai)

    _tulis(wb, "wilayah", wilayah)
    _tulis(wb, "nomenklatur", nomenklatur)
    _tulis(
        wb,
        "anggaran",
        [
            {
                "tahun": a.tahun,
                "kode_kecamatan": kode_kec,
                "kode": a.nomenklatur.kode,
                "kode_kelurahan": a.kelurahan.kode if a.kelurahan else "",
                "sumber_dana": a.sumber_dana,
                "pagu": a.pagu,
                "realisasi": a.realisasi,
                **{f"realisasi_tw{tw}": getattr(a, f"realisasi_tw{tw}") for tw in TRIWULAN},
                KOLOM_VERSI: a.versi,
            }
            for a in anggaran
        ],
        (KOLOM_VERSI,),
    )
    _tulis(
        wb,
        "indikator",
        [
            {
                "tahun": i.tahun,
                "kode_kecamatan": kode_kec,
                "kode": i.nomenklatur.kode,
                "indikator": i.uraian,
                "satuan": i.satuan,
                "target": i.target,
                "realisasi": i.realisasi,
                **{f"realisasi_tw{tw}": getattr(i, f"realisasi_tw{tw}") for tw in TRIWULAN},
                "polaritas": i.polaritas,
                "sifat": i.sifat,
                "urutan": i.urutan,
                KOLOM_VERSI: i.versi,
            }
            for i in indikator
        ],
        (KOLOM_VERSI,),
    )
    _tulis(
        wb,
        "renstra",
        [
            {
                "periode": r.periode,
                "kode_kecamatan": kode_kec,
                "kode": r.nomenklatur.kode,
                "indikator": r.indikator,
                "target_akhir": r.target_akhir,
                "pagu_akhir": r.pagu_akhir,
            }
            for r in renstra
        ],
    )
    _tulis(
        wb,
        "sasaran",
        [
            {
                "tahun": s.sasaran.tahun,
                "kode_kecamatan": kode_kec,
                "sasaran": s.sasaran.uraian,
                "indikator": s.uraian,
                "satuan": s.satuan,
                "target": s.target,
                "realisasi": s.realisasi,
                "polaritas": s.polaritas,
                "formula": s.formula,
            }
            for s in sasaran
        ],
    )
    _tulis(
        wb,
        "rkpd",
        [
            {
                "tahun": r.tahun,
                "kode_kecamatan": kode_kec,
                "kode": r.nomenklatur.kode,
                "kode_kelurahan": r.kelurahan.kode if r.kelurahan else "",
                "indikator": r.indikator,
                "target_rancangan": r.target_rancangan,
                "pagu_rancangan": r.pagu_rancangan,
                "target_kebutuhan": r.target_kebutuhan,
                "pagu_kebutuhan": r.pagu_kebutuhan,
                "catatan": r.catatan,
            }
            for r in rkpd
        ],
    )
    for nama, e in lain.items():
        _tulis(wb, nama, e.baris, (KOLOM_VERSI,) if nama in SHEET_BERVERSI else ())
    return _simpan(wb)
