"""Renja Tabel 2.1 — Rekapitulasi Evaluasi Hasil Pelaksanaan Renja PD dan Pencapaian Renstra PD.

For plan year N (DOMAIN.md): (4) Renstra end-of-period target, from the Renstra period that contains N−2;
(5) realisasi from the period's first year through N−3; (6)/(7) target and realisasi of N−2; (8) = 7/6;
(9) target of N−1; (10) = 5 + 7 + 9; (11) = 10/4, both "-" when an input is unknown (a year without data is
not 0); (12) catatan, left blank for the author (the predikat of (8) is readable from (8) itself).
K values come from :class:`~renja.models.Indikator` (matched across years by uraian) and
:class:`~renja.models.RenstraTarget`; Rp from :class:`~renja.models.Anggaran` lines summed up the tree.
Five queries whatever the number of rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from core.capaian import (
    capaian_anggaran,
    capaian_kinerja,
    jumlah,
    metode_negatif_aktif,
    nilai_tahunan,
)
from core.laporan.tabel import Kepala, Kolom, Sel, Tabel
from core.nilai import KOSONG, Nilai
from renja.models import Anggaran, Indikator, RenstraTarget
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

RP = ("rp4", "rp5", "rp6", "rp7", "rp9")


def kepala_tabel_2_1(tahun: int, akhir_renstra: int | None) -> list[Kepala]:
    def kr(n: int, persen: bool = False) -> tuple[Kolom, Kolom]:
        return (
            Kolom(f"k{n}", "K", "persen" if persen else "nilai", 8),
            Kolom(f"rp{n}", "Rp", "persen" if persen else "rupiah", 8 if persen else 14),
        )

    akhir = str(akhir_renstra) if akhir_renstra else "…"
    return [
        Kepala("Kode", (Kolom("kode", "", "teks", 12),), "(1)"),
        Kepala(
            "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan",
            (Kolom("uraian", "", "teks", 28),),
            "(2)",
        ),
        Kepala(
            "Indikator Kinerja Program (outcome)/ Kegiatan (output)",
            (Kolom("indikator", "Uraian", "teks", 24), Kolom("satuan", "Satuan", "teks", 7)),
            "(3)",
        ),
        Kepala(
            f"Target Kinerja Capaian Renstra PD Tahun {akhir} (Akhir Periode Renstra PD)",
            kr(4),
            "(4)",
        ),
        Kepala(
            f"Realisasi Target Kinerja Hasil Program dan Keluaran Kegiatan s/d Tahun {tahun - 3}",
            kr(5),
            "(5)",
        ),
        Kepala(f"Target Kinerja dan Anggaran Renja PD Tahun {tahun - 2}", kr(6), "(6)"),
        Kepala(f"Realisasi Target Kinerja dan Anggaran Renja PD Tahun {tahun - 2}", kr(7), "(7)"),
        Kepala("Tingkat Realisasi (%)", kr(8, persen=True), "(8) = (7)/(6)"),
        Kepala(f"Target Program dan Kegiatan Renja PD Tahun {tahun - 1}", kr(9), "(9)"),
        Kepala(
            f"Perkiraan Realisasi Capaian Target Renstra PD s/d Tahun {tahun - 1}",
            kr(10),
            "(10) = (5)+(7)+(9)",
        ),
        Kepala(
            f"Tingkat Capaian Realisasi Target Renstra PD s/d Tahun {tahun - 1} (%)",
            kr(11, persen=True),
            "(11) = (10)/(4)",
        ),
        Kepala("Catatan", (Kolom("catatan", "", "teks", 14),), "(12)"),
    ]


def _lengkap(nilai: Sequence[Sel]) -> bool:
    """Whether every input of a computed column is known: a year without data is unknown, never 0."""
    return all(v is not None and not (isinstance(v, Nilai) and v.kosong) for v in nilai)


def _sel_rp(nilai: Angka, ada_tahun_lalu: bool) -> dict[str, Sel]:
    """Rp cells; (10) = 5 + 7 + 9 and (11) = 10 / 4 only when every input is known ((5) only counts when the
    Renstra period has years before the evaluated one), else ``None`` ("-")."""
    sel: dict[str, Sel] = {k: nilai.get(k) for k in RP}
    masukan = [nilai.get("rp7"), nilai.get("rp9")] + ([nilai.get("rp5")] if ada_tahun_lalu else [])
    rp10 = jumlah([nilai.get("rp5"), nilai.get("rp7"), nilai.get("rp9")]) if _lengkap(masukan) else None
    sel["rp8"] = capaian_anggaran(nilai.get("rp6"), nilai.get("rp7"))
    sel["rp10"] = rp10
    sel["rp11"] = capaian_anggaran(nilai.get("rp4"), rp10)
    return sel


def renja_tabel_2_1(kecamatan: Kecamatan, tahun: int, **_opsi: object) -> Tabel:
    """Tabel 2.1 of the Renja for plan year ``tahun`` (evaluating ``tahun − 2``)."""
    th_eval, th_lalu, th_berjalan = tahun - 2, tahun - 3, tahun - 1
    metode = metode_negatif_aktif()

    renstra = list(
        RenstraTarget.objects.filter(
            kecamatan=kecamatan, periode_awal__lte=th_eval, periode_akhir__gte=th_eval
        )
        .select_related(LELUHUR)
        .order_by("-periode_awal", "periode_akhir", "id")
    )
    periode = (renstra[0].periode_awal, renstra[0].periode_akhir) if renstra else None
    renstra = [r for r in renstra if periode and (r.periode_awal, r.periode_akhir) == periode]
    awal = periode[0] if periode else th_eval
    tahun_lalu = range(periode[0], th_lalu + 1) if periode else range(0)

    anggaran = list(
        Anggaran.objects.untuk(kecamatan)
        .filter(tahun__gte=awal, tahun__lte=th_berjalan)
        .select_related(LELUHUR)
    )
    indikator = list(
        Indikator.objects.untuk(kecamatan)
        .filter(tahun__gte=awal, tahun__lte=th_berjalan)
        .select_related(LELUHUR)
    )

    node = kumpulkan_node(
        (a.nomenklatur for a in anggaran),
        (i.nomenklatur for i in indikator),
        (r.nomenklatur for r in renstra),
    )
    pohon = pohon_dari(
        {a.nomenklatur_id for a in anggaran}
        | {i.nomenklatur_id for i in indikator}
        | {r.nomenklatur_id for r in renstra},
        node,
    )

    # Rupiah per node: own lines, then summed up the tree.
    milik: dict[int, dict[str, Decimal | None]] = defaultdict(dict)
    for a in anggaran:
        m = milik[a.nomenklatur_id]
        if a.tahun == th_eval:
            m["rp6"] = jumlah([m.get("rp6"), a.pagu])
            m["rp7"] = jumlah([m.get("rp7"), a.realisasi_tahun])
        elif a.tahun == th_berjalan:
            m["rp9"] = jumlah([m.get("rp9"), a.pagu])
        elif a.tahun in tahun_lalu:
            m["rp5"] = jumlah([m.get("rp5"), a.realisasi_tahun])
    rp = pohon.gulung(milik, ("rp5", "rp6", "rp7", "rp9"))
    target_renstra: dict[int, dict[str, Nilai]] = defaultdict(dict)
    pagu_renstra: dict[int, dict[str, Decimal | None]] = {}
    for r in renstra:
        if r.indikator.strip():
            target_renstra[r.nomenklatur_id][kunci_indikator(r.indikator)] = r.target_akhir or KOSONG
        else:
            pagu_renstra[r.nomenklatur_id] = {"rp4": r.pagu_akhir}
    for pk, v in pohon.gulung_target(pagu_renstra, ("rp4",)).items():
        rp.setdefault(pk, {}).update(v)

    gabung = gabung_indikator(indikator, th_eval)

    def sel_k(s: Simpul, g: IndikatorGabung) -> dict[str, Sel]:
        k4 = target_renstra.get(s.id, {}).get(kunci_indikator(g.uraian), KOSONG)
        k5 = nilai_tahunan([g.realisasi(t) for t in tahun_lalu], g.sifat)
        k6, k7, k9 = g.target(th_eval), g.realisasi(th_eval), g.target(th_berjalan)
        masukan: list[Sel] = [k7, k9, *([k5] if tahun_lalu else [])]
        k10 = nilai_tahunan([k5, k7, k9], g.sifat) if _lengkap(masukan) else KOSONG
        k8 = capaian_kinerja(k6, k7, g.polaritas, metode)
        return {
            "indikator": g.uraian,
            "satuan": g.satuan,
            "k4": k4,
            "k5": k5,
            "k6": k6,
            "k7": k7,
            "k8": k8,
            "k9": k9,
            "k10": k10,
            "k11": capaian_kinerja(k4, k10, g.polaritas, metode),
        }

    def sel_indikator(s: Simpul) -> list[dict[str, Sel]]:
        hasil = [sel_k(s, g) for g in gabung.get(s.id, [])]
        # Renstra targets of indicators that have no Renja row in these years still get a row.
        ada = {kunci_indikator(g.uraian) for g in gabung.get(s.id, [])}
        for r in renstra:
            if r.nomenklatur_id == s.id and r.indikator.strip() and kunci_indikator(r.indikator) not in ada:
                hasil.append({"indikator": r.indikator, "k4": r.target_akhir or KOSONG})
        return hasil

    baris = barispohon(
        pohon,
        kecamatan,
        rp=rp,
        sel_rp=lambda nilai: _sel_rp(nilai, bool(tahun_lalu)),
        sel_indikator=sel_indikator,
        keys_rp=("rp4", "rp5", "rp6", "rp7", "rp9"),
    )
    keterangan = [
        (
            "K = kinerja (indikator), Rp = anggaran. Jumlah program, kelompok dan OPD dihitung dari baris "
            "kegiatan/sub kegiatan; persentase dihitung dari nilai tak dibulatkan."
        ),
        'Target 0 atau kosong, dan tahun tanpa data, ditampilkan sebagai "-".',
        keterangan_negatif(metode),
        (
            f"Kolom (10) dan (11) dihitung hanya bila semua masukannya diketahui; bila tahun {th_berjalan} "
            '(kolom 9) atau tahun sebelumnya belum berisi data, ditampilkan "-". Kolom (12) dibiarkan kosong untuk catatan penyusun.'
        ),
    ]
    if not any(a.tahun == th_berjalan for a in anggaran) and not any(
        i.tahun == th_berjalan for i in indikator
    ):
        keterangan.insert(
            0, f'Belum ada data Renja tahun {th_berjalan}: kolom (9), (10) dan (11) ditampilkan "-".'
        )
    if periode is None:
        keterangan.insert(
            0,
            (
                f"Belum ada target Renstra yang periodenya mencakup tahun {th_eval}: kolom (4), (5) "
                "dan (11) kosong."
            ),
        )
    return Tabel(
        judul=[
            "Tabel 2.1",
            (
                "Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah dan Pencapaian Renstra "
                f"Perangkat Daerah s/d Tahun {th_eval}"
            ),
            f"Kecamatan {kecamatan.nama} {kecamatan.kota.nama} — Renja Tahun {tahun}",
        ],
        kepala=kepala_tabel_2_1(tahun, periode[1] if periode else None),
        baris=baris,
        keterangan=keterangan,
    )
