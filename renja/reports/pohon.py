"""What the Renja report builders share: the program tree of one kecamatan's data, summed in Python.

Each builder loads its rows in a few grouped queries (``select_related`` brings every node's ancestors
along, see :data:`LELUHUR`), then:

1. :func:`pohon_dari` turns the nodes that carry data into a tree Program → Kegiatan → Sub kegiatan
   (urusan/bidang urusan above a program only name its kelompok);
2. :meth:`Pohon.gulung` sums the Rupiah of each node's own lines with its subtree (program totals are
   never stored);
3. :func:`barispohon` writes the rows: OPD, kelompok, program with its indicators, kegiatan, sub kegiatan.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from core.capaian import jumlah, nilai_tahunan
from core.choices import MetodeNegatif
from core.laporan.tabel import Baris, JenisBaris, Sel
from core.nilai import KOSONG, Nilai
from renja.models import Indikator, Nomenklatur, Tingkat
from wilayah.models import Kecamatan

#: ``select_related`` path that brings a row's node with all its ancestors (the tree is at most 5 deep).
LELUHUR = "nomenklatur__induk__induk__induk__induk"

#: Tree levels that get a row of their own; urusan/bidang urusan only give the kelompok caption.
TINGKAT_BARIS = (Tingkat.PROGRAM, Tingkat.KEGIATAN, Tingkat.SUB_KEGIATAN)

Angka = Mapping[str, Decimal | None]


@dataclass
class Simpul:
    node: Nomenklatur
    anak: list[Simpul] = field(default_factory=list)

    @property
    def id(self) -> int:
        return self.node.pk

    @property
    def jenis(self) -> JenisBaris:
        return self.node.tingkat  # program / kegiatan / sub_kegiatan

    def semua(self) -> Iterator[Simpul]:
        """This node and its subtree, depth first."""
        yield self
        for a in self.anak:
            yield from a.semua()


@dataclass
class Pohon:
    """Program-level roots (sorted by kode) grouped under their kelompok caption."""

    kelompok: list[tuple[str, list[Simpul]]]

    @property
    def akar(self) -> list[Simpul]:
        return [s for _k, daftar in self.kelompok for s in daftar]

    def semua(self) -> Iterator[Simpul]:
        for s in self.akar:
            yield from s.semua()

    def gulung(
        self, sendiri: Mapping[int, Angka], keys: Iterable[str]
    ) -> dict[int, dict[str, Decimal | None]]:
        """Per node, the sum of its own lines and its subtree's (``None`` when nothing is there)."""
        keys = tuple(keys)
        hasil: dict[int, dict[str, Decimal | None]] = {}

        def _naik(s: Simpul) -> dict[str, Decimal | None]:
            anak = [_naik(a) for a in s.anak]
            milik = sendiri.get(s.id, {})
            hasil[s.id] = {k: jumlah([milik.get(k), *(a[k] for a in anak)]) for k in keys}
            return hasil[s.id]

        for s in self.akar:
            _naik(s)
        return hasil

    def gulung_target(
        self, sendiri: Mapping[int, Angka], keys: Iterable[str]
    ) -> dict[int, dict[str, Decimal | None]]:
        """Per node, the sum of its children's values, or its own when no child has one.

        For stored end-of-period targets (Renstra pagu): a program's own figure is only a fallback for
        when its kegiatan have none, so a figure is never counted twice.
        """
        keys = tuple(keys)
        hasil: dict[int, dict[str, Decimal | None]] = {}

        def _naik(s: Simpul) -> dict[str, Decimal | None]:
            anak = [_naik(a) for a in s.anak]
            milik = sendiri.get(s.id, {})
            nilai = {}
            for k in keys:
                dari_anak = jumlah(a[k] for a in anak)
                nilai[k] = dari_anak if dari_anak is not None else milik.get(k)
            hasil[s.id] = nilai
            return nilai

        for s in self.akar:
            _naik(s)
        return hasil


