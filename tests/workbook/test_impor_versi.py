"""The ``versi`` column: re-importing an old export never silently undoes an entry made in the application."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from renja.models import Anggaran
from renja.services import anggaran_set_realisasi
from workbook import tugas
from workbook.ekspor import workbook_ekspor
from workbook.impor import workbook_impor
from workbook.lembar import Perubahan

from ..conftest import buat_xlsx
from ..data_uji import dua_kecamatan
from .web import impor_sekarang, unggah

pytestmark = pytest.mark.django_db

KONFLIK = "diubah di aplikasi setelah workbook ini diekspor (versi 1, workbook versi 0)"


def _ekspor_lalu_operator_mengisi(tmp_path):
    """Export Walantaka 2020, then the operator enters TW I in the browser grid (versi 0 → 1)."""
    d = dua_kecamatan()
    path = tmp_path / "ekspor.xlsx"
    path.write_bytes(workbook_ekspor(d["a"], tahun=2020))
    ang = Anggaran.objects.get(pk=d["ang_a"].pk)
    anggaran_set_realisasi(ang, versi=0, masukan={"realisasi_tw1": "250.000"}, user=d["users"]["operator_a"])
    return d, path, ang.pk


def test_ekspor_menulis_versi_tiap_baris(tmp_path):
    d, _, _ = _ekspor_lalu_operator_mengisi(tmp_path)
    ws = load_workbook(io.BytesIO(workbook_ekspor(d["a"], tahun=2020)))["anggaran"]
    judul = [c.value for c in ws[1]]
    assert judul[-1] == "versi"
    assert ws.cell(row=2, column=len(judul)).value == 1
    ws = load_workbook(io.BytesIO(workbook_ekspor(d["a"], tahun=2020)))["indikator"]
    assert [c.value for c in ws[1]][-1] == "versi"


def test_impor_ekspor_lama_ditolak_bila_baris_diubah_di_aplikasi(tmp_path):
    _, path, pk = _ekspor_lalu_operator_mengisi(tmp_path)
    sebelum = list(Anggaran.objects.order_by("pk").values())
    hasil = workbook_impor(path)
    assert not hasil.berhasil
    [pesan] = hasil.pesan_galat()
    assert pesan.startswith("Sheet 'anggaran', baris 2, kolom versi (L): " + KONFLIK)
    assert "realisasi_tw1: 250.000 di aplikasi, kosong di workbook" in pesan
    assert list(Anggaran.objects.order_by("pk").values()) == sebelum
    assert Anggaran.objects.get(pk=pk).realisasi_tw1 == Decimal(250000)


def test_impor_ekspor_lama_dengan_timpa_versi_menimpa_dan_dicatat(tmp_path):
    _, path, pk = _ekspor_lalu_operator_mengisi(tmp_path)
    hasil = workbook_impor(path, timpa_versi=True)
    assert hasil.pesan_galat() == []
    assert any(KONFLIK in p and "ditimpa atas konfirmasi" in p for p in hasil.peringatan)
    ang = Anggaran.objects.get(pk=pk)
    assert ang.realisasi_tw1 is None and ang.versi == 2
    assert "menimpa perubahan yang lebih baru" in ang.history.latest().history_change_reason


def test_impor_cli_timpa_versi(tmp_path):
    _, path, pk = _ekspor_lalu_operator_mengisi(tmp_path)
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("import_workbook", str(path), stdout=out)
    assert KONFLIK in out.getvalue() and out.getvalue().splitlines()[-1].endswith("errors=1")
    out = io.StringIO()
    call_command("import_workbook", str(path), "--timpa-versi", stdout=out)
    assert out.getvalue().splitlines()[-1] == "created=0 updated=1 unchanged=6 errors=0"
    assert Anggaran.objects.get(pk=pk).realisasi_tw1 is None


def test_impor_ekspor_lama_tanpa_beda_tidak_konflik(tmp_path):
    d = dua_kecamatan()
    path = tmp_path / "ekspor.xlsx"
    path.write_bytes(workbook_ekspor(d["a"], tahun=2020))
    Anggaran.objects.filter(kecamatan=d["a"]).update(versi=5)  # saved in the app, values as exported
    hasil = workbook_impor(path)
    assert hasil.pesan_galat() == [] and hasil.jumlah["updated"] == 0


def test_workbook_tanpa_kolom_versi_diimpor_seperti_biasa_dan_menaikkan_versi(tmp_path):
    _, _, pk = _ekspor_lalu_operator_mengisi(tmp_path)
    baris = [
        ["tahun", "kode_kecamatan", "kode", "kode_kelurahan", "pagu"],
        [2020, "36.73.03", "5001.500105.04.043", "36.73.03.1001", 2000000],
    ]
    hasil = workbook_impor(io.BytesIO(buat_xlsx({"anggaran": baris})), nama_berkas="buatan.xlsx")
    assert hasil.ringkasan() == "created=0 updated=1 unchanged=0 errors=0"
    assert hasil.perubahan == [Perubahan("anggaran", 2, "pagu", "1.000.000", "2.000.000")]
    ang = Anggaran.objects.get(pk=pk)
    assert ang.pagu == Decimal(2000000) and ang.versi == 2  # a page opened before the import gets a conflict


def test_pratinjau_web_menampilkan_setiap_sel_yang_berubah_dibatasi_per_sheet(client, monkeypatch):
    d = dua_kecamatan()
    client.force_login(d["users"]["bappeda"])
    baris = [
        ["tahun", "kode_kecamatan", "kode", "kode_kelurahan", "pagu", "realisasi_tw1", "realisasi_tw2"],
        [2020, "36.73.03", "5001.500105.04.043", "36.73.03.1001", 2000000, 300000, 400000],
    ]
    monkeypatch.setattr(tugas, "PERUBAHAN_MAKS_PER_SHEET", 2)
    isi = unggah(client, "ubah.xlsx", buat_xlsx({"anggaran": baris})).content.decode()
    assert "Perubahan di sheet anggaran" in isi
    assert "<td>2</td><td>pagu</td><td>1.000.000</td><td>2.000.000</td>" in isi
    assert "<td>2</td><td>realisasi_tw1</td><td>kosong</td><td>300.000</td>" in isi
    assert "realisasi_tw2</td>" not in isi
    assert "dan 1 perubahan lainnya" in isi  # realisasi_tw2
    assert Anggaran.objects.get(pk=d["ang_a"].pk).pagu == Decimal(1000000)


def test_impor_web_centang_timpa_versi(client, tmp_path):
    d, path, pk = _ekspor_lalu_operator_mengisi(tmp_path)
    client.force_login(d["users"]["bappeda"])
    isi = unggah(client, "ekspor.xlsx", path.read_bytes()).content.decode()
    # listed with a checkbox per row (test_impor_versi_per_baris); ticking the upload option confirms all
    assert KONFLIK in isi and 'name="timpa_baris" value="anggaran:2"' in isi
    r = unggah(client, "ekspor.xlsx", path.read_bytes(), timpa_versi="1")
    isi = r.content.decode()
    assert "Impor sekarang" in isi and "akan ditimpa" in isi
    impor_sekarang(client, r, follow=False)
    assert Anggaran.objects.get(pk=pk).realisasi_tw1 is None
