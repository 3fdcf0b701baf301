"""Scoped reads for the realisasi entry grid: a fixed number of queries whatever the tree's size."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from core.angka import format_angka
from core.capaian import capaian_anggaran, capaian_kinerja, jumlah
from core.choices import ROMAWI, label_triwulan
from core.nilai import KOSONG

from .models import (
    TRIWULAN,
    Anggaran,
    BuktiDukung,
    CatatanRealisasi,
    Indikator,
    Nomenklatur,
    Tingkat,
    TriwulanDitutup,
)
from .reports.pohon import LELUHUR, kumpulkan_node


@dataclass
class BarisKegiatan:
    node: Nomenklatur
    anggaran: list[Anggaran] = field(default_factory=list)
    indikator: list[Indikator] = field(default_factory=list)
    keterangan: dict[int, str] = field(default_factory=dict)


@dataclass
class GrupProgram:
    node: Nomenklatur | None  # None: lines whose tree has no program
    indikator: list[Indikator] = field(default_factory=list)
    kegiatan: list[BarisKegiatan] = field(default_factory=list)

    @property
    def pagu(self) -> Decimal | None:
        nilai = [a.pagu for k in self.kegiatan for a in k.anggaran if a.pagu is not None]
        return sum(nilai, Decimal(0)) if nilai else None

    @property
    def realisasi(self) -> Decimal | None:
        nilai = [
            a.realisasi_tahun for k in self.kegiatan for a in k.anggaran if a.realisasi_tahun is not None
        ]
        return sum(nilai, Decimal(0)) if nilai else None

    @property
    def serapan(self) -> Decimal | None:
        return capaian_anggaran(self.pagu, self.realisasi)


def _program_dari(node: Nomenklatur | None, semua: dict[int, Nomenklatur]) -> Nomenklatur | None:
    while node is not None and node.tingkat != Tingkat.PROGRAM:
        node = semua.get(node.induk_id)
    return node


@dataclass(frozen=True)
class SelTriwulan:
    triwulan: int
    label: str
    teks: str  # the stored value as the user types it ("" when empty)
    ditutup: bool


def _sel_triwulan(obj, ditutup: set[int], format_) -> list[SelTriwulan]:
    sel = []
    for tw in TRIWULAN:
        nilai = getattr(obj, f"realisasi_tw{tw}")
        teks = "" if nilai is None else format_(nilai)
        sel.append(SelTriwulan(tw, triwulan_label(tw), "" if teks == "-" else teks, tw in ditutup))
    return sel


def realisasi_grid(kecamatan, tahun: int) -> tuple[list[GrupProgram], set[int]]:
    """The year's kegiatan/sub kegiatan with their anggaran lines and indicators, grouped by program,
    and the set of closed quarters.

    Only the kecamatan's part of the tree is read: each row's node comes with its ancestors in the row's own
    query (``select_related`` of :data:`~renja.reports.pohon.LELUHUR`, as the reports do), never the whole
    nomenklatur table, which is national and thousands of nodes long (issue 12)."""
    anggaran = list(
        Anggaran.objects.untuk(kecamatan, tahun)
        .select_related("kelurahan", LELUHUR)
        .order_by("kelurahan__kode", "sumber_dana", "id")
    )
    indikator = list(
        Indikator.objects.untuk(kecamatan, tahun).select_related(LELUHUR).order_by("urutan", "id")
    )
    semua = kumpulkan_node((a.nomenklatur for a in anggaran), (i.nomenklatur for i in indikator))
    keterangan = CatatanRealisasi.objects.untuk(kecamatan, tahun).values_list(
        "nomenklatur_id", "triwulan", "keterangan"
    )
    ditutup = set(TriwulanDitutup.objects.untuk(kecamatan, tahun).values_list("triwulan", flat=True))

    grup: dict[int | None, GrupProgram] = {}
    baris: dict[int, BarisKegiatan] = {}

    def grup_untuk(node: Nomenklatur) -> GrupProgram:
        program = _program_dari(node, semua)
        kunci = program.pk if program else None
        if kunci not in grup:
            grup[kunci] = GrupProgram(node=program)
        return grup[kunci]

    def baris_untuk(node_id: int) -> BarisKegiatan:
        if node_id not in baris:
            node = semua[node_id]
            baris[node_id] = BarisKegiatan(node=node)
            grup_untuk(node).kegiatan.append(baris[node_id])
        return baris[node_id]

    for a in anggaran:
        a.nomenklatur = semua[a.nomenklatur_id]
        a.sel_triwulan = _sel_triwulan(a, ditutup, format_angka)
        a.serapan = capaian_anggaran(a.pagu, a.realisasi_tahun)
        baris_untuk(a.nomenklatur_id).anggaran.append(a)
    for i in indikator:
        i.nomenklatur = semua[i.nomenklatur_id]
        i.sel_triwulan = _sel_triwulan(i, ditutup, lambda v: "" if v is None or v.kosong else str(v))
        i.capaian = capaian_kinerja(i.target, i.realisasi or KOSONG, i.polaritas)
        if i.nomenklatur.tingkat == Tingkat.PROGRAM:
            grup_untuk(i.nomenklatur).indikator.append(i)
        else:
            baris_untuk(i.nomenklatur_id).indikator.append(i)
    for node_id, tw, teks in keterangan:
        if node_id in baris:
            baris[node_id].keterangan[tw] = teks

    hasil = sorted(grup.values(), key=lambda g: g.node.kode if g.node else "")
    for g in hasil:
        g.kegiatan.sort(key=lambda b: b.node.kode)
    return hasil, ditutup


def triwulan_label(tw: int) -> str:
    """The Roman numeral alone (``III``), for grid headers that write ``TW`` themselves."""
    return ROMAWI[tw]


TRIWULAN_LABEL = [(tw, triwulan_label(tw)) for tw in TRIWULAN]


def kegiatan_rinci(kecamatan, tahun: int, node_id: int):
    """One kegiatan's page: its node, anggaran lines, indicators, keterangan and evidence per quarter.
    None when the kegiatan has no data for this kecamatan and year (the view answers 404)."""
    node = Nomenklatur.objects.filter(pk=node_id).first()
    if node is None:
        return None
    anggaran = list(
        Anggaran.objects.untuk(kecamatan, tahun).filter(nomenklatur=node).select_related("kelurahan")
    )
    indikator = list(Indikator.objects.untuk(kecamatan, tahun).filter(nomenklatur=node))
    if not anggaran and not indikator:
        return None
    keterangan = dict(
        CatatanRealisasi.objects.untuk(kecamatan, tahun)
        .filter(nomenklatur=node)
        .values_list("triwulan", "keterangan")
    )
    bukti: dict[int, list] = {tw: [] for tw in TRIWULAN}
    for b in (
        BuktiDukung.objects.untuk(kecamatan, tahun).filter(nomenklatur=node).select_related("diunggah_oleh")
    ):
        bukti[b.triwulan].append(b)
    ditutup = set(TriwulanDitutup.objects.untuk(kecamatan, tahun).values_list("triwulan", flat=True))
    triwulan = [
        {
            "tw": tw,
            "label": triwulan_label(tw),
            "keterangan": keterangan.get(tw, ""),
            "bukti": bukti[tw],
            "ditutup": tw in ditutup,
        }
        for tw in TRIWULAN
    ]
    return {"node": node, "anggaran": anggaran, "indikator": indikator, "triwulan": triwulan}


def riwayat_kegiatan(kecamatan, tahun: int, node_id: int):
    from core.riwayat import perubahan

    return perubahan(
        Anggaran.history.filter(kecamatan=kecamatan, tahun=tahun, nomenklatur_id=node_id).select_related(
            "nomenklatur", "kelurahan"
        ),
        Indikator.history.filter(kecamatan=kecamatan, tahun=tahun, nomenklatur_id=node_id).select_related(
            "nomenklatur"
        ),
        CatatanRealisasi.history.filter(
            kecamatan=kecamatan, tahun=tahun, nomenklatur_id=node_id
        ).select_related("nomenklatur"),
        BuktiDukung.history.filter(kecamatan=kecamatan, tahun=tahun, nomenklatur_id=node_id).select_related(
            "nomenklatur"
        ),
        label=label_riwayat,
    )


def label_riwayat(rec) -> str:
    model = rec.instance_type.__name__
    if model == "Anggaran":
        return f"Anggaran {rec.nomenklatur.kode}" + (f" · {rec.kelurahan.nama}" if rec.kelurahan_id else "")
    if model == "Indikator":
        return f"Indikator {rec.nomenklatur.kode}: {rec.uraian}"
    if model == "CatatanRealisasi":
        return f"Keterangan {rec.nomenklatur.kode} {label_triwulan(rec.triwulan)}"
    if model == "BuktiDukung":
        return f"Bukti dukung {rec.nomenklatur.kode} {label_triwulan(rec.triwulan)}: {rec.nama_asli}"
    if model == "CatatanVerifikator":
        return f"Catatan verifikator {label_triwulan(rec.triwulan)}"
    if model == "TriwulanDitutup":
        return f"{label_triwulan(rec.triwulan)} ditutup"
    if model == "Usulan":
        return f"Usulan: {rec.uraian}" + (f" · {rec.kelurahan.nama}" if rec.kelurahan_id else "")
    if model == "Prioritas":
        return f"{rec.get_jenis_display()}: {rec.uraian}"
    if model == "Belanja":
        return f"Belanja tidak langsung {rec.jenis}" + (
            f" · {rec.kelurahan.nama}" if rec.kelurahan_id else ""
        )
    return model


@dataclass(frozen=True)
class JumlahBelanja:
    """Sums of belanja rows; ``*_lengkap`` is False when a row's value is not known (the sum is then only of
    the known values and is shown "belum lengkap")."""

    pagu: Decimal | None
    realisasi: Decimal | None
    pagu_lengkap: bool
    realisasi_lengkap: bool

    @property
    def serapan(self) -> Decimal | None:
        if not (self.pagu_lengkap and self.realisasi_lengkap):
            return None
        return capaian_anggaran(self.pagu, self.realisasi)


def belanja_jumlah(daftar) -> JumlahBelanja:
    return JumlahBelanja(
        pagu=jumlah(b.pagu for b in daftar),
        realisasi=jumlah(b.realisasi for b in daftar),
        pagu_lengkap=all(b.pagu is not None for b in daftar),
        realisasi_lengkap=all(b.realisasi is not None for b in daftar),
    )
