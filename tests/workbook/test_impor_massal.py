"""The import writes in bulk (workbook.penulis): one history record per written row with the import's reason
and user, rows that point to rows created earlier in the same sheet, a constant number of queries per sheet
whatever the number of rows, a re-import of an unchanged workbook that writes nothing, a refused bulk write that
names its row and leaves nothing behind; and the fast reader (python-calamine) reads what openpyxl reads."""

from __future__ import annotations

import io
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from simple_history.models import HistoricalRecords

from core.angka import format_angka
from lkjip.models import IndikatorSasaran, Sasaran
from renja.models import Anggaran, Nomenklatur
from wilayah.akun import pengguna_simpan
from wilayah.models import Kecamatan, Kelurahan, Kota, Peran
from workbook import berkas, penulis
from workbook.impor import workbook_impor
from workbook.lembar import ALASAN, tampil

from .test_impor_dasar import ANGGARAN, NOMENKLATUR, WILAYAH

pytestmark = pytest.mark.django_db

POHON = [
    ["kode", "tingkat", "uraian", "kode_induk", "kelompok"],
    ["7", "urusan", "URUSAN KEWILAYAHAN", None, None],
    ["7.01", "bidang_urusan", "KECAMATAN", None, None],
    ["7.01.01", "program", "PROGRAM PENUNJANG", None, None],
    ["7.01.01.2.01", "kegiatan", "Perencanaan", None, None],
    ["7.01.01.2.01.0001", "sub_kegiatan", "Penyusunan Renja", None, None],
    ["7.01.01.2.01.0002", "sub_kegiatan", "Evaluasi Renja", "7.01.01.2.01", None],
]
SASARAN = [
    ["tahun", "kode_kecamatan", "sasaran", "indikator", "satuan", "target", "realisasi"],
    [2020, "36.73.03", "Meningkatnya akuntabilitas", "Nilai LKjIP", "Nilai", "B", "BB"],
    [2020, "36.73.03", "Meningkatnya akuntabilitas", "Nilai SAKIP", "Nilai", "B", "B"],
    [2020, "36.73.03", "Meningkatnya pelayanan", "Nilai LKjIP", "%", "80", "85"],
]


def _kueri(fungsi):
    """(the function's result, the SQL it ran)."""
    with CaptureQueriesContext(connection) as q:
        hasil = fungsi()
    return hasil, [x["sql"] for x in q.captured_queries]


def test_pohon_wilayah_dan_sasaran_yang_baru_di_berkas_yang_sama(xlsx):
    hasil = workbook_impor(xlsx({"wilayah": WILAYAH, "nomenklatur": POHON, "sasaran": SASARAN}))
    assert hasil.pesan_galat() == []
    assert hasil.per_sheet["nomenklatur"]["created"] == 6
    node = Nomenklatur.objects.select_related("induk__induk__induk__induk").get(kode="7.01.01.2.01.0001")
    assert [node.induk.kode, node.induk.induk.kode, node.induk.induk.induk.kode] == [
        "7.01.01.2.01",
        "7.01.01",
        "7.01",
    ]
    assert Nomenklatur.objects.get(kode="7.01.01.2.01.0002").induk.kode == "7.01.01.2.01"
    assert Nomenklatur.objects.get(kode="7").induk is None
    kec = Kecamatan.objects.get(kode="36.73.03")
    assert kec.kota == Kota.objects.get(kode="36.73")
    assert set(Kelurahan.objects.filter(kecamatan=kec).values_list("kode", flat=True)) == {
        "36.73.03.1001",
        "36.73.03.1002",
    }
    akuntabilitas = Sasaran.objects.get(uraian="Meningkatnya akuntabilitas")
    assert list(
        IndikatorSasaran.objects.filter(sasaran=akuntabilitas)
        .order_by("urutan")
        .values_list("uraian", "urutan")
    ) == [("Nilai LKjIP", 1), ("Nilai SAKIP", 2)]
    assert IndikatorSasaran.objects.get(sasaran__uraian="Meningkatnya pelayanan").urutan == 1
    # the preview names the parent of a node whose parent is new in the same sheet
    assert any(p.baris == 6 and p.kolom == "kode_induk" and p.baru == "7.01.01.2.01" for p in hasil.perubahan)
    assert workbook_impor(
        xlsx({"wilayah": WILAYAH, "nomenklatur": POHON, "sasaran": SASARAN})
    ).ringkasan() == ("created=0 updated=0 unchanged=12 errors=0")


