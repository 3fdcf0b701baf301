"""Bad workbooks are refused whole: every bad row named with sheet, row and column; nothing written."""

import pytest
from django.core.management import call_command

from renja.models import Anggaran, Indikator, Nomenklatur
from wilayah.models import Kecamatan, Kota
from workbook.impor import workbook_impor

from .test_impor_dasar import ANGGARAN, INDIKATOR, NOMENKLATUR, WILAYAH

pytestmark = pytest.mark.django_db


def _isi_db(xlsx):
    hasil = workbook_impor(xlsx({"wilayah": WILAYAH, "nomenklatur": NOMENKLATUR, "anggaran": ANGGARAN}))
    assert hasil.berhasil, hasil.pesan_galat()


def _foto():
    """Everything the importer may touch, to show it is unchanged."""
    return (
        list(Kota.objects.values()),
        list(Kecamatan.objects.values()),
        list(Nomenklatur.objects.values()),
        list(Anggaran.objects.values()),
        list(Indikator.objects.values()),
    )


def test_workbook_buruk_ditolak_semua_galat_sekaligus(xlsx):
    _isi_db(xlsx)
    sebelum = _foto()
    path = xlsx(
        {
            "nomenklatur": [
                NOMENKLATUR[0],
                ["5001.500105.04.045", "kegiatan", "Kegiatan baru yang sah", "5001.04", None],  # row 2: fine
                ["5001.500105.99.001", "kegiatan", "Induk tidak dikenal", "5001.99", None],  # row 3
                [1234, "program", "Kode angka", None, None],  # row 4: code stored as a number
                ["5001.05", "programm", "Tingkat salah", None, None],  # row 5: bad enum
            ],
            "anggaran": [
                ANGGARAN[0],
                [
                    2020,
                    "36.73.03",
                    "5001.500105.04.043",
                    "36.73.03.1001",
                    "APBD",
                    "12abc",
                    None,
                ],  # row 2: bad number
                [
                    2020,
                    "36.73.03",
                    "5001.500105.04.044",
                    "36.73.03.1002",
                    "APBD",
                    -5000,
                    None,
                ],  # row 3: negative
                [2020, "36.73.03", "9.99.99", None, "APBD", 1000, None],  # row 4: unknown kode
                [2020, "36.73.03", "5001.500105.04.043", None, "Hibah", 1000, None],  # row 5: bad sumber dana
                [
                    2020,
                    "36.73.03",
                    "5001.500105.04.043",
                    1001,
                    "APBD",
                    1000,
                    None,
                ],  # row 6: kelurahan as number
            ],
            "indikator": [
                INDIKATOR[0],
                [
                    2020,
                    "36.73.03",
                    "5001.04",
                    "Indikator baru",
                    "%",
                    "80",
                    "90",
                    "naik",
                    None,
                ],  # row 2: polaritas
                [
                    2020,
                    "36.73.03",
                    "5001.04",
                    "Indikator lain",
                    "%",
                    "ZZ",
                    None,
                    None,
                    None,
                ],  # row 3: bad grade
            ],
        }
    )
    hasil = workbook_impor(path)
    pesan = hasil.pesan_galat()
    teks = "\n".join(pesan)
    assert not hasil.berhasil
    assert hasil.errors == 10, teks
    assert "Sheet 'nomenklatur', baris 3, kolom kode_induk (D): induk '5001.99'" in teks
    assert "Sheet 'nomenklatur', baris 4, kolom kode (A): kode tersimpan sebagai angka (1234)" in teks
    assert "Teks" in teks
    assert "Sheet 'nomenklatur', baris 5, kolom tingkat (B): 'programm' tidak dikenal" in teks
    assert "Sheet 'anggaran', baris 2, kolom pagu (F)" in teks and "12abc" in teks
    assert "Sheet 'anggaran', baris 3, kolom pagu (F): nilai Rupiah tidak boleh negatif" in teks
    assert "Sheet 'anggaran', baris 4, kolom kode (C): kode '9.99.99' tidak ada di nomenklatur" in teks
    assert "Sheet 'anggaran', baris 5, kolom sumber_dana (E): 'Hibah' tidak dikenal" in teks
    assert "Sheet 'anggaran', baris 6, kolom kode_kelurahan (D): kode tersimpan sebagai angka" in teks
    assert "Sheet 'indikator', baris 2, kolom polaritas" in teks
    assert "Sheet 'indikator', baris 3, kolom target" in teks
    assert hasil.ringkasan().endswith("errors=10")
    assert _foto() == sebelum  # the valid row 2 of nomenklatur was not written either


