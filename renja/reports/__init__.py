"""Renja report builders (one module per table), registered for the report view and ``export_report``."""

from core.laporan.registry import Laporan, daftarkan

from .evaluasi import renja_evaluasi
from .rencana import renja_rencana
from .tabel_2_1 import renja_tabel_2_1
from .tabel_2_4 import renja_tabel_2_4

daftarkan(
    Laporan(
        slug="renja-2.1",
        judul="Tabel 2.1 Rekapitulasi Evaluasi Hasil Pelaksanaan Renja dan Pencapaian Renstra",
        dokumen="Renja",
        nama_berkas="Tabel-2.1",
        pembangun=renja_tabel_2_1,
    )
)
daftarkan(
    Laporan(
        slug="renja-2.4",
        judul="Tabel 2.4 Review terhadap Rancangan Awal RKPD",
        dokumen="Renja",
        nama_berkas="Tabel-2.4",
        pembangun=renja_tabel_2_4,
    )
)
daftarkan(
    Laporan(
        slug="renja-rencana",
        judul="Rencana Program, Kegiatan dan Sub Kegiatan (T-C.33)",
        dokumen="Renja",
        nama_berkas="Rencana-Program",
        pembangun=renja_rencana,
    )
)
daftarkan(
    Laporan(
        slug="renja-evaluasi",
        judul="Evaluasi Hasil Renja per Triwulan",
        dokumen="Renja",
        nama_berkas="Evaluasi-Triwulan",
        pembangun=renja_evaluasi,
        pakai_triwulan=True,
    )
)
