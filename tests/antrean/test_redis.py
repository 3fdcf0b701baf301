"""Jobs on the real Redis at 127.0.0.1:6379 (skipped when it cannot be reached), run by an RQ worker in burst
mode in this process: the approval returns before the render, the worker stores the signed PDF, a second
request joins the queued job, and a failing job is retried twice and then marked gagal.

Each test uses its own queue name, so parallel runs never take each other's jobs."""

from __future__ import annotations

import io
import uuid
from unittest import mock

import pytest
from django.urls import reverse

from antrean.models import StatusTugas, Tugas
from antrean.services import antrean, tugas_kirim
from dokumen.cetak import kirim_draf, sidik_data
from dokumen.models import StatusDokumen
from dokumen.services import dokumen_ajukan, dokumen_setujui, dokumen_terkini

from ..data_uji import dua_kecamatan

REDIS = "redis://127.0.0.1:6379/0"


def _redis_ada() -> bool:
    from redis import Redis
    from redis.exceptions import RedisError

    try:
        return bool(Redis.from_url(REDIS, socket_connect_timeout=1).ping())
    except (RedisError, OSError):
        return False


pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not _redis_ada(), reason="Redis di 127.0.0.1:6379 tidak dapat dihubungi"),
]


@pytest.fixture
def antre(settings):
    """A queue of this test only; its jobs and registries are removed afterwards."""
    from rq.registry import FailedJobRegistry, FinishedJobRegistry

    settings.REDIS_URL = REDIS
    settings.ANTREAN_NAMA = f"uji-rkk-{uuid.uuid4().hex}"
    q = antrean()
    yield q
    for registry in (FailedJobRegistry(queue=q), FinishedJobRegistry(queue=q)):
        for job_id in registry.get_job_ids():
            registry.remove(job_id, delete_job=True)
    q.delete(delete_jobs=True)


def _pekerja(q) -> None:
    from rq import SimpleWorker

    SimpleWorker([q], connection=q.connection).work(burst=True)


def _teks_pdf(isi: bytes) -> tuple[int, str]:
    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO(isi))
    return len(pdf.pages), "\n".join(h.extract_text() for h in pdf.pages)


def test_persetujuan_kembali_segera_lalu_pekerja_menyimpan_pdf(
    antre, client, django_capture_on_commit_callbacks
):
    d = dua_kecamatan()
    dok = dokumen_ajukan(dokumen_terkini(d["a"], 2020, "lkjip"), d["users"]["operator_a"])
    with django_capture_on_commit_callbacks(execute=True):
        dok = dokumen_setujui(dok, d["users"]["camat_a"])
    # approved at once; the render waits in the queue
    assert dok.status == StatusDokumen.DISETUJUI and not dok.pdf
    t = dok.tugas_cetak
    assert t.status == StatusTugas.ANTRE and antre.count == 1 and antre.job_ids == [str(t.pk)]
    client.force_login(d["users"]["camat_a"])
    url = reverse("dokumen:halaman", kwargs={"kode": "36.73.03", "tahun": 2020, "jenis": "lkjip"})
    assert reverse("antrean:status", kwargs={"pk": t.pk}) in client.get(url).content.decode()

    _pekerja(antre)

    t.refresh_from_db()
    dok.refresh_from_db()
    assert t.status == StatusTugas.SELESAI and t.percobaan == 1 and t.langkah_selesai == t.langkah_total > 2
    halaman, teks = _teks_pdf(dok.pdf.open("rb").read())
    assert halaman > 3 and "CAMAT WALANTAKA" in teks and "DRAF" not in teks
    s = client.get(reverse("antrean:status", kwargs={"pk": t.pk})).json()
    assert s["status"] == "selesai" and s["tautan"].endswith("/revisi/0/pdf/")
    r = client.get(reverse("dokumen:pdf", kwargs={"kode": "36.73.03", "tahun": 2020, "jenis": "lkjip"}))
    assert r["Content-Type"] == "application/pdf"


def test_permintaan_kedua_bergabung_dengan_tugas_yang_antre(antre, django_capture_on_commit_callbacks):
    d = dua_kecamatan()
    sidik = sidik_data(d["a"], 2020)
    with django_capture_on_commit_callbacks(execute=True):
        pertama = kirim_draf(d["a"], 2020, "renja", "a4", sidik, d["users"]["operator_a"])
        kedua = kirim_draf(d["a"], 2020, "renja", "a4", sidik, d["users"]["pimpinan"])
    assert kedua.pk == pertama.pk and kedua.bergabung and antre.count == 1

    _pekerja(antre)

    pertama.refresh_from_db()
    assert pertama.status == StatusTugas.SELESAI
    halaman, teks = _teks_pdf(pertama.berkas.open("rb").read())
    assert halaman > 3 and "DRAF" in teks and "Walantaka" in teks
    with django_capture_on_commit_callbacks(execute=True):
        ketiga = kirim_draf(d["a"], 2020, "renja", "a4", sidik, d["users"]["camat_a"])
    assert ketiga.pk == pertama.pk and antre.count == 0  # served from storage, nothing queued
    assert Tugas.objects.exclude(jenis="dokumen.bab").count() == 1  # (and its chapters' jobs: dokumen/bab.py)


