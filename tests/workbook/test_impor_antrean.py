"""The web import on the job queue: an upload is read and checked by a job whose page shows its progress and
then the preview (kept with the job, not in the session); "Impor sekarang" sends the import job, whose page
shows the outcome and links the history. A failing import leaves nothing written and is recorded; the jobs
are admin Bappeda's only.

The queue is RQ with REDIS_URL; without it (here) the same jobs run inline. Where a test needs a job still
waiting, it sends it as with Redis but does not hand it to RQ, then runs it as the worker would."""

from __future__ import annotations

import pytest
from django.urls import reverse

from antrean import services as antrean_services
from antrean.models import Tugas
from renja.models import Nomenklatur
from wilayah.akun import pengguna_simpan
from wilayah.models import Kecamatan, Kota, Peran
from workbook import tugas
from workbook.models import RiwayatImpor

from ..conftest import buat_xlsx
from .test_impor_dasar import ANGGARAN, NOMENKLATUR, WILAYAH
from .test_impor_gagal_basis_data import tolak_anggaran
from .web import halaman, impor_sekarang, unggah

pytestmark = pytest.mark.django_db


@pytest.fixture
def bappeda(db):
    return pengguna_simpan("bappeda", Peran.BAPPEDA, password="sandi-uji-123")


@pytest.fixture
def antre(monkeypatch):
    """Jobs are sent as with REDIS_URL (recorded, left queued) but not handed to RQ: the test is the worker."""
    monkeypatch.setattr(antrean_services, "antrean_redis", lambda: True)
    monkeypatch.setattr(antrean_services, "_antrekan", lambda tugas_id: None)


REDIS = "redis://127.0.0.1:6379/0"


def _redis_ada() -> bool:
    from redis import Redis
    from redis.exceptions import RedisError

    try:
        return bool(Redis.from_url(REDIS, socket_connect_timeout=1).ping())
    except (RedisError, OSError):
        return False


@pytest.fixture
def rq_antre(settings):
    """A queue on the real Redis for this test only; its jobs and registries are removed afterwards."""
    import uuid

    from rq.registry import FailedJobRegistry, FinishedJobRegistry

    settings.REDIS_URL = REDIS
    settings.ANTREAN_NAMA = f"uji-rkk-impor-{uuid.uuid4().hex}"
    q = antrean_services.antrean()
    yield q
    for registry in (FailedJobRegistry(queue=q), FinishedJobRegistry(queue=q)):
        for job_id in registry.get_job_ids():
            registry.remove(job_id, delete_job=True)
    q.delete(delete_jobs=True)


def _pekerja(q) -> None:
    from rq import SimpleWorker

    SimpleWorker([q], connection=q.connection).work(burst=True)


def _kosong() -> bool:
    return not (Kota.objects.exists() or Kecamatan.objects.exists() or Nomenklatur.objects.exists())


def test_unggah_mengirim_tugas_periksa_lalu_pratinjau_tampil(
    client, bappeda, antre, django_capture_on_commit_callbacks
):
    client.force_login(bappeda)
    with django_capture_on_commit_callbacks(execute=True):
        r = unggah(client, "wilayah.xlsx", buat_xlsx({"wilayah": WILAYAH}))
    periksa = Tugas.objects.get()
    assert (periksa.jenis, periksa.status, periksa.izin) == (tugas.JENIS_PERIKSA, "antre", "workbook.impor")
    assert halaman(r) == reverse("workbook:periksa", kwargs={"pk": periksa.pk})
    assert periksa.tautan_hasil == halaman(r)  # the generic job page links here
    # while queued: the progress (polled, reloaded when the job ends), no preview, nothing read yet
    isi = r.content.decode()
    assert r.status_code == 200 and "data-tugas-muat-ulang" in isi
    assert reverse("antrean:status", kwargs={"pk": periksa.pk}) in isi
    assert "Impor sekarang" not in isi and "created=" not in isi

    antrean_services.tugas_jalankan(str(periksa.pk))  # the worker
    periksa.refresh_from_db()
    assert periksa.status == "selesai" and periksa.langkah_total == 3 and periksa.langkah_selesai == 3
    r = client.get(halaman(r))
    isi = r.content.decode()
    assert r.status_code == 200 and "data-tugas-muat-ulang" not in isi
    assert "created=3 updated=0 unchanged=0 errors=0" in isi and "Impor sekarang" in isi
    assert "Perubahan di sheet wilayah" in isi
    assert _kosong()  # a preview writes nothing

    # the preview lives with the job, not in a session: another Bappeda sees the same one
    lain = pengguna_simpan("bappeda2", Peran.BAPPEDA, password="sandi-uji-123")
    client.force_login(lain)
    isi = client.get(reverse("workbook:periksa", kwargs={"pk": periksa.pk})).content.decode()
    assert "created=3 updated=0 unchanged=0 errors=0" in isi and "Impor sekarang" in isi


