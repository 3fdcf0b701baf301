from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class DataKecamatanQuerySet(models.QuerySet):
    """Rows that belong to one kecamatan (and usually one year): the filters every page writes.

    ``jalur_kecamatan`` is the lookup from the model to its kecamatan (``sasaran__kecamatan`` for rows that
    hang under another row)."""

    jalur_kecamatan = "kecamatan"
    jalur_tahun = "tahun"

    def untuk(self, kecamatan, tahun: int | None = None):
        """Rows of ``kecamatan`` (an instance or a pk), and of ``tahun`` when given."""
        saring = {self.jalur_kecamatan: kecamatan}
        if tahun is not None:
            saring[self.jalur_tahun] = tahun
        return self.filter(**saring)

    def terlihat_oleh(self, user):
        """Rows of the kecamatan ``user`` may see (wilayah.akses decides)."""
        from .akses import kecamatan_terlihat

        return self.filter(**{f"{self.jalur_kecamatan}__in": kecamatan_terlihat(user)})


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
    kota = models.ForeignKey(
        Kota, on_delete=models.PROTECT, related_name="kecamatan_set", verbose_name=_("kota")
    )
    kode = models.CharField(_("kode"), max_length=8, unique=True, help_text=_("Contoh: 36.73.01"))
    nama = models.CharField(_("nama"), max_length=100)
    alamat_kantor = models.CharField(_("alamat kantor"), max_length=255, blank=True)
    nama_camat = models.CharField(_("nama camat"), max_length=150, blank=True)
    nip_camat = models.CharField(_("NIP camat"), max_length=30, blank=True)
    pangkat_camat = models.CharField(
        _("pangkat camat"),
        max_length=60,
        blank=True,
        help_text=_("Dicetak di blok tanda tangan, mis. Pembina Tk. I"),
    )
    history = HistoricalRecords()

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
    history = HistoricalRecords()

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
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("profil pengguna")
        verbose_name_plural = _("profil pengguna")

    def __str__(self) -> str:
        return str(self.user)