def test_draf_mengirim_bab_ke_antrean_yang_selesai_tanpa_menata_ulang(
    antre, django_capture_on_commit_callbacks
):
    """The document's job sends its chapters but the first as jobs of their own (dokumen/bab.py); here the one
    worker is busy with the document, which lays them out itself, so the chapter jobs it finds done end at once."""
    d = dua_kecamatan()
    with django_capture_on_commit_callbacks(execute=True):
        draf = kirim_draf(d["a"], 2020, "lkjip", "a4", sidik_data(d["a"], 2020), d["users"]["operator_a"])
    with django_capture_on_commit_callbacks(execute=True):  # the chapter jobs are queued as they are sent
        _pekerja(antre)
    draf.refresh_from_db()
    assert draf.status == StatusTugas.SELESAI
    bab = Tugas.objects.filter(jenis="dokumen.bab")
    assert bab.count() == 3 and antre.count == 3 and all(t.kecamatan_pk == d["a"].pk for t in bab)
    _pekerja(antre)
    assert set(bab.values_list("status", flat=True)) == {StatusTugas.SELESAI}
    halaman, teks = _teks_pdf(draf.berkas.open("rb").read())
    assert halaman > 3 and "DAFTAR ISI" in teks and f"Halaman {halaman} dari {halaman}" in teks


def test_tugas_gagal_diulang_dua_kali_lalu_gagal(antre, django_capture_on_commit_callbacks):
    from rq.job import Job, JobStatus
    from rq.registry import FailedJobRegistry

    with django_capture_on_commit_callbacks(execute=True):
        t = tugas_kirim("tests.antrean.fungsi_uji.selalu_gagal", f"gagal-{uuid.uuid4()}", judul="Uji gagal")
    assert t.status == StatusTugas.ANTRE

    _pekerja(antre)

    t.refresh_from_db()
    assert t.status == StatusTugas.GAGAL and t.percobaan == 3
    assert "Percobaan 3 gagal: data tidak dapat dibaca" in t.pesan
    job = Job.fetch(str(t.pk), connection=antre.connection)
    assert job.get_status() == JobStatus.FAILED and job.retries_left == 0
    assert str(t.pk) in FailedJobRegistry(queue=antre).get_job_ids()


def test_tugas_yang_hilang_dari_redis_dikirim_ulang(antre, django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.utils import timezone

    hilang = Tugas.objects.create(
        kunci="hilang", fungsi="tests.antrean.fungsi_uji.berhasil", judul="Uji", status="antre"
    )
    Tugas.objects.filter(pk=hilang.pk).update(dibuat_pada=timezone.now() - timedelta(minutes=5))
    with django_capture_on_commit_callbacks(execute=True):
        t = tugas_kirim("tests.antrean.fungsi_uji.berhasil", "hilang", judul="Uji")
    assert t.pk != hilang.pk and antre.job_ids == [str(t.pk)]
    hilang.refresh_from_db()
    assert hilang.status == StatusTugas.GAGAL and "tidak ada lagi di antrean" in hilang.pesan
    # the new one, queued in Redis, is joined
    with django_capture_on_commit_callbacks(execute=True):
        assert tugas_kirim("tests.antrean.fungsi_uji.berhasil", "hilang", judul="Uji").pk == t.pk


def test_redis_tidak_terjangkau_tugas_gagal_dengan_pesan(settings, django_capture_on_commit_callbacks):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    settings.ANTREAN_NAMA = f"uji-rkk-{uuid.uuid4().hex}"
    with django_capture_on_commit_callbacks(execute=True):
        t = tugas_kirim("tests.antrean.fungsi_uji.berhasil", "tanpa-redis", judul="Uji")
    t.refresh_from_db()
    assert t.status == StatusTugas.GAGAL and "Redis" in t.pesan


@pytest.mark.django_db(transaction=True)  # committed as the command does: jobs are queued as they are sent
def test_cetak_massal_lewat_pekerja_redis_memeriksa_setiap_pdf(antre, tmp_path):
    """The command's Redis path: jobs queued, a worker (here in this process: the test database is not
    visible to another) renders them, the command waits for them and writes the ZIP; every PDF is read."""
    import zipfile

    from django.core.management import call_command

    from antrean.models import KelompokTugas
    from dokumen.management.commands.cetak_massal import Command

    dua_kecamatan()

    def pekerja_di_sini(self, jumlah):
        assert jumlah == 2 and antre.count == 4  # every job queued before any runs
        _pekerja(antre)
        return []

    keluar = io.StringIO()
    with mock.patch.object(Command, "_pekerja", pekerja_di_sini):
        call_command(
            "cetak_massal",
            "--tahun",
            "2020",
            "--pekerja",
            "2",
            "--zip",
            str(tmp_path / "m.zip"),
            stdout=keluar,
        )
    assert "antrean Redis" in keluar.getvalue() and "selesai=4 gagal=0 belum=0" in keluar.getvalue()
    kelompok = KelompokTugas.objects.get()
    assert set(kelompok.tugas_set.values_list("status", flat=True)) == {"selesai"}
    with zipfile.ZipFile(tmp_path / "m.zip") as z:
        pdf = [n for n in z.namelist() if n.endswith(".pdf")]
        assert len(pdf) == 4
        for n in pdf:
            halaman, teks = _teks_pdf(z.read(n))
            kecamatan = n.split("/")[0].split(" ", 1)[1].upper()  # "36.73.03 Walantaka/…"
            assert halaman > 3 and "DRAF" in teks and f"KECAMATAN {kecamatan}\n" in teks
