"""LKjIP report builders, registered with :mod:`core.laporan.registry` on import.

Each builder takes ``(kecamatan, tahun)`` and returns a :class:`~lkjip.reports._umum.TabelLkjip` (a
:class:`~core.laporan.tabel.Tabel` with optional charts and formulas to draw under it).
"""

from __future__ import annotations

from core.laporan.registry import Laporan, daftarkan

from ._umum import Gambar, TabelLkjip
from .keuangan import lkjip_keuangan
from .kinerja import lkjip_tabel_2_3, lkjip_tabel_3_2, lkjip_tabel_3_4
from .pegawai import lkjip_tabel_1_2, lkjip_tabel_1_3
from .rekap import lkjip_rekap
from .rumusan_indikator import renja_rumusan_indikator
from .tabel_1_1 import lkjip_tabel_1_1
from .tabel_2_1 import lkjip_tabel_2_1
from .tabel_2_2 import lkjip_tabel_2_2
from .tabel_3_1 import lkjip_tabel_3_1

__all__ = [
    "LAPORAN_LKJIP",
    "LAPORAN_RENJA_LKJIP",
    "Gambar",
    "TabelLkjip",
    "lkjip_keuangan",
    "lkjip_rekap",
    "lkjip_tabel_1_1",
    "lkjip_tabel_1_2",
    "lkjip_tabel_1_3",
    "lkjip_tabel_2_1",
    "lkjip_tabel_2_2",
    "lkjip_tabel_2_3",
    "lkjip_tabel_3_1",
    "lkjip_tabel_3_2",
    "lkjip_tabel_3_4",
    "renja_rumusan_indikator",
]

LAPORAN_LKJIP = [
    daftarkan(laporan)
    for laporan in (
        Laporan(
            "lkjip-1.1", "Tabel 1.1 Data Kelurahan", "LKjIP", "Tabel-1.1", lkjip_tabel_1_1, lanskap=False
        ),
        Laporan(
            "lkjip-1.2",
            "Tabel 1.2 Daftar Klasifikasi PNS",
            "LKjIP",
            "Tabel-1.2",
            lkjip_tabel_1_2,
            lanskap=False,
        ),
        Laporan(
            "lkjip-1.3",
            "Tabel 1.3 Kondisi SDM Aparatur",
            "LKjIP",
            "Tabel-1.3",
            lkjip_tabel_1_3,
            lanskap=False,
        ),
        Laporan(
            "lkjip-2.1",
            "Tabel 2.1 Perjanjian Kinerja",
            "LKjIP",
            "Tabel-2.1",
            lkjip_tabel_2_1,
            lanskap=False,
        ),
        Laporan(
            "lkjip-2.2",
            "Tabel 2.2 Program Kegiatan dan Pagu Anggaran",
            "LKjIP",
            "Tabel-2.2",
            lkjip_tabel_2_2,
            lanskap=False,
        ),
        Laporan(
            "lkjip-2.3",
            "Tabel 2.3 Rincian Program dan Kegiatan",
            "LKjIP",
            "Tabel-2.3",
            lkjip_tabel_2_3,
        ),
        Laporan("lkjip-3.1", "Tabel 3.1 Pengukuran Sasaran Strategis", "LKjIP", "Tabel-3.1", lkjip_tabel_3_1),
        Laporan("lkjip-3.2", "Tabel 3.2 Pengukuran Capaian Kinerja", "LKjIP", "Tabel-3.2", lkjip_tabel_3_2),
        Laporan(
            "lkjip-rekap",
            "Laporan Rekapitulasi Kemajuan Pelaksanaan Kegiatan",
            "LKjIP",
            "Rekap-Kemajuan",
            lkjip_rekap,
        ),
        Laporan(
            "lkjip-keuangan", "Akuntabilitas Keuangan", "LKjIP", "Akuntabilitas-Keuangan", lkjip_keuangan
        ),
        Laporan(
            "lkjip-3.4",
            "Tabel 3.4 Perbandingan Realisasi dan Capaian Kinerja",
            "LKjIP",
            "Tabel-3.4",
            lkjip_tabel_3_4,
        ),
    )
]

#: Renja tables that need the sasaran (lkjip) as well as the program tree, so they live here.
LAPORAN_RENJA_LKJIP = [
    daftarkan(
        Laporan(
            "renja-rumusan-indikator",
            "Rumusan dan Definisi Operasional Indikator",
            "Renja",
            "Rumusan-Indikator",
            renja_rumusan_indikator,
        )
    )
]
