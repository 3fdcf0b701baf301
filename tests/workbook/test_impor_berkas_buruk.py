"""Malformed workbooks not covered elsewhere (see test_impor_galat.py, test_bom.py, test_impor_rumus.py):
each is refused whole with a clear message in Bahasa Indonesia and nothing is written; a few oddities that
are harmless (blanks around codes, macros) are imported and said so."""

import io
import re
import time
import zipfile
from datetime import datetime

import pytest
from openpyxl import Workbook

from renja.models import Anggaran, Indikator, Nomenklatur
from wilayah.models import Kecamatan, Kelurahan, Kota
from workbook.impor import workbook_impor

from ..conftest import buat_xlsx
from .test_impor_dasar import ANGGARAN, NOMENKLATUR, WILAYAH

pytestmark = pytest.mark.django_db


def _jumlah() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Kota, Kecamatan, Kelurahan, Nomenklatur, Anggaran, Indikator))


@pytest.fixture
def isi_db(xlsx):
    hasil = workbook_impor(xlsx({"wilayah": WILAYAH, "nomenklatur": NOMENKLATUR, "anggaran": ANGGARAN}))
    assert hasil.berhasil, hasil.pesan_galat()
    return _jumlah()


def _ditolak(sumber, isi_db, nama_berkas="data.xlsx", **opsi) -> str:
    hasil = workbook_impor(sumber, nama_berkas=nama_berkas, **opsi)
    assert not hasil.berhasil
    assert hasil.ringkasan() == f"created=0 updated=0 unchanged=0 errors={hasil.errors}"
    assert _jumlah() == isi_db
    return "\n".join(hasil.pesan_galat())


def test_html_berganti_nama_xlsx_ditolak(isi_db):
    html = b"<html><body><table><tr><td>kode</td></tr></table></body></html>"
    assert "bukan workbook Excel (.xlsx) yang sah" in _ditolak(io.BytesIO(html), isi_db)


def test_xls_lama_berganti_nama_xlsx_ditolak(isi_db):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "Workbook".encode("utf-16-le")
    assert "Excel 97-2003 (.xls)" in _ditolak(io.BytesIO(ole), isi_db)


def test_berkas_berkata_sandi_ditolak_dengan_saran(isi_db):
    # Office encrypts a protected .xlsx into an OLE2 file (streams EncryptionInfo, EncryptedPackage).
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptedPackage".encode("utf-16-le")
    pesan = _ditolak(io.BytesIO(ole), isi_db)
    assert "dilindungi kata sandi" in pesan and "hapus kata sandinya" in pesan


