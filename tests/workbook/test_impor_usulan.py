"""Workbook sheets 10 ``usulan`` and 11 ``prioritas``: import, re-import, errors per cell, export round trip,
blank template, rows behind a diajukan document."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from dokumen.models import Dokumen
from renja.models import Nomenklatur, Prioritas, Usulan
from wilayah.models import Kecamatan
from workbook.ekspor import workbook_ekspor, workbook_templat
from workbook.impor import workbook_impor
from workbook.kolom import SHEETS

pytestmark = pytest.mark.django_db

WILAYAH = [
    ["kode_kota", "nama_kota", "kode_kecamatan", "nama_kecamatan", "kode_kelurahan", "nama_kelurahan"],
    ["36.73", "Kota Serang", "36.73.01", "Serang", None, None],
    ["36.73", None, "36.73.01", "Serang", "36.73.01.1001", "Cipare"],
    ["36.73", None, "36.73.01", "Serang", "36.73.01.1002", "Kagungan"],
    ["36.73", None, "36.73.03", "Walantaka", "36.73.03.1001", "Walantaka"],
]
NOMENKLATUR = [
    ["kode", "tingkat", "uraian", "kode_induk"],
    ["7", "urusan", "URUSAN PEMERINTAHAN UMUM", None],
    ["7.01", "bidang_urusan", "KEWILAYAHAN", "7"],
    ["7.01.01", "program", "PROGRAM PENUNJANG URUSAN", "7.01"],
    ["7.01.01.2.01", "kegiatan", "Pemberdayaan Masyarakat", "7.01.01"],
]
USULAN = [SHEETS["usulan"]["kolom"]]
USULAN += [
    [2022, "36.73.01", "7.01.01.2.01", "Rehab posyandu", "36.73.01.1001", "Jumlah posyandu", "1 unit", None],
    [2022, "36.73.01", None, "Pembangunan TPT", "36.73.01.1002", "Panjang TPT", "100 m", "Rawan longsor"],
    [2022, "36.73.01", None, "Pembangunan TPT", "36.73.01.1001", None, 5, None],
    [2022, "36.73.01", None, "Forum warga", None, None, None, None],
]
PRIORITAS = [SHEETS["prioritas"]["kolom"]]
PRIORITAS += [
    [2022, "36.73.01", "unggulan", "Pembangunan kampung tematik", None, "Kampung", None, None, None, "Rp 100.000.000", None, None, None],
    [2022, "36.73.01", "Mendesak", "Penataan PKL", None, None, None, None, None, None, None, None, "tahap 1"],
    [2022, "36.73.01", "pendapatan", "Retribusi", "4.1.02.01", None, None, None, None, "1.500.000", None, None, None],
    [2022, "36.73.01", "kl", "Jalan lingkungan", "7.01.01", None, "Panjang jalan", "km", 2, 750000000, "APBN", "Kementerian PUPR", None],
    [2022, "36.73.01", "provinsi", "Bantuan keuangan", None, None, None, None, None, "-", "APBD Prov", "Dinas PUPR Provinsi", None],
]  # fmt: skip


def _lembar(**tambah) -> dict:
    return {
        "wilayah": WILAYAH,
        "nomenklatur": NOMENKLATUR,
        "usulan": USULAN,
        "prioritas": PRIORITAS,
        **tambah,
    }


def test_impor_usulan_dan_prioritas_lalu_impor_ulang_tidak_mengubah(xlsx):
    path = xlsx(_lembar())
    hasil = workbook_impor(path)
    assert hasil.pesan_galat() == []
    assert hasil.per_sheet["usulan"]["created"] == 4
    assert hasil.per_sheet["prioritas"]["created"] == 5

    posyandu = Usulan.objects.get(uraian="Rehab posyandu")
    assert posyandu.nomenklatur.kode == "7.01.01.2.01" and posyandu.kelurahan.nama == "Cipare"
    assert posyandu.volume == "1 unit" and posyandu.tahun == 2022
    assert Usulan.objects.filter(uraian="Pembangunan TPT").count() == 2  # one per kelurahan (the key)
    assert Usulan.objects.get(uraian="Pembangunan TPT", kelurahan__nama="Cipare").volume == "5"
    assert [u.uraian for u in Usulan.objects.order_by("urutan")] == [
        "Rehab posyandu",
        "Pembangunan TPT",
        "Pembangunan TPT",
        "Forum warga",
    ]

    tematik = Prioritas.objects.get(uraian="Pembangunan kampung tematik")
    assert tematik.jenis == "unggulan" and tematik.pagu == Decimal(100000000) and tematik.fokus == "Kampung"
    assert Prioritas.objects.get(uraian="Penataan PKL").pagu is None  # blank: unknown, not 0
    retribusi = Prioritas.objects.get(jenis="pendapatan")
    assert (
        retribusi.kode_akun == "4.1.02.01" and retribusi.nomenklatur is None and retribusi.kode == "4.1.02.01"
    )
    jalan = Prioritas.objects.get(jenis="kl")
    assert jalan.nomenklatur.kode == "7.01.01" and jalan.target == "2" and jalan.sumber_dana == "APBN"
    bantuan = Prioritas.objects.get(jenis="provinsi")
    assert bantuan.sumber_dana == "APBD Provinsi" and bantuan.pagu is None
    assert Usulan.history.count() == 4  # every row has its audit trail

    ulang = workbook_impor(path)
    assert ulang.per_sheet["usulan"] == {"unchanged": 4}
    assert ulang.per_sheet["prioritas"] == {"unchanged": 5}


def test_impor_ulang_memperbarui_di_tempat_dan_pratinjau_menyebut_sel(xlsx):
    workbook_impor(xlsx(_lembar()))
    ubah = [list(r) for r in PRIORITAS]
    ubah[2][9] = "2.000.000"  # Penataan PKL: pagu now known
    hasil = workbook_impor(xlsx(_lembar(prioritas=ubah)), dry_run=True)
    assert hasil.per_sheet["prioritas"] == {"updated": 1, "unchanged": 4}
    assert [(p.kolom, p.lama, p.baru) for p in hasil.perubahan] == [("pagu", "kosong", "2.000.000")]
    assert Prioritas.objects.get(uraian="Penataan PKL").pagu is None  # a dry run writes nothing
    workbook_impor(xlsx(_lembar(prioritas=ubah)))
    assert Prioritas.objects.get(uraian="Penataan PKL").pagu == Decimal(2000000)
    assert Prioritas.objects.count() == 5


def test_baris_salah_semua_galat_sekaligus_dan_tidak_ada_yang_ditulis(xlsx):
    usulan = [
        USULAN[0],
        [2022, "36.73.01", "9.99", "Kode tak dikenal", None, None, None, None],
        [2022, "36.73.01", None, "Kelurahan lain", "36.73.03.1001", None, None, None],
        [2022, "36.73.01", None, None, None, "tanpa uraian", None, None],
        [2022, "36.73.01", 701, "Kode angka", None, None, None, None],
        [2022, "36.73.01", "7", "Kode urusan", None, None, None, None],
        [2022, "36.73.01", None, "Ganda", None, None, None, None],
        [2022, "36.73.01", None, "Ganda", None, None, None, None],
        [2022, "36.73.09", None, "Kecamatan tak dikenal", None, None, None, None],
    ]
    prioritas = [
        PRIORITAS[0],
        [2022, "36.73.01", "andalan", "Jenis salah", None, None, None, None, None, None, None, None, None],
        [2022, "36.73.01", None, "Tanpa jenis", None, None, None, None, None, None, None, None, None],
        [2022, "36.73.01", "kl", "Sumber salah", None, None, None, None, None, None, "DAU-T", None, None],
        [2022, "36.73.01", "unggulan", "Pagu negatif", None, None, None, None, None, "-5", None, None, None],
        [
            2022,
            "36.73.01",
            "unggulan",
            "Pagu huruf",
            None,
            None,
            None,
            None,
            None,
            "banyak",
            None,
            None,
            None,
        ],
        [2022, "36.73.01", "provinsi", "Kode salah", "1.2.3", None, None, None, None, None, None, None, None],
    ]
    hasil = workbook_impor(xlsx(_lembar(usulan=usulan, prioritas=prioritas)))
    pesan = hasil.pesan_galat()
    assert not hasil.berhasil
    harap = [
        ("usulan", 2, "kode", "kode '9.99' tidak ada di nomenklatur"),
        ("usulan", 3, "kode_kelurahan", "bukan bagian dari Kecamatan Serang"),
        ("usulan", 4, "uraian", "wajib diisi"),
        ("usulan", 5, "kode", "kode tersimpan sebagai angka"),
        ("usulan", 6, "kode", "adalah urusan"),
        ("usulan", 8, None, "baris ganda: kuncinya sama dengan baris 7"),
        ("usulan", 9, "kode_kecamatan", "kecamatan '36.73.09' tidak dikenal"),
        ("prioritas", 2, "jenis", "'andalan' tidak dikenal"),
        ("prioritas", 3, "jenis", "wajib diisi"),
        ("prioritas", 4, "sumber_dana", "isi APBN atau APBD Prov"),
        ("prioritas", 5, "pagu", "tidak boleh negatif"),
        ("prioritas", 6, "pagu", ""),
        ("prioritas", 7, "kode", "kode '1.2.3' tidak ada di nomenklatur"),
    ]
    for sheet, baris, kolom, teks in harap:
        cocok = [
            g
            for g in hasil.galat
            if g.sheet == sheet and g.baris == baris and g.kolom == kolom and teks in g.pesan
        ]
        assert cocok, (sheet, baris, kolom, teks, pesan)
    assert hasil.errors == len(harap)
    assert not Usulan.objects.exists() and not Prioritas.objects.exists() and not Kecamatan.objects.exists()


def test_ekspor_lalu_impor_ke_basis_data_kosong_sama_persis(xlsx):
    workbook_impor(xlsx(_lembar()))
    kec = Kecamatan.objects.get(kode="36.73.01")
    data = workbook_ekspor(kec, 2022)
    wb = load_workbook(io.BytesIO(data))
    assert [c.value for c in wb["usulan"][1]] == SHEETS["usulan"]["kolom"]
    assert [c.value for c in wb["prioritas"][1]] == SHEETS["prioritas"]["kolom"]
    assert wb["usulan"].max_row == 5 and wb["prioritas"].max_row == 6
    # the nomenklatur sheet carries the codes the rows use, with their parents
    kode = {r[0] for r in wb["nomenklatur"].iter_rows(min_row=2, values_only=True)}
    assert {"7", "7.01", "7.01.01", "7.01.01.2.01"} <= kode

    def isi() -> tuple[list, list]:
        return (
            sorted(
                Usulan.objects.values_list(
                    "tahun", "kecamatan__kode", "nomenklatur__kode", "uraian", "kelurahan__kode", "indikator",
                    "volume", "catatan", "urutan",
                ),
                key=str,
            ),
            sorted(
                Prioritas.objects.values_list(
                    "tahun", "kecamatan__kode", "jenis", "uraian", "kode_akun", "nomenklatur__kode", "fokus",
                    "indikator", "satuan", "target", "pagu", "sumber_dana", "instansi", "keterangan", "urutan",
                ),
                key=str,
            ),
        )  # fmt: skip

    sebelum = isi()
    ulang = workbook_impor(io.BytesIO(data))
    assert ulang.per_sheet["usulan"] == {"unchanged": 4} and ulang.per_sheet["prioritas"] == {"unchanged": 5}
    Usulan.objects.all().delete()
    Prioritas.objects.all().delete()
    hasil = workbook_impor(io.BytesIO(data))
    assert hasil.pesan_galat() == []
    assert isi() == sebelum


def test_templat_kosong_memuat_sheet_usulan_dan_prioritas():
    wb = load_workbook(io.BytesIO(workbook_templat()))
    for nama in ("usulan", "prioritas"):
        assert [c.value for c in wb[nama][1]] == SHEETS[nama]["kolom"]
        assert wb[nama].max_row == 1
    assert wb.sheetnames.index("usulan") < wb.sheetnames.index("prioritas")


def test_baris_dokumen_renja_diajukan_ditolak_kecuali_timpa_kunci(xlsx):
    workbook_impor(xlsx(_lembar()))
    kec = Kecamatan.objects.get(kode="36.73.01")
    Dokumen.objects.create(kecamatan=kec, tahun=2022, jenis="renja", status="diajukan")
    ubah = [list(r) for r in USULAN]
    ubah[1][6] = "2 unit"
    hasil = workbook_impor(xlsx({"usulan": ubah}))
    assert hasil.pesan_galat() == [
        (
            "Sheet 'usulan', baris 2: baris ini termasuk dokumen Renja 2022 yang sudah diajukan; isinya tidak dapat "
            "diubah. Minta dokumen dikembalikan atau dibuka revisi baru, atau admin Bappeda mencentang 'timpa data "
            "yang terkunci' (web) / --timpa-kunci (baris perintah)."
        )
    ]
    assert Usulan.objects.get(uraian="Rehab posyandu").volume == "1 unit"
    hasil = workbook_impor(xlsx({"usulan": ubah}), timpa_kunci=True)
    assert hasil.berhasil
    posyandu = Usulan.objects.get(uraian="Rehab posyandu")
    assert posyandu.volume == "2 unit"
    assert "diajukan" in posyandu.history.latest().history_change_reason


def test_kode_kosong_menghapus_kaitan_nomenklatur_kolom_absen_membiarkannya(xlsx):
    workbook_impor(xlsx(_lembar()))
    tanpa_kolom_kode = [[c for i, c in enumerate(r) if i != 2] for r in USULAN]
    assert workbook_impor(xlsx({"usulan": tanpa_kolom_kode})).berhasil
    assert Usulan.objects.get(uraian="Rehab posyandu").nomenklatur == Nomenklatur.objects.get(
        kode="7.01.01.2.01"
    )
    kosong = [list(r) for r in USULAN]
    kosong[1][2] = None
    assert workbook_impor(xlsx({"usulan": kosong})).berhasil
    assert Usulan.objects.get(uraian="Rehab posyandu").nomenklatur is None


def test_jejak_audit_tahun_memuat_usulan_dan_prioritas(xlsx):
    from dokumen.selectors import riwayat_tahun

    workbook_impor(xlsx(_lembar()))
    kec = Kecamatan.objects.get(kode="36.73.01")
    objek = {p.objek for p in riwayat_tahun(kec, 2022)}
    assert "Usulan: Rehab posyandu · Cipare" in objek
    assert "Program unggulan: Pembangunan kampung tematik" in objek
    assert "Renja K/L (APBN): Jalan lingkungan" in objek
