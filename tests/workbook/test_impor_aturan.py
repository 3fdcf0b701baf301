"""An import obeys the browser's rules: closed quarters, documents diajukan/disetujui, realisasi above pagu."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from dokumen.models import Dokumen
from renja.models import Anggaran, Indikator, TriwulanDitutup
from workbook.impor import workbook_impor

from ..conftest import buat_xlsx
from ..data_uji import dua_kecamatan
from .web import impor_sekarang, unggah

pytestmark = pytest.mark.django_db

JUDUL = ["tahun", "kode_kecamatan", "kode", "kode_kelurahan", "pagu", "realisasi_tw1", "realisasi_tw2"]
KEGIATAN = "5001.500105.04.043"


def _wb(*baris) -> io.BytesIO:
    return io.BytesIO(buat_xlsx({"anggaran": [JUDUL, *baris]}))


def _baris(pagu=1000000, tw1=None, tw2=None) -> list:
    return [2020, "36.73.03", KEGIATAN, "36.73.03.1001", pagu, tw1, tw2]


def _foto():
    return list(Anggaran.objects.order_by("pk").values()), list(Indikator.objects.order_by("pk").values())


@pytest.fixture
def d():
    return dua_kecamatan()


def test_triwulan_ditutup_ditolak_kecuali_timpa_kunci(d):
    TriwulanDitutup.objects.create(
        kecamatan=d["a"], tahun=2020, triwulan=1, ditutup_oleh=d["users"]["camat_a"]
    )
    sebelum = _foto()
    hasil = workbook_impor(_wb(_baris(tw1=100000, tw2=200000)), nama_berkas="a.xlsx")
    pesan = (
        "Sheet 'anggaran', baris 2, kolom realisasi_tw1 (F): TW I sudah ditutup camat. Minta camat membuka "
        "triwulannya, atau admin Bappeda mencentang 'timpa data yang terkunci' (web) / --timpa-kunci (baris "
        "perintah)."
    )
    assert hasil.pesan_galat() == [pesan]
    assert _foto() == sebelum
    # a quarter still open imports as before
    assert workbook_impor(_wb(_baris(tw2=200000)), nama_berkas="a.xlsx").ringkasan() == (
        "created=0 updated=1 unchanged=0 errors=0"
    )
    hasil = workbook_impor(_wb(_baris(tw1=100000, tw2=200000)), nama_berkas="a.xlsx", timpa_kunci=True)
    assert hasil.berhasil and any("TW I sudah ditutup camat" in p for p in hasil.peringatan)
    ang = Anggaran.objects.get(pk=d["ang_a"].pk)
    assert ang.realisasi_tw1 == Decimal(100000)
    assert "TW I sudah ditutup camat" in ang.history.latest().history_change_reason


def test_triwulan_ditutup_juga_untuk_indikator(d):
    TriwulanDitutup.objects.create(
        kecamatan=d["a"], tahun=2020, triwulan=2, ditutup_oleh=d["users"]["camat_a"]
    )
    baris = [
        ["tahun", "kode_kecamatan", "kode", "indikator", "realisasi_tw2"],
        [2020, "36.73.03", KEGIATAN, "Bulan layanan", 6],
    ]
    sebelum = _foto()
    hasil = workbook_impor(io.BytesIO(buat_xlsx({"indikator": baris})), nama_berkas="i.xlsx")
    [pesan] = hasil.pesan_galat()
    assert pesan.startswith("Sheet 'indikator', baris 2, kolom realisasi_tw2 (E): TW II sudah ditutup camat")
    assert _foto() == sebelum


@pytest.mark.parametrize("status", ["diajukan", "disetujui"])
def test_baris_dokumen_diajukan_atau_disetujui_ditolak(d, status):
    Dokumen.objects.create(kecamatan=d["a"], tahun=2020, jenis="renja", status=status)
    sebelum = _foto()
    hasil = workbook_impor(_wb(_baris(pagu=900000)), nama_berkas="a.xlsx")
    [pesan] = hasil.pesan_galat()
    assert pesan.startswith(
        f"Sheet 'anggaran', baris 2: baris ini termasuk dokumen Renja 2020 yang sudah {status}; isinya tidak dapat"
    )
    assert _foto() == sebelum
    # another kecamatan or year is not behind that document
    lain = [2021, "36.73.03", KEGIATAN, "36.73.03.1001", 5, None, None]
    assert workbook_impor(_wb(lain), nama_berkas="a.xlsx").berhasil
    hasil = workbook_impor(_wb(_baris(pagu=900000)), nama_berkas="a.xlsx", timpa_kunci=True)
    assert hasil.berhasil
    assert Anggaran.objects.get(pk=d["ang_a"].pk).pagu == Decimal(900000)


def test_dokumen_dikembalikan_atau_revisi_baru_draf_tidak_mengunci(d):
    Dokumen.objects.create(kecamatan=d["a"], tahun=2020, jenis="renja", status="disetujui")
    Dokumen.objects.create(kecamatan=d["a"], tahun=2020, jenis="renja", revisi=1, status="draf")
    Dokumen.objects.create(kecamatan=d["a"], tahun=2020, jenis="lkjip", status="dikembalikan")
    hasil = workbook_impor(_wb(_baris(pagu=900000)), nama_berkas="a.xlsx")
    assert hasil.pesan_galat() == []


def test_realisasi_melebihi_pagu_perlu_diakui_dan_dicatat(d):
    sebelum = _foto()
    hasil = workbook_impor(_wb(_baris(tw1=700000, tw2=400000)), nama_berkas="a.xlsx")
    [pesan] = hasil.pesan_galat()
    assert pesan.startswith(
        "Sheet 'anggaran', baris 2, kolom realisasi: realisasi Rp 1.100.000 melebihi pagu Rp 1.000.000."
    )
    assert _foto() == sebelum
    hasil = workbook_impor(_wb(_baris(tw1=700000, tw2=400000)), nama_berkas="a.xlsx", akui_melebihi_pagu=True)
    assert hasil.berhasil and any("melebihi pagu" in p and "konfirmasi" in p for p in hasil.peringatan)
    alasan = Anggaran.objects.get(pk=d["ang_a"].pk).history.latest().history_change_reason
    assert "realisasi Rp 1.100.000 melebihi pagu Rp 1.000.000" in alasan


def test_cli_timpa_kunci_dan_akui_melebihi_pagu(d, tmp_path):
    TriwulanDitutup.objects.create(
        kecamatan=d["a"], tahun=2020, triwulan=1, ditutup_oleh=d["users"]["camat_a"]
    )
    path = tmp_path / "a.xlsx"
    path.write_bytes(_wb(_baris(tw1=1100000)).getvalue())
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("import_workbook", str(path), stdout=out)
    assert out.getvalue().splitlines()[-1] == "created=0 updated=0 unchanged=0 errors=1"
    out = io.StringIO()
    call_command("import_workbook", str(path), "--timpa-kunci", "--akui-melebihi-pagu", stdout=out)
    assert out.getvalue().splitlines()[-1] == "created=0 updated=1 unchanged=0 errors=0"
    assert Anggaran.objects.get(pk=d["ang_a"].pk).realisasi_tw1 == Decimal(1100000)


def test_web_centang_akui_melebihi_pagu(client, d):
    client.force_login(d["users"]["bappeda"])
    isi = buat_xlsx({"anggaran": [JUDUL, _baris(tw1=1200000)]})
    r = unggah(client, "a.xlsx", isi)
    assert r.status_code == 400 and "melebihi pagu" in r.content.decode()
    r = unggah(client, "a.xlsx", isi, akui_melebihi_pagu="1")
    assert "Realisasi yang melebihi pagu diterima." in r.content.decode()
    impor_sekarang(client, r, follow=False)
    assert Anggaran.objects.get(pk=d["ang_a"].pk).realisasi_tw1 == Decimal(1200000)