@pytest.mark.parametrize(
    "isi, kata",
    [
        (b"", "kosong"),
        (b"PK\x03\x04 ini bukan zip yang utuh", "rusak"),
        (b"kode;uraian\n1;a\n", "rusak"),
    ],
)
def test_berkas_rusak_atau_kosong_ditolak(tmp_path, isi, kata):
    path = tmp_path / "data.xlsx"
    path.write_bytes(isi)
    hasil = workbook_impor(path)
    assert not hasil.berhasil and hasil.errors == 1
    assert kata in hasil.pesan_galat()[0]


def test_berkas_xls_dan_csv_ditolak_dengan_pesan_jelas(tmp_path):
    for nama, pesan in (("lama.xls", ".xls"), ("data.csv", ".xlsx")):
        path = tmp_path / nama
        path.write_bytes(b"abc")
        hasil = workbook_impor(path)
        assert not hasil.berhasil and pesan in hasil.pesan_galat()[0]


def test_workbook_tanpa_sheet_dikenal_ditolak(xlsx):
    hasil = workbook_impor(xlsx({"Lembar1": [["a", "b"], [1, 2]]}))
    assert not hasil.berhasil and "sheet yang dikenal" in hasil.pesan_galat()[0]


def test_kolom_wajib_hilang_galat_di_baris_1(xlsx):
    hasil = workbook_impor(xlsx({"Anggaran": [["tahun", "kode"], [2020, "1.01"]]}))
    assert hasil.pesan_galat() == ["Sheet 'Anggaran', baris 1: kolom wajib tidak ada: kode_kecamatan."]


def test_realisasi_tidak_sama_dengan_jumlah_triwulan(xlsx):
    _isi_db(xlsx)
    path = xlsx(
        {
            "anggaran": [
                [
                    "tahun",
                    "kode_kecamatan",
                    "kode",
                    "kode_kelurahan",
                    "realisasi",
                    "realisasi_tw1",
                    "realisasi_tw2",
                ],
                [2020, "36.73.03", "5001.500105.04.043", "36.73.03.1001", 300, 100, 150],
            ]
        }
    )
    hasil = workbook_impor(path)
    assert "jumlah realisasi triwulan (250)" in hasil.pesan_galat()[0]


def test_baris_ganda_dalam_satu_workbook(xlsx):
    _isi_db(xlsx)
    path = xlsx({"anggaran": [ANGGARAN[0], ANGGARAN[1], ANGGARAN[1]]})
    hasil = workbook_impor(path)
    assert hasil.pesan_galat() == ["Sheet 'anggaran', baris 3: baris ganda: kuncinya sama dengan baris 2."]


def test_perintah_keluar_nonzero_tanpa_traceback(tmp_path, capsys):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(b"bukan excel")
    with pytest.raises(SystemExit) as exc:
        call_command("import_workbook", str(path))
    assert exc.value.code == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1] == "created=0 updated=0 unchanged=0 errors=1"
    assert "Traceback" not in "\n".join(out)


def test_kolom_tidak_dikenal_hanya_peringatan_dan_sheet_tanpa_huruf_besar(xlsx):
    path = xlsx(
        {
            "WILAYAH": [
                [" Kode_Kota ", "NAMA KOTA", "kode_kecamatan", "nama_kecamatan", "catatan_lain"],
                ["36.73", "Kota Serang", "36.73.01", "Serang", "x"],
            ]
        }
    )
    hasil = workbook_impor(path)
    assert hasil.berhasil
    assert any("catatan_lain" in p for p in hasil.peringatan)
    assert Kecamatan.objects.get().nama == "Serang"
