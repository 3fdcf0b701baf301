"""Sasaran strategis and their indicators: the Perjanjian Kinerja and LKjIP Tabel 3.1."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.choices import Polaritas
from core.fields import NilaiField
from renja.models import indeks_tahun
from wilayah.models import DataKecamatanQuerySet, Kecamatan, Kelurahan

from .kepegawaian import (
    ESELON,
    GOLONGAN,
    IsianTidakSah,
    Pendidikan,
    normalisasi_eselon,
    normalisasi_pangkat,
    normalisasi_pendidikan,
)


class IndikatorSasaranQuerySet(DataKecamatanQuerySet):
    jalur_kecamatan = "sasaran__kecamatan"
    jalur_tahun = "sasaran__tahun"


class Tujuan(models.Model):
    """A tujuan of the Renstra for one year (the first rows of Renja §3.3's keterkaitan table: Tujuan 1 with its
    indikator and rumus, then its sasaran). Not in the workbook (WORKBOOK.md has no tujuan column): entered on
    its page or in the admin, and for the demo from the seed's text (fixtures/narasi, ``load_narasi``)."""

    objects = DataKecamatanQuerySet.as_manager()
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.PROTECT, verbose_name=_("kecamatan"))
    uraian = models.CharField(_("tujuan"), max_length=500)
    indikator = models.CharField(_("indikator tujuan"), max_length=500, blank=True)
    satuan = models.CharField(_("satuan"), max_length=50, blank=True)
    rumus = models.TextField(_("rumus/formula"), blank=True)
    keterangan = models.TextField(_("penjelasan/keterangan"), blank=True)
    urutan = models.PositiveIntegerField(_("urutan"), default=1)
    versi = models.PositiveIntegerField(_("versi"), default=0, editable=False)
    history = HistoricalRecords(excluded_fields=["versi"])

    class Meta:
        verbose_name = _("tujuan")
        verbose_name_plural = _("tujuan")
        ordering = ["tahun", "kecamatan_id", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(fields=["tahun", "kecamatan", "uraian"], name="tujuan_kunci"),
            models.CheckConstraint(condition=~Q(uraian=""), name="tujuan_uraian_wajib"),
            models.CheckConstraint(condition=Q(tahun__gte=2000, tahun__lte=2100), name="tujuan_tahun_sah"),
        ]

    def __str__(self) -> str:
        return self.uraian


class Sasaran(models.Model):
    objects = DataKecamatanQuerySet.as_manager()
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.PROTECT, verbose_name=_("kecamatan"))
    uraian = models.CharField(_("sasaran strategis"), max_length=500)
    tujuan = models.ForeignKey(
        Tujuan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sasaran_set",
        verbose_name=_("tujuan"),
        help_text=_("Tujuan Renstra yang dijabarkan sasaran ini (Renja §3.3); kosong = belum dikaitkan."),
    )
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

    def clean(self) -> None:
        if self.tujuan_id and (self.tujuan.kecamatan_id, self.tujuan.tahun) != (
            self.kecamatan_id,
            self.tahun,
        ):
            raise ValidationError({"tujuan": "Tujuan harus dari kecamatan dan tahun yang sama."})


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


class Pegawai(models.Model):
    """One person on the kecamatan's staff list of a report year (LKjIP Tabel 1.2; Tabel 1.3 counts them).

    Key: (tahun, kecamatan, nip), or (tahun, kecamatan, nama) for someone without a NIP. ``eselon`` blank =
    non eselon; ``pendidikan`` or ``pangkat_golongan`` blank = not recorded (counted apart, never as a level).
    """

    objects = DataKecamatanQuerySet.as_manager()

    tahun = models.PositiveSmallIntegerField(_("tahun"))
    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.PROTECT, verbose_name=_("kecamatan"))
    nama = models.CharField(_("nama"), max_length=200, help_text=_("Dengan gelar, seperti tercetak."))
    nip = models.CharField(
        _("NIP"), max_length=30, blank=True, help_text=_("Seperti tercetak, mis. 19720808 199303 1 006.")
    )
    pangkat_golongan = models.CharField(
        _("pangkat/golongan"), max_length=10, blank=True, help_text=_("Golongan/ruang, mis. IV/b, III/c.")
    )
    jabatan = models.CharField(_("jabatan"), max_length=300, blank=True)
    pendidikan = models.CharField(_("pendidikan"), max_length=3, choices=Pendidikan.choices, blank=True)
    eselon = models.CharField(
        _("eselon"),
        max_length=5,
        choices=[(e, e) for e in ESELON],
        blank=True,
        help_text=_("Kosong = non eselon."),
    )
    kelurahan = models.ForeignKey(
        Kelurahan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kelurahan"),
        help_text=_("Tempat bertugas; kosong = kantor kecamatan."),
    )
    urutan = models.PositiveIntegerField(_("urutan"), default=1)
    versi = models.PositiveIntegerField(_("versi"), default=0, editable=False)
    history = HistoricalRecords(excluded_fields=["versi"])

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        ordering = ["tahun", "kecamatan_id", "urutan", "id"]
        indexes = [indeks_tahun("pegawai")]
        constraints = [
            models.UniqueConstraint(
                fields=["tahun", "kecamatan", "nip"], condition=~Q(nip=""), name="pegawai_kunci_nip"
            ),
            models.UniqueConstraint(
                fields=["tahun", "kecamatan", "nama"], condition=Q(nip=""), name="pegawai_kunci_nama"
            ),
            models.CheckConstraint(condition=~Q(nama=""), name="pegawai_nama_wajib"),
            models.CheckConstraint(condition=Q(tahun__gte=2000, tahun__lte=2100), name="pegawai_tahun_sah"),
            models.CheckConstraint(
                condition=Q(pangkat_golongan="") | Q(pangkat_golongan__in=GOLONGAN),
                name="pegawai_golongan_sah",
            ),
            models.CheckConstraint(
                condition=Q(pendidikan="") | Q(pendidikan__in=Pendidikan.values),
                name="pegawai_pendidikan_sah",
            ),
            models.CheckConstraint(condition=Q(eselon="") | Q(eselon__in=ESELON), name="pegawai_eselon_sah"),
        ]

    def __str__(self) -> str:
        return self.nama

    def kunci_impor(self) -> tuple:
        """The natural key within one kecamatan and year (workbook sheet ``pegawai``)."""
        return ("nip", self.nip) if self.nip else ("nama", self.nama)

    def clean(self) -> None:
        """Typed forms are normalised (``IV / b`` → ``IV/b``, ``SLTA`` → ``SMA``, ``IV b`` → ``IV.b``)."""
        galat = {}
        for nama, fungsi in (
            ("pangkat_golongan", normalisasi_pangkat),
            ("pendidikan", normalisasi_pendidikan),
            ("eselon", normalisasi_eselon),
        ):
            try:
                setattr(self, nama, fungsi(getattr(self, nama)))
            except IsianTidakSah as exc:
                galat[nama] = str(exc)
        if self.kelurahan_id and self.kecamatan_id and self.kelurahan.kecamatan_id != self.kecamatan_id:
            galat["kelurahan"] = "Kelurahan ini bukan bagian dari kecamatan yang dipilih."
        if galat:
            raise ValidationError(galat)