def test_tugas_impor_menulis_dan_mencatat_riwayat(client, bappeda, antre, django_capture_on_commit_callbacks):
    client.force_login(bappeda)
    with django_capture_on_commit_callbacks(execute=True):
        pratinjau = unggah(client, "wilayah.xlsx", buat_xlsx({"wilayah": WILAYAH}))
    antrean_services.tugas_jalankan(str(Tugas.objects.get().pk))
    with django_capture_on_commit_callbacks(execute=True):
        r = impor_sekarang(client, halaman(pratinjau))
    impor = Tugas.objects.get(jenis=tugas.JENIS_IMPOR)
    assert halaman(r) == reverse("workbook:hasil", kwargs={"pk": impor.pk}) and impor.status == "antre"
    assert "data-tugas-muat-ulang" in r.content.decode() and not Kecamatan.objects.exists()

    antrean_services.tugas_jalankan(str(impor.pk))  # the worker
    r = client.get(halaman(r))
    isi = r.content.decode()
    assert r.status_code == 200
    assert "Workbook 'wilayah.xlsx' diimpor: created=3 updated=0 unchanged=0 errors=0." in isi
    riwayat = RiwayatImpor.objects.get()
    assert (riwayat.pengguna, riwayat.created, riwayat.berhasil) == (bappeda, 3, True)
    assert reverse("workbook:riwayat_berkas", kwargs={"pk": riwayat.pk}) in isi
    assert Kecamatan.objects.count() == 1
    # written by the worker, still attributed to the Bappeda who confirmed it in the audit trail
    assert {h.history_user for h in Kecamatan.history.all()} == {bappeda}
    # the preview no longer offers the import; it links the result
    isi = client.get(halaman(pratinjau)).content.decode()
    assert "Impor sekarang" not in isi and reverse("workbook:hasil", kwargs={"pk": impor.pk}) in isi


def test_tugas_impor_gagal_tidak_menulis_apa_pun_dan_tercatat(client, bappeda, monkeypatch):
    client.force_login(bappeda)
    client.raise_request_exception = False
    isi = buat_xlsx({"wilayah": WILAYAH, "nomenklatur": NOMENKLATUR, "anggaran": ANGGARAN})
    pratinjau = unggah(client, "wb.xlsx", isi)
    assert "Impor sekarang" in pratinjau.content.decode()

    # not a database error: a fault the importer does not expect
    tolak_anggaran(monkeypatch, RuntimeError("disk penuh"))
    r = impor_sekarang(client, pratinjau)
    teks = r.content.decode()
    assert r.status_code == 400
    assert tugas.GAGAL_TAK_TERDUGA in teks and "tidak ada yang disimpan" in teks
    assert "RuntimeError" not in teks and "disk penuh" not in teks and "Traceback" not in teks
    assert _kosong()  # wilayah and nomenklatur, written before the failing sheet, were rolled back
    riwayat = RiwayatImpor.objects.get()
    assert not riwayat.berhasil and riwayat.errors == 1 and tugas.GAGAL_TAK_TERDUGA in riwayat.pesan
    assert Tugas.objects.get(jenis=tugas.JENIS_IMPOR).status == "selesai"  # answered, not retried


