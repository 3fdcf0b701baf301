"""LKjIP Tabel 2.3 Rincian Program dan Kegiatan, Tabel 3.2 Pengukuran Capaian Kinerja and Tabel 3.4
Perbandingan Realisasi dan Capaian Kinerja.

The seed's list of tables names all three (Walantaka 2020, "DAFTAR GAMBAR DAN TABEL") but its body does not
print them, so their columns follow what their titles say and what the rest of the document computes:

- 2.3: every program and kegiatan of year N with its indicators (target, satuan) and pagu (Bab II);
- 3.2: year N measured: each indicator's target, realisasi and capaian, and the node's pagu, realisasi and
  serapan (§3.2 states each program's capaian and serapan: "serapan anggaran 97,89 %", "11/12 = 91,6 %");
- 3.4: per program, year N−1 against year N: each indicator's realisasi and capaian, and the serapan.

All figures come from the one computation of the rekap (:func:`~lkjip.reports.rekap.rekap_hitung`: three
queries whatever the size), so the tables can never disagree with the rekap or with each other.
"""

from __future__ import annotations

from collections.abc import Callable

from core.capaian import capaian_kinerja, jumlah
from core.laporan.tabel import Baris, Kepala, Kolom, Sel
from renja.reports.pohon import IndikatorGabung, Simpul, keterangan_negatif
from wilayah.models import Kecamatan

from ._umum import TabelLkjip, judul_kecamatan
from .rekap import Rekap, rekap_hitung

KETERANGAN_CAPAIAN = 'Capaian = realisasi / target × 100 (dihitung dari nilai tak dibulatkan); target 0 atau kosong memberi "-".'


def _kepala_node(uraian: str) -> list[Kepala]:
    return [
        Kepala("No", (Kolom("no", "", "teks", 4),)),
        Kepala("Kode", (Kolom("kode", "", "teks", 15),)),
        Kepala(uraian, (Kolom("uraian", "", "teks", 30),)),
    ]


def _baris_pohon(
    rekap: Rekap,
    sel_node: Callable[[Simpul], dict[str, Sel]],
    sel_indikator: Callable[[IndikatorGabung], dict[str, Sel]],
    hanya_program: bool = False,
) -> list[Baris]:
    """Program → kegiatan → sub kegiatan rows; a node's first indicator on its own row, the others below."""
    baris: list[Baris] = []

    def tulis(s: Simpul, tingkat: int, program: str, no: str = "") -> None:
        pid = f"n{s.id}"
        indikator = [sel_indikator(g) for g in rekap.indikator.get(s.id, [])]
        sel: dict[str, Sel] = {"kode": s.node.kode, "uraian": s.node.uraian, **sel_node(s)}
        if no:
            sel["no"] = no
        if indikator:
            sel.update(indikator[0])
        baris.append(Baris(s.jenis, sel, tingkat=tingkat, id=pid, induk=program))
        for lain in indikator[1:]:
            baris.append(Baris("indikator", lain, tingkat=tingkat + 1, induk=program or pid))
        if not hanya_program:
            for a in s.anak:
                tulis(a, tingkat + 1, program or pid)

    no = 0
    for label, daftar in rekap.kelompok:
        if label:
            baris.append(Baris("kelompok", {"uraian": label}))
        for p in daftar:
            no += 1
            tulis(p.simpul, 0, "", str(no))
    return baris


def lkjip_tabel_2_3(kecamatan: Kecamatan, tahun: int, **_opsi: object) -> TabelLkjip:
    """Tabel 2.3 Rincian Program dan Kegiatan Tahun N."""
    rekap = rekap_hitung(kecamatan, tahun)

    def sel_indikator(g: IndikatorGabung) -> dict[str, Sel]:
        return {"indikator": g.uraian, "target": g.target(tahun), "satuan": g.satuan or None}

    baris = _baris_pohon(rekap, lambda s: {"pagu": rekap.figur[s.id]["1"].pagu}, sel_indikator)
    baris.append(
        Baris("total", {"uraian": "Jumlah", "pagu": jumlah(p.per_tahun["1"].pagu for p in rekap.program)})
    )
    return TabelLkjip(
        judul=[f"Tabel 2.3 Rincian Program dan Kegiatan Tahun {tahun}", judul_kecamatan(kecamatan, tahun)],
        kepala=[
            *_kepala_node("Program/Kegiatan"),
            Kepala("Indikator Kinerja", (Kolom("indikator", "", "teks", 30),)),
            Kepala("Target", (Kolom("target", "", "nilai", 8),)),
            Kepala("Satuan", (Kolom("satuan", "", "teks", 9),)),
            Kepala("Pagu Anggaran (Rp)", (Kolom("pagu", "", "rupiah", 15),)),
        ],
        baris=baris,
        keterangan=["Pagu program = jumlah pagu kegiatannya; Jumlah = jumlah seluruh program."],
    )


