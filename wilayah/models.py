from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Kota(models.Model):
    kode = models.CharField(_("kode"), max_length=5, unique=True, help_text=_("Contoh: 36.73"))
    nama = models.CharField(_("nama"), max_length=100)

    class Meta:
        verbose_name = _("kota")
        verbose_name_plural = _("kota")
        ordering = ["kode"]
        constraints = [
            models.CheckConstraint(condition=~Q(kode=""), name="kota_kode_wajib"),
        ]

    def __str__(self) -> str:
        return self.nama


class Kecamatan(models.Model):
    kota = models.ForeignKey(Kota, on_delete=models.PROTECT, related_name="kecamatan_set", verbose_name=_("kota"))
    kode = models.CharField(_("kode"), max_length=8, unique=True, help_text=_("Contoh: 36.73.01"))
    nama = models.CharField(_("nama"), max_length=100)
    alamat_kantor = models.CharField(_("alamat kantor"), max_length=255, blank=True)
    nama_camat = models.CharField(_("nama camat"), max_length=150, blank=True)
    nip_camat = models.CharField(_("NIP camat"), max_length=30, blank=True)
    pangkat_camat = models.CharField(
        _("pangkat camat"), max_length=60, blank=True, help_text=_("Dicetak di blok tanda tangan, mis. Pembina Tk. I")
    )

    class Meta:
        verbose_name = _("kecamatan")
        verbose_name_plural = _("kecamatan")
        ordering = ["kode"]
        constraints = [
            models.CheckConstraint(condition=~Q(kode=""), name="kecamatan_kode_wajib"),
        ]

    def __str__(self) -> str:
        return f"Kecamatan {self.nama}"


class Kelurahan(models.Model):
    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.PROTECT, related_name="kelurahan_set", verbose_name=_("kecamatan")
    )
    kode = models.CharField(_("kode"), max_length=13, unique=True, help_text=_("Contoh: 36.73.01.1001"))
    nama = models.CharField(_("nama"), max_length=100)
    jumlah_rt_rw = models.PositiveIntegerField(_("jumlah RT dan RW"), null=True, blank=True)

    class Meta:
        verbose_name = _("kelurahan")
        verbose_name_plural = _("kelurahan")
        ordering = ["kode"]
        constraints = [
            models.CheckConstraint(condition=~Q(kode=""), name="kelurahan_kode_wajib"),
            models.CheckConstraint(
                condition=Q(jumlah_rt_rw__isnull=True) | Q(jumlah_rt_rw__gte=0), name="kelurahan_rt_rw_nonneg"
            ),
        ]

    def __str__(self) -> str:
        return f"Kelurahan {self.nama}"