def kumpulkan_node(*sumber: Iterable[Nomenklatur]) -> dict[int, Nomenklatur]:
    """All nodes reached from the rows' nodes, ancestors included (already loaded via :data:`LELUHUR`)."""
    node: dict[int, Nomenklatur] = {}
    n: Nomenklatur | None
    for daftar in sumber:
        for n in daftar:
            while n is not None and n.pk not in node:
                node[n.pk] = n
                n = n.induk if n.induk_id else None
    return node


def _label_kelompok(n: Nomenklatur, node: Mapping[int, Nomenklatur]) -> tuple[str, str]:
    """(sort key, caption) of the kelompok of a program-level root."""
    if n.kelompok:
        return n.kelompok, n.kelompok
    induk = node.get(n.induk_id) if n.induk_id else None
    while induk is not None and induk.tingkat not in (Tingkat.BIDANG_URUSAN, Tingkat.URUSAN):
        induk = node.get(induk.induk_id) if induk.induk_id else None
    if induk is None:
        return "", ""
    return induk.kode, f"{induk.kode} {induk.uraian}".upper()


def pohon_dari(node_data: Iterable[int], node: Mapping[int, Nomenklatur]) -> Pohon:
    """The tree of the nodes in ``node_data`` and their ancestors from program level down.

    Kelompok are ordered by the smallest kode among their programs (NON URUSAN 1101… before KEWILAYAHAN
    5001.11…); programs, kegiatan and sub kegiatan by kode.
    """
    dipakai: set[int] = set()
    for pk in node_data:
        n = node.get(pk)
        while n is not None and n.tingkat in TINGKAT_BARIS and n.pk not in dipakai:
            dipakai.add(n.pk)
            n = node.get(n.induk_id) if n.induk_id else None
    simpul = {pk: Simpul(node[pk]) for pk in dipakai}
    akar: list[Simpul] = []
    for s in sorted(simpul.values(), key=lambda s: s.node.kode):
        induk = simpul.get(s.node.induk_id) if s.node.induk_id else None
        (induk.anak if induk is not None else akar).append(s)
    kelompok: dict[str, tuple[str, list[Simpul]]] = {}
    for s in akar:
        kunci, label = _label_kelompok(s.node, node)
        kelompok.setdefault(label, (kunci, []))[1].append(s)
    urut = sorted(kelompok.items(), key=lambda kv: (min(s.node.kode for s in kv[1][1]), kv[0]))
    return Pohon([(label, daftar) for label, (_k, daftar) in urut])


def kunci_indikator(uraian: str) -> str:
    """Indicators of different years (and Renstra targets) match on their uraian, ignoring case/spacing."""
    return " ".join(uraian.split()).casefold()


def realisasi_indikator(ind: Indikator) -> Nilai:
    """The year's realisasi of an indicator: from its quarters when any is reported, else the year figure."""
    triwulan = ind.realisasi_triwulan()
    if any(not n.kosong for n in triwulan):
        return nilai_tahunan(triwulan, ind.sifat)
    return ind.realisasi or KOSONG


@dataclass
class IndikatorGabung:
    """One indicator of a node across the years a report looks at."""

    uraian: str
    satuan: str = ""
    polaritas: str = "positif"
    sifat: str = "kumulatif"
    urutan: tuple[int, int] = (0, 0)
    per_tahun: dict[int, Indikator] = field(default_factory=dict)

    def target(self, tahun: int) -> Nilai:
        ind = self.per_tahun.get(tahun)
        return ind.target if ind is not None and ind.target is not None else KOSONG

    def realisasi(self, tahun: int) -> Nilai:
        ind = self.per_tahun.get(tahun)
        return realisasi_indikator(ind) if ind is not None else KOSONG


