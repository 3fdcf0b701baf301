"""Sheet 8 ``belanja``: import (preview old → new, versi conflicts, document lock, audit reason), export with
versi, the blank template, the round trip, and malformed rows refused with messages."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from dokumen.models import Dokumen, StatusDokumen
from renja.models import Belanja
from renja.services import BELANJA, isian_simpan
from workbook.ekspor import workbook_ekspor, workbook_templat
from workbook.impor import workbook_impor
from workbook.lembar import Perubahan

from ..conftest import buat_xlsx
from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db

JUDUL = ["tahun", "kode_kecamatan", "jenis", "kode_kelurahan", "pagu", "realisasi", "keterangan"]


def _impor(tmp_path, *baris, judul=JUDUL, **opsi):
    path = buat_xlsx({"belanja": [judul, *baris]}, tmp_path / "belanja.xlsx")
    return workbook_impor(path, **opsi)


def test_impor_membuat_baris_kecamatan_dan_kelurahan(tmp_path):
    d = dua_kecamatan()
    hasil = _impor(
        tmp_path,
        [2020, "36.73.03", "belanja pegawai", None, "9.633.391.315", 8772869202, "formasi tidak terpenuhi"],
        [2020, "36.73.03", "belanja pegawai", "36.73.03.1001", 1000, "-", None],
    )
    assert hasil.pesan_galat() == [] and hasil.ringkasan() == "created=2 updated=0 unchanged=0 errors=0"
    kantor = Belanja.objects.get(kelurahan=None)
    assert kantor.pagu == Decimal("9633391315.00") and kantor.realisasi == Decimal(8772869202)
    assert kantor.keterangan == "formasi tidak terpenuhi" and kantor.kecamatan == d["a"]
    kel = Belanja.objects.get(kelurahan=d["kel"])
    assert kel.pagu == Decimal(1000) and kel.realisasi is None  # "-" is no value, never 0
    assert kantor.history.latest().history_change_reason == "Impor workbook"
    # the same workbook again changes nothing
    assert _impor(
        tmp_path,
        [2020, "36.73.03", "belanja pegawai", None, 9633391315, 8772869202, "formasi tidak terpenuhi"],
    ).ringkasan() == ("created=0 updated=0 unchanged=1 errors=0")


def test_pratinjau_menunjukkan_lama_ke_baru_tanpa_menulis(tmp_path):
    d = dua_kecamatan()
    Belanja.objects.create(tahun=2020, kecamatan=d["a"], jenis="belanja pegawai", pagu=100, realisasi=50)
    hasil = _impor(tmp_path, [2020, "36.73.03", "Belanja  Pegawai", None, 100, 80, None], dry_run=True)
    assert hasil.berhasil and hasil.ringkasan() == "created=0 updated=1 unchanged=0 errors=0"
    assert hasil.perubahan == [Perubahan("belanja", 2, "realisasi", "50", "80")]
    assert Belanja.objects.get().realisasi == 50  # a preview writes nothing


def test_baris_salah_ditolak_dengan_pesan_dan_tidak_ada_yang_ditulis(tmp_path):
    dua_kecamatan()
    hasil = _impor(
        tmp_path,
        [2020, "36.73.03", None, None, 1, 1, None],
        [1999, "36.73.03", "belanja pegawai", None, 1, 1, None],
        [2020, "36.73.99", "belanja pegawai", None, 1, 1, None],
        [2020, "36.73.03", "belanja pegawai", "36.73.01.1001", 1, 1, None],
        [2020, "36.73.03", "belanja barang", None, "-5", "abc", None],
        [2020, "36.73.03", "belanja modal", None, 10, 20, None],
        [2020, "36.73.03", "belanja pegawai", None, 1, 1, None],
        [2020, "36.73.03", "BELANJA PEGAWAI", None, 1, 1, None],
        [2020, 3673, "belanja hibah", None, 1, 1, None],
    )
    pesan = "\n".join(hasil.pesan_galat())
    assert "baris 2, kolom jenis (C): wajib diisi." in pesan
    assert "baris 3, kolom tahun (A): tidak boleh kurang dari 2000" in pesan
    assert "baris 4, kolom kode_kecamatan (B): kecamatan '36.73.99' tidak dikenal" in pesan
    assert "baris 5, kolom kode_kelurahan (D): kelurahan '36.73.01.1001' tidak dikenal" in pesan
    assert "baris 6, kolom pagu (E): nilai Rupiah tidak boleh negatif" in pesan
    assert "baris 6, kolom realisasi (F)" in pesan
    assert "baris 7, kolom realisasi (F): realisasi Rp 20 melebihi pagu Rp 10" in pesan
    assert "baris 9: baris ganda: kuncinya sama dengan baris 8." in pesan
    assert "baris 10, kolom kode_kecamatan (B): kode tersimpan sebagai angka" in pesan
    assert not Belanja.objects.exists()


def test_kolom_wajib_hilang(tmp_path):
    dua_kecamatan()
    hasil = _impor(tmp_path, [2020, "36.73.03", 1], judul=["tahun", "kode_kecamatan", "pagu"])
    assert hasil.pesan_galat() == ["Sheet 'belanja', baris 1: kolom wajib tidak ada: jenis."]


def test_melebihi_pagu_diterima_bila_diakui_dan_dicatat(tmp_path):
    dua_kecamatan()
    hasil = _impor(tmp_path, [2020, "36.73.03", "belanja modal", None, 10, 20, None], akui_melebihi_pagu=True)
    assert hasil.berhasil and any("melebihi pagu" in p for p in hasil.peringatan)
    assert "melebihi pagu" in Belanja.objects.get().history.latest().history_change_reason


def test_ekspor_templat_dan_pulang_pergi_tidak_mengubah_apa_pun(tmp_path):
    d = dua_kecamatan()
    op = d["users"]["operator_a"]
    isian_simpan(
        BELANJA,
        d["a"],
        2020,
        obj=None,
        versi=None,
        user=op,
        nilai={
            "jenis": "belanja pegawai",
            "kelurahan": None,
            "pagu": Decimal(9633391315),
            "realisasi": Decimal(8772869202),
            "keterangan": "=SUM(A1)",
        },
    )
    isian_simpan(
        BELANJA,
        d["a"],
        2020,
        obj=None,
        versi=None,
        user=op,
        nilai={
            "jenis": "belanja pegawai",
            "kelurahan": d["kel"],
            "pagu": None,
            "realisasi": Decimal("0.5"),
            "keterangan": "",
        },
    )
    data = workbook_ekspor(d["a"], tahun=2020)
    ws = load_workbook(io.BytesIO(data))["belanja"]
    assert [c.value for c in ws[1]] == [*JUDUL, "versi"]
    baris = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert baris[0][:4] == [2020, "36.73.03", "belanja pegawai", None] and baris[0][4] == 9633391315
    assert baris[0][6] == "=SUM(A1)" and ws.cell(row=2, column=7).data_type == "s"  # text, never a formula
    assert baris[1][3] == "36.73.03.1001" and baris[1][4] is None and baris[1][5] == 0.5
    sebelum = list(Belanja.objects.order_by("pk").values())
    path = tmp_path / "ekspor.xlsx"
    path.write_bytes(data)
    hasil = workbook_impor(path)
    assert hasil.pesan_galat() == [] and hasil.jumlah["created"] == hasil.jumlah["updated"] == 0
    assert hasil.per_sheet["belanja"]["unchanged"] == 2
    assert list(Belanja.objects.order_by("pk").values()) == sebelum

    templat = load_workbook(io.BytesIO(workbook_templat()))
    assert [c.value for c in templat["belanja"][1]] == JUDUL and templat["belanja"].max_row == 1
    assert templat.sheetnames.index("belanja") == templat.sheetnames.index("rkpd") + 1


def test_versi_lama_ditolak_kecuali_ditimpa(tmp_path):
    d = dua_kecamatan()
    op = d["users"]["operator_a"]
    b = isian_simpan(
        BELANJA,
        d["a"],
        2020,
        obj=None,
        versi=None,
        user=op,
        nilai={
            "jenis": "belanja pegawai",
            "kelurahan": None,
            "pagu": Decimal(100),
            "realisasi": None,
            "keterangan": "",
        },
    )
    path = tmp_path / "ekspor.xlsx"
    path.write_bytes(workbook_ekspor(d["a"], tahun=2020))
    isian_simpan(BELANJA, d["a"], 2020, obj=b, versi=0, user=op, nilai={"realisasi": Decimal(60)})
    hasil = workbook_impor(path)
    [pesan] = hasil.pesan_galat()
    assert (
        "Sheet 'belanja', baris 2, kolom versi (H): diubah di aplikasi setelah workbook ini diekspor" in pesan
    )
    assert "realisasi: 60 di aplikasi, kosong di workbook" in pesan
    assert Belanja.objects.get().realisasi == 60
    hasil = workbook_impor(path, timpa_versi=True)
    assert hasil.berhasil and Belanja.objects.get().realisasi is None
    assert "menimpa perubahan yang lebih baru" in Belanja.objects.get().history.latest().history_change_reason


def test_dokumen_diajukan_mengunci_baris(tmp_path):
    d = dua_kecamatan()
    Belanja.objects.create(tahun=2020, kecamatan=d["a"], jenis="belanja pegawai", pagu=100)
    Dokumen.objects.create(kecamatan=d["a"], tahun=2020, jenis="lkjip", status=StatusDokumen.DIAJUKAN)
    baris = [2020, "36.73.03", "belanja pegawai", None, 100, 90, None]
    hasil = _impor(tmp_path, baris)
    [pesan] = hasil.pesan_galat()
    assert "baris ini termasuk dokumen LKjIP 2020 yang sudah diajukan" in pesan
    assert Belanja.objects.get().realisasi is None
    hasil = _impor(tmp_path, baris, timpa_kunci=True)
    assert hasil.berhasil and Belanja.objects.get().realisasi == 90
    assert "termasuk dokumen" in Belanja.objects.get().history.latest().history_change_reason
    # an unchanged row behind the lock is fine (re-importing the same workbook)
    assert _impor(tmp_path, baris).berhasil
