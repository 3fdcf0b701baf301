"""Who a user is in the product: a role (a Django group) and, for kecamatan staff, one kecamatan."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Peran(models.TextChoices):
    """Role names; each is also the name of a Django group."""

    OPERATOR = "Operator Kecamatan", _("Operator kecamatan")
    CAMAT = "Camat", _("Camat")
    BAPPEDA = "Admin Bappeda", _("Admin Bappeda")
    PIMPINAN = "Pimpinan", _("Pimpinan")


PERAN_KECAMATAN = (Peran.OPERATOR, Peran.CAMAT)


class ProfilPengguna(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profil", verbose_name=_("pengguna")
    )
    kecamatan = models.ForeignKey(
        "wilayah.Kecamatan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kecamatan"),
        help_text=_("Wajib untuk operator kecamatan dan camat; kosong untuk Bappeda dan pimpinan."),
    )

    class Meta:
        verbose_name = _("profil pengguna")
        verbose_name_plural = _("profil pengguna")

    def __str__(self) -> str:
        return str(self.user)
