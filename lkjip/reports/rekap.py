"""Laporan Rekapitulasi Kemajuan Pelaksanaan Kegiatan: base year N−1 and year N side by side.

Per year: target & pagu (K, Rp), realisasi (K, Rp), tingkat capaian (K %, Rp %). Every indicator of a
program or kegiatan has its own line (the first on the node's row). The averages follow DOMAIN.md:

- a node's capaian K = mean of its indicators' capaian (those that have one); capaian Rp = realisasi / pagu;
- "Rata-rata capaian kinerja kegiatan" of a program = mean over its kegiatan that have a capaian (K and Rp
  separately);
- per kelompok: "Rata-rata capaian kinerja kegiatan <kelompok>" = mean of its programs' kegiatan averages;
  "Jumlah & rata-rata capaian kinerja program <kelompok>" = summed Rp, mean of its programs' capaian K and Rp;
- OPD: "Rata-rata capaian kinerja kegiatan OPD" = mean of every program's kegiatan average;
  "Jumlah anggaran dan realisasi seluruh program" = summed Rp and their ratio;
  "Total rata-rata kinerja dan anggaran dari seluruh program OPD" = mean of every program's capaian K and Rp.

Program, kelompok and OPD Rupiah are sums of the kegiatan lines, never stored figures. The kecamatan's
narrative (keberhasilan, hambatan, saran) of year N is printed under each program's figures.
Three queries whatever the size (anggaran, indikator, narasi).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from core import grafik
from core.capaian import capaian_anggaran, capaian_kinerja, jumlah, metode_negatif_aktif, rata_rata
from core.laporan.tabel import Baris, Kepala, Kolom, Sel
from lkjip.models import NarasiProgram
from renja.models import Anggaran, Indikator, Nomenklatur, Tingkat
from renja.reports.pohon import (
    LELUHUR,
    IndikatorGabung,
    Simpul,
    gabung_indikator,
    keterangan_negatif,
    kumpulkan_node,
    pohon_dari,
)
from wilayah.models import Kecamatan

from ._umum import Gambar, TabelLkjip

#: Year suffixes of the column keys: "0" = base year N−1, "1" = year N.
TAHUN = ("0", "1")


@dataclass
class Angka:
    """One node's figures for one year (raw, unrounded)."""

    pagu: Decimal | None = None
    realisasi: Decimal | None = None
    capaian_k: Decimal | None = None  # mean of its indicators' capaian

    @property
    def capaian_rp(self) -> Decimal | None:
        return capaian_anggaran(self.pagu, self.realisasi)


@dataclass
class RingkasanProgram:
    """A program's figures per year and the means over its kegiatan, plus its narrative."""

    simpul: Simpul
    kelompok: str
    per_tahun: dict[str, Angka]
    rata_kegiatan_k: dict[str, Decimal | None]
    rata_kegiatan_rp: dict[str, Decimal | None]
    indikator: list[tuple[str, Decimal | None]] = field(default_factory=list)  # (uraian, capaian K) year N
    narasi: NarasiProgram | None = None

    @property
    def node(self):
        return self.simpul.node


@dataclass
class Rekap:
    """Everything the rekap table, its charts and the narrative page show (one computation)."""

    kecamatan: Kecamatan
    tahun: int
    kelompok: list[tuple[str, list[RingkasanProgram]]]
    figur: dict[int, dict[str, Angka]]  # node pk → year suffix → figures
    indikator: dict[int, list[IndikatorGabung]]
    metode: str
    #: Realisasi Rp of year N cumulated through TW I…IV (a line with only a year figure counts in TW IV).
    kumulatif_triwulan: list[Decimal | None] = field(default_factory=list)

    @property
    def program(self) -> list[RingkasanProgram]:
        return [p for _k, daftar in self.kelompok for p in daftar]

    @property
    def pagu(self) -> Decimal | None:
        """Year N: "Jumlah anggaran dan realisasi seluruh program", pagu."""
        return jumlah(p.per_tahun["1"].pagu for p in self.program)

    @property
    def realisasi(self) -> Decimal | None:
        return jumlah(p.per_tahun["1"].realisasi for p in self.program)

    @property
    def serapan(self) -> Decimal | None:
        return capaian_anggaran(self.pagu, self.realisasi)

    @property
    def rata_capaian_k(self) -> Decimal | None:
        """Year N: "Total rata-rata kinerja ... dari seluruh program OPD", K."""
        return _mean(p.per_tahun["1"].capaian_k for p in self.program)

    def indikator_tahun(self) -> list[tuple[int, IndikatorGabung]]:
        """(node pk, indicator) of every indicator that exists in year N."""
        return [(pk, g) for pk, daftar in self.indikator.items() for g in daftar if self.tahun in g.per_tahun]

    def indikator_kosong(self) -> list[tuple[int, IndikatorGabung]]:
        """Indicators of year N without any realisasi."""
        return [(pk, g) for pk, g in self.indikator_tahun() if g.realisasi(self.tahun).kosong]


