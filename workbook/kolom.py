"""The sheets and columns of WORKBOOK.md, in processing order. Plain data, no Django imports.

Used by the importer (required columns), the exporter and the blank template (column order), and by
fixtures/build_fixtures.py.
"""

from collections.abc import Sequence
from typing import Any, NamedTuple

SHEETS: dict[str, dict[str, list[str]]] = {
    "wilayah": {
        "kolom": [
            "kode_kota",
            "nama_kota",
            "kode_kecamatan",
            "nama_kecamatan",
            "kode_kelurahan",
            "nama_kelurahan",
            "jumlah_rt_rw",
            "alamat_kantor",
            "nama_camat",
            "nip_camat",
        ],
        "wajib": ["kode_kecamatan", "nama_kecamatan"],
    },
    "nomenklatur": {
        "kolom": ["kode", "tingkat", "uraian", "kode_induk", "kelompok"],
        "wajib": ["kode", "tingkat", "uraian"],
    },
    "anggaran": {
        "kolom": [
            "tahun",
            "kode_kecamatan",
            "kode",
            "kode_kelurahan",
            "sumber_dana",
            "pagu",
            "realisasi",
            "realisasi_tw1",
            "realisasi_tw2",
            "realisasi_tw3",
            "realisasi_tw4",
        ],
        "wajib": ["tahun", "kode_kecamatan", "kode"],
    },
    "indikator": {
        "kolom": [
            "tahun",
            "kode_kecamatan",
            "kode",
            "indikator",
            "satuan",
            "target",
            "realisasi",
            "realisasi_tw1",
            "realisasi_tw2",
            "realisasi_tw3",
            "realisasi_tw4",
            "polaritas",
            "sifat",
            "urutan",
        ],
        "wajib": ["tahun", "kode_kecamatan", "kode", "indikator"],
    },
    "renstra": {
        "kolom": ["periode", "kode_kecamatan", "kode", "indikator", "target_akhir", "pagu_akhir"],
        "wajib": ["periode", "kode_kecamatan", "kode"],
    },
    "sasaran": {
        "kolom": [
            "tahun",
            "kode_kecamatan",
            "sasaran",
            "indikator",
            "satuan",
            "target",
            "realisasi",
            "polaritas",
            "formula",
        ],
        "wajib": ["tahun", "kode_kecamatan", "sasaran", "indikator"],
    },
    "rkpd": {
        "kolom": [
            "tahun",
            "kode_kecamatan",
            "kode",
            "kode_kelurahan",
            "indikator",
            "target_rancangan",
            "pagu_rancangan",
            "target_kebutuhan",
            "pagu_kebutuhan",
            "catatan",
        ],
        "wajib": ["tahun", "kode_kecamatan", "kode"],
    },
    "belanja": {
        "kolom": ["tahun", "kode_kecamatan", "jenis", "kode_kelurahan", "pagu", "realisasi", "keterangan"],
        "wajib": ["tahun", "kode_kecamatan", "jenis"],
    },
    "pegawai": {
        "kolom": [
            "tahun",
            "kode_kecamatan",
            "nama",
            "nip",
            "pangkat_golongan",
            "jabatan",
            "pendidikan",
            "eselon",
            "kode_kelurahan",
            "urutan",
        ],
        "wajib": ["tahun", "kode_kecamatan", "nama"],
    },
    "usulan": {
        "kolom": [
            "tahun",
            "kode_kecamatan",
            "kode",
            "uraian",
            "kode_kelurahan",
            "indikator",
            "volume",
            "catatan",
        ],
        "wajib": ["tahun", "kode_kecamatan", "uraian"],
    },
    "prioritas": {
        "kolom": [
            "tahun",
            "kode_kecamatan",
            "jenis",
            "uraian",
            "kode",
            "fokus",
            "indikator",
            "satuan",
            "target",
            "pagu",
            "sumber_dana",
            "instansi",
            "keterangan",
        ],
        "wajib": ["tahun", "kode_kecamatan", "jenis", "uraian"],
    },
}

#: Sheets whose rows carry the application's ``versi`` (the browser grid's optimistic lock). The export adds the
#: optional column ``versi`` after the columns above; hand-made workbooks may leave it out.
KOLOM_VERSI = "versi"
SHEET_BERVERSI = ("anggaran", "indikator", "belanja")

# Cells of these columns are text in the file (codes must never arrive as numbers).
KOLOM_TEKS = {
    "kode_kota",
    "kode_kecamatan",
    "kode_kelurahan",
    "kode",
    "kode_induk",
    "nip_camat",
    "nip",
    "periode",
    "target_rancangan",
    "target_kebutuhan",
    "volume",
}


class BarisEkspor(NamedTuple):
    """What a sheet's module gives the export: the rows (values by column) and the nomenklatur nodes they name,
    which the export writes with their ancestors to the nomenklatur sheet (so the file imports on its own)."""

    baris: list[dict[str, Any]]
    nomenklatur: Sequence[Any] = ()
