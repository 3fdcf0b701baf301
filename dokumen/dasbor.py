"""The kecamatan dashboard on ``/kecamatan/<kode>/<tahun>/`` (above the report list).

Year N against N−1 (pagu, realisasi, serapan), realisasi per triwulan cumulated against the even-spend line,
per program (serapan N and N−1, capaian kinerja and predikat), capaian per program indicator with predikat,
per kelurahan (pagu, realisasi, serapan of the lines located there), and the year's pemeriksaan data
(:func:`renja.pemeriksaan.pemeriksaan_data`). Every figure comes from the LKjIP rekap's computation
(:func:`lkjip.reports.rekap.rekap_hitung`) or the same line arithmetic (``Anggaran.realisasi_tahun``,
:func:`core.capaian.jumlah`), so it equals the reports. Seven queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from core import grafik
from core.angka import format_rupiah
from core.capaian import capaian_anggaran, capaian_kinerja, jumlah, predikat
from core.nilai import Nilai
from lkjip.reports.rekap import Rekap, RingkasanProgram, rekap_hitung
from renja.models import Anggaran
from renja.pemeriksaan import Temuan, pemeriksaan_data, ringkas
from wilayah.models import Kecamatan

from .kota import TW, AngkaRekap, grafik_kumulatif, rencana_merata


@dataclass(frozen=True)
class Triwulan:
    label: str
    realisasi: Decimal | None  # in this quarter
    kumulatif: Decimal | None
    rencana: Decimal | None  # even-spend line, cumulative
    serapan: Decimal | None  # cumulative realisasi / pagu

    @property
    def selisih(self) -> Decimal | None:
        """Cumulative realisasi minus the even-spend line (negative: behind)."""
        if self.kumulatif is None or self.rencana is None:
            return None
        return self.kumulatif - self.rencana


@dataclass(frozen=True)
class Program:
    ringkasan: RingkasanProgram

    @property
    def kode(self) -> str:
        return self.ringkasan.node.kode

    @property
    def uraian(self) -> str:
        return self.ringkasan.node.uraian

    @property
    def pagu(self) -> Decimal | None:
        return self.ringkasan.per_tahun["1"].pagu

    @property
    def realisasi(self) -> Decimal | None:
        return self.ringkasan.per_tahun["1"].realisasi

    @property
    def serapan(self) -> Decimal | None:
        return self.ringkasan.per_tahun["1"].capaian_rp

    @property
    def serapan_lalu(self) -> Decimal | None:
        return self.ringkasan.per_tahun["0"].capaian_rp

    @property
    def capaian(self) -> Decimal | None:
        return self.ringkasan.per_tahun["1"].capaian_k

    @property
    def predikat(self) -> str | None:
        return predikat(self.capaian)

    @property
    def indikator(self) -> list[tuple[str, Decimal | None, str | None]]:
        """(uraian, capaian, predikat) of the program's own indicators in year N."""
        return [(u, c, predikat(c)) for u, c in self.ringkasan.indikator]


@dataclass(frozen=True)
class CapaianIndikator:
    """One indicator of year N with the rekap's capaian and its predikat."""

    kode: str
    node: str
    uraian: str
    satuan: str
    target: Nilai
    realisasi: Nilai
    capaian: Decimal | None

    @property
    def predikat(self) -> str | None:
        return predikat(self.capaian)


@dataclass(frozen=True)
class Lokasi:
    """The anggaran lines of one kelurahan (or of the kecamatan itself, ``kelurahan`` None) in the year."""

    nama: str
    baris: int
    pagu: Decimal | None
    realisasi: Decimal | None

    @property
    def serapan(self) -> Decimal | None:
        return capaian_anggaran(self.pagu, self.realisasi)


def per_kelurahan(kecamatan: Kecamatan, tahun: int) -> list[Lokasi]:
    """Pagu, realisasi and serapan per lokasi: the kecamatan's own lines first, then each kelurahan by name.
    One query; the year's realisasi of a line is the reports' (quarters when reported, else the year figure)."""
    kelompok: dict[int | None, list[Anggaran]] = {}
    nama: dict[int | None, str] = {None: f"Kecamatan {kecamatan.nama} (tanpa kelurahan)"}
    for a in Anggaran.objects.untuk(kecamatan, tahun).select_related("kelurahan"):
        kelompok.setdefault(a.kelurahan_id, []).append(a)
        if a.kelurahan_id is not None:
            nama[a.kelurahan_id] = f"Kelurahan {a.kelurahan.nama}"
    urut = sorted(kelompok, key=lambda k: (k is not None, nama[k]))
    return [
        Lokasi(
            nama[k],
            len(kelompok[k]),
            jumlah(a.pagu for a in kelompok[k]),
            jumlah(a.realisasi_tahun for a in kelompok[k]),
        )
        for k in urut
    ]


