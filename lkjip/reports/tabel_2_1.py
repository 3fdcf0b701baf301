"""LKjIP Tabel 2.1 Perjanjian Kinerja: sasaran, indikator sasaran, target. Two queries."""

from __future__ import annotations

from django.db.models import Prefetch

from core.laporan.tabel import Baris, Kepala, Kolom
from core.nilai import KOSONG
from lkjip.models import IndikatorSasaran, Sasaran
from wilayah.models import Kecamatan

from ._umum import TabelLkjip, judul_kecamatan


def sasaran_tahun(kecamatan: Kecamatan, tahun: int) -> list[Sasaran]:
    """The year's sasaran with their indicators in order (two queries)."""
    return list(
        Sasaran.objects.untuk(kecamatan, tahun)
        .order_by("urutan", "id")
        .prefetch_related(Prefetch("indikator_set", IndikatorSasaran.objects.order_by("urutan", "id")))
    )


def lkjip_tabel_2_1(kecamatan: Kecamatan, tahun: int, **_opsi: object) -> TabelLkjip:
    baris: list[Baris] = []
    for no, s in enumerate(sasaran_tahun(kecamatan, tahun), start=1):
        indikator = list(s.indikator_set.all()) or [None]
        for i, ind in enumerate(indikator):
            sel = {
                "indikator": ind.uraian if ind else None,
                "target": (ind.target or KOSONG) if ind else None,
                "satuan": ind.satuan if ind else None,
            }
            if i == 0:
                sel.update(no=str(no), sasaran=s.uraian)
            baris.append(
                Baris(
                    "kegiatan" if i == 0 else "indikator",
                    sel,
                    id=f"s{s.pk}" if i == 0 else "",
                    induk="" if i == 0 else f"s{s.pk}",
                )
            )
    return TabelLkjip(
        judul=[
            f"Tabel 2.1 Perjanjian Kinerja Tahun {tahun}",
            judul_kecamatan(kecamatan, tahun),
        ],
        kepala=[
            Kepala("No", (Kolom("no", "", "teks", 5),), "(1)"),
            Kepala("Sasaran Strategis", (Kolom("sasaran", "", "teks", 36),), "(2)"),
            Kepala("Indikator Sasaran", (Kolom("indikator", "", "teks", 36),), "(3)"),
            Kepala(
                "Target",
                (Kolom("target", "Nilai", "nilai", 10), Kolom("satuan", "Satuan", "teks", 8)),
                "(4)",
            ),
        ],
        baris=baris,
    )
