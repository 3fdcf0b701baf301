"""Sending and running jobs.

``tugas_kirim`` records a job and hands it to RQ (with ``REDIS_URL``) or runs it at once (without). The job's
function is called as ``fungsi(kemajuan, **argumen)``: it reports progress through :class:`Kemajuan` and
returns the file it produced (``bytes``, stored privately and served by ``antrean:unduh``) or ``None``.

A job that raises is tried again, twice (RQ ``Retry(max=2)``; the inline runner loops the same way); after
the third failure it is ``gagal`` with the last error in ``pesan``, kept and shown, never dropped.
"""

from __future__ import annotations

import logging
from contextlib import nullcontext
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import AKTIF, IZIN_LIHAT, MAKS_ULANG, KelompokTugas, StatusTugas, Tugas

log = logging.getLogger(__name__)

PESAN_MAKS = 2000


def antrean_redis() -> bool:
    """Whether jobs go to RQ on Redis (``REDIS_URL`` set) rather than run inline."""
    return bool(settings.REDIS_URL)


class Kemajuan:
    """Progress of one running job, written to its row at each step so a poller sees it from another
    process (the worker runs outside any request transaction)."""

    def __init__(self, tugas_id) -> None:
        self.tugas_id = tugas_id
        self.selesai = 0
        self.total = 0

    def mulai(self, total: int, pesan: str = "") -> None:
        self.selesai, self.total = 0, total
        Tugas.objects.filter(pk=self.tugas_id).update(langkah_selesai=0, langkah_total=total, pesan=pesan)

    def kabar(self, pesan: str) -> None:
        """A message within the current step (e.g. the page being laid out)."""
        Tugas.objects.filter(pk=self.tugas_id).update(pesan=pesan[:PESAN_MAKS])

    def maju(self, pesan: str = "", langkah: int = 1) -> None:
        self.selesai += langkah
        self.total = max(self.total, self.selesai)
        Tugas.objects.filter(pk=self.tugas_id).update(
            langkah_selesai=self.selesai, langkah_total=self.total, pesan=pesan[:PESAN_MAKS]
        )


def tugas_kirim(
    fungsi: str,
    kunci: str,
    *,
    judul: str,
    jenis: str = "",
    argumen: dict[str, Any] | None = None,
    kecamatan_pk: int | None = None,
    izin: str = IZIN_LIHAT,
    oleh=None,
    kelompok: KelompokTugas | None = None,
    nama_berkas: str = "",
    tautan_hasil: str = "",
    pakai_hasil: bool = False,
) -> Tugas:
    """The job for ``kunci``: the queued or running one if there is one (``tugas.bergabung`` is then True),
    else a new one, queued on Redis after the surrounding transaction commits, or run inline now.

    ``pakai_hasil``: a finished job with this key whose file is still stored is the answer (a cache keyed
    by ``kunci``, e.g. a document's data version)."""
    if pakai_hasil:
        lama = tugas_hasil(kunci)
        if lama is not None:
            lama.bergabung = True
            return lama
    ada = Tugas.objects.filter(kunci=kunci, status__in=AKTIF).first()
    if ada is not None and not _terbengkalai(ada):
        ada.bergabung = True
        return ada
    try:
        with transaction.atomic():
            tugas = Tugas.objects.create(
                fungsi=fungsi,
                kunci=kunci,
                judul=judul[:200],
                jenis=jenis or fungsi.rsplit(".", 1)[-1],
                argumen=argumen or {},
                kecamatan_pk=kecamatan_pk,
                izin=izin,
                dibuat_oleh=oleh if oleh is not None and oleh.is_authenticated else None,
                kelompok=kelompok,
                nama_berkas=nama_berkas,
                tautan_hasil=tautan_hasil,
            )
    except IntegrityError:  # sent a moment ago by someone else: join theirs
        ada = Tugas.objects.filter(kunci=kunci, status__in=AKTIF).first()
        if ada is None:
            raise
        ada.bergabung = True
        return ada
    tugas.bergabung = False
    if antrean_redis():
        tugas_id = tugas.pk
        transaction.on_commit(lambda: _antrekan(tugas_id))
    else:
        _jalankan_inline(tugas.pk)
        tugas.refresh_from_db()
    return tugas


