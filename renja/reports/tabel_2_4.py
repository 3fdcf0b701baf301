"""Renja Tabel 2.4 — Review terhadap Rancangan Awal RKPD (plan year N).

Each :class:`~renja.models.RkpdReview` line is printed with both halves side by side (Rancangan Awal RKPD |
Hasil Analisis Kebutuhan) under its program and kegiatan, whose rows carry the sums of their lines' pagu.
A total row sums both pagu columns, and a closing sentence spells out the Hasil Analisis Kebutuhan total
(terbilang). A pagu that is unknown (blank where the line states a target or the other side's pagu: e.g. a
``#####`` cell of the source) is not read as 0: every sum that includes it is marked "belum lengkap", the
footnotes name the line, and the closing sentence does not state a total. One query whatever the number of
lines.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from core.angka import format_rupiah
from core.capaian import jumlah
from core.laporan.tabel import Baris, Kepala, Kolom, Sel, Tabel
from core.terbilang import terbilang_rupiah
from renja.models import Nomenklatur, RkpdReview
from wilayah.models import Kecamatan

from .pohon import LELUHUR, Simpul, kumpulkan_node, pohon_dari

BELUM_LENGKAP = "belum lengkap"
#: "Every kelurahan" when a node is not split into per-kelurahan blocks.
SEMUA = object()
TIDAK_DIKETAHUI = "tidak diketahui"


def kepala_tabel_2_4() -> list[Kepala]:
    def separuh(sisi: str, n: int) -> tuple[Kolom, ...]:
        return (
            Kolom(f"uraian_{sisi}", "Program/ Kegiatan/ Sub Kegiatan", "teks", 28, f"({n})"),
            Kolom(f"lokasi_{sisi}", "Lokasi", "teks", 12, f"({n + 1})"),
            Kolom(f"indikator_{sisi}", "Indikator Kinerja", "teks", 22, f"({n + 2})"),
            Kolom(f"target_{sisi}", "Target Capaian", "teks", 8, f"({n + 3})"),
            Kolom(f"pagu_{sisi}", "Pagu Indikatif (Rp)", "rupiah", 14, f"({n + 4})"),
        )

    return [
        Kepala("No", (Kolom("no", "", "teks", 5),), "(1)"),
        Kepala("Rancangan Awal RKPD", separuh("rancangan", 2)),
        Kepala("Hasil Analisis Kebutuhan", separuh("kebutuhan", 7)),
        Kepala("Catatan Penting", (Kolom("catatan", "", "teks", 16),), "(12)"),
    ]


def _berisi(r: RkpdReview) -> bool:
    """False for a line that only places a heading (no indikator, target, pagu or catatan): the tree prints it."""
    return any((r.indikator, r.target_rancangan, r.target_kebutuhan, r.catatan)) or (
        r.pagu_rancangan is not None or r.pagu_kebutuhan is not None
    )


def renja_tabel_2_4(kecamatan: Kecamatan, tahun: int, **_opsi: object) -> Tabel:
    """Tabel 2.4 of the Renja for plan year ``tahun``."""
    review = list(
        RkpdReview.objects.untuk(kecamatan, tahun)
        .select_related(LELUHUR, "kelurahan")
        .order_by("urutan", "id")
    )
    node = kumpulkan_node(r.nomenklatur for r in review)
    pohon = pohon_dari({r.nomenklatur_id for r in review}, node)
    per_node: dict[int, list[RkpdReview]] = defaultdict(list)
    for r in review:
        if _berisi(r):
            per_node[r.nomenklatur_id].append(r)
    lokasi_umum = nama_kota(kecamatan)
    # A line's pagu that is unknown (e.g. a "#####" cell in the source) rather than absent: every sum that
    # includes it is marked "belum lengkap" and never printed as if complete.
    hilang = {(r.pk, sisi) for r in review if _berisi(r) for sisi in _pagu_hilang(r)}
    # Where each (node, kelurahan) first appears in the printed order: blocks follow the order of the lines.
    posisi: dict[tuple[int, int | None], int] = {}
    for i, r in enumerate(review):
        n: Nomenklatur | None = r.nomenklatur
        while n is not None:
            posisi.setdefault((n.pk, r.kelurahan_id), i)
            n = n.induk if n.induk_id else None
    nama_kelurahan = {r.kelurahan_id: r.kelurahan.nama for r in review if r.kelurahan_id}

    def tanda_jumlah(lines: list[RkpdReview]) -> dict[str, str]:
        return {
            f"pagu_{sisi}": BELUM_LENGKAP
            for sisi in ("rancangan", "kebutuhan")
            if any((r.pk, sisi) in hilang for r in lines)
        }

    def lines_di(s: Simpul, kel: object = SEMUA) -> list[RkpdReview]:
        return [r for n in s.semua() for r in per_node.get(n.id, []) if kel is SEMUA or r.kelurahan_id == kel]

    def pagu(lines: list[RkpdReview]) -> tuple[Decimal | None, Decimal | None]:
        return jumlah(r.pagu_rancangan for r in lines), jumlah(r.pagu_kebutuhan for r in lines)

    def blok(s: Simpul) -> list[tuple[Simpul, object]]:
        """A kegiatan's lines split per kelurahan (the seed's "… Kelurahan Cipare" blocks with their own
        subtotals), in printed order; any other node is one block."""
        if s.jenis != "kegiatan":
            return [(s, SEMUA)]
        kelurahan = {kel for (pk, kel) in posisi if pk == s.id}
        if not kelurahan - {None}:
            return [(s, SEMUA)]
        return [(s, kel) for kel in kelurahan]

    def awal(s: Simpul, kel: object) -> int:
        """The position of the node's (or block's) first line in the printed order."""
        return min(v for (pk, k), v in posisi.items() if pk == s.id and (kel is SEMUA or k == kel))

    def judul_blok(s: Simpul, kel: object) -> str:
        if kel is SEMUA or kel is None:
            return s.node.uraian
        nama = nama_kelurahan.get(kel, "")
        if nama.lower() in s.node.uraian.lower():
            return s.node.uraian
        if s.node.uraian.rstrip().lower().endswith("kelurahan"):
            return f"{s.node.uraian} ({nama})"
        return f"{s.node.uraian} Kelurahan {nama}"

    def sel_baris(r: RkpdReview, uraian: str | None) -> dict[str, Sel]:
        lokasi = r.kelurahan.nama if r.kelurahan_id else lokasi_umum
        sel: dict[str, Sel] = {"catatan": r.catatan or None}
        for sisi, target, nilai in (
            ("rancangan", r.target_rancangan, r.pagu_rancangan),
            ("kebutuhan", r.target_kebutuhan, r.pagu_kebutuhan),
        ):
            sel.update(
                {
                    f"uraian_{sisi}": uraian,
                    f"lokasi_{sisi}": lokasi,
                    f"indikator_{sisi}": r.indikator or None,
                    f"target_{sisi}": target or None,
                    f"pagu_{sisi}": nilai,
                }
            )
        return sel

    def tanda_baris(r: RkpdReview) -> dict[str, str]:
        return {
            f"pagu_{sisi}": TIDAK_DIKETAHUI for sisi in ("rancangan", "kebutuhan") if (r.pk, sisi) in hilang
        }

    baris: list[Baris] = []

    def tulis(s: Simpul, nomor: str, tingkat: int, program: str, kel: object = SEMUA) -> None:
        milik = [r for r in per_node.get(s.id, []) if kel is SEMUA or r.kelurahan_id == kel]
        pid = f"n{s.id}" if kel is SEMUA else f"n{s.id}-{kel or 0}"
        if s.anak or not milik:
            # A heading: the node's name with the sums of its lines; its own lines (if any) follow.
            lines = lines_di(s, kel)
            rancangan, kebutuhan = pagu(lines)
            judul = judul_blok(s, kel)
            sel: dict[str, Sel] = {
                "no": nomor,
                "uraian_rancangan": judul,
                "uraian_kebutuhan": judul,
                "pagu_rancangan": rancangan,
                "pagu_kebutuhan": kebutuhan,
            }
            baris.append(
                Baris(s.jenis, sel, tingkat=tingkat, id=pid, induk=program, tanda=tanda_jumlah(lines))
            )
            for r in milik:
                baris.append(
                    Baris(
                        "indikator",
                        sel_baris(r, None),
                        tingkat=tingkat + 1,
                        induk=program or pid,
                        tanda=tanda_baris(r),
                    )
                )
        else:
            # A leaf: one row per line (other lokasi/indikator repeat the name, as the printed form does).
            for i, r in enumerate(milik):
                sel = sel_baris(r, s.node.uraian)
                if i == 0:
                    sel["no"] = nomor
                baris.append(
                    Baris(
                        s.jenis,
                        sel,
                        tingkat=tingkat,
                        id=pid if i == 0 else "",
                        induk=program or (pid if i else ""),
                        tanda=tanda_baris(r),
                    )
                )
        if kel is SEMUA:
            anak = [ak for a in s.anak for ak in blok(a)]
        else:  # a kelurahan's block: its kelurahan's lines only
            anak = [(a, kel) for a in s.anak if (a.id, kel) in posisi]
        anak.sort(key=lambda ak: awal(*ak))
        for j, (a, k) in enumerate(anak, start=1):
            tulis(a, f"{nomor}.{j}", tingkat + 1, program or pid, k)

    nomor = 0
    for label, daftar in pohon.kelompok:
        if label:
            baris.append(Baris("kelompok", {"uraian_rancangan": label, "uraian_kebutuhan": label}))
        for s in daftar:
            nomor += 1
            tulis(s, str(nomor), 1, "")

    total_rancangan = jumlah(r.pagu_rancangan for r in review)
    total_kebutuhan = jumlah(r.pagu_kebutuhan for r in review)
    baris.append(
        Baris(
            "total",
            {
                "uraian_rancangan": "JUMLAH",
                "uraian_kebutuhan": "JUMLAH",
                "pagu_rancangan": total_rancangan,
                "pagu_kebutuhan": total_kebutuhan,
            },
            tanda=tanda_jumlah([r for r in review if _berisi(r)]),
        )
    )
    hilang_kebutuhan = [r for r in review if (r.pk, "kebutuhan") in hilang]
    if hilang_kebutuhan:
        baris.append(Baris("catatan", teks=kalimat_belum_lengkap(len(hilang_kebutuhan))))
    elif total_kebutuhan is not None:
        baris.append(Baris("catatan", teks=kalimat_pengajuan(total_kebutuhan)))
    keterangan = [
        "Pagu program dan kegiatan adalah jumlah pagu baris di bawahnya; jumlah dihitung, tidak diketik.",
    ]
    for r in review:
        for sisi, judul in (("rancangan", "rancangan awal RKPD"), ("kebutuhan", "hasil analisis kebutuhan")):
            if (r.pk, sisi) in hilang:
                keterangan.append(
                    f"Pagu {judul} baris {r.nomenklatur.kode} {r.nomenklatur.uraian}"
                    f"{f' ({r.kelurahan.nama})' if r.kelurahan_id else ''} tidak diketahui: setiap jumlah yang "
                    f"memuatnya ditandai ({BELUM_LENGKAP}) dan hanya menjumlahkan nilai yang diketahui."
                )
    return Tabel(
        judul=[
            "Tabel 2.4",
            f"Review terhadap Rancangan Awal RKPD Tahun {tahun}",
            f"Kecamatan {kecamatan.nama} {kecamatan.kota.nama}",
        ],
        kepala=kepala_tabel_2_4(),
        baris=baris,
        keterangan=keterangan,
    )


def nama_kota(kecamatan: Kecamatan) -> str:
    """The lokasi of a line without a kelurahan: the whole kota, as the seed prints it ("Kota Serang")."""
    nama = kecamatan.kota.nama
    return nama if nama.lower().startswith(("kota ", "kabupaten ")) else f"Kota {nama}"


def _pagu_hilang(r: RkpdReview) -> list[str]:
    """The sides whose pagu is unknown: blank on a line that states that side's target, or whose other side
    has a pagu (a line with a target but no Rupiah is a gap in the source, not a zero)."""
    sisi = []
    if r.pagu_rancangan is None and (r.target_rancangan or r.pagu_kebutuhan is not None):
        sisi.append("rancangan")
    if r.pagu_kebutuhan is None and (r.target_kebutuhan or r.pagu_rancangan is not None):
        sisi.append("kebutuhan")
    return sisi


def kalimat_belum_lengkap(n: int) -> str:
    """The sentence in place of the total when a pagu is unknown: an incomplete sum is never stated as final."""
    return (
        "Jumlah pengajuan berdasarkan hasil analisis kebutuhan belum dapat dinyatakan: pagu "
        f"{n} baris belum diketahui (lihat keterangan)."
    )


def kalimat_pengajuan(total: Decimal) -> str:
    """ "Pengajuan sebesar Rp 1.234 (seribu dua ratus tiga puluh empat rupiah)" — words via core.terbilang."""
    total = total.quantize(Decimal(1), rounding=ROUND_HALF_UP)  # the figure and the words say the same
    return f"Berdasarkan hasil analisis kebutuhan, pengajuan sebesar Rp {format_rupiah(total)} ({terbilang_rupiah(total)})."