def test_berkas_terpotong_ditolak(isi_db):
    utuh = buat_xlsx({"anggaran": ANGGARAN})
    assert "rusak" in _ditolak(io.BytesIO(utuh[: len(utuh) // 2]), isi_db)


def test_tanpa_baris_judul_ditolak(isi_db):
    # the data starts on row 1: its cells are taken for column names, the required ones are missing
    pesan = _ditolak(io.BytesIO(buat_xlsx({"anggaran": ANGGARAN[1:]})), isi_db)
    assert "Sheet 'anggaran', baris 1: kolom wajib tidak ada: tahun, kode_kecamatan, kode." in pesan


def test_induk_melingkar_dan_salah_tingkat_ditolak(isi_db):
    baris = [
        NOMENKLATUR[0],
        ["9.01", "program", "A", "9.01.01", None],  # its parent comes later (and is its own child)
        ["9.01.01", "kegiatan", "B", "9.01", None],
        ["5001.04.01", "sub_kegiatan", "C", "5001.04", None],  # program -> sub kegiatan skips a level
    ]
    pesan = _ditolak(io.BytesIO(buat_xlsx({"nomenklatur": baris})), isi_db)
    assert "baris 2, kolom kode_induk (D): induk '9.01.01' tidak ada" in pesan
    assert "baris 3, kolom kode_induk (D): induk '9.01' tidak ada" in pesan
    assert "baris 4, kolom kode_induk (D): induk '5001.04' adalah program" in pesan


def test_boolean_dan_tanggal_di_sel_angka_ditolak(isi_db):
    baris = [
        ANGGARAN[0],
        [2020, "36.73.03", "5001.500105.04.043", "36.73.03.1001", "APBD", True, None],
        [2020, "36.73.03", "5001.500105.04.044", "36.73.03.1002", "APBD", datetime(2020, 5, 1), None],
    ]
    pesan = _ditolak(io.BytesIO(buat_xlsx({"anggaran": baris})), isi_db)
    assert "baris 2, kolom pagu (F): 'True' bukan angka yang sah" in pesan
    assert "baris 3, kolom pagu (F): '2020-05-01 00:00:00' bukan angka yang sah" in pesan


def test_sel_gabungan_di_area_data_ditolak(isi_db):
    wb = Workbook()
    ws = wb.active
    ws.title = "anggaran"
    for r in ANGGARAN:
        ws.append(r)
    ws.merge_cells("B2:B3")  # the second row's kode_kecamatan would read as blank
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    pesan = _ditolak(buf, isi_db)
    assert "Sheet 'anggaran' memuat sel gabungan (merge) di area data: B2:B3." in pesan


def test_sel_gabungan_hanya_di_judul_tidak_mengganggu(isi_db):
    wb = Workbook()
    ws = wb.active
    ws.title = "anggaran"
    for r in ANGGARAN:
        ws.append([*r, None, "catatan"])
    ws.merge_cells("H1:I1")
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    assert workbook_impor(buf, nama_berkas="a.xlsx").berhasil


def test_sejuta_baris_kosong_berformat_ditolak_cepat(tmp_path, isi_db):
    asal = buat_xlsx({"anggaran": ANGGARAN})
    path = tmp_path / "format.xlsx"
    with (
        zipfile.ZipFile(io.BytesIO(asal)) as masuk,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as keluar,
    ):
        for info in masuk.infolist():
            data = masuk.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                kosong = "".join(f'<row r="{i}" s="1" customFormat="1"/>' for i in range(4, 1_000_004))
                data = data.replace(b"</sheetData>", kosong.encode() + b"</sheetData>")
            keluar.writestr(info.filename, data)
    mulai = time.monotonic()
    pesan = _ditolak(path, isi_db)
    assert time.monotonic() - mulai < 30
    assert re.search(r"lebih dari 200\.000 baris|bom zip", pesan), pesan


def test_kecamatan_dan_kelurahan_tidak_dikenal_ditolak(isi_db):
    baris = [
        ANGGARAN[0],
        [2020, "36.73.09", "5001.500105.04.043", None, "APBD", 1, None],
        [2020, "36.73.03", "5001.500105.04.043", "36.73.03.1999", "APBD", 1, None],
    ]
    pesan = _ditolak(io.BytesIO(buat_xlsx({"anggaran": baris})), isi_db)
    assert "baris 2, kolom kode_kecamatan (B): kecamatan '36.73.09' tidak dikenal" in pesan
    assert "baris 3, kolom kode_kelurahan (D): kelurahan '36.73.03.1999' tidak dikenal" in pesan


@pytest.mark.parametrize(
    "tahun, kata", [(20200, "lebih dari 2100"), (1899, "kurang dari 2000"), (2020.5, "bulat")]
)
def test_tahun_mustahil_ditolak(isi_db, tahun, kata):
    baris = [ANGGARAN[0], [tahun, *ANGGARAN[1][1:]]]
    pesan = _ditolak(io.BytesIO(buat_xlsx({"anggaran": baris})), isi_db)
    assert "baris 2, kolom tahun (A)" in pesan and kata in pesan


def test_sel_teks_10_mb_ditolak(tmp_path, isi_db):
    # openpyxl cuts what it writes at Excel's 32.767 characters; a hostile file need not, so write the XML
    asal = buat_xlsx({"nomenklatur": [NOMENKLATUR[0], ["5001.05", "program", "RAKSASA", None, None]]})
    raksasa = "".join(f"{i:x}" for i in range(2_000_000))[:10_000_000].encode()  # 10 MB, barely compressible
    path = tmp_path / "raksasa.xlsx"
    with (
        zipfile.ZipFile(io.BytesIO(asal)) as masuk,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as keluar,
    ):
        for info in masuk.infolist():
            keluar.writestr(info.filename, masuk.read(info.filename).replace(b"RAKSASA", raksasa))
    pesan = _ditolak(path, isi_db)
    assert "baris 2, kolom uraian (C): teks terlalu panjang (10.000.000 karakter; paling banyak 500)" in pesan


def test_spasi_dan_spasi_tak_terputus_di_kode_dibuang_dengan_peringatan(isi_db):
    baris = [
        ANGGARAN[0],
        [2020, " 36.73.03", "5001.500105.04.043\u00a0", "36.73.03.1001 ", "APBD", 209774059, "208.704.714"],
    ]
    hasil = workbook_impor(io.BytesIO(buat_xlsx({"anggaran": baris})), nama_berkas="a.xlsx")
    assert hasil.pesan_galat() == [] and hasil.ringkasan() == "created=0 updated=0 unchanged=1 errors=0"
    assert any(
        "baris 2, kolom kode: spasi di awal/akhir kode '5001.500105.04.043'" in p for p in hasil.peringatan
    )
    assert sum("spasi di awal/akhir kode" in p for p in hasil.peringatan) == 3


def test_xlsm_diimpor_makro_diabaikan(tmp_path, isi_db):
    asal = buat_xlsx({"anggaran": [ANGGARAN[0], [*ANGGARAN[1][:5], 300000000, None]]})
    path = tmp_path / "bermakro.xlsm"
    with (
        zipfile.ZipFile(io.BytesIO(asal)) as masuk,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as keluar,
    ):
        for info in masuk.infolist():
            keluar.writestr(info.filename, masuk.read(info.filename))
        keluar.writestr("xl/vbaProject.bin", b'\xd0\xcf\x11\xe0 Sub Auto_Open(): Shell "calc": End Sub')
    hasil = workbook_impor(path)
    assert hasil.pesan_galat() == [] and hasil.ringkasan() == "created=0 updated=1 unchanged=0 errors=0"
    assert Anggaran.objects.get(nomenklatur__kode="5001.500105.04.043").pagu == 300000000