def test_tugas_periksa_gagal_di_antrean_pesan_indonesia(
    client, bappeda, antre, django_capture_on_commit_callbacks
):
    client.force_login(bappeda)
    with django_capture_on_commit_callbacks(execute=True):
        r = unggah(client, "wilayah.xlsx", buat_xlsx({"wilayah": WILAYAH}))
    Tugas.objects.update(status="gagal", pesan="Pekerja antrean berhenti sebelum tugas selesai.")
    isi = client.get(halaman(r)).content.decode()
    assert "Pemeriksaan workbook gagal; tidak ada yang disimpan." in isi
    assert "Pekerja antrean berhenti sebelum tugas selesai." in isi and "Impor sekarang" not in isi


def test_batal_menghapus_berkas_tertunda(client, bappeda):
    client.force_login(bappeda)
    pratinjau = halaman(unggah(client, "wilayah.xlsx", buat_xlsx({"wilayah": WILAYAH})))
    periksa = Tugas.objects.get()
    assert tugas.penyimpanan_privat().exists(periksa.argumen["path"])
    r = client.post(pratinjau, {"aksi": "batal"})
    assert r.status_code == 302 and r["Location"] == reverse("workbook:impor")
    assert not tugas.penyimpanan_privat().exists(periksa.argumen["path"])
    r = impor_sekarang(client, pratinjau)
    assert "Tidak ada pratinjau" in r.content.decode() and not Kecamatan.objects.exists()


def test_halaman_tugas_impor_403_atau_404_untuk_operator(client, bappeda):
    client.force_login(bappeda)
    pratinjau = unggah(client, "wilayah.xlsx", buat_xlsx({"wilayah": WILAYAH}))
    impor = impor_sekarang(client, pratinjau)
    periksa = Tugas.objects.get(jenis=tugas.JENIS_PERIKSA)
    hasil = Tugas.objects.get(jenis=tugas.JENIS_IMPOR)
    # a job of the other kind under a workbook URL: as if it did not exist
    assert client.get(reverse("workbook:hasil", kwargs={"pk": periksa.pk})).status_code == 404
    assert client.get(reverse("workbook:periksa", kwargs={"pk": hasil.pk})).status_code == 404

    kota = Kota.objects.get(kode="36.73")
    kec = Kecamatan.objects.filter(kota=kota).first()
    operator = pengguna_simpan("operator_uji", Peran.OPERATOR, kecamatan=kec, password="sandi-uji-123")
    client.force_login(operator)
    for url in (halaman(pratinjau), halaman(impor), f"{halaman(pratinjau)}kesalahan.xlsx"):
        assert client.get(url).status_code == 403, url
    assert client.post(halaman(pratinjau), {"aksi": "impor"}).status_code == 403
    for t in (periksa, hasil):  # the generic job pages answer as for a job that does not exist
        for nama in ("antrean:tugas", "antrean:status", "antrean:unduh"):
            assert client.get(reverse(nama, kwargs={"pk": t.pk})).status_code == 404, (nama, t.jenis)
    assert RiwayatImpor.objects.count() == 1


@pytest.mark.skipif(not _redis_ada(), reason="Redis di 127.0.0.1:6379 tidak dapat dihubungi")
def test_redis_pekerja_memeriksa_lalu_mengimpor(
    client, bappeda, rq_antre, django_capture_on_commit_callbacks
):
    """On the real Redis with an RQ worker (burst, in this process): the requests only send the jobs."""
    client.force_login(bappeda)
    with django_capture_on_commit_callbacks(execute=True):
        r = unggah(client, "wilayah.xlsx", buat_xlsx({"wilayah": WILAYAH}))
    assert "Impor sekarang" not in r.content.decode() and rq_antre.count == 1
    _pekerja(rq_antre)
    r = client.get(halaman(r))
    assert "created=3 updated=0 unchanged=0 errors=0" in r.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        r = impor_sekarang(client, r)
    assert "diimpor" not in r.content.decode() and not Kecamatan.objects.exists()
    _pekerja(rq_antre)
    assert "diimpor: created=3" in client.get(halaman(r)).content.decode()
    assert Kecamatan.objects.count() == 1 and RiwayatImpor.objects.get().berhasil
