"""An import the database refuses ends like every other failed import: an Indonesian message without the
constraint's name, nothing written, the summary line with errors=1 (web: 400, CLI: exit 1)."""

from __future__ import annotations

import logging

import pytest
from django.core.management import call_command
from django.db import IntegrityError, OperationalError

from renja.models import Anggaran, Nomenklatur
from wilayah.akun import pengguna_simpan
from wilayah.models import Kecamatan, Kota, Peran
from workbook import penulis
from workbook.impor import workbook_impor

from ..conftest import buat_xlsx
from .test_impor_dasar import ANGGARAN, NOMENKLATUR, WILAYAH
from .web import impor_sekarang, unggah

pytestmark = pytest.mark.django_db

RINGKASAN_GAGAL = "created=0 updated=0 unchanged=0 errors=1"
KENDALA = "anggaran_kunci"
PESAN_DB = (
    'duplicate key value violates unique constraint "anggaran_kunci"\nDETAIL:  Key (tahun)=(2020) exists.'
)


def tolak_anggaran(monkeypatch, galat: Exception) -> None:
    """Writing new Anggaran rows fails with ``galat`` (the import writes new rows in bulk through
    ``workbook.penulis.sisipkan``, also when it retries row by row to name the refused row)."""
    asli = penulis.sisipkan

    def sisipkan(model, objs):
        if model is Anggaran:
            raise galat
        asli(model, objs)

    monkeypatch.setattr(penulis, "sisipkan", sisipkan)


@pytest.fixture
def db_menolak(monkeypatch):
    """Saving an Anggaran fails in the database, the way PostgreSQL reports a violated constraint."""
    tolak_anggaran(monkeypatch, IntegrityError(PESAN_DB))


@pytest.fixture
def db_putus(monkeypatch):
    tolak_anggaran(
        monkeypatch, OperationalError('server closed the connection unexpectedly (relation "renja_anggaran")')
    )


@pytest.fixture
def bappeda(db):
    return pengguna_simpan("bappeda", Peran.BAPPEDA, password="sandi-uji-123")


def _kosong() -> bool:
    return not (Kota.objects.exists() or Kecamatan.objects.exists() or Nomenklatur.objects.exists())


def test_galat_integritas_di_tengah_impor_pesan_indonesia_tanpa_nama_kendala(xlsx, db_menolak, caplog):
    path = xlsx({"wilayah": WILAYAH, "nomenklatur": NOMENKLATUR, "anggaran": ANGGARAN})
    with caplog.at_level(logging.ERROR, logger="workbook.impor"):
        hasil = workbook_impor(path)
    pesan = hasil.pesan_galat()
    assert hasil.ringkasan() == RINGKASAN_GAGAL and not hasil.berhasil
    assert len(pesan) == 1 and pesan[0].startswith("Impor gagal: basis data menolak perubahan")
    assert "sheet 'anggaran', baris 2" in pesan[0] and pesan[0].endswith("tidak ada yang diubah.")
    assert KENDALA not in pesan[0] and "IntegrityError" not in pesan[0]
    assert _kosong()  # the wilayah and nomenklatur sheets before it were rolled back too
    assert KENDALA in caplog.text  # operators find the constraint in the log


def test_basis_data_putus_pesan_coba_lagi(xlsx, db_putus):
    hasil = workbook_impor(xlsx({"wilayah": WILAYAH, "nomenklatur": NOMENKLATUR, "anggaran": ANGGARAN}))
    assert hasil.ringkasan() == RINGKASAN_GAGAL
    assert "tidak ada yang diubah" in hasil.pesan_galat()[0] and "coba lagi" in hasil.pesan_galat()[0].lower()
    assert "renja_anggaran" not in hasil.pesan_galat()[0] and _kosong()


def test_perintah_impor_galat_basis_data_keluar_nonzero(xlsx, db_menolak, capsys, monkeypatch):
    path = xlsx({"wilayah": WILAYAH, "nomenklatur": NOMENKLATUR, "anggaran": ANGGARAN})
    # as in a plain `manage.py` run: no logging handler, so Python would print the logged traceback on stderr
    monkeypatch.setattr(logging.getLogger(), "handlers", [])
    with pytest.raises(SystemExit) as exc:
        call_command("import_workbook", str(path))
    assert exc.value.code == 1
    keluaran = capsys.readouterr()
    baris = keluaran.out.strip().splitlines()
    assert baris[-1] == RINGKASAN_GAGAL
    assert any(b.startswith("Impor gagal: basis data menolak perubahan") for b in baris)
    assert KENDALA not in keluaran.out + keluaran.err and "Traceback" not in keluaran.out + keluaran.err
    assert _kosong()


def test_web_galat_basis_data_400_dengan_pesan(client, bappeda, monkeypatch):
    client.force_login(bappeda)
    client.raise_request_exception = False
    isi = buat_xlsx({"wilayah": WILAYAH, "nomenklatur": NOMENKLATUR, "anggaran": ANGGARAN})
    pratinjau = unggah(client, "wb.xlsx", isi)
    assert (
        pratinjau.status_code == 200 and "Impor sekarang" in pratinjau.content.decode()
    )  # the preview was fine

    tolak_anggaran(monkeypatch, IntegrityError(PESAN_DB))
    r = impor_sekarang(client, pratinjau)
    teks = r.content.decode()
    assert r.status_code == 400
    assert "Impor gagal: basis data menolak perubahan" in teks and RINGKASAN_GAGAL in teks
    assert KENDALA not in teks and "Traceback" not in teks
    assert _kosong()
