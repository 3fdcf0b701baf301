"""LKjIP Tabel 2.2 Program Kegiatan dan Pagu Anggaran tahun N.

Program rows (numbered, bold) carry the sum of their kegiatan (and sub kegiatan) pagu — never a stored
figure; kegiatan rows their own lines' sum. Kegiatan planned without pagu (only an indicator) show ``-``.
Two queries (anggaran and indikator of the year, each with its node's ancestors).
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from core.capaian import jumlah
from core.laporan.tabel import Baris, Kepala, Kolom
from renja.models import Anggaran, Indikator
from renja.reports.pohon import LELUHUR, Simpul, kumpulkan_node, pohon_dari
from wilayah.models import Kecamatan

from ._umum import TabelLkjip, judul_kecamatan


def lkjip_tabel_2_2(kecamatan: Kecamatan, tahun: int, **_opsi: object) -> TabelLkjip:
    anggaran = list(Anggaran.objects.untuk(kecamatan, tahun).select_related(LELUHUR))
    indikator = list(Indikator.objects.untuk(kecamatan, tahun).select_related(LELUHUR))
    node = kumpulkan_node((a.nomenklatur for a in anggaran), (i.nomenklatur for i in indikator))
    pohon = pohon_dari({a.nomenklatur_id for a in anggaran} | {i.nomenklatur_id for i in indikator}, node)

    milik: dict[int, dict[str, Decimal | None]] = defaultdict(dict)
    for a in anggaran:
        milik[a.nomenklatur_id]["pagu"] = jumlah([milik[a.nomenklatur_id].get("pagu"), a.pagu])
    pagu = pohon.gulung(milik, ("pagu",))

    baris: list[Baris] = []

    def _tulis(s: Simpul, tingkat: int, induk: str) -> None:
        for a in s.anak:
            baris.append(
                Baris(
                    a.jenis,
                    {"kode": a.node.kode, "uraian": a.node.uraian, "pagu": pagu[a.id]["pagu"]},
                    tingkat=tingkat,
                    id=f"n{a.id}",
                    induk=induk,
                )
            )
            _tulis(a, tingkat + 1, induk)

    for no, program in enumerate(pohon.akar, start=1):
        pid = f"n{program.id}"
        baris.append(
            Baris(
                "program",
                {
                    "no": str(no),
                    "kode": program.node.kode,
                    "uraian": program.node.uraian,
                    "pagu": pagu[program.id]["pagu"],
                },
                tingkat=0,
                id=pid,
            )
        )
        _tulis(program, 1, pid)
    baris.append(Baris("total", {"uraian": "Jumlah", "pagu": jumlah(pagu[p.id]["pagu"] for p in pohon.akar)}))
    return TabelLkjip(
        judul=[
            f"Tabel 2.2 Program Kegiatan dan Pagu Anggaran Tahun {tahun}",
            judul_kecamatan(kecamatan, tahun),
        ],
        kepala=[
            Kepala("No.", (Kolom("no", "", "teks", 5),)),
            Kepala("Kode", (Kolom("kode", "", "teks", 18),)),
            Kepala("Uraian", (Kolom("uraian", "", "teks", 56),)),
            Kepala("Pagu Anggaran (Rp)", (Kolom("pagu", "", "rupiah", 18),)),
        ],
        baris=baris,
        keterangan=["Pagu program = jumlah pagu kegiatannya; Jumlah = jumlah seluruh program."],
    )
