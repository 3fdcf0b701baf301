"""What each role's home page shows: per kecamatan and year, how far the quarters are filled, rows over pagu,
indicators still empty, evidence missing, open catatan verifikator and the documents' status with the next step.

``ringkasan_kecamatan`` serves the operator and camat (one kecamatan) and the city summary of Admin Bappeda and
pimpinan (every kecamatan they may see) alike, in the same fixed number of queries whatever the number of
kecamatan or rows. The figures are the reports' own: a line's year realisasi is ``Anggaran.realisasi_tahun``,
sums are ``core.capaian.jumlah`` and serapan is ``core.capaian.capaian_anggaran`` (as in ``lkjip-keuangan``
and ``renja-evaluasi``), so the home page and the reports cannot disagree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.db.models import QuerySet

from core.capaian import capaian_anggaran, jumlah
from core.choices import label_triwulan
from core.nilai import KOSONG
from dokumen.models import Dokumen, StatusDokumen
from dokumen.struktur import STRUKTUR
from renja.models import (
    TRIWULAN,
    Anggaran,
    BuktiDukung,
    CatatanVerifikator,
    Indikator,
    Nomenklatur,
    TriwulanDitutup,
)
from wilayah.models import Kecamatan, Kota
from workbook.models import RiwayatImpor

#: What comes next for a document, by status (None: not started yet).
LANGKAH = {
    None: "operator melengkapi realisasi dan narasi, lalu mengajukannya kepada camat.",
    StatusDokumen.DRAF: "operator melengkapi realisasi dan narasi, lalu mengajukannya kepada camat.",
    StatusDokumen.DIKEMBALIKAN: "operator memperbaiki sesuai catatan camat, lalu mengajukannya lagi.",
    StatusDokumen.DIAJUKAN: "camat menyetujui, atau mengembalikannya dengan catatan.",
    StatusDokumen.DISETUJUI: "selesai; perubahan hanya lewat revisi yang dibuka Bappeda.",
}


@dataclass
class KemajuanTriwulan:
    triwulan: int
    terisi: int  # anggaran lines with this quarter's realisasi
    jumlah_baris: int
    realisasi: Decimal | None  # this quarter
    kumulatif: Decimal | None  # TW I up to this quarter
    serapan_kumulatif: Decimal | None  # kumulatif / pagu × 100
    ditutup: bool

    @property
    def label(self) -> str:
        return label_triwulan(self.triwulan)


@dataclass
class StatusDokumenTahun:
    jenis: str
    singkatan: str
    dokumen: Dokumen | None

    @property
    def status(self) -> str:
        return self.dokumen.status if self.dokumen else StatusDokumen.DRAF

    @property
    def langkah(self) -> str:
        return LANGKAH[StatusDokumen(self.dokumen.status) if self.dokumen else None]


@dataclass
class BuktiKurang:
    kegiatan: Nomenklatur
    triwulan: int

    @property
    def label(self) -> str:
        return label_triwulan(self.triwulan)


@dataclass
class RingkasanKecamatan:
    kecamatan: Kecamatan
    tahun: int
    anggaran: list[Anggaran] = field(default_factory=list)
    indikator: list[Indikator] = field(default_factory=list)
    triwulan: list[KemajuanTriwulan] = field(default_factory=list)
    melebihi_pagu: list[Anggaran] = field(default_factory=list)
    indikator_kosong: list[Indikator] = field(default_factory=list)
    bukti_kurang: list[BuktiKurang] = field(default_factory=list)
    catatan_terbuka: list[CatatanVerifikator] = field(default_factory=list)
    dokumen: list[StatusDokumenTahun] = field(default_factory=list)

    # Summed once (the rows are all loaded before any figure is read): the page shows them several times per
    # kecamatan, and the city totals sum them again.
    @cached_property
    def pagu(self) -> Decimal | None:
        return jumlah(a.pagu for a in self.anggaran)

    @cached_property
    def realisasi(self) -> Decimal | None:
        return jumlah(a.realisasi_tahun for a in self.anggaran)

    @property
    def serapan(self) -> Decimal | None:
        return capaian_anggaran(self.pagu, self.realisasi)

    @property
    def setahun_saja(self) -> int:
        """Lines whose realisasi is a year figure without quarters (as a workbook may import it)."""
        return sum(1 for a in self.anggaran if a.hanya_setahun)

    @property
    def ada_data(self) -> bool:
        return bool(self.anggaran or self.indikator)


def _indikator_kosong(i: Indikator) -> bool:
    return (i.realisasi or KOSONG).kosong and all(v.kosong for v in i.realisasi_triwulan())


def ringkasan_kecamatan(kecamatan: Iterable[Kecamatan], tahun: int) -> list[RingkasanKecamatan]:
    """One summary per kecamatan (in the order given) for ``tahun``; six queries whatever their number.

    The caller passes kecamatan the user may see (``wilayah.akses.kecamatan_terlihat``)."""
    hasil = {k.pk: RingkasanKecamatan(k, tahun) for k in kecamatan}
    if not hasil:
        return []
    ids = list(hasil)
    for a in (
        Anggaran.objects.filter(kecamatan_id__in=ids, tahun=tahun)
        .select_related("nomenklatur")
        .order_by("nomenklatur__kode", "id")
    ):
        hasil[a.kecamatan_id].anggaran.append(a)
    for i in (
        Indikator.objects.filter(kecamatan_id__in=ids, tahun=tahun)
        .select_related("nomenklatur")
        .order_by("nomenklatur__kode", "urutan", "id")
    ):
        hasil[i.kecamatan_id].indikator.append(i)
    bukti = set(
        BuktiDukung.objects.filter(kecamatan_id__in=ids, tahun=tahun)
        .values_list("kecamatan_id", "nomenklatur_id", "triwulan")
        .distinct()
    )
    ditutup: defaultdict[int, set[int]] = defaultdict(set)
    for kec_id, tw in TriwulanDitutup.objects.filter(kecamatan_id__in=ids, tahun=tahun).values_list(
        "kecamatan_id", "triwulan"
    ):
        ditutup[kec_id].add(tw)
    for c in CatatanVerifikator.objects.filter(kecamatan_id__in=ids, tahun=tahun, jawaban="").select_related(
        "ditulis_oleh"
    ):
        c.kecamatan = hasil[c.kecamatan_id].kecamatan  # for its link, without a query per row
        hasil[c.kecamatan_id].catatan_terbuka.append(c)
    dokumen: dict[tuple[int, str], Dokumen] = {}
    for d in Dokumen.objects.filter(kecamatan_id__in=ids, tahun=tahun).order_by("revisi"):
        dokumen[(d.kecamatan_id, d.jenis)] = d  # the newest revision wins

    for r in hasil.values():
        pagu = r.pagu
        kumulatif: Decimal | None = None
        for tw in TRIWULAN:
            nilai = [getattr(a, f"realisasi_tw{tw}") for a in r.anggaran]
            realisasi = jumlah(nilai)
            if realisasi is not None:
                kumulatif = (kumulatif or Decimal(0)) + realisasi
            r.triwulan.append(
                KemajuanTriwulan(
                    tw,
                    terisi=sum(1 for v in nilai if v is not None),
                    jumlah_baris=len(nilai),
                    realisasi=realisasi,
                    kumulatif=kumulatif,
                    serapan_kumulatif=capaian_anggaran(pagu, kumulatif),
                    ditutup=tw in ditutup[r.kecamatan.pk],
                )
            )
        r.melebihi_pagu = [
            a
            for a in r.anggaran
            if a.pagu is not None and a.realisasi_tahun is not None and a.realisasi_tahun > a.pagu
        ]
        r.indikator_kosong = [i for i in r.indikator if _indikator_kosong(i)]
        kurang = {
            (a.nomenklatur_id, tw)
            for a in r.anggaran
            for tw in TRIWULAN
            if getattr(a, f"realisasi_tw{tw}") is not None
            and (r.kecamatan.pk, a.nomenklatur_id, tw) not in bukti
        }
        node = {a.nomenklatur_id: a.nomenklatur for a in r.anggaran}
        r.bukti_kurang = [
            BuktiKurang(node[n], tw) for n, tw in sorted(kurang, key=lambda k: (node[k[0]].kode, k[1]))
        ]
        r.dokumen = [
            StatusDokumenTahun(jenis, s.singkatan, dokumen.get((r.kecamatan.pk, jenis)))
            for jenis, s in STRUKTUR.items()
        ]
    return list(hasil.values())


@dataclass
class RingkasanKota:
    kota: Kota
    tahun: int
    kecamatan: list[RingkasanKecamatan]

    @property
    def pagu(self) -> Decimal | None:
        return jumlah(r.pagu for r in self.kecamatan)

    @property
    def realisasi(self) -> Decimal | None:
        return jumlah(r.realisasi for r in self.kecamatan)

    @property
    def serapan(self) -> Decimal | None:
        return capaian_anggaran(self.pagu, self.realisasi)

    @property
    def catatan_terbuka(self) -> list[CatatanVerifikator]:
        return sorted(
            (c for r in self.kecamatan for c in r.catatan_terbuka), key=lambda c: (c.ditulis_pada, c.pk)
        )

    @property
    def diajukan(self) -> int:
        return sum(1 for r in self.kecamatan for d in r.dokumen if d.status == StatusDokumen.DIAJUKAN)

    @property
    def disetujui(self) -> int:
        return sum(1 for r in self.kecamatan for d in r.dokumen if d.status == StatusDokumen.DISETUJUI)


def ringkasan_kota(kecamatan: Sequence[Kecamatan], tahun: int) -> list[RingkasanKota]:
    """The kecamatan summaries grouped by kota (kecamatan need ``kota`` selected), same queries as above."""
    per_kota: dict[int, RingkasanKota] = {}
    for r in ringkasan_kecamatan(kecamatan, tahun):
        kota = r.kecamatan.kota
        per_kota.setdefault(kota.pk, RingkasanKota(kota, tahun, [])).kecamatan.append(r)
    return list(per_kota.values())


def dokumen_menunggu_camat(kecamatan: Kecamatan) -> QuerySet[Dokumen]:
    """Documents of the kecamatan that wait for the camat's decision, every year, oldest submission first."""
    return (
        Dokumen.objects.filter(kecamatan=kecamatan, status=StatusDokumen.DIAJUKAN)
        .select_related("diajukan_oleh", "kecamatan")
        .order_by("diajukan_pada", "pk")
    )


def impor_terakhir(jumlah_baris: int = 5) -> list[RiwayatImpor]:
    """The latest workbook imports (Admin Bappeda's home page)."""
    return list(RiwayatImpor.objects.select_related("pengguna").order_by("-waktu", "-id")[:jumlah_baris])