def test_satu_catatan_riwayat_per_baris_yang_ditulis_dengan_alasan_dan_pengguna(xlsx):
    bappeda = pengguna_simpan("bappeda", Peran.BAPPEDA, password="sandi-uji-123")
    path = xlsx({"wilayah": WILAYAH, "nomenklatur": NOMENKLATUR, "anggaran": ANGGARAN})
    konteks = HistoricalRecords.context
    konteks.request = SimpleNamespace(user=bappeda)  # as the web request or the job (tugas._pengguna_riwayat)
    try:
        assert workbook_impor(path).berhasil
    finally:
        del konteks.request
    for model in (Kecamatan, Kelurahan, Nomenklatur, Anggaran):  # Kota keeps no history
        for obj in model.objects.all():
            riwayat = list(obj.history.all())
            assert len(riwayat) == 1, (model, obj)
            assert riwayat[0].history_type == "+" and riwayat[0].history_change_reason == ALASAN
            assert riwayat[0].history_user == bappeda
    a = Anggaran.objects.get(nomenklatur__kode="5001.500105.04.043")
    assert a.history.get().pagu == a.pagu and a.history.get().kelurahan_id == a.kelurahan_id

    # one changed row: one more record ("~"), the unchanged ones none; the row's version moves on
    ubah = [ANGGARAN[0], [*ANGGARAN[1][:5], 300_000_000, ANGGARAN[1][6]], ANGGARAN[2]]
    hasil = workbook_impor(xlsx({"anggaran": ubah}))
    assert hasil.ringkasan() == "created=0 updated=1 unchanged=1 errors=0"
    a.refresh_from_db()
    assert a.pagu == 300_000_000 and a.versi == 1
    terakhir = a.history.order_by("-history_id").first()
    assert (a.history.count(), terakhir.history_type, terakhir.pagu) == (2, "~", 300_000_000)
    assert terakhir.history_change_reason == ALASAN and terakhir.history_user is None
    assert Anggaran.history.count() == 3


def _anggaran(n: int) -> list[list]:
    kegiatan = [["kode", "tingkat", "uraian", "kode_induk", "kelompok"], NOMENKLATUR[1]]
    baris = [ANGGARAN[0]]
    for i in range(n):
        kegiatan.append([f"5001.04.{i:03d}", "kegiatan", f"Kegiatan {i}", "5001.04", None])
        baris.append([2020, "36.73.03", f"5001.04.{i:03d}", "36.73.03.1001", "APBD", 1000 + i, 500 + i])
    return [kegiatan, baris]


@pytest.mark.parametrize("kali", [1, 5])
def test_jumlah_kueri_tetap_per_sheet_bukan_per_baris(xlsx, kali, django_assert_max_num_queries):
    """The same bound for 20 and 100 rows per sheet: the first import and a re-import of the same file."""
    kegiatan, anggaran = _anggaran(20 * kali)
    path = xlsx({"wilayah": WILAYAH, "nomenklatur": kegiatan, "anggaran": anggaran})
    with django_assert_max_num_queries(45):
        assert workbook_impor(path).berhasil
    with django_assert_max_num_queries(15):
        ulang = workbook_impor(path)
    assert ulang.ringkasan() == f"created=0 updated=0 unchanged={3 + 1 + 2 * 20 * kali} errors=0"


def test_impor_ulang_tanpa_perubahan_tidak_menulis_apa_pun(xlsx):
    kegiatan, anggaran = _anggaran(30)
    path = xlsx({"wilayah": WILAYAH, "nomenklatur": kegiatan, "anggaran": anggaran})
    assert workbook_impor(path).berhasil
    riwayat = Anggaran.history.count()
    ulang, sql = _kueri(lambda: workbook_impor(path))
    assert ulang.ringkasan() == "created=0 updated=0 unchanged=64 errors=0"
    tulis = [s for s in sql if s.split()[0].upper() in ("INSERT", "UPDATE", "DELETE")]
    assert tulis == [] and Anggaran.history.count() == riwayat
    assert sum(s.startswith("SAVEPOINT") for s in sql) <= 1  # the import's own transaction (in a test's one)


def test_galat_basis_data_di_penulisan_massal_menyebut_barisnya_dan_tidak_meninggalkan_apa_pun(
    xlsx, monkeypatch
):
    asli = penulis.sisipkan

    def sisipkan(model, objs):
        if model is Anggaran and any(o.pagu == 1005 for o in objs):  # the 6th anggaran row: Excel row 7
            raise IntegrityError('duplicate key value violates unique constraint "anggaran_kunci"')
        asli(model, objs)

    monkeypatch.setattr(penulis, "sisipkan", sisipkan)
    kegiatan, anggaran = _anggaran(10)
    hasil = workbook_impor(xlsx({"wilayah": WILAYAH, "nomenklatur": kegiatan, "anggaran": anggaran}))
    assert hasil.ringkasan() == "created=0 updated=0 unchanged=0 errors=1"
    assert hasil.pesan_galat() == [
        (
            "Impor gagal: basis data menolak perubahan pada sheet 'anggaran', baris 7 (data bentrok dengan data "
            "yang sudah tersimpan atau dengan aturan keutuhan data); tidak ada yang diubah."
        )
    ]
    assert not (Kota.objects.exists() or Nomenklatur.objects.exists() or Anggaran.objects.exists())
    assert not (Kecamatan.history.exists() or Anggaran.history.exists())