def _mean(values: Iterable[Decimal | None]) -> Decimal | None:
    return rata_rata(values)


def rekap_hitung(kecamatan: Kecamatan, tahun: int) -> Rekap:
    """Load the two years (four queries) and compute every figure and average of the rekap."""
    return rekap_hitung_banyak([kecamatan], tahun)[kecamatan.pk]


def rekap_hitung_banyak(daftar: Iterable[Kecamatan], tahun: int, tahun_lalu: bool = True) -> dict[int, Rekap]:
    """:func:`rekap_hitung` of several kecamatan (kecamatan pk → Rekap) in the same four queries, whatever
    their number: the city overview shows each kecamatan's figures exactly as its LKjIP rekap prints them.

    ``tahun_lalu=False`` reads year N only (half the rows): every year-N figure is the same, since none of them
    depends on the rows of N−1, but the N−1 columns are then empty. For readers of year N alone (the city
    overview), never for the rekap table itself."""
    kecamatan = list(daftar)
    th = {"0": tahun - 1, "1": tahun}
    pk = [k.pk for k in kecamatan]
    dibaca = list(th.values()) if tahun_lalu else [tahun]
    baris_anggaran = Anggaran.objects.filter(kecamatan__in=pk, tahun__in=dibaca)
    baris_indikator = Indikator.objects.filter(kecamatan__in=pk, tahun__in=dibaca)
    # Each node the rows use, with its ancestors, built once and shared by the rows: a select_related per row
    # built the same nodes again for every line of every kecamatan (most of the city overview's time).
    node = {
        n.pk: n
        for n in Nomenklatur.objects.filter(
            Q(pk__in=baris_anggaran.values("nomenklatur")) | Q(pk__in=baris_indikator.values("nomenklatur"))
        ).select_related(LELUHUR.removeprefix("nomenklatur__"))
    }
    anggaran: dict[int, list[Anggaran]] = defaultdict(list)
    for a in baris_anggaran:
        a.nomenklatur = node[a.nomenklatur_id]
        anggaran[a.kecamatan_id].append(a)
    indikator: dict[int, list[Indikator]] = defaultdict(list)
    for i in baris_indikator:
        i.nomenklatur = node[i.nomenklatur_id]
        indikator[i.kecamatan_id].append(i)
    narasi: dict[int, dict[int, NarasiProgram]] = defaultdict(dict)
    for n in NarasiProgram.objects.filter(kecamatan__in=pk, tahun=tahun):
        narasi[n.kecamatan_id][n.nomenklatur_id] = n
    return {k.pk: _rekap_dari(k, tahun, anggaran[k.pk], indikator[k.pk], narasi[k.pk]) for k in kecamatan}


