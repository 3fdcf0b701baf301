"""Renja lampiran — Rencana Program, Kegiatan dan Sub Kegiatan tahun N dengan prakiraan maju N+1 (T-C.33).

(1) kode; (2) program/kegiatan/sub kegiatan; (3) indikator kinerja (uraian, satuan); rencana tahun N:
(4) lokasi, (5) target capaian, (6) pagu indikatif, (7) sumber dana; (8) catatan penting (from the Tabel 2.4
review of year N); prakiraan maju N+1: (9) target, (10) pagu. Program and kelompok pagu are sums of their
lines; a total row closes both years. A sum that includes a line with an unknown pagu is marked "belum
lengkap" (footnote naming the line). Three queries whatever the number of rows.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from core.capaian import jumlah
from core.laporan.tabel import Baris, Kepala, Kolom, Sel, Tabel
from renja.models import Anggaran, Indikator, Nomenklatur, RkpdReview
from wilayah.models import Kecamatan

from .pohon import LELUHUR, Angka, Simpul, barispohon, gabung_indikator, kumpulkan_node, pohon_dari
from .tabel_2_4 import BELUM_LENGKAP, TIDAK_DIKETAHUI

RP = ("pagu", "pagu_maju")


def kepala_rencana(tahun: int) -> list[Kepala]:
    return [
        Kepala("Kode", (Kolom("kode", "", "teks", 11),), "(1)"),
        Kepala("Program/ Kegiatan/ Sub Kegiatan", (Kolom("uraian", "", "teks", 32),), "(2)"),
        Kepala(
            "Indikator Kinerja",
            (Kolom("indikator", "Uraian", "teks", 28), Kolom("satuan", "Satuan", "teks", 8)),
            "(3)",
        ),
        Kepala(
            f"Rencana Tahun {tahun}",
            (
                Kolom("lokasi", "Lokasi", "teks", 16, "(4)"),
                Kolom("target", "Target Capaian Kinerja", "nilai", 9, "(5)"),
                Kolom("pagu", "Pagu Indikatif (Rp)", "rupiah", 15, "(6)"),
                Kolom("sumber_dana", "Sumber Dana", "teks", 10, "(7)"),
            ),
        ),
        Kepala("Catatan Penting", (Kolom("catatan", "", "teks", 16),), "(8)"),
        Kepala(
            f"Prakiraan Maju Rencana Tahun {tahun + 1}",
            (
                Kolom("target_maju", "Target Capaian Kinerja", "nilai", 9, "(9)"),
                Kolom("pagu_maju", "Kebutuhan Dana/ Pagu Indikatif (Rp)", "rupiah", 15, "(10)"),
            ),
        ),
    ]


def renja_rencana(kecamatan: Kecamatan, tahun: int, **_opsi: object) -> Tabel:
    """Rencana program, kegiatan dan sub kegiatan of plan year ``tahun`` with the forecast for ``tahun + 1``."""
    maju = tahun + 1
    anggaran = list(
        Anggaran.objects.untuk(kecamatan).filter(tahun__in=(tahun, maju)).select_related(LELUHUR, "kelurahan")
    )
    indikator = list(
        Indikator.objects.untuk(kecamatan).filter(tahun__in=(tahun, maju)).select_related(LELUHUR)
    )
    catatan: dict[int, list[str]] = defaultdict(list)
    for pk, teks in (
        RkpdReview.objects.untuk(kecamatan, tahun)
        .exclude(catatan="")
        .values_list("nomenklatur_id", "catatan")
    ):
        if teks.strip() and teks.strip() not in catatan[pk]:
            catatan[pk].append(teks.strip())

    node = kumpulkan_node((a.nomenklatur for a in anggaran), (i.nomenklatur for i in indikator))
    pohon = pohon_dari({a.nomenklatur_id for a in anggaran} | {i.nomenklatur_id for i in indikator}, node)

    milik: dict[int, dict[str, Decimal | None]] = defaultdict(dict)
    lokasi: dict[int, set[str]] = defaultdict(set)
    sumber: dict[int, set[str]] = defaultdict(set)
    for a in anggaran:
        kunci = "pagu" if a.tahun == tahun else "pagu_maju"
        milik[a.nomenklatur_id][kunci] = jumlah([milik[a.nomenklatur_id].get(kunci), a.pagu])
        if a.tahun == tahun:
            lokasi[a.nomenklatur_id].add(a.kelurahan.nama if a.kelurahan_id else "")
            sumber[a.nomenklatur_id].add(a.sumber_dana)
    rp = pohon.gulung(milik, RP)
    gabung = gabung_indikator(indikator, tahun)
    seluruh = f"Kecamatan {kecamatan.nama}"

    def sel_rp(nilai: Angka) -> dict[str, Sel]:
        return {k: nilai.get(k) for k in RP}

    def sel_indikator(s: Simpul) -> list[dict[str, Sel]]:
        return [
            {
                "indikator": g.uraian,
                "satuan": g.satuan,
                "target": g.target(tahun),
                "target_maju": g.target(maju),
            }
            for g in gabung.get(s.id, [])
        ]

    def sel_lain(s: Simpul) -> dict[str, Sel]:
        sel: dict[str, Sel] = {}
        if s.id in lokasi:
            nama = sorted(lokasi[s.id])
            sel["lokasi"] = ", ".join(n or seluruh for n in nama)
        dana = sorted({d for n in s.semua() for d in sumber.get(n.id, ())})
        if dana:
            sel["sumber_dana"] = ", ".join(dana)
        if catatan.get(s.id):
            sel["catatan"] = "; ".join(catatan[s.id])
        return sel

    baris = barispohon(
        pohon,
        kecamatan,
        rp=rp,
        sel_rp=sel_rp,
        sel_indikator=sel_indikator,
        sel_lain=sel_lain,
        keys_rp=RP,
        baris_opd=False,
    )
    baris.append(
        Baris(
            "total",
            {
                "uraian": "JUMLAH",
                "pagu": jumlah(rp.get(s.id, {}).get("pagu") for s in pohon.akar),
                "pagu_maju": jumlah(rp.get(s.id, {}).get("pagu_maju") for s in pohon.akar),
            },
        )
    )
    keterangan = [
        (
            "Pagu program dan jumlah dihitung dari baris kegiatan/sub kegiatan; target diambil dari indikator "
            f"tahun {tahun} dan {maju}."
        ),
    ]
    keterangan += _tandai_pagu_hilang(baris, [a for a in anggaran if a.tahun == tahun and a.pagu is None])
    return Tabel(
        judul=[
            (
                f"Rencana Program, Kegiatan dan Sub Kegiatan Perangkat Daerah Tahun {tahun} dan Prakiraan Maju "
                f"Tahun {maju}"
            ),
            f"Kecamatan {kecamatan.nama} {kecamatan.kota.nama}",
        ],
        kepala=kepala_rencana(tahun),
        baris=baris,
        keterangan=keterangan,
    )


def _tandai_pagu_hilang(baris: list[Baris], hilang: list[Anggaran]) -> list[str]:
    """Mark the pagu (6) of every row whose sum includes a plan-year line with an unknown pagu (a line kept
    with its pagu blank, e.g. a "#####" cell of the source): "tidak diketahui" where nothing is known,
    "belum lengkap" on a sum of the known lines; the rows of the same kelompok and the total too. Returns the
    footnotes naming the lines."""
    if not hilang:
        return []
    kode: set[str] = set()
    for a in hilang:
        n: Nomenklatur | None = a.nomenklatur
        while n is not None:
            kode.add(n.kode)
            n = n.induk
    kelompok: Baris | None = None
    for b in baris:
        if b.jenis == "kelompok":
            kelompok = b
        elif b.jenis == "total" or b.get("kode") in kode:
            b.tanda["pagu"] = BELUM_LENGKAP if b.get("pagu") is not None else TIDAK_DIKETAHUI
            if kelompok is not None and b.jenis != "total":
                kelompok.tanda["pagu"] = BELUM_LENGKAP
    return [
        f"Pagu {a.tahun} baris {a.nomenklatur.kode} {a.nomenklatur.uraian}"
        f"{f' ({a.kelurahan.nama})' if a.kelurahan_id else ''} tidak diketahui: setiap jumlah yang memuatnya "
        f"ditandai ({BELUM_LENGKAP}) dan hanya menjumlahkan nilai yang diketahui."
        for a in hilang
    ]
