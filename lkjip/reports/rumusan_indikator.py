"""Renja BAB III: Rumusan dan Definisi Operasional Indikator Renja PD Tahun N (seed 000, lines ~625-640).

The keterkaitan as the seed lays it out: the year's tujuan (``lkjip.Tujuan``: Tujuan 1 with its indikator
and rumus), under each the sasaran strategis tied to it (Sasaran 1.1, with their indicators, satuan and formula
as the Perjanjian Kinerja records them), then sasaran not tied to a tujuan (Sasaran 1, 2 …), then the program →
kegiatan → sub kegiatan tree with each node's indicators. It lives here, in ``lkjip``, the lowest app that
sees both the sasaran (lkjip) and the program tree (renja).

The data does not tie a program to a sasaran, so the program tree follows under its own caption (nothing is
guessed); an indicator without a formula shows "-". Five queries whatever the size (tujuan, sasaran, their
indicators, the year's indicators, the year's anggaran).
"""

from __future__ import annotations

from core.laporan.tabel import Baris, Kepala, Kolom, Sel, Tabel
from lkjip.models import Sasaran, Tujuan
from renja.models import Anggaran, Indikator
from renja.reports.pohon import LELUHUR, Simpul, kumpulkan_node, pohon_dari
from wilayah.models import Kecamatan

from ._umum import judul_kecamatan

_LABEL = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub Kegiatan"}


def _target(target: object, satuan: str) -> str | None:
    if target is None or str(target) == "-":
        return None
    return f"Target {target}{f' {satuan}' if satuan else ''}".strip()


def renja_rumusan_indikator(kecamatan: Kecamatan, tahun: int, **_opsi: object) -> Tabel:
    tujuan = list(Tujuan.objects.untuk(kecamatan, tahun))
    sasaran = list(Sasaran.objects.untuk(kecamatan, tahun).prefetch_related("indikator_set"))
    indikator = list(Indikator.objects.untuk(kecamatan, tahun).select_related(LELUHUR))
    anggaran = list(Anggaran.objects.untuk(kecamatan, tahun).select_related(LELUHUR))
    node = kumpulkan_node((i.nomenklatur for i in indikator), (a.nomenklatur for a in anggaran))
    pohon = pohon_dari({i.nomenklatur_id for i in indikator} | {a.nomenklatur_id for a in anggaran}, node)
    per_node: dict[int, list[Indikator]] = {}
    for i in sorted(indikator, key=lambda i: (i.urutan, i.pk)):
        per_node.setdefault(i.nomenklatur_id, []).append(i)

    baris: list[Baris] = []

    def sel_indikator(uraian: str, satuan: str, rumus: str, target: object) -> dict[str, Sel]:
        return {
            "indikator": uraian,
            "satuan": satuan or None,
            "rumus": rumus or None,
            "keterangan": _target(target, satuan),
        }

    def tulis_sasaran(s: Sasaran, nomor: str, tingkat: int) -> None:
        daftar = list(s.indikator_set.all())
        sel: dict[str, Sel] = {"uraian": f"Sasaran {nomor}. {s.uraian}"}
        if daftar:
            d = daftar[0]
            sel.update(sel_indikator(d.uraian, d.satuan, " ".join(d.formula.split()), d.target))
        baris.append(Baris("program", sel, tingkat=tingkat, id=f"s{s.pk}", induk=induk_sasaran.get(s.pk, "")))
        for d in daftar[1:]:
            baris.append(
                Baris(
                    "indikator",
                    sel_indikator(d.uraian, d.satuan, " ".join(d.formula.split()), d.target),
                    tingkat=tingkat + 1,
                    induk=f"s{s.pk}",
                )
            )

    ada_tujuan = {t.pk for t in tujuan}
    induk_sasaran = {s.pk: f"t{s.tujuan_id}" for s in sasaran if s.tujuan_id in ada_tujuan}
    for i, t in enumerate(tujuan, start=1):
        sel: dict[str, Sel] = {"uraian": f"Tujuan {i}. {t.uraian}"}
        if t.indikator:
            sel.update(sel_indikator(t.indikator, t.satuan, " ".join(t.rumus.split()), None))
        sel["keterangan"] = t.keterangan.strip() or None
        baris.append(Baris("program", sel, tingkat=0, id=f"t{t.pk}"))
        for j, s in enumerate((s for s in sasaran if s.tujuan_id == t.pk), start=1):
            tulis_sasaran(s, f"{i}.{j}", 1)
    for i, s in enumerate((s for s in sasaran if s.pk not in induk_sasaran), start=1):
        tulis_sasaran(s, str(i), 0)
    if not sasaran:
        baris.append(Baris("catatan", teks=f"Belum ada sasaran strategis tahun {tahun} untuk kecamatan ini."))

    def tulis(s: Simpul, nomor: str, tingkat: int, program: str) -> None:
        pid = f"n{s.id}"
        daftar = per_node.get(s.id, [])
        sel: dict[str, Sel] = {"uraian": f"{_LABEL.get(s.jenis, '')} {nomor}. {s.node.kode} {s.node.uraian}"}
        if daftar:
            sel.update(sel_indikator(daftar[0].uraian, daftar[0].satuan, "", daftar[0].target))
        baris.append(Baris(s.jenis, sel, tingkat=tingkat, id=pid, induk=program))
        for d in daftar[1:]:
            baris.append(
                Baris(
                    "indikator",
                    sel_indikator(d.uraian, d.satuan, "", d.target),
                    tingkat=tingkat + 1,
                    induk=program or pid,
                )
            )
        for j, a in enumerate(s.anak, start=1):
            tulis(a, f"{nomor}.{j}", tingkat + 1, program or pid)

    if pohon.akar:
        baris.append(Baris("kelompok", {"uraian": "Program, kegiatan dan sub kegiatan"}))
    for n, s in enumerate(pohon.akar, start=1):
        tulis(s, str(n), 1, "")

    return Tabel(
        judul=[
            f"Rumusan dan Definisi Operasional Indikator Renja PD Tahun {tahun}",
            judul_kecamatan(kecamatan, tahun).replace("LKjIP", "Renja"),
        ],
        kepala=[
            Kepala("Tujuan/Sasaran/Program Perangkat Daerah", (Kolom("uraian", "", "teks", 40),)),
            Kepala(
                "Indikator Tujuan/Sasaran/Program/Kegiatan",
                (
                    Kolom("indikator", "Indikator", "teks", 32),
                    Kolom("satuan", "Satuan", "teks", 8),
                    Kolom("rumus", "Rumus/Formula", "teks", 30),
                    Kolom("keterangan", "Penjelasan/Keterangan", "teks", 16),
                ),
            ),
        ],
        baris=baris,
        keterangan=[
            (
                "Tujuan dari Renstra (dicatat di aplikasi); sasaran dan indikatornya dari Perjanjian Kinerja tahun ini; program, kegiatan dan sub kegiatan "
                "dari data Renja tahun ini dengan indikatornya. Rumus kosong (-) bila belum dicatat."
            ),
        ],
    )
