"""Versi conflicts confirmed row by row: the preview lists each conflict (sheet, row, both values) with a
checkbox; only the ticked rows are overwritten (audited), the others are kept and reported as skipped.
CLI: ``--timpa-baris anggaran:2,...``; ``--timpa-versi`` still means every row."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from core.nilai import Nilai
from renja.models import Anggaran, Indikator
from renja.services import anggaran_set_realisasi, indikator_set_realisasi
from workbook.ekspor import workbook_ekspor
from workbook.impor import urai_timpa_baris, workbook_impor
from workbook.models import RiwayatImpor

from ..data_uji import dua_kecamatan
from .web import halaman, impor_sekarang, unggah

pytestmark = pytest.mark.django_db


def _dua_konflik(tmp_path):
    """Export Walantaka 2020; then the operator enters TW I of the anggaran row and of an indikator row."""
    d = dua_kecamatan()
    path = tmp_path / "ekspor.xlsx"
    path.write_bytes(workbook_ekspor(d["a"], tahun=2020))
    op = d["users"]["operator_a"]
    anggaran_set_realisasi(d["ang_a"], versi=0, masukan={"realisasi_tw1": "250.000"}, user=op)
    indikator_set_realisasi(d["ind_a"], versi=0, masukan={"realisasi_tw1": "3"}, user=op)
    return d, path


def _baris_indikator(hasil) -> int:
    return next(k.baris for k in hasil.konflik if k.sheet == "indikator")


def test_pratinjau_mencantumkan_setiap_bentrok_dengan_kedua_nilai(tmp_path):
    _, path = _dua_konflik(tmp_path)
    hasil = workbook_impor(path, dry_run=True, timpa_baris=())
    assert hasil.errors == 0
    anggaran = next(k for k in hasil.konflik if k.sheet == "anggaran")
    assert (anggaran.kunci, anggaran.versi_aplikasi, anggaran.versi_workbook) == ("anggaran:2", 1, 0)
    assert ("realisasi_tw1", "250.000", "kosong") in anggaran.rincian
    indikator = next(k for k in hasil.konflik if k.sheet == "indikator")
    assert ("realisasi_tw1", "3", "kosong") in indikator.rincian
    assert sum("dilewati" in p for p in hasil.peringatan) == 2
    # without per-row confirmation the conflicts stay errors (as before), and are still listed
    tanpa = workbook_impor(path, dry_run=True)
    assert tanpa.errors == 2 and len(tanpa.konflik) == 2
    assert "--timpa-baris anggaran:2" in tanpa.pesan_galat()[0]


def test_hanya_baris_yang_dikonfirmasi_ditimpa_lainnya_dilewati(tmp_path):
    d, path = _dua_konflik(tmp_path)
    hasil = workbook_impor(path, timpa_baris=[("anggaran", 2)])
    assert hasil.errors == 0 and hasil.jumlah["updated"] == 1
    ang = Anggaran.objects.get(pk=d["ang_a"].pk)
    assert ang.realisasi_tw1 is None and ang.versi == 2
    alasan = ang.history.latest().history_change_reason
    assert "menimpa perubahan yang lebih baru" in alasan and "konfirmasi baris ini" in alasan
    ind = Indikator.objects.get(pk=d["ind_a"].pk)
    assert ind.realisasi_tw1 == Nilai.parse("3") and ind.versi == 1  # kept
    [lewat] = [p for p in hasil.peringatan if "dilewati" in p]
    assert lewat.startswith(f"Sheet 'indikator', baris {_baris_indikator(hasil)}: diubah di aplikasi")
    assert "realisasi_tw1: 3 di aplikasi, kosong di workbook" in lewat


def test_cli_timpa_baris(tmp_path):
    d, path = _dua_konflik(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    call_command("import_workbook", str(path), "--timpa-baris", "anggaran:2", stdout=out, stderr=err)
    assert out.getvalue().splitlines()[-1].endswith("errors=0")
    assert "updated=1" in out.getvalue().splitlines()[-1]
    assert "dilewati" in err.getvalue() and "ditimpa atas konfirmasi baris ini" in err.getvalue()
    assert Anggaran.objects.get(pk=d["ang_a"].pk).realisasi_tw1 is None
    assert Indikator.objects.get(pk=d["ind_a"].pk).realisasi_tw1 == Nilai.parse("3")
    assert "timpa_baris" in RiwayatImpor.objects.get().konfirmasi


@pytest.mark.parametrize("salah", ["anggaran", "anggaran:x", ":3", "anggaran:1"])
def test_cli_timpa_baris_salah_tulis_ditolak(tmp_path, salah):
    _, path = _dua_konflik(tmp_path)
    with pytest.raises(CommandError, match="bukan baris yang sah"):
        call_command("import_workbook", str(path), "--timpa-baris", salah, stdout=io.StringIO())
    assert not RiwayatImpor.objects.exists()


def test_urai_timpa_baris():
    assert urai_timpa_baris(" anggaran:12, Indikator:15 ,") == {("anggaran", 12), ("indikator", 15)}


def test_web_centang_per_baris(client, tmp_path):
    d, path = _dua_konflik(tmp_path)
    client.force_login(d["users"]["bappeda"])
    r = unggah(client, "ekspor.xlsx", path.read_bytes())
    pratinjau = halaman(r)
    isi = r.content.decode()
    assert r.status_code == 200 and "Impor sekarang" in isi
    assert 'name="timpa_baris" value="anggaran:2"' in isi
    assert "<td>realisasi_tw1</td><td>250.000</td><td>kosong</td>" in isi
    baris_ind = _baris_indikator(workbook_impor(path, dry_run=True, timpa_baris=()))
    assert f'name="timpa_baris" value="indikator:{baris_ind}"' in isi
    # a row the preview did not list cannot be confirmed: 400, nothing imported, the file still waiting
    r = impor_sekarang(client, pratinjau, follow=False, timpa_baris=["anggaran:99"])
    assert r.status_code == 400 and "tidak ada di daftar bentrok" in r.content.decode()
    assert Anggaran.objects.get(pk=d["ang_a"].pk).realisasi_tw1 == Decimal(250000)
    r = impor_sekarang(client, pratinjau, timpa_baris=["anggaran:2"])
    isi = r.content.decode()
    assert "diimpor" in isi and "dilewati" in isi
    assert Anggaran.objects.get(pk=d["ang_a"].pk).realisasi_tw1 is None
    assert Indikator.objects.get(pk=d["ind_a"].pk).realisasi_tw1 == Nilai.parse("3")
