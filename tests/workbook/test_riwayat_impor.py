"""The import history: every real import (web or CLI, refused or not) is recorded with its file."""

import hashlib
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from wilayah.akun import pengguna_simpan
from wilayah.models import Peran
from workbook.models import RiwayatImpor

from ..conftest import buat_xlsx
from .test_impor_dasar import WILAYAH
from .web import impor_sekarang, unggah

pytestmark = pytest.mark.django_db


@pytest.fixture
def bappeda(db):
    return pengguna_simpan("bappeda", Peran.BAPPEDA, password="sandi-uji-123")


def _unduh(r) -> bytes:
    return b"".join(r.streaming_content) if r.streaming else r.content


def test_impor_web_tercatat_dengan_berkas_yang_dapat_diunduh(client, bappeda):
    client.force_login(bappeda)
    isi = buat_xlsx({"wilayah": WILAYAH})
    pratinjau = unggah(client, "wilayah.xlsx", isi)
    assert not RiwayatImpor.objects.exists()  # a preview is not an import
    hasil = impor_sekarang(client, pratinjau)
    r = RiwayatImpor.objects.get()
    # the result page shows the outcome and links the history and the imported file
    teks = hasil.content.decode()
    assert "diimpor: created=3 updated=0 unchanged=0 errors=0" in teks
    assert reverse("workbook:riwayat") in teks
    assert reverse("workbook:riwayat_berkas", kwargs={"pk": r.pk}) in teks
    assert (r.pengguna, r.nama_berkas, r.ukuran, r.sha256) == (
        bappeda,
        "wilayah.xlsx",
        len(isi),
        hashlib.sha256(isi).hexdigest(),
    )
    assert (r.created, r.updated, r.unchanged, r.errors, r.berhasil) == (3, 0, 0, 0, True)
    halaman = client.get(reverse("workbook:riwayat")).content.decode()
    assert "wilayah.xlsx" in halaman and "tersimpan" in halaman and "bappeda" in halaman
    unduh = client.get(reverse("workbook:riwayat_berkas", kwargs={"pk": r.pk}))
    assert unduh.status_code == 200 and _unduh(unduh) == isi


def test_impor_cli_ditolak_juga_tercatat_tanpa_pengguna(tmp_path):
    path = tmp_path / "buruk.xlsx"
    path.write_bytes(buat_xlsx({"anggaran": [["tahun", "kode"], [2020, "1.01"]]}))
    with pytest.raises(SystemExit):
        call_command("import_workbook", str(path), stdout=io.StringIO())
    r = RiwayatImpor.objects.get()
    assert r.pengguna is None and not r.berhasil and r.errors == 1
    assert "kolom wajib tidak ada: kode_kecamatan" in r.pesan


def test_dry_run_cli_tidak_tercatat(tmp_path):
    path = tmp_path / "wilayah.xlsx"
    path.write_bytes(buat_xlsx({"wilayah": WILAYAH}))
    call_command("import_workbook", str(path), "--dry-run", stdout=io.StringIO())
    assert not RiwayatImpor.objects.exists()
    call_command("import_workbook", str(path), "--timpa-versi", stdout=io.StringIO())
    assert RiwayatImpor.objects.get().konfirmasi == "timpa_versi"
