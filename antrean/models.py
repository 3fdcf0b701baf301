"""A job and the batch it may belong to.

No django-simple-history here: a job's row is itself the record (who asked, when, each attempt, the last
message), and its progress is written many times a minute, which a history table would only multiply.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.penyimpanan import penyimpanan_privat

#: Tries of one job: the first and two retries (RQ ``Retry(max=2)``; the inline runner does the same).
MAKS_ULANG = 2
#: The permission a user needs on the job's kecamatan to see it, unless the job names another.
IZIN_LIHAT = "wilayah.lihat_kecamatan"


class StatusTugas(models.TextChoices):
    ANTRE = "antre", _("Antre")
    BERJALAN = "berjalan", _("Berjalan")
    SELESAI = "selesai", _("Selesai")
    GAGAL = "gagal", _("Gagal")


#: Statuses of a job that has not finished: a second request with its key joins it.
AKTIF = (StatusTugas.ANTRE, StatusTugas.BERJALAN)


class KelompokTugas(models.Model):
    """A batch of jobs started together (``cetak_massal``): one per kecamatan and document."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    judul = models.CharField(_("judul"), max_length=200)
    jenis = models.CharField(_("jenis"), max_length=60)
    izin = models.CharField(_("izin untuk melihat"), max_length=100)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dibuat oleh"),
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("kelompok tugas")
        verbose_name_plural = _("kelompok tugas")
        ordering = ["-dibuat_pada"]

    def __str__(self) -> str:
        return self.judul


class Tugas(models.Model):
    """One job: the function to run (a dotted path) and its arguments, its status and progress, and the file
    it produced (kept in private storage, served only through a view that checks scope).

    ``kunci`` de-duplicates: while a job with a key is queued or running, a second request with the same key
    joins it (a partial unique constraint makes that hold under concurrency too)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    jenis = models.CharField(_("jenis"), max_length=60)
    judul = models.CharField(_("judul"), max_length=200)
    kunci = models.CharField(_("kunci"), max_length=255, db_index=True)
    fungsi = models.CharField(_("fungsi"), max_length=200)
    argumen = models.JSONField(_("argumen"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=StatusTugas.choices, default=StatusTugas.ANTRE
    )
    langkah_selesai = models.PositiveIntegerField(_("langkah selesai"), default=0)
    langkah_total = models.PositiveIntegerField(_("jumlah langkah"), default=0)
    pesan = models.TextField(_("pesan"), blank=True)
    berkas = models.FileField(
        _("berkas hasil"), upload_to="tugas/", storage=penyimpanan_privat, blank=True, max_length=255
    )
    nama_berkas = models.CharField(_("nama berkas unduhan"), max_length=200, blank=True)
    #: Where the result is served when not from ``berkas`` (an approved document's own PDF view).
    tautan_hasil = models.CharField(_("tautan hasil"), max_length=300, blank=True)
    #: The kecamatan the job concerns (its pk; antrean knows no kecamatan model) and the permission on it.
    kecamatan_pk = models.PositiveBigIntegerField(_("kecamatan"), null=True, blank=True, db_index=True)
    izin = models.CharField(_("izin untuk melihat"), max_length=100, default=IZIN_LIHAT)
    kelompok = models.ForeignKey(
        KelompokTugas,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="tugas_set",
        verbose_name=_("kelompok"),
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diminta oleh"),
    )
    dibuat_pada = models.DateTimeField(_("diminta pada"), auto_now_add=True)
    dimulai_pada = models.DateTimeField(_("dimulai pada"), null=True, blank=True)
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    percobaan = models.PositiveSmallIntegerField(_("percobaan"), default=0)

    class Meta:
        verbose_name = _("tugas")
        verbose_name_plural = _("tugas")
        ordering = ["-dibuat_pada"]
        constraints = [
            models.UniqueConstraint(
                fields=["kunci"], condition=Q(status__in=["antre", "berjalan"]), name="tugas_kunci_aktif"
            ),
            models.CheckConstraint(condition=Q(status__in=StatusTugas.values), name="tugas_status_sah"),
        ]

    def __str__(self) -> str:
        return f"{self.judul} ({self.get_status_display()})"

    @property
    def aktif(self) -> bool:
        return self.status in AKTIF

    @property
    def persen(self) -> int:
        if self.status == StatusTugas.SELESAI:
            return 100
        if not self.langkah_total:
            return 0
        return min(99, self.langkah_selesai * 100 // self.langkah_total)