@dataclass
class Dasbor(AngkaRekap):
    kecamatan: Kecamatan
    tahun: int
    rekap: Rekap
    temuan: list[Temuan]
    lokasi: list[Lokasi]

    def _tahun(self, y: str) -> tuple[Decimal | None, Decimal | None]:
        program = self.rekap.program
        return jumlah(p.per_tahun[y].pagu for p in program), jumlah(p.per_tahun[y].realisasi for p in program)

    @property
    def perbandingan(self) -> list[tuple[int, Decimal | None, Decimal | None, Decimal | None]]:
        """(year, pagu, realisasi, serapan) of N−1 and N."""
        hasil = []
        for y, th in (("0", self.tahun - 1), ("1", self.tahun)):
            p, r = self._tahun(y)
            hasil.append((th, p, r, capaian_anggaran(p, r)))
        return hasil

    @property
    def triwulan(self) -> list[Triwulan]:
        kumulatif = self.rekap.kumulatif_triwulan
        rencana = rencana_merata(self.pagu)
        hasil = []
        for i, label in enumerate(TW):
            lalu = kumulatif[i - 1] if i else None
            kini = kumulatif[i]
            dalam = None if kini is None else kini - (lalu or Decimal(0))
            hasil.append(Triwulan(label, dalam, kini, rencana[i], capaian_anggaran(self.pagu, kini)))
        return hasil

    @property
    def program(self) -> list[Program]:
        return [Program(p) for p in self.rekap.program]

    @property
    def indikator(self) -> list[CapaianIndikator]:
        """Every indicator of year N, program by program down the tree, with capaian (the rekap's formula and
        method) and predikat."""
        hasil = []
        for p in self.rekap.program:
            for simpul in p.simpul.semua():
                for g in self.rekap.indikator.get(simpul.id, []):
                    if self.tahun not in g.per_tahun:
                        continue
                    t, r = g.target(self.tahun), g.realisasi(self.tahun)
                    hasil.append(
                        CapaianIndikator(
                            simpul.node.kode,
                            simpul.node.uraian,
                            g.uraian,
                            g.satuan,
                            t,
                            r,
                            capaian_kinerja(t, r, g.polaritas, self.rekap.metode),
                        )
                    )
        return hasil

    @property
    def kelompok_temuan(self) -> list[tuple[str, str, list[Temuan]]]:
        return ringkas(self.temuan)

    def jumlah_temuan(self, jenis: str) -> int:
        return sum(1 for t in self.temuan if t.jenis == jenis)

    @property
    def indikator_kosong(self) -> int:
        return self.jumlah_temuan("indikator_kosong")

    @property
    def melebihi_pagu(self) -> int:
        return self.jumlah_temuan("melebihi_pagu")

    def grafik_kumulatif(self) -> str:
        judul = f"Realisasi kumulatif per triwulan tahun {self.tahun} terhadap rencana merata"
        return grafik_kumulatif(judul, self.pagu, self.rekap.kumulatif_triwulan, lebar=560)

    def teks_kumulatif(self) -> str:
        return "; ".join(
            f"{t.label}: realisasi kumulatif "
            f"{'belum tercatat' if t.kumulatif is None else 'Rp ' + format_rupiah(t.kumulatif)}, "
            f"rencana merata Rp {format_rupiah(t.rencana)}"
            for t in self.triwulan
        )

    def grafik_program(self) -> str:
        judul = f"Serapan anggaran per program: tahun {self.tahun - 1} dan {self.tahun}"
        program = self.program
        return grafik.batang(
            [f"{p.kode} {p.uraian}" for p in program],
            [
                grafik.Seri(str(self.tahun - 1), [p.serapan_lalu for p in program]),
                grafik.Seri(str(self.tahun), [p.serapan for p in program]),
            ],
            judul=judul,
            satuan="persen",
            garis=100,
            garis_label="100 %",
            lebar=760,
            lebar_label=320,
        )


def dasbor_kecamatan(kecamatan: Kecamatan, tahun: int) -> Dasbor:
    """The dashboard of the kecamatan's year: the rekap (three queries), the pemeriksaan data (three) and the
    lines per kelurahan (one)."""
    return Dasbor(
        kecamatan,
        tahun,
        rekap_hitung(kecamatan, tahun),
        pemeriksaan_data(kecamatan, tahun),
        per_kelurahan(kecamatan, tahun),
    )