#: A queued job without its RQ job for longer than this (its sender's transaction committed long ago) is lost.
TENGGANG_ANTRE = timedelta(seconds=60)


def _terbengkalai(tugas: Tugas) -> bool:
    """Whether a queued/running job can no longer finish (its worker died, Redis lost it, or it has run far
    past the time limit). Such a job is marked gagal with why, so a new request sends a fresh one instead of
    joining it forever."""
    kini = timezone.now()
    batas = timedelta(seconds=settings.ANTREAN_BATAS_WAKTU + 60)
    sebab = ""
    if tugas.status == StatusTugas.BERJALAN and tugas.dimulai_pada and kini - tugas.dimulai_pada > batas:
        sebab = "Tugas berjalan melewati batas waktu; pekerjanya dianggap berhenti."
    elif antrean_redis() and kini - tugas.dibuat_pada > TENGGANG_ANTRE:
        from rq.exceptions import NoSuchJobError
        from rq.job import Job, JobStatus

        try:
            job = Job.fetch(str(tugas.pk), connection=antrean().connection)
            if job.get_status() in (JobStatus.FAILED, JobStatus.STOPPED, JobStatus.CANCELED):
                sebab = "Pekerja antrean berhenti sebelum tugas selesai."
        except NoSuchJobError:
            sebab = "Tugas tidak ada lagi di antrean Redis."
        except Exception:  # Redis unreachable: cannot tell, so keep the job
            log.warning("Status RQ tugas %s tidak dapat dibaca", tugas.pk, exc_info=True)
    if not sebab:
        return False
    Tugas.objects.filter(pk=tugas.pk, status__in=AKTIF).update(
        status=StatusTugas.GAGAL, selesai_pada=kini, pesan=f"{sebab} Dikirim ulang."
    )
    return True


def tugas_hasil(kunci: str) -> Tugas | None:
    """The newest finished job of ``kunci`` whose file is still stored (or that has no file of its own)."""
    for t in Tugas.objects.filter(kunci=kunci, status=StatusTugas.SELESAI).order_by("-selesai_pada")[:3]:
        if not t.berkas or t.berkas.storage.exists(t.berkas.name):
            return t
    return None


def _antrekan(tugas_id) -> None:
    """Hand the job to RQ. If Redis cannot take it the job is marked gagal with why (never left waiting)."""
    from rq import Retry

    try:
        antrean().enqueue(
            "antrean.services.tugas_jalankan",
            str(tugas_id),
            job_id=str(tugas_id),
            retry=Retry(max=MAKS_ULANG),
            job_timeout=settings.ANTREAN_BATAS_WAKTU,
            result_ttl=24 * 60 * 60,
            failure_ttl=7 * 24 * 60 * 60,
        )
    except Exception as exc:
        log.exception("Tugas %s tidak dapat dimasukkan ke antrean", tugas_id)
        Tugas.objects.filter(pk=tugas_id, status__in=AKTIF).update(
            status=StatusTugas.GAGAL,
            selesai_pada=timezone.now(),
            pesan=f"Antrean (Redis) tidak dapat menerima tugas: {exc}"[:PESAN_MAKS],
        )


def antrean():
    """The RQ queue the jobs go to (``ANTREAN_NAMA`` on ``REDIS_URL``)."""
    from redis import Redis
    from rq import Queue

    return Queue(settings.ANTREAN_NAMA, connection=Redis.from_url(settings.REDIS_URL))


def _jalankan_inline(tugas_id) -> None:
    for _ in range(MAKS_ULANG + 1):
        try:
            tugas_jalankan(tugas_id, titik_simpan=True)
        except Exception:
            log.warning("Tugas %s gagal (inline)", tugas_id, exc_info=True)
            continue
        return


