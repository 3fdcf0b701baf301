"""A kecamatan's Renja and LKjIP as documents: their revisions and approval, and their narrative sections."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.penyimpanan import penyimpanan_privat
from wilayah.models import DataKecamatanQuerySet


class JenisDokumen(models.TextChoices):
    RENJA = "renja", _("Renja")
    LKJIP = "lkjip", _("LKjIP")


class StatusDokumen(models.TextChoices):
    DRAF = "draf", _("Draf")
    DIAJUKAN = "diajukan", _("Diajukan")
    DISETUJUI = "disetujui", _("Disetujui")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")


class Dokumen(models.Model):
    """One revision of a kecamatan's Renja or LKjIP for a year, moving draf → diajukan → disetujui /
    dikembalikan. An approved revision keeps the PDF it was approved with; Bappeda can open a new revision."""

    objects = DataKecamatanQuerySet.as_manager()

    kecamatan = models.ForeignKey("wilayah.Kecamatan", on_delete=models.PROTECT, verbose_name=_("kecamatan"))
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    jenis = models.CharField(_("jenis"), max_length=10, choices=JenisDokumen.choices)
    revisi = models.PositiveSmallIntegerField(_("revisi"), default=0)
    status = models.CharField(
        _("status"), max_length=15, choices=StatusDokumen.choices, default=StatusDokumen.DRAF
    )
    catatan = models.TextField(_("catatan pengembalian"), blank=True)
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diajukan oleh"),
    )
    diajukan_pada = models.DateTimeField(_("diajukan pada"), null=True, blank=True)
    diputuskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("disetujui/dikembalikan oleh"),
    )
    diputuskan_pada = models.DateTimeField(_("disetujui/dikembalikan pada"), null=True, blank=True)
    pdf = models.FileField(
        _("PDF yang disetujui"), upload_to="dokumen/", storage=penyimpanan_privat, blank=True, max_length=255
    )
    #: Report slug → fingerprint of its table as approved (dokumen.cap): a standalone report whose table still
    #: has that fingerprint prints without DRAF.
    sidik_tabel = models.JSONField(_("sidik tabel yang disetujui"), default=dict, blank=True, editable=False)
    #: The camat named on the approval (the kecamatan's camat then, else the approving user): printed with the
    #: approved version of a table, whoever is camat later.
    camat_penyetuju = models.CharField(_("camat yang menyetujui"), max_length=150, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["sidik_tabel"])

    class Meta:
        verbose_name = _("dokumen")
        verbose_name_plural = _("dokumen")
        ordering = ["kecamatan_id", "tahun", "jenis", "-revisi"]
        constraints = [
            models.UniqueConstraint(fields=["kecamatan", "tahun", "jenis", "revisi"], name="dokumen_kunci"),
            models.CheckConstraint(
                condition=models.Q(jenis__in=JenisDokumen.values), name="dokumen_jenis_sah"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=StatusDokumen.values), name="dokumen_status_sah"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.tahun} {self.kecamatan}" + (
            f" (revisi {self.revisi})" if self.revisi else ""
        )

    @property
    def judul_revisi(self) -> str:
        if not self.revisi:
            return "Awal"
        return "Perubahan" + (f" ke-{self.revisi}" if self.revisi > 1 else "")


class TabelDisetujui(models.Model):
    """One report table of an approved revision, as the builder laid it out at approval (JSON of the
    :class:`~core.laporan.tabel.Tabel`, :mod:`core.laporan.beku`): the standalone report prints its approved
    version from it, whatever changed in the data since. Written once, at approval; never changed."""

    dokumen = models.ForeignKey(
        Dokumen, on_delete=models.CASCADE, related_name="tabel_disetujui", verbose_name=_("dokumen")
    )
    slug = models.CharField(_("laporan"), max_length=60)
    isi = models.JSONField(_("tabel"))
    sidik = models.CharField(_("sidik"), max_length=64)

    class Meta:
        verbose_name = _("tabel yang disetujui")
        verbose_name_plural = _("tabel yang disetujui")
        constraints = [
            models.UniqueConstraint(fields=["dokumen", "slug"], name="tabel_disetujui_kunci"),
        ]

    def __str__(self) -> str:
        return f"{self.slug} · {self.dokumen}"


class BagianNarasi(models.Model):
    """Narrative text of one section (e.g. ``bab1.latar_belakang``) of a kecamatan's document for a year.

    Absent rows mean "use the default text" of dokumen.struktur."""

    objects = DataKecamatanQuerySet.as_manager()

    kecamatan = models.ForeignKey("wilayah.Kecamatan", on_delete=models.PROTECT, verbose_name=_("kecamatan"))
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    jenis = models.CharField(_("jenis"), max_length=10, choices=JenisDokumen.choices)
    kunci = models.CharField(_("bagian"), max_length=60)
    isi = models.TextField(_("isi"), blank=True)
    # optimistic lock (like Anggaran.versi): each change moves it on; a page holding an older one is refused
    versi = models.PositiveIntegerField(_("versi"), default=0, editable=False)
    history = HistoricalRecords(excluded_fields=["versi"])

    class Meta:
        verbose_name = _("bagian narasi")
        verbose_name_plural = _("bagian narasi")
        constraints = [
            models.UniqueConstraint(
                fields=["kecamatan", "tahun", "jenis", "kunci"], name="bagian_narasi_kunci"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kunci} {self.tahun}"