def gabung_indikator(daftar: Iterable[Indikator], tahun_utama: int) -> dict[int, list[IndikatorGabung]]:
    """Per node, its indicators across years, matched by uraian.

    Order: by ``urutan`` in the main year, then the indicators that only appear in other years (newest
    year's urutan). Satuan, polaritas and sifat come from the main year, else the newest year.
    """
    per_node: dict[int, dict[str, IndikatorGabung]] = defaultdict(dict)
    for ind in sorted(daftar, key=lambda i: (i.tahun != tahun_utama, -i.tahun)):
        g = per_node[ind.nomenklatur_id].get(kunci_indikator(ind.uraian))
        if g is None:
            g = IndikatorGabung(
                uraian=ind.uraian,
                satuan=ind.satuan,
                polaritas=ind.polaritas,
                sifat=ind.sifat,
                urutan=(0 if ind.tahun == tahun_utama else 1, ind.urutan),
            )
            per_node[ind.nomenklatur_id][kunci_indikator(ind.uraian)] = g
        g.per_tahun.setdefault(ind.tahun, ind)
    return {
        pk: sorted(d.values(), key=lambda g: (g.urutan, kunci_indikator(g.uraian)))
        for pk, d in per_node.items()
    }


def barispohon(
    pohon: Pohon,
    kecamatan: Kecamatan,
    *,
    rp: Mapping[int, Angka],
    sel_rp: Callable[[Angka], dict[str, Sel]],
    sel_indikator: Callable[[Simpul], list[dict[str, Sel]]],
    sel_lain: Callable[[Simpul], dict[str, Sel]] | None = None,
    keys_rp: Iterable[str] = (),
    baris_opd: bool = True,
) -> list[Baris]:
    """The rows of a Program → Kegiatan → Sub kegiatan report.

    ``rp`` holds each node's summed raw Rupiah; the OPD and kelompok rows sum their programs' ``rp``.
    ``sel_rp`` turns raw sums into cells (adding percentages); ``sel_indikator`` gives a node's indicator
    cells, the first of which is printed on the node's own row (as the printed forms do) and the rest on
    ``indikator`` rows under it; ``sel_lain`` adds per-node text (lokasi, sumber dana, catatan).
    """
    keys_rp = tuple(keys_rp)
    baris: list[Baris] = []

    def _jumlah(daftar: list[Simpul]) -> dict[str, Decimal | None]:
        return {k: jumlah(rp.get(s.id, {}).get(k) for s in daftar) for k in keys_rp}

    if baris_opd:
        baris.append(
            Baris(
                "opd",
                {
                    "uraian": f"KECAMATAN {kecamatan.nama.upper()}",
                    **sel_rp(_jumlah(pohon.akar)),
                },
            )
        )

    def _tulis(s: Simpul, tingkat: int, program: str) -> None:
        indikator = sel_indikator(s)
        sel: dict[str, Sel] = {"kode": s.node.kode, "uraian": s.node.uraian}
        sel.update(sel_rp(rp.get(s.id, {})))
        if sel_lain is not None:
            sel.update(sel_lain(s))
        if indikator:
            sel.update(indikator[0])
        pid = f"n{s.id}"
        baris.append(Baris(s.jenis, sel, tingkat=tingkat, id=pid, induk=program))
        for lain in indikator[1:]:
            baris.append(Baris("indikator", dict(lain), tingkat=tingkat + 1, induk=program or pid))
        for a in s.anak:
            _tulis(a, tingkat + 1, program or pid)

    for label, daftar in pohon.kelompok:
        if label:
            baris.append(Baris("kelompok", {"uraian": label, **sel_rp(_jumlah(daftar))}))
        for s in daftar:
            _tulis(s, 1, "")
    return baris


def keterangan_negatif(metode: str) -> str:
    """Footnote naming the formula used for negatif indicators (:func:`core.capaian.metode_negatif_aktif`)."""
    if metode == MetodeNegatif.RASIO:
        return "Indikator berpolaritas negatif (makin rendah makin baik): capaian = target / realisasi × 100."
    return (
        "Indikator berpolaritas negatif (makin rendah makin baik): capaian = (2 × target − realisasi) / target "
        "× 100, minimal 0 (PermenPAN-RB 8/2021)."
    )