def tugas_jalankan(tugas_id: str, *, titik_simpan: bool = False) -> None:
    """Run one attempt of the job (the RQ entry point; the inline runner calls it too).

    ``titik_simpan``: the function runs inside a savepoint (inline, where the caller may hold a transaction)
    so a failing attempt leaves nothing of its own behind and its failure can still be recorded."""
    tugas = Tugas.objects.get(pk=tugas_id)
    if tugas.status not in AKTIF:  # already finished (a duplicate delivery): nothing to do
        return
    percobaan = tugas.percobaan + 1
    Tugas.objects.filter(pk=tugas.pk).update(
        status=StatusTugas.BERJALAN, percobaan=F("percobaan") + 1, dimulai_pada=timezone.now()
    )
    kemajuan = Kemajuan(tugas.pk)
    try:
        with transaction.atomic() if titik_simpan else nullcontext():
            fungsi = import_string(tugas.fungsi)
            hasil = fungsi(kemajuan, **tugas.argumen)
            nama = ""
            if isinstance(hasil, bytes | bytearray):
                akhiran = tugas.nama_berkas.rpartition(".")[2] if "." in tugas.nama_berkas else "bin"
                nama = tugas.berkas.storage.save(f"tugas/{tugas.pk}.{akhiran}", ContentFile(bytes(hasil)))
    except Exception as exc:
        akhir = percobaan > MAKS_ULANG
        sebab = str(exc) or type(exc).__name__
        pesan = f"Percobaan {percobaan} gagal: {sebab}" + (" Tidak diulang lagi." if akhir else " Diulang.")
        Tugas.objects.filter(pk=tugas.pk).update(
            status=StatusTugas.GAGAL if akhir else StatusTugas.ANTRE,
            pesan=pesan[:PESAN_MAKS],
            selesai_pada=timezone.now() if akhir else None,
        )
        raise
    Tugas.objects.filter(pk=tugas.pk).update(
        status=StatusTugas.SELESAI,
        berkas=nama,
        langkah_selesai=F("langkah_total"),
        pesan="Selesai.",
        selesai_pada=timezone.now(),
    )


def tugas_hapus_lama(awalan: str, kecuali: Tugas | None = None) -> int:
    """Delete finished or failed jobs whose key starts with ``awalan`` (older versions of a cached render),
    with their files; jobs still queued or running are kept, and so are those that finished less than
    ``ANTREAN_TENGGANG_VERSI_LAMA`` seconds ago: someone who asked for that version may be on its page, about
    to download it, while another user's save has already made a newer one (the load test's 404s). The nightly
    ``tugas_bersihkan`` removes them later. Returns how many were deleted."""
    batas = timezone.now() - timedelta(seconds=settings.ANTREAN_TENGGANG_VERSI_LAMA)
    lama = (
        Tugas.objects.filter(kunci__startswith=awalan, kelompok__isnull=True)
        .exclude(status__in=AKTIF)
        .filter(Q(selesai_pada__isnull=True) | Q(selesai_pada__lt=batas))
    )
    if kecuali is not None:
        lama = lama.exclude(pk=kecuali.pk)
    jumlah = 0
    for t in lama:
        if t.berkas:
            t.berkas.delete(save=False)
        t.delete()
        jumlah += 1
    return jumlah


def kelompok_buat(judul: str, jenis: str, izin: str, oleh=None) -> KelompokTugas:
    return KelompokTugas.objects.create(
        judul=judul[:200],
        jenis=jenis,
        izin=izin,
        dibuat_oleh=oleh if oleh is not None and oleh.is_authenticated else None,
    )


def tugas_bersihkan(sebelum) -> tuple[int, int]:
    """Delete jobs that finished or failed before ``sebelum`` (with their files), then batches left empty.
    Returns (jobs, batches) deleted."""
    jumlah = 0
    for t in Tugas.objects.exclude(status__in=AKTIF).filter(selesai_pada__lt=sebelum).iterator():
        if t.berkas:
            t.berkas.delete(save=False)
        t.delete()
        jumlah += 1
    kosong, _ = KelompokTugas.objects.filter(dibuat_pada__lt=sebelum, tugas_set__isnull=True).delete()
    return jumlah, kosong
