"""Evaluasi Hasil Renja per triwulan — the quarterly monitoring form sent to Bappeda (year N, s/d TW t).

(4) Renstra target (period containing N); (5) realisasi s/d N−1 over the Renstra period; (6) Renja target
N; (7)–(10) realisasi TW I–IV (quarters after t left blank); (11) realisasi N up to TW t (K per the
indicator's sifat); (12) = 11/6; (13) = 5 + 11; (14) = 13/4; (15) unit penanggung jawab; (16) keterangan
(predikat of column 12). Three queries whatever the number of rows.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from core.capaian import (
    capaian_anggaran,
    capaian_kinerja,
    jumlah,
    metode_negatif_aktif,
    nilai_tahunan,
    predikat,
)
from core.laporan.tabel import Kepala, Kolom, Sel, Tabel
from core.nilai import KOSONG, Nilai
from renja.models import TRIWULAN, Anggaran, Indikator, RenstraTarget
from wilayah.models import Kecamatan

from .pohon import (
    LELUHUR,
    Angka,
    IndikatorGabung,
    Simpul,
    barispohon,
    gabung_indikator,
    keterangan_negatif,
    kumpulkan_node,
    kunci_indikator,
    pohon_dari,
)

ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}
RP_DASAR = ("rp4", "rp5", "rp6", "rp7", "rp8", "rp9", "rp10", "rp11")


def kepala_evaluasi(tahun: int, akhir_renstra: int | None, triwulan: int) -> list[Kepala]:
    def kr(n: int, persen: bool = False) -> tuple[Kolom, Kolom]:
        return (
            Kolom(f"k{n}", "K", "persen" if persen else "nilai", 7 if persen else 6),
            Kolom(f"rp{n}", "Rp", "persen" if persen else "rupiah", 7 if persen else 13),
        )

    akhir = str(akhir_renstra) if akhir_renstra else "…"
    tw = [
        Kepala(f"Realisasi Kinerja dan Anggaran Triwulan {ROMAWI[t]}", kr(6 + t), f"({6 + t})")
        for t in TRIWULAN
    ]
    sd = ROMAWI[triwulan]
    return [
        Kepala("Kode", (Kolom("kode", "", "teks", 10),), "(1)"),
        Kepala("Program/ Kegiatan/ Sub Kegiatan", (Kolom("uraian", "", "teks", 22),), "(2)"),
        Kepala(
            "Indikator Kinerja Program (outcome)/ Kegiatan (output)",
            (Kolom("indikator", "Uraian", "teks", 18), Kolom("satuan", "Satuan", "teks", 6)),
            "(3)",
        ),
        Kepala(
            f"Target Renstra PD pada Tahun {akhir} (Akhir Periode Renstra)",
            kr(4),
            "(4)",
        ),
        Kepala(f"Realisasi Capaian Kinerja Renstra PD s/d Tahun {tahun - 1}", kr(5), "(5)"),
        Kepala(f"Target Kinerja dan Anggaran Renja PD Tahun {tahun}", kr(6), "(6)"),
        *tw,
        Kepala(
            f"Realisasi Capaian Kinerja dan Anggaran Renja PD Tahun {tahun} s/d Triwulan {sd}",
            kr(11),
            "(11) = (7)+(8)+(9)+(10)",
        ),
        Kepala(
            f"Tingkat Capaian Kinerja dan Realisasi Anggaran Renja PD Tahun {tahun} (%)",
            kr(12, persen=True),
            "(12) = (11)/(6)",
        ),
        Kepala(
            f"Realisasi Kinerja dan Anggaran Renstra PD s/d Tahun {tahun}",
            kr(13),
            "(13) = (5)+(11)",
        ),
        Kepala(
            f"Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra PD s/d Tahun {tahun} (%)",
            kr(14, persen=True),
            "(14) = (13)/(4)",
        ),
        Kepala("Unit PD Penanggung Jawab", (Kolom("unit", "", "teks", 10),), "(15)"),
        Kepala("Keterangan", (Kolom("keterangan", "", "teks", 10),), "(16)"),
    ]


def _predikat(k: object, rp: object) -> str | None:
    bagian = []
    if isinstance(k, Decimal):
        bagian.append(f"K: {predikat(k)}")
    if isinstance(rp, Decimal):
        bagian.append(f"Rp: {predikat(rp)}")
    return "; ".join(bagian) or None


def renja_evaluasi(kecamatan: Kecamatan, tahun: int, *, triwulan: int = 4, **_opsi: object) -> Tabel:
    """The quarterly Evaluasi Hasil Renja form of year ``tahun`` up to quarter ``triwulan`` (1–4)."""
    if triwulan not in TRIWULAN:
        raise ValueError(f"triwulan {triwulan} tidak sah (1–4)")
    metode = metode_negatif_aktif()
    sampai = TRIWULAN[:triwulan]

    renstra = list(
        RenstraTarget.objects.untuk(kecamatan, tahun)
        .select_related(LELUHUR)
        .order_by("-periode_awal", "periode_akhir", "id")
    )
    periode = (renstra[0].periode_awal, renstra[0].periode_akhir) if renstra else None
    renstra = [r for r in renstra if periode and (r.periode_awal, r.periode_akhir) == periode]
    awal = periode[0] if periode else tahun
    tahun_lalu = range(periode[0], tahun) if periode else range(0)

    anggaran = list(
        Anggaran.objects.untuk(kecamatan)
        .filter(tahun__gte=awal, tahun__lte=tahun)
        .select_related(LELUHUR, "kelurahan")
    )
    indikator = list(
        Indikator.objects.untuk(kecamatan).filter(tahun__gte=awal, tahun__lte=tahun).select_related(LELUHUR)
    )
    node = kumpulkan_node(
        (a.nomenklatur for a in anggaran),
        (i.nomenklatur for i in indikator),
        (r.nomenklatur for r in renstra),
    )
    pohon = pohon_dari(
        {a.nomenklatur_id for a in anggaran if a.tahun == tahun}
        | {i.nomenklatur_id for i in indikator if i.tahun == tahun}
        | {r.nomenklatur_id for r in renstra},
        node,
    )

    milik: dict[int, dict[str, Decimal | None]] = defaultdict(dict)
    kelurahan: dict[int, set[str]] = defaultdict(set)

    def tambah(pk: int, kunci: str, nilai: Decimal | None) -> None:
        milik[pk][kunci] = jumlah([milik[pk].get(kunci), nilai])

    for a in anggaran:
        if a.tahun == tahun:
            tambah(a.nomenklatur_id, "rp6", a.pagu)
            tw = a.realisasi_triwulan()
            for t in sampai:
                tambah(a.nomenklatur_id, f"rp{6 + t}", tw[t - 1])
            if any(v is not None for v in tw):
                tambah(a.nomenklatur_id, "rp11", jumlah(tw[t - 1] for t in sampai))
            elif triwulan == 4:
                tambah(a.nomenklatur_id, "rp11", a.realisasi)  # only a year figure was reported
            kelurahan[a.nomenklatur_id].add(a.kelurahan.nama if a.kelurahan_id else "")
        elif a.tahun in tahun_lalu:
            tambah(a.nomenklatur_id, "rp5", a.realisasi_tahun)
    rp = pohon.gulung(milik, RP_DASAR[1:])
    pagu_renstra = {r.nomenklatur_id: {"rp4": r.pagu_akhir} for r in renstra if not r.indikator.strip()}
    for pk, v in pohon.gulung_target(pagu_renstra, ("rp4",)).items():
        rp.setdefault(pk, {}).update(v)
    target_renstra: dict[int, dict[str, Nilai]] = defaultdict(dict)
    for r in renstra:
        if r.indikator.strip():
            target_renstra[r.nomenklatur_id][kunci_indikator(r.indikator)] = r.target_akhir or KOSONG
    gabung = gabung_indikator(indikator, tahun)

    def sel_rp(nilai: Angka) -> dict[str, Sel]:
        sel: dict[str, Sel] = {"rp4": nilai.get("rp4"), "rp5": nilai.get("rp5"), "rp6": nilai.get("rp6")}
        for t in sampai:
            sel[f"rp{6 + t}"] = nilai.get(f"rp{6 + t}")
        rp11 = nilai.get("rp11")
        rp13 = jumlah([nilai.get("rp5"), rp11])
        sel.update(
            {
                "rp11": rp11,
                "rp12": capaian_anggaran(nilai.get("rp6"), rp11),
                "rp13": rp13,
                "rp14": capaian_anggaran(nilai.get("rp4"), rp13),
            }
        )
        return sel

    def sel_k(s: Simpul, g: IndikatorGabung) -> dict[str, Sel]:
        ind = g.per_tahun.get(tahun)
        tw = ind.realisasi_triwulan() if ind is not None else [KOSONG] * 4
        if any(not n.kosong for n in tw):
            k11 = nilai_tahunan(tw[:triwulan], g.sifat)
        else:
            k11 = g.realisasi(tahun) if triwulan == 4 else KOSONG
        k4 = target_renstra.get(s.id, {}).get(kunci_indikator(g.uraian), KOSONG)
        k5 = nilai_tahunan([g.realisasi(t) for t in tahun_lalu], g.sifat)
        k6 = g.target(tahun)
        k13 = nilai_tahunan([k5, k11], g.sifat)
        sel: dict[str, Sel] = {"indikator": g.uraian, "satuan": g.satuan, "k4": k4, "k5": k5, "k6": k6}
        for t in sampai:
            sel[f"k{6 + t}"] = tw[t - 1]
        k12 = capaian_kinerja(k6, k11, g.polaritas, metode)
        sel.update(
            {
                "k11": k11,
                "k12": k12,
                "k13": k13,
                "k14": capaian_kinerja(k4, k13, g.polaritas, metode),
                "keterangan": _predikat(k12, None),
            }
        )
        return sel

    def sel_indikator(s: Simpul) -> list[dict[str, Sel]]:
        return [sel_k(s, g) for g in gabung.get(s.id, [])]

    def sel_lain(s: Simpul) -> dict[str, Sel]:
        nama = {k for n in s.semua() for k in kelurahan.get(n.id, ())}
        if len(nama) == 1 and "" not in nama:
            return {"unit": f"Kelurahan {nama.pop()}"}
        return {"unit": f"Kecamatan {kecamatan.nama}"}

    baris = barispohon(
        pohon,
        kecamatan,
        rp=rp,
        sel_rp=sel_rp,
        sel_indikator=sel_indikator,
        sel_lain=sel_lain,
        keys_rp=RP_DASAR,
    )
    for b in baris:
        if b.jenis != "indikator":
            b.sel["keterangan"] = _predikat(b.sel.get("k12"), b.sel.get("rp12"))

    keterangan = [
        (
            f"K = kinerja (indikator), Rp = anggaran. Kolom (11) menjumlahkan triwulan I s/d {ROMAWI[triwulan]} untuk "
            "indikator kumulatif dan mengambil triwulan terakhir yang dilaporkan untuk indikator akhir."
        ),
        'Target 0 atau kosong, dan tahun tanpa data, ditampilkan sebagai "-".',
        keterangan_negatif(metode),
    ]
    if periode is None:
        keterangan.insert(
            0,
            (
                f"Belum ada target Renstra yang periodenya mencakup tahun {tahun}: kolom (4), (5), "
                "(13) dan (14) tidak lengkap."
            ),
        )
    return Tabel(
        judul=[
            f"Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah Tahun {tahun} s/d Triwulan {ROMAWI[triwulan]}",
            f"Kecamatan {kecamatan.nama} {kecamatan.kota.nama}",
        ],
        kepala=kepala_evaluasi(tahun, periode[1] if periode else None, triwulan),
        baris=baris,
        keterangan=keterangan,
    )
