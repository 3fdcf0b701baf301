"""The import history: who imported which file when, with what outcome; the file itself is kept privately."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.penyimpanan import penyimpanan_privat


class RiwayatImpor(models.Model):
    """One real import (web "Impor sekarang" or ``import_workbook`` without ``--dry-run``), refused or not."""

    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("pengguna"),
        help_text=_("Kosong untuk impor dari baris perintah."),
    )
    waktu = models.DateTimeField(_("waktu"), auto_now_add=True)
    nama_berkas = models.CharField(_("nama berkas"), max_length=255)
    ukuran = models.PositiveBigIntegerField(_("ukuran (byte)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    berkas = models.FileField(
        _("berkas"), upload_to="impor/riwayat/", storage=penyimpanan_privat, max_length=255, blank=True
    )
    created = models.PositiveIntegerField(_("baru"), default=0)
    updated = models.PositiveIntegerField(_("diubah"), default=0)
    unchanged = models.PositiveIntegerField(_("tetap"), default=0)
    errors = models.PositiveIntegerField(_("kesalahan"), default=0)
    berhasil = models.BooleanField(_("berhasil"))
    konfirmasi = models.CharField(
        _("konfirmasi"), max_length=200, blank=True, help_text=_("Timpa versi/kunci, akui melebihi pagu.")
    )
    pesan = models.TextField(
        _("pesan"), blank=True, help_text=_("Kesalahan (paling banyak 50) dan peringatan.")
    )

    class Meta:
        verbose_name = _("riwayat impor")
        verbose_name_plural = _("riwayat impor")
        ordering = ["-waktu", "-id"]

    def __str__(self) -> str:
        return f"{self.nama_berkas} {self.waktu:%Y-%m-%d %H:%M}"