def _rekap_dari(
    kecamatan: Kecamatan,
    tahun: int,
    anggaran: list[Anggaran],
    indikator: list[Indikator],
    narasi: dict[int, NarasiProgram],
) -> Rekap:
    th = {"0": tahun - 1, "1": tahun}
    metode = metode_negatif_aktif()
    node = kumpulkan_node((a.nomenklatur for a in anggaran), (i.nomenklatur for i in indikator))
    pohon = pohon_dari({a.nomenklatur_id for a in anggaran} | {i.nomenklatur_id for i in indikator}, node)

    milik: dict[int, dict[str, Decimal | None]] = defaultdict(dict)
    for a in anggaran:
        y = "0" if a.tahun == th["0"] else "1"
        m = milik[a.nomenklatur_id]
        m[f"p{y}"] = jumlah([m.get(f"p{y}"), a.pagu])
        m[f"r{y}"] = jumlah([m.get(f"r{y}"), a.realisasi_tahun])
    rp = pohon.gulung(milik, ("p0", "r0", "p1", "r1"))
    gabung = gabung_indikator(indikator, th["1"])

    figur: dict[int, dict[str, Angka]] = {}
    for s in pohon.semua():
        figur[s.id] = {}
        for y in TAHUN:
            capaian = [
                capaian_kinerja(g.target(th[y]), g.realisasi(th[y]), g.polaritas, metode)
                for g in gabung.get(s.id, [])
            ]
            figur[s.id][y] = Angka(rp[s.id][f"p{y}"], rp[s.id][f"r{y}"], _mean(capaian))

    kelompok: list[tuple[str, list[RingkasanProgram]]] = []
    for label, daftar in pohon.kelompok:
        hasil = []
        for s in daftar:
            kegiatan = [a for a in s.anak if a.node.tingkat == Tingkat.KEGIATAN] or s.anak
            hasil.append(
                RingkasanProgram(
                    simpul=s,
                    kelompok=label,
                    per_tahun=figur[s.id],
                    rata_kegiatan_k={y: _mean(figur[k.id][y].capaian_k for k in kegiatan) for y in TAHUN},
                    rata_kegiatan_rp={y: _mean(figur[k.id][y].capaian_rp for k in kegiatan) for y in TAHUN},
                    indikator=[
                        (g.uraian, capaian_kinerja(g.target(tahun), g.realisasi(tahun), g.polaritas, metode))
                        for g in gabung.get(s.id, [])
                    ],
                    narasi=narasi.get(s.id),
                )
            )
        kelompok.append((label, hasil))
    return Rekap(kecamatan, tahun, kelompok, figur, gabung, metode, _kumulatif(anggaran, tahun))


def _kumulatif(anggaran: Iterable[Anggaran], tahun: int) -> list[Decimal | None]:
    per_tw: list[list[Decimal | None]] = [[], [], [], []]
    for a in anggaran:
        if a.tahun != tahun:
            continue
        if a.hanya_setahun:
            per_tw[3].append(a.realisasi)
        else:
            for i, v in enumerate(a.realisasi_triwulan()):
                per_tw[i].append(v)
    hasil: list[Decimal | None] = []
    for i in range(4):
        hasil.append(jumlah([hasil[-1] if hasil else None, *per_tw[i]]))
    return hasil


def kepala_rekap(tahun: int) -> list[Kepala]:
    def kr(key: str, n: int, label: str, persen: bool = False) -> Kepala:
        return Kepala(
            label,
            (
                Kolom(f"k_{key}", "K", "persen" if persen else "nilai", 7),
                Kolom(f"rp_{key}", "Rp", "persen" if persen else "rupiah", 7 if persen else 14),
            ),
            f"({n}) = ({n - 1})/({n - 2})" if persen else f"({n})",
        )

    kepala = [
        Kepala("Kode Rekening", (Kolom("kode", "", "teks", 14),), "(1)"),
        Kepala(
            "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan",
            (Kolom("uraian", "", "teks", 28),),
            "(2)",
        ),
        Kepala(
            "Indikator Kinerja Program (outcome)/Kegiatan (output)",
            (Kolom("indikator", "Uraian", "teks", 26), Kolom("satuan", "Satuan", "teks", 6)),
            "(3)",
        ),
    ]
    for y, n, nama in (
        ("0", 4, f"Tahun Dasar {tahun - 1}"),
        ("1", 7, f"Tahun {tahun}"),
    ):
        kepala += [
            kr(f"t{y}", n, f"Target dan Pagu Anggaran {nama}"),
            kr(f"r{y}", n + 1, f"Realisasi Kinerja dan Anggaran {nama}"),
            kr(
                f"c{y}",
                n + 2,
                f"Tingkat Capaian Kinerja dan Anggaran {nama} (%)",
                persen=True,
            ),
        ]
    return kepala