def test_baris_bergalat_tidak_menulis_apa_pun_tanpa_savepoint_per_baris(xlsx):
    baris = [*ANGGARAN, [2020, "36.73.03", "5001.500105.04.043", "36.73.03.1001", "APBD", -5, None]]
    path = xlsx({"wilayah": WILAYAH, "nomenklatur": NOMENKLATUR, "anggaran": baris})
    hasil, sql = _kueri(lambda: workbook_impor(path))
    assert not hasil.berhasil and "baris 4, kolom pagu" in hasil.pesan_galat()[0]
    assert not Kota.objects.exists() and not Anggaran.objects.exists()
    assert (
        sum(s.startswith("SAVEPOINT") for s in sql) <= 3 + 1
    )  # one per sheet written (and the import's own)


@pytest.mark.parametrize(
    "seed", sorted(berkas.Path(__file__).resolve().parents[2].joinpath("fixtures").glob("*.xlsx"))
)
def test_pembaca_cepat_sama_dengan_openpyxl(seed, monkeypatch):
    cepat = berkas.buka(seed)
    assert berkas._cukup_nilai(
        seed
    )  # the seeds hold no formula, merge or error value: the fast reader reads them
    monkeypatch.setattr(berkas, "_cukup_nilai", lambda sumber: None)
    lambat = berkas.buka(io.BytesIO(seed.read_bytes()), nama_berkas=seed.name)
    assert cepat.keys() == lambat.keys()
    for nama, sheet in cepat.items():
        assert (sheet.nama, sheet.kolom, sheet.judul) == (
            lambat[nama].nama,
            lambat[nama].kolom,
            lambat[nama].judul,
        )
        assert [(b.nomor, b.sel) for b in sheet.baris] == [(b.nomor, b.sel) for b in lambat[nama].baris]
        for a, b in zip(sheet.baris, lambat[nama].baris, strict=True):
            assert {k: type(v) for k, v in a.sel.items()} == {k: type(v) for k, v in b.sel.items()}


def test_berkas_dengan_rumus_dibaca_openpyxl(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "anggaran"
    ws.append(ANGGARAN[0])
    ws.append([2020, "36.73.03", "5001.500105.04.043", None, None, "=1+1", None])
    path = tmp_path / "rumus.xlsx"
    wb.save(path)
    assert berkas._cukup_nilai(path) is None
    assert berkas.buka(path)["anggaran"].baris[0].sel["pagu"] is berkas.RUMUS_TANPA_NILAI


@pytest.mark.parametrize(
    "teks",
    ["0", "0.00", "-0.00", "5", "-5.00", "209774059.00", "1E+3", "1234567.89", "-1234.5", "0.10", "9" * 18],
)
def test_tampil_bilangan_bulat_sama_dengan_format_angka(teks):
    assert tampil(Decimal(teks)) == format_angka(Decimal(teks))


def test_nomenklatur_dibaca_hanya_kode_yang_disebut_workbook_dan_induknya(xlsx, monkeypatch):
    """A national-size nomenklatur is not read whole per import: only the codes the workbook names and their
    dotted prefixes (the parents ``induk_terpanjang`` may look for); what the import finds is unchanged."""
    from workbook import lembar

    urusan = Nomenklatur.objects.create(kode="9", tingkat="urusan", uraian="Urusan lain")
    Nomenklatur.objects.bulk_create(
        Nomenklatur(kode=f"9.{i:02d}", tingkat="bidang_urusan", uraian=f"Bidang {i}", induk=urusan)
        for i in range(1, 60)
    )
    dibaca = []
    asli = lembar.Konteks.lupakan

    def lupakan(self):
        asli(self)
        dibaca.append(set(self.nomenklatur))

    monkeypatch.setattr(lembar.Konteks, "lupakan", lupakan)
    kegiatan, anggaran = _anggaran(5)
    hasil = workbook_impor(xlsx({"wilayah": WILAYAH, "nomenklatur": kegiatan, "anggaran": anggaran}))
    assert hasil.berhasil, hasil.pesan_galat()
    assert dibaca and not any(k.startswith("9") for k in dibaca[0])
    assert Anggaran.objects.filter(nomenklatur__kode__startswith="5001.04.").count() == 5
    assert lembar._awalan_kode(["7.01.01.2.01"]) == ["7", "7.01", "7.01.01", "7.01.01.2", "7.01.01.2.01"]
