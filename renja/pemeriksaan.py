"""Pemeriksaan data: a kecamatan-year's own inconsistencies, each naming the row of the realisasi grid it concerns.

A plain function (:func:`pemeriksaan_data`) so the kecamatan dashboard and the camat's approval page show the
same list. Three queries whatever the size. The figures are the reports' own: the year's realisasi of an anggaran
line is :attr:`~renja.models.Anggaran.realisasi_tahun`, of an indicator
:func:`~renja.reports.pohon.realisasi_indikator`, capaian :func:`~core.capaian.capaian_kinerja`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse

from core.angka import format_persen, format_rupiah
from core.capaian import capaian_kinerja, metode_negatif_aktif, nilai_tahunan
from wilayah.models import Kecamatan

from .models import Anggaran, Indikator, RkpdReview
from .reports.pohon import realisasi_indikator

#: Capaian above this (in %) is reported as suspicious (a target or realisasi typed wrong, often by ×10/×100).
CAPAIAN_TERLALU_TINGGI = Decimal(150)

#: Kinds of finding, in the order they are listed, with their heading.
JENIS = {
    "melebihi_pagu": "Realisasi melebihi pagu",
    "triwulan_tidak_sama": "Jumlah triwulan tidak sama dengan angka setahun",
    "total_tidak_sama": "Jumlah tertulis tidak sama dengan jumlah rinciannya",
    "jenis_nilai_campur": "Predikat di tempat angka (atau sebaliknya)",
    "target_nol": "Target 0",
    "capaian_tinggi": "Capaian di atas 150 %",
    "indikator_kosong": "Indikator tanpa realisasi",
}


@dataclass(frozen=True)
class Temuan:
    """One inconsistency: its kind (a key of :data:`JENIS`), the row (kode, uraian), a message, a link."""

    jenis: str
    kode: str
    uraian: str
    pesan: str
    tautan: str

    @property
    def judul_jenis(self) -> str:
        return JENIS[self.jenis]


def _rp(v: Decimal | None) -> str:
    return f"Rp {format_rupiah(v)}"


def _jenis_nilai(n) -> str | None:
    if n is None or n.kosong:
        return None
    return "predikat" if n.is_grade else "angka"


def _tulis_jenis(n) -> str:
    return f"{'predikat' if n.is_grade else 'angka'} ({n})"


def _total_tidak_sama(baris, pagu, kunci, tautan) -> list[Temuan]:
    """Lines whose stated pagu differs from the sum of the lines of their direct children at the same lokasi
    (and source): ``baris`` are model rows with ``nomenklatur`` loaded, ``pagu(row)`` the figure, ``kunci(row)``
    the lokasi key. A node carrying several rows with different figures, or a child whose figure is unknown,
    says nothing (the difference could not be named)."""
    node: dict[tuple, list] = {}
    for b in baris:
        node.setdefault((b.nomenklatur_id, kunci(b)), []).append(b)
    nilai: dict[tuple, Decimal | None] = {}
    for k, daftar in node.items():
        berbeda = {pagu(b) for b in daftar}
        nilai[k] = berbeda.pop() if len(berbeda) == 1 else None
    anak: dict[tuple, list[tuple]] = {}
    for nomen_id, lokasi in node:
        induk = node[(nomen_id, lokasi)][0].nomenklatur.induk_id
        if induk is not None and (induk, lokasi) in node:
            anak.setdefault((induk, lokasi), []).append((nomen_id, lokasi))
    hasil = []
    for k, daftar_anak in anak.items():
        tertulis = nilai[k]
        rincian = [v for a in daftar_anak if (v := nilai[a]) is not None]
        if tertulis is None or len(rincian) < len(daftar_anak):
            continue
        jumlah: Decimal = sum(rincian, Decimal(0))
        if jumlah != tertulis:
            b = node[k][0]
            n = b.nomenklatur
            hasil.append(
                Temuan(
                    "total_tidak_sama",
                    n.kode,
                    n.uraian + (f" (Kelurahan {b.kelurahan.nama})" if b.kelurahan_id else ""),
                    f"Tertulis {_rp(tertulis)}, jumlah {len(rincian)} baris di bawahnya {_rp(jumlah)} "
                    f"(selisih {_rp(tertulis - jumlah)}).",
                    tautan(b),
                )
            )
    return hasil


def pemeriksaan_data(kecamatan: Kecamatan, tahun: int) -> list[Temuan]:
    """Every inconsistency of the kecamatan's year, grouped by kind (:data:`JENIS` order), then by kode."""
    grid = reverse("renja:realisasi", kwargs={"kode": kecamatan.kode, "tahun": tahun})
    tabel_2_4 = reverse(
        "laporan:laporan", kwargs={"kode": kecamatan.kode, "tahun": tahun, "slug": "renja-2.4"}
    )
    metode = metode_negatif_aktif()
    hasil: list[Temuan] = []
    anggaran = list(Anggaran.objects.untuk(kecamatan, tahun).select_related("nomenklatur", "kelurahan"))
    hasil += _total_tidak_sama(
        anggaran, lambda a: a.pagu, lambda a: (a.kelurahan_id, a.sumber_dana), lambda a: f"{grid}#a{a.pk}"
    )
    rkpd = list(RkpdReview.objects.untuk(kecamatan, tahun).select_related("nomenklatur", "kelurahan"))
    for kolom in ("pagu_rancangan", "pagu_kebutuhan"):
        hasil += _total_tidak_sama(
            [r for r in rkpd if getattr(r, kolom) is not None],
            lambda r, kolom=kolom: getattr(r, kolom),
            lambda r: r.kelurahan_id,
            lambda r: tabel_2_4,
        )
    for a in anggaran:
        n = a.nomenklatur
        uraian = n.uraian + (f" (Kelurahan {a.kelurahan.nama})" if a.kelurahan_id else "")
        tautan = f"{grid}#a{a.pk}"
        realisasi = a.realisasi_tahun
        if a.pagu is not None and realisasi is not None and realisasi > a.pagu:
            hasil.append(
                Temuan(
                    "melebihi_pagu",
                    n.kode,
                    uraian,
                    f"Realisasi {_rp(realisasi)} melebihi pagu {_rp(a.pagu)} sebesar {_rp(realisasi - a.pagu)}.",
                    tautan,
                )
            )
        triwulan = [v for v in a.realisasi_triwulan() if v is not None]
        if a.realisasi is not None and triwulan and sum(triwulan, Decimal(0)) != a.realisasi:
            hasil.append(
                Temuan(
                    "triwulan_tidak_sama",
                    n.kode,
                    uraian,
                    f"Jumlah TW I–IV {_rp(sum(triwulan, Decimal(0)))} tidak sama dengan realisasi setahun "
                    f"{_rp(a.realisasi)}; laporan memakai jumlah triwulan.",
                    tautan,
                )
            )
    for i in Indikator.objects.untuk(kecamatan, tahun).select_related("nomenklatur"):
        n = i.nomenklatur
        uraian = f"{n.uraian} — {i.uraian}"
        tautan = f"{grid}#i{i.pk}"
        realisasi = realisasi_indikator(i)
        target = i.target
        jenis_target = _jenis_nilai(target)
        lain = [
            v for v in (i.realisasi, *i.realisasi_triwulan()) if _jenis_nilai(v) not in (None, jenis_target)
        ]
        if jenis_target is not None and lain:
            hasil.append(
                Temuan(
                    "jenis_nilai_campur",
                    n.kode,
                    uraian,
                    f"Target berupa {_tulis_jenis(target)}, realisasi berupa {_tulis_jenis(lain[0])}: "
                    "capaian tidak dapat dihitung; tulis keduanya dengan jenis yang sama.",
                    tautan,
                )
            )
            continue
        if target is not None and target.angka is not None and target.angka.is_zero():
            hasil.append(
                Temuan("target_nol", n.kode, uraian, "Target 0: capaian tidak dapat dihitung.", tautan)
            )
        if realisasi.kosong:
            hasil.append(
                Temuan(
                    "indikator_kosong", n.kode, uraian, "Belum ada realisasi pada triwulan mana pun.", tautan
                )
            )
            continue
        capaian = capaian_kinerja(target, realisasi, i.polaritas, metode)
        if capaian is not None and capaian > CAPAIAN_TERLALU_TINGGI:
            hasil.append(
                Temuan(
                    "capaian_tinggi",
                    n.kode,
                    uraian,
                    f"Capaian {format_persen(capaian, suffix=True)} (target {target}, realisasi {realisasi}"
                    f"{' ' + i.satuan if i.satuan else ''}): periksa target dan realisasinya.",
                    tautan,
                )
            )
        terisi = [t for t in i.realisasi_triwulan() if not t.kosong]
        if i.realisasi is not None and not i.realisasi.kosong and terisi:
            dari_tw = nilai_tahunan(i.realisasi_triwulan(), i.sifat)
            if dari_tw != i.realisasi:
                hasil.append(
                    Temuan(
                        "triwulan_tidak_sama",
                        n.kode,
                        uraian,
                        f"Nilai tahunan dari TW I–IV ({dari_tw}) tidak sama dengan realisasi setahun "
                        f"({i.realisasi}); laporan memakai nilai triwulan.",
                        tautan,
                    )
                )
    urutan = list(JENIS)
    return sorted(hasil, key=lambda t: (urutan.index(t.jenis), t.kode))


def ringkas(temuan: list[Temuan]) -> list[tuple[str, str, list[Temuan]]]:
    """(kind, heading, findings) of each kind that has findings, in :data:`JENIS` order."""
    return [(k, judul, d) for k, judul in JENIS.items() if (d := [t for t in temuan if t.jenis == k])]


__all__ = ["CAPAIAN_TERLALU_TINGGI", "JENIS", "Temuan", "pemeriksaan_data", "ringkas"]