def _sel_rp(a: dict[str, Angka]) -> dict[str, Sel]:
    sel: dict[str, Sel] = {}
    for y in TAHUN:
        sel[f"rp_t{y}"] = a[y].pagu
        sel[f"rp_r{y}"] = a[y].realisasi
        sel[f"rp_c{y}"] = a[y].capaian_rp
    return sel


def _sel_rata(k: dict[str, Decimal | None], rp: dict[str, Decimal | None]) -> dict[str, Sel]:
    return {**{f"k_c{y}": k[y] for y in TAHUN}, **{f"rp_c{y}": rp[y] for y in TAHUN}}


def lkjip_rekap(kecamatan: Kecamatan, tahun: int, **_opsi: object) -> TabelLkjip:
    rekap = rekap_hitung(kecamatan, tahun)
    th = {"0": tahun - 1, "1": tahun}

    def sel_indikator(g: IndikatorGabung) -> dict[str, Sel]:
        sel: dict[str, Sel] = {"indikator": g.uraian, "satuan": g.satuan}
        for y in TAHUN:
            t, r = g.target(th[y]), g.realisasi(th[y])
            sel[f"k_t{y}"] = t
            sel[f"k_r{y}"] = r
            sel[f"k_c{y}"] = capaian_kinerja(t, r, g.polaritas, rekap.metode)
        return sel

    baris: list[Baris] = []

    def tulis(s: Simpul, tingkat: int, program: str) -> None:
        indikator = [sel_indikator(g) for g in rekap.indikator.get(s.id, [])]
        pid = f"n{s.id}"
        sel: dict[str, Sel] = {"kode": s.node.kode, "uraian": s.node.uraian, **_sel_rp(rekap.figur[s.id])}
        if indikator:
            sel.update(indikator[0])
        baris.append(Baris(s.jenis, sel, tingkat=tingkat, id=pid, induk=program))
        for lain in indikator[1:]:
            baris.append(Baris("indikator", lain, tingkat=tingkat + 1, induk=program or pid))
        for a in s.anak:
            tulis(a, tingkat + 1, program or pid)

    def baris_narasi(p: RingkasanProgram, pid: str) -> None:
        n = p.narasi
        if n is None or n.kosong:
            return
        for label, teks in (
            ("Keberhasilan", n.keberhasilan),
            ("Hambatan", n.hambatan),
            ("Saran", n.saran),
        ):
            if teks.strip():
                baris.append(Baris("catatan", tingkat=1, induk=pid, teks=f"{label}: {teks.strip()}"))

    semua_program = rekap.program
    for label, daftar in rekap.kelompok:
        if label:
            baris.append(Baris("kelompok", {"uraian": label}))
        for p in daftar:
            pid = f"n{p.simpul.id}"
            tulis(p.simpul, 1, "")
            baris.append(
                Baris(
                    "total",
                    {
                        "uraian": "Rata-rata capaian kinerja kegiatan",
                        **_sel_rata(p.rata_kegiatan_k, p.rata_kegiatan_rp),
                    },
                    tingkat=1,
                    induk=pid,
                )
            )
            baris_narasi(p, pid)
        if label:
            baris.append(
                Baris(
                    "total",
                    {
                        "uraian": f"Rata-rata capaian kinerja kegiatan {label}",
                        **_sel_rata(
                            {y: _mean(p.rata_kegiatan_k[y] for p in daftar) for y in TAHUN},
                            {y: _mean(p.rata_kegiatan_rp[y] for p in daftar) for y in TAHUN},
                        ),
                    },
                )
            )
            baris.append(
                Baris(
                    "total",
                    {
                        "uraian": f"Jumlah & rata-rata capaian kinerja program {label}",
                        **{f"rp_t{y}": jumlah(p.per_tahun[y].pagu for p in daftar) for y in TAHUN},
                        **{f"rp_r{y}": jumlah(p.per_tahun[y].realisasi for p in daftar) for y in TAHUN},
                        **_sel_rata(
                            {y: _mean(p.per_tahun[y].capaian_k for p in daftar) for y in TAHUN},
                            {y: _mean(p.per_tahun[y].capaian_rp for p in daftar) for y in TAHUN},
                        ),
                    },
                )
            )
    pagu = {y: jumlah(p.per_tahun[y].pagu for p in semua_program) for y in TAHUN}
    realisasi = {y: jumlah(p.per_tahun[y].realisasi for p in semua_program) for y in TAHUN}
    baris += [
        Baris(
            "opd",
            {
                "uraian": "Rata-rata capaian kinerja kegiatan OPD",
                **_sel_rata(
                    {y: _mean(p.rata_kegiatan_k[y] for p in semua_program) for y in TAHUN},
                    {y: _mean(p.rata_kegiatan_rp[y] for p in semua_program) for y in TAHUN},
                ),
            },
        ),
        Baris(
            "opd",
            {
                "uraian": "Jumlah anggaran dan realisasi seluruh program",
                **{f"rp_t{y}": pagu[y] for y in TAHUN},
                **{f"rp_r{y}": realisasi[y] for y in TAHUN},
                **{f"rp_c{y}": capaian_anggaran(pagu[y], realisasi[y]) for y in TAHUN},
            },
        ),
        Baris(
            "opd",
            {
                "uraian": "Total rata-rata kinerja dan anggaran dari seluruh program OPD",
                **_sel_rata(
                    {y: _mean(p.per_tahun[y].capaian_k for p in semua_program) for y in TAHUN},
                    {y: _mean(p.per_tahun[y].capaian_rp for p in semua_program) for y in TAHUN},
                ),
            },
        ),
    ]
    return TabelLkjip(
        judul=[
            "Laporan Rekapitulasi Kemajuan Pelaksanaan Kegiatan",
            f"Kecamatan {kecamatan.nama} — APBD {kecamatan.kota.nama} Tahun Anggaran {tahun}",
        ],
        kepala=kepala_rekap(tahun),
        baris=baris,
        keterangan=[
            (
                "K = kinerja (indikator), Rp = anggaran. Rupiah program, kelompok dan OPD = jumlah baris kegiatan; "
                "persentase dihitung dari nilai tak dibulatkan."
            ),
            (
                "Capaian K program/kegiatan = rata-rata capaian indikatornya; rata-rata capaian kinerja kegiatan = "
                "rata-rata kegiatan yang memiliki capaian (K dan Rp terpisah); rata-rata kelompok dan OPD = "
                "rata-rata atas program."
            ),
            'Target atau pagu 0/kosong memberi capaian "-" dan tidak ikut dirata-ratakan.',
            keterangan_negatif(rekap.metode),
        ],
        gambar=grafik_rekap(rekap),
    )


