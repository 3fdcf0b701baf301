"""Renja report builders (one module per table), registered for the report view and ``export_report``."""

from core.laporan.registry import Laporan, daftarkan

from .evaluasi import renja_evaluasi
from .rencana import renja_rencana
from .tabel_2_1 import renja_tabel_2_1
from .tabel_2_4 import renja_tabel_2_4
from .usulan import (
    renja_tabel_2_5,
    renja_tabel_4_1,
    renja_tabel_kl,
    renja_tabel_mendesak,
    renja_tabel_provinsi,
    renja_tabel_unggulan,
)

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

for _slug, _judul, _berkas, _pembangun, _lanskap in (
    (
        "renja-2.5",
        "Tabel 2.5 Usulan Program/Kegiatan/Sub Kegiatan dari Para Pemangku Kepentingan",
        "Tabel-2.5",
        renja_tabel_2_5,
        True,
    ),
    (
        "renja-4.1",
        "Tabel 4.1 Rumusan Rencana Pendapatan Perangkat Daerah",
        "Tabel-4.1",
        renja_tabel_4_1,
        False,
    ),
    (
        "renja-4.2-unggulan",
        "Tabel 4.2 Rencana Program Unggulan",
        "Tabel-4.2-Unggulan",
        renja_tabel_unggulan,
        False,
    ),
    (
        "renja-4.2-mendesak",
        "Tabel 4.3 Rencana Program Mendesak",
        "Tabel-4.3-Mendesak",
        renja_tabel_mendesak,
        False,
    ),
    ("renja-4.3-kl", "Tabel 4.4 Usulan pada Renja K/L (APBN)", "Tabel-4.4-Renja-KL", renja_tabel_kl, True),
    (
        "renja-4.3-provinsi",
        "Tabel 4.5 Usulan pada Renja PD Provinsi (APBD Prov)",
        "Tabel-4.5-Renja-Provinsi",
        renja_tabel_provinsi,
        True,
    ),
):
    daftarkan(
        Laporan(
            slug=_slug,
            judul=_judul,
            dokumen="Renja",
            nama_berkas=_berkas,
            pembangun=_pembangun,
            lanskap=_lanskap,
        )
    )
