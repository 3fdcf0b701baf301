"""Notifications inside the application: one row per recipient and event (a document submitted, returned or
approved; a catatan verifikator written or answered). Read on the list page; marked read by a POST."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisKabar(models.TextChoices):
    DIAJUKAN = "diajukan", _("Dokumen diajukan")
    DIKEMBALIKAN = "dikembalikan", _("Dokumen dikembalikan")
    DISETUJUI = "disetujui", _("Dokumen disetujui")
    CATATAN = "catatan", _("Catatan verifikator")
    DIJAWAB = "dijawab", _("Catatan dijawab")


class Kabar(models.Model):
    penerima = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="kabar_set",
        verbose_name=_("penerima"),
    )
    jenis = models.CharField(_("jenis"), max_length=15, choices=JenisKabar.choices)
    judul = models.CharField(_("judul"), max_length=200)
    isi = models.TextField(_("isi"), blank=True)
    #: A path inside the application (``/kecamatan/36.73.03/2020/dokumen/lkjip/``), never an outside URL.
    tautan = models.CharField(_("tautan"), max_length=300, blank=True)
    kecamatan = models.ForeignKey(
        "wilayah.Kecamatan",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kecamatan"),
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    dibaca_pada = models.DateTimeField(_("dibaca pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("pemberitahuan")
        verbose_name_plural = _("pemberitahuan")
        ordering = ["-dibuat_pada", "-id"]
        indexes = [models.Index(fields=["penerima", "dibaca_pada"], name="kabar_penerima_belum")]
        constraints = [
            models.CheckConstraint(condition=models.Q(jenis__in=JenisKabar.values), name="kabar_jenis_sah"),
        ]

    def __str__(self) -> str:
        return self.judul