def _nama(p: RingkasanProgram) -> str:
    return f"{p.node.kode} {p.node.uraian}"


def grafik_rekap(rekap: Rekap) -> list[Gambar]:
    """Serapan per program (N, against 100 %), capaian per program indicator (N, against 100 %) and
    realisasi anggaran per program N−1 against N."""
    program = rekap.program
    if not program:
        return []
    th, th0 = rekap.tahun, rekap.tahun - 1
    j1 = f"Serapan anggaran per program tahun {th}"
    j2 = f"Capaian kinerja per indikator program tahun {th} terhadap target 100 %"
    j3 = f"Realisasi anggaran per program: tahun {th0} dan {th}"
    nama = [_nama(p) for p in program]
    indikator = [(f"{p.node.kode} {u}", c) for p in program for u, c in p.indikator]
    gambar = [
        Gambar(
            j1,
            grafik.capaian(
                nama,
                [p.per_tahun["1"].capaian_rp for p in program],
                judul=j1,
                label="Serapan",
                lebar=960,
                lebar_label=440,
            ),
        ),
    ]
    if indikator:
        gambar.append(
            Gambar(
                j2,
                grafik.capaian(
                    [u for u, _c in indikator],
                    [c for _u, c in indikator],
                    judul=j2,
                    lebar=960,
                    lebar_label=520,
                    baris_label=1,
                ),
            )
        )
    gambar.append(
        Gambar(
            j3,
            grafik.batang(
                nama,
                [
                    grafik.Seri(str(th0), [p.per_tahun["0"].realisasi for p in program]),
                    grafik.Seri(str(th), [p.per_tahun["1"].realisasi for p in program]),
                ],
                judul=j3,
                satuan="rupiah",
                lebar=960,
                lebar_label=440,
            ),
        )
    )
    return gambar
