"""Sasaran strategis and their indicators: the Perjanjian Kinerja and LKjIP Tabel 3.1."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.choices import Polaritas
from core.fields import NilaiField
from wilayah.models import DataKecamatanQuerySet, Kecamatan


class IndikatorSasaranQuerySet(DataKecamatanQuerySet):
    jalur_kecamatan = "sasaran__kecamatan"
    jalur_tahun = "sasaran__tahun"


class Sasaran(models.Model):
    objects = DataKecamatanQuerySet.as_manager()
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.PROTECT, verbose_name=_("kecamatan"))
    uraian = models.CharField(_("sasaran strategis"), max_length=500)
    urutan = models.PositiveIntegerField(_("urutan"), default=1)

    class Meta:
        verbose_name = _("sasaran strategis")
        verbose_name_plural = _("sasaran strategis")
        ordering = ["tahun", "kecamatan_id", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(fields=["tahun", "kecamatan", "uraian"], name="sasaran_kunci"),
            models.CheckConstraint(condition=~Q(uraian=""), name="sasaran_uraian_wajib"),
            models.CheckConstraint(condition=Q(tahun__gte=2000, tahun__lte=2100), name="sasaran_tahun_sah"),
        ]

    def __str__(self) -> str:
        return self.uraian


class IndikatorSasaran(models.Model):
    objects = IndikatorSasaranQuerySet.as_manager()
    sasaran = models.ForeignKey(
        Sasaran, on_delete=models.CASCADE, related_name="indikator_set", verbose_name=_("sasaran")
    )
    uraian = models.CharField(_("indikator sasaran"), max_length=500)
    satuan = models.CharField(_("satuan"), max_length=50, blank=True)
    target = NilaiField(_("target"))
    realisasi = NilaiField(_("realisasi"))
    polaritas = models.CharField(
        _("polaritas"), max_length=10, choices=Polaritas.choices, default=Polaritas.POSITIF
    )
    formula = models.TextField(_("formula"), blank=True)
    urutan = models.PositiveIntegerField(_("urutan"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indikator sasaran")
        verbose_name_plural = _("indikator sasaran")
        ordering = ["sasaran_id", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(fields=["sasaran", "uraian"], name="indikator_sasaran_kunci"),
            models.CheckConstraint(
                condition=Q(polaritas__in=Polaritas.values), name="indikator_sasaran_polaritas_sah"
            ),
            models.CheckConstraint(condition=~Q(uraian=""), name="indikator_sasaran_uraian_wajib"),
        ]

    def __str__(self) -> str:
        return self.uraian


class NarasiProgram(models.Model):
    """What the kecamatan writes about one program's year (LKjIP §3.2): keberhasilan, hambatan, saran."""

    objects = DataKecamatanQuerySet.as_manager()

    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.PROTECT, verbose_name=_("kecamatan"))
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    nomenklatur = models.ForeignKey(
        "renja.Nomenklatur", on_delete=models.PROTECT, related_name="+", verbose_name=_("program")
    )
    keberhasilan = models.TextField(_("keberhasilan"), blank=True)
    hambatan = models.TextField(_("hambatan"), blank=True)
    saran = models.TextField(_("saran"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("narasi program")
        verbose_name_plural = _("narasi program")
        ordering = ["tahun", "kecamatan_id", "nomenklatur_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kecamatan", "tahun", "nomenklatur"], name="narasi_program_kunci"
            ),
            models.CheckConstraint(
                condition=Q(tahun__gte=2000, tahun__lte=2100), name="narasi_program_tahun_sah"
            ),
        ]

    def __str__(self) -> str:
        return f"Narasi {self.tahun} {self.nomenklatur_id}"

    @property
    def kosong(self) -> bool:
        return not (self.keberhasilan.strip() or self.hambatan.strip() or self.saran.strip())