def lkjip_tabel_3_2(kecamatan: Kecamatan, tahun: int, **_opsi: object) -> TabelLkjip:
    """Tabel 3.2 Pengukuran Capaian Kinerja Tahun N."""
    rekap = rekap_hitung(kecamatan, tahun)

    def sel_indikator(g: IndikatorGabung) -> dict[str, Sel]:
        t, r = g.target(tahun), g.realisasi(tahun)
        return {
            "indikator": g.uraian,
            "satuan": g.satuan or None,
            "target": t,
            "realisasi": r,
            "capaian": capaian_kinerja(t, r, g.polaritas, rekap.metode),
        }

    def sel_node(s: Simpul) -> dict[str, Sel]:
        a = rekap.figur[s.id]["1"]
        return {"pagu": a.pagu, "realisasi_rp": a.realisasi, "serapan": a.capaian_rp}

    return TabelLkjip(
        judul=[f"Tabel 3.2 Pengukuran Capaian Kinerja Tahun {tahun}", judul_kecamatan(kecamatan, tahun)],
        kepala=[
            *_kepala_node("Program/Kegiatan"),
            Kepala(
                "Indikator Kinerja",
                (
                    Kolom("indikator", "Uraian", "teks", 26),
                    Kolom("satuan", "Satuan", "teks", 7),
                    Kolom("target", "Target", "nilai", 7),
                    Kolom("realisasi", "Realisasi", "nilai", 7),
                    Kolom("capaian", "Capaian (%)", "persen", 7),
                ),
            ),
            Kepala(
                "Anggaran",
                (
                    Kolom("pagu", "Pagu (Rp)", "rupiah", 14),
                    Kolom("realisasi_rp", "Realisasi (Rp)", "rupiah", 14),
                    Kolom("serapan", "Serapan (%)", "persen", 7),
                ),
            ),
        ],
        baris=_baris_pohon(rekap, sel_node, sel_indikator),
        keterangan=[
            KETERANGAN_CAPAIAN,
            "Serapan = realisasi anggaran / pagu × 100; pagu dan realisasi program = jumlah kegiatannya.",
            keterangan_negatif(rekap.metode),
        ],
    )


def lkjip_tabel_3_4(kecamatan: Kecamatan, tahun: int, **_opsi: object) -> TabelLkjip:
    """Tabel 3.4 Perbandingan Realisasi dan Capaian Kinerja: per program, year N−1 against year N."""
    rekap = rekap_hitung(kecamatan, tahun)
    th = {"0": tahun - 1, "1": tahun}

    def sel_indikator(g: IndikatorGabung) -> dict[str, Sel]:
        sel: dict[str, Sel] = {"indikator": g.uraian, "satuan": g.satuan or None}
        for y, t in th.items():
            sel[f"realisasi{y}"] = g.realisasi(t)
            sel[f"capaian{y}"] = capaian_kinerja(g.target(t), g.realisasi(t), g.polaritas, rekap.metode)
        return sel

    def sel_node(s: Simpul) -> dict[str, Sel]:
        return {f"serapan{y}": rekap.figur[s.id][y].capaian_rp for y in th}

    def dua(kunci: str, jenis: str) -> tuple[Kolom, ...]:
        return tuple(Kolom(f"{kunci}{y}", str(t), jenis, 8) for y, t in th.items())  # type: ignore[arg-type]

    return TabelLkjip(
        judul=[
            f"Tabel 3.4 Perbandingan Realisasi dan Capaian Kinerja Tahun {th['0']} dan {tahun}",
            judul_kecamatan(kecamatan, tahun),
        ],
        kepala=[
            *_kepala_node("Program"),
            Kepala("Indikator Kinerja", (Kolom("indikator", "", "teks", 30),)),
            Kepala("Satuan", (Kolom("satuan", "", "teks", 8),)),
            Kepala("Realisasi Kinerja", dua("realisasi", "nilai")),
            Kepala("Capaian Kinerja (%)", dua("capaian", "persen")),
            Kepala("Serapan Anggaran (%)", dua("serapan", "persen")),
        ],
        baris=_baris_pohon(rekap, sel_node, sel_indikator, hanya_program=True),
        keterangan=[
            KETERANGAN_CAPAIAN,
            "Serapan = realisasi anggaran / pagu × 100 (jumlah kegiatan program).",
            keterangan_negatif(rekap.metode),
        ],
    )
