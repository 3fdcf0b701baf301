"""The nomenklatur tree and the data planned and reported against it.

Program (and group/OPD) totals are never stored: report builders sum the kegiatan/sub kegiatan lines.
"""

import uuid
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.angka import format_rupiah
from core.capaian import capaian_anggaran
from core.choices import Polaritas, Sifat, SumberDana
from core.fields import NilaiField
from core.nilai import KOSONG, Nilai
from core.penyimpanan import penyimpanan_privat
from wilayah.models import DataKecamatanQuerySet, Kecamatan, Kelurahan

UANG = {"max_digits": 18, "decimal_places": 2, "null": True, "blank": True}
TRIWULAN = (1, 2, 3, 4)


class Tingkat(models.TextChoices):
    URUSAN = "urusan", _("Urusan")
    BIDANG_URUSAN = "bidang_urusan", _("Bidang urusan")
    PROGRAM = "program", _("Program")
    KEGIATAN = "kegiatan", _("Kegiatan")
    SUB_KEGIATAN = "sub_kegiatan", _("Sub kegiatan")


KEDALAMAN = {t: i for i, t in enumerate(Tingkat.values)}
TINGKAT_ANGGARAN = (Tingkat.KEGIATAN, Tingkat.SUB_KEGIATAN)


def _nonneg(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0}), name=name
    )


def _kunci_lokasi(nama: str, *fields: str) -> list[models.UniqueConstraint]:
    """The key of a row that may belong to one kelurahan (``fields`` include ``kelurahan``): unique with the
    kelurahan when it has one, and without it when the row is the kecamatan's own — a NULL kelurahan never
    equals another in a unique index, so one constraint alone would let the kecamatan's row be doubled."""
    return [
        models.UniqueConstraint(
            fields=list(fields), condition=Q(kelurahan__isnull=False), name=f"{nama}_kunci_kelurahan"
        ),
        models.UniqueConstraint(
            fields=[f for f in fields if f != "kelurahan"],
            condition=Q(kelurahan__isnull=True),
            name=f"{nama}_kunci",
        ),
    ]


def indeks_tahun(nama: str) -> models.Index:
    """An index on (tahun, kecamatan) for a table read one kecamatan's year at a time (``untuk``) and probed by
    the home page (MIN/MAX of tahun, EXISTS per kecamatan and year). The unique keys of tables whose rows may
    belong to a kelurahan are partial (:func:`_kunci_lokasi`), and PostgreSQL cannot use a partial index for a
    query that does not repeat its condition: without this index such a read scans the whole city's table."""
    return models.Index(fields=["tahun", "kecamatan"], name=f"{nama}_tahun_kec")


class RenstraQuerySet(DataKecamatanQuerySet):
    def untuk(self, kecamatan, tahun: int | None = None):
        """Targets of ``kecamatan`` whose Renstra period covers ``tahun``."""
        qs = self.filter(kecamatan=kecamatan)
        return qs if tahun is None else qs.filter(periode_awal__lte=tahun, periode_akhir__gte=tahun)


class Nomenklatur(models.Model):
    """One node of the city-wide program tree; old (2020) and new (Permendagri 90/2019) codes side by side."""

    kode = models.CharField(_("kode"), max_length=40, unique=True)
    tingkat = models.CharField(_("tingkat"), max_length=16, choices=Tingkat.choices)
    uraian = models.CharField(_("uraian"), max_length=500)
    induk = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="anak_set",
        verbose_name=_("induk"),
    )
    kelompok = models.CharField(
        _("kelompok"), max_length=100, blank=True, help_text=_("Kelompok laporan, mis. NON URUSAN")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nomenklatur")
        verbose_name_plural = _("nomenklatur")
        ordering = ["kode"]
        constraints = [
            models.CheckConstraint(condition=Q(tingkat__in=Tingkat.values), name="nomenklatur_tingkat_sah"),
            models.CheckConstraint(condition=~Q(kode=""), name="nomenklatur_kode_wajib"),
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.uraian}"

    @property
    def kedalaman(self) -> int:
        return KEDALAMAN[self.tingkat]


class Anggaran(models.Model):
    """Pagu and realisasi of one kegiatan/sub kegiatan line for one year, lokasi and sumber dana."""

    objects = DataKecamatanQuerySet.as_manager()
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.PROTECT, verbose_name=_("kecamatan"))
    nomenklatur = models.ForeignKey(
        Nomenklatur, on_delete=models.PROTECT, verbose_name=_("kegiatan/sub kegiatan")
    )
    kelurahan = models.ForeignKey(
        Kelurahan, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("lokasi kelurahan")
    )
    sumber_dana = models.CharField(
        _("sumber dana"), max_length=20, choices=SumberDana.choices, default=SumberDana.APBD
    )
    pagu = models.DecimalField(_("pagu"), **UANG)
    realisasi = models.DecimalField(_("realisasi setahun"), **UANG)
    realisasi_tw1 = models.DecimalField(_("realisasi TW I"), **UANG)
    realisasi_tw2 = models.DecimalField(_("realisasi TW II"), **UANG)
    realisasi_tw3 = models.DecimalField(_("realisasi TW III"), **UANG)
    realisasi_tw4 = models.DecimalField(_("realisasi TW IV"), **UANG)
    versi = models.PositiveIntegerField(_("versi"), default=0, editable=False)
    history = HistoricalRecords(excluded_fields=["versi"])

    class Meta:
        verbose_name = _("anggaran")
        verbose_name_plural = _("anggaran")
        ordering = ["tahun", "kecamatan_id", "nomenklatur_id", "kelurahan_id", "sumber_dana"]
        indexes = [indeks_tahun("anggaran")]
        constraints = [
            *_kunci_lokasi("anggaran", "tahun", "kecamatan", "nomenklatur", "kelurahan", "sumber_dana"),
            models.CheckConstraint(
                condition=Q(sumber_dana__in=SumberDana.values), name="anggaran_sumber_dana_sah"
            ),
            models.CheckConstraint(condition=Q(tahun__gte=2000, tahun__lte=2100), name="anggaran_tahun_sah"),
            _nonneg("pagu", "anggaran_pagu_nonneg"),
            _nonneg("realisasi", "anggaran_realisasi_nonneg"),
            _nonneg("realisasi_tw1", "anggaran_tw1_nonneg"),
            _nonneg("realisasi_tw2", "anggaran_tw2_nonneg"),
            _nonneg("realisasi_tw3", "anggaran_tw3_nonneg"),
            _nonneg("realisasi_tw4", "anggaran_tw4_nonneg"),
        ]

    def __str__(self) -> str:
        return f"{self.tahun} {self.nomenklatur.kode}"

    def realisasi_triwulan(self) -> list[Decimal | None]:
        return [getattr(self, f"realisasi_tw{tw}") for tw in TRIWULAN]

    @property
    def realisasi_tahun(self) -> Decimal | None:
        """The year's realisasi: the sum of the quarters when any is reported, else the year figure."""
        triwulan = [v for v in self.realisasi_triwulan() if v is not None]
        if triwulan:
            return sum(triwulan, Decimal(0))
        return self.realisasi

    @property
    def hanya_setahun(self) -> bool:
        """The realisasi is a year figure without any quarter (as a workbook may import it)."""
        return self.realisasi is not None and all(v is None for v in self.realisasi_triwulan())


class Indikator(models.Model):
    """A performance indicator of a program/kegiatan/sub kegiatan for one year and kecamatan."""

    objects = DataKecamatanQuerySet.as_manager()
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.PROTECT, verbose_name=_("kecamatan"))
    nomenklatur = models.ForeignKey(Nomenklatur, on_delete=models.PROTECT, verbose_name=_("program/kegiatan"))
    uraian = models.CharField(_("indikator"), max_length=500)
    satuan = models.CharField(_("satuan"), max_length=50, blank=True)
    target = NilaiField(_("target"))
    realisasi = NilaiField(_("realisasi setahun"))
    realisasi_tw1 = NilaiField(_("realisasi TW I"))
    realisasi_tw2 = NilaiField(_("realisasi TW II"))
    realisasi_tw3 = NilaiField(_("realisasi TW III"))
    realisasi_tw4 = NilaiField(_("realisasi TW IV"))
    polaritas = models.CharField(
        _("polaritas"), max_length=10, choices=Polaritas.choices, default=Polaritas.POSITIF
    )
    sifat = models.CharField(_("sifat"), max_length=10, choices=Sifat.choices, default=Sifat.KUMULATIF)
    urutan = models.PositiveIntegerField(_("urutan"), default=1)
    versi = models.PositiveIntegerField(_("versi"), default=0, editable=False)
    history = HistoricalRecords(excluded_fields=["versi"])

    class Meta:
        verbose_name = _("indikator")
        verbose_name_plural = _("indikator")
        ordering = ["tahun", "kecamatan_id", "nomenklatur_id", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["tahun", "kecamatan", "nomenklatur", "uraian"], name="indikator_kunci"
            ),
            models.CheckConstraint(
                condition=Q(polaritas__in=Polaritas.values), name="indikator_polaritas_sah"
            ),
            models.CheckConstraint(condition=Q(sifat__in=Sifat.values), name="indikator_sifat_sah"),
            models.CheckConstraint(condition=Q(tahun__gte=2000, tahun__lte=2100), name="indikator_tahun_sah"),
            models.CheckConstraint(condition=~Q(uraian=""), name="indikator_uraian_wajib"),
        ]

    def __str__(self) -> str:
        return self.uraian

    def realisasi_triwulan(self) -> list[Nilai]:
        return [getattr(self, f"realisasi_tw{tw}") or KOSONG for tw in TRIWULAN]


class RenstraTarget(models.Model):
    """End-of-period Renstra target of a node: an indicator's target, or (indikator blank) its Rupiah."""

    objects = RenstraQuerySet.as_manager()
    periode_awal = models.PositiveSmallIntegerField(_("awal periode"))
    periode_akhir = models.PositiveSmallIntegerField(_("akhir periode"))
    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.PROTECT, verbose_name=_("kecamatan"))
    nomenklatur = models.ForeignKey(Nomenklatur, on_delete=models.PROTECT, verbose_name=_("program/kegiatan"))
    indikator = models.CharField(_("indikator"), max_length=500, blank=True)
    target_akhir = NilaiField(_("target akhir periode"))
    pagu_akhir = models.DecimalField(_("pagu akhir periode"), **UANG)

    class Meta:
        verbose_name = _("target Renstra")
        verbose_name_plural = _("target Renstra")
        ordering = ["periode_awal", "kecamatan_id", "nomenklatur_id", "indikator"]
        constraints = [
            models.UniqueConstraint(
                fields=["periode_awal", "periode_akhir", "kecamatan", "nomenklatur", "indikator"],
                name="renstra_kunci",
            ),
            models.CheckConstraint(
                condition=Q(periode_akhir__gte=models.F("periode_awal")), name="renstra_periode_sah"
            ),
            _nonneg("pagu_akhir", "renstra_pagu_nonneg"),
        ]

    @property
    def periode(self) -> str:
        return f"{self.periode_awal}-{self.periode_akhir}"

    def __str__(self) -> str:
        return f"Renstra {self.periode} {self.nomenklatur.kode}"


class RkpdReview(models.Model):
    """One line of Renja Tabel 2.4: the Rancangan Awal RKPD against the Hasil Analisis Kebutuhan."""

    objects = DataKecamatanQuerySet.as_manager()
    tahun = models.PositiveSmallIntegerField(_("tahun rencana"))
    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.PROTECT, verbose_name=_("kecamatan"))
    nomenklatur = models.ForeignKey(Nomenklatur, on_delete=models.PROTECT, verbose_name=_("program/kegiatan"))
    kelurahan = models.ForeignKey(
        Kelurahan, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("lokasi")
    )
    indikator = models.CharField(_("indikator"), max_length=500, blank=True)
    target_rancangan = models.CharField(_("target rancangan awal"), max_length=100, blank=True)
    pagu_rancangan = models.DecimalField(_("pagu rancangan awal"), **UANG)
    target_kebutuhan = models.CharField(_("target hasil analisis kebutuhan"), max_length=100, blank=True)
    pagu_kebutuhan = models.DecimalField(_("pagu hasil analisis kebutuhan"), **UANG)
    catatan = models.TextField(_("catatan penting"), blank=True)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("review rancangan awal RKPD")
        verbose_name_plural = _("review rancangan awal RKPD")
        ordering = ["tahun", "kecamatan_id", "urutan", "id"]
        indexes = [indeks_tahun("rkpd")]
        constraints = [
            *_kunci_lokasi("rkpd", "tahun", "kecamatan", "nomenklatur", "kelurahan", "indikator"),
            _nonneg("pagu_rancangan", "rkpd_pagu_rancangan_nonneg"),
            _nonneg("pagu_kebutuhan", "rkpd_pagu_kebutuhan_nonneg"),
        ]

    def __str__(self) -> str:
        return f"RKPD {self.tahun} {self.nomenklatur.kode}"


class TriwulanDitutup(models.Model):
    """A quarter the camat has closed: its realisasi are read-only from then on."""

    objects = DataKecamatanQuerySet.as_manager()
    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.PROTECT, verbose_name=_("kecamatan"))
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    triwulan = models.PositiveSmallIntegerField(_("triwulan"))
    ditutup_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("ditutup oleh")
    )
    ditutup_pada = models.DateTimeField(_("ditutup pada"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("triwulan ditutup")
        verbose_name_plural = _("triwulan ditutup")
        constraints = [
            models.UniqueConstraint(fields=["kecamatan", "tahun", "triwulan"], name="triwulan_ditutup_kunci"),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1, triwulan__lte=4), name="triwulan_ditutup_sah"
            ),
        ]

    def __str__(self) -> str:
        return f"TW {self.triwulan} {self.tahun} {self.kecamatan}"


class CatatanRealisasi(models.Model):
    """Keterangan of one kegiatan/sub kegiatan for one quarter, written by the kecamatan."""

    objects = DataKecamatanQuerySet.as_manager()
    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.PROTECT, verbose_name=_("kecamatan"))
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    nomenklatur = models.ForeignKey(Nomenklatur, on_delete=models.PROTECT, verbose_name=_("kegiatan"))
    triwulan = models.PositiveSmallIntegerField(_("triwulan"))
    keterangan = models.TextField(_("keterangan"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("keterangan realisasi")
        verbose_name_plural = _("keterangan realisasi")
        constraints = [
            models.UniqueConstraint(
                fields=["kecamatan", "tahun", "nomenklatur", "triwulan"], name="catatan_realisasi_kunci"
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1, triwulan__lte=4), name="catatan_realisasi_tw_sah"
            ),
        ]


def _lokasi_bukti(instance: "BuktiDukung", filename: str) -> str:
    return f"bukti/{instance.kecamatan.kode}/{instance.tahun}/tw{instance.triwulan}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class BuktiDukung(models.Model):
    """An evidence file for one kegiatan and quarter; stored outside the web root, served only in scope."""

    objects = DataKecamatanQuerySet.as_manager()
    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.PROTECT, verbose_name=_("kecamatan"))
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    nomenklatur = models.ForeignKey(Nomenklatur, on_delete=models.PROTECT, verbose_name=_("kegiatan"))
    triwulan = models.PositiveSmallIntegerField(_("triwulan"))
    berkas = models.FileField(
        _("berkas"), upload_to=_lokasi_bukti, storage=penyimpanan_privat, max_length=255
    )
    nama_asli = models.CharField(_("nama berkas"), max_length=255)
    jenis = models.CharField(_("jenis"), max_length=100)
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"))
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("diunggah oleh")
    )
    diunggah_pada = models.DateTimeField(_("diunggah pada"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")
        ordering = ["diunggah_pada", "id"]
        indexes = [indeks_tahun("bukti")]
        constraints = [
            models.CheckConstraint(condition=Q(triwulan__gte=1, triwulan__lte=4), name="bukti_dukung_tw_sah"),
        ]

    def __str__(self) -> str:
        return self.nama_asli


class CatatanVerifikator(models.Model):
    """Bappeda's note on a kecamatan's quarter (optionally on one kegiatan row), and the kecamatan's answer."""

    objects = DataKecamatanQuerySet.as_manager()
    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.PROTECT, verbose_name=_("kecamatan"))
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    triwulan = models.PositiveSmallIntegerField(_("triwulan"))
    # optional: the kegiatan row the note is about (the grid links to it); empty = the whole quarter
    kegiatan = models.ForeignKey(
        Nomenklatur,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kegiatan"),
    )
    catatan = models.TextField(_("catatan verifikator"))
    ditulis_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("ditulis oleh")
    )
    ditulis_pada = models.DateTimeField(_("ditulis pada"), auto_now_add=True)
    jawaban = models.TextField(_("jawaban kecamatan"), blank=True)
    dijawab_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dijawab oleh"),
    )
    dijawab_pada = models.DateTimeField(_("dijawab pada"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("catatan verifikator")
        verbose_name_plural = _("catatan verifikator")
        ordering = ["ditulis_pada", "id"]
        indexes = [indeks_tahun("catatan_verifikator")]
        constraints = [
            models.CheckConstraint(
                condition=Q(triwulan__gte=1, triwulan__lte=4), name="catatan_verifikator_tw_sah"
            ),
        ]


class Usulan(models.Model):
    """One proposal from the community or stakeholders (musrenbang) for plan year ``tahun`` (Renja Tabel 2.5)."""

    objects = DataKecamatanQuerySet.as_manager()
    tahun = models.PositiveSmallIntegerField(_("tahun rencana"))
    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.PROTECT, verbose_name=_("kecamatan"))
    nomenklatur = models.ForeignKey(
        Nomenklatur,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("program/kegiatan/sub kegiatan"),
    )
    uraian = models.CharField(_("usulan"), max_length=500)
    kelurahan = models.ForeignKey(
        Kelurahan, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("lokasi")
    )
    indikator = models.CharField(_("indikator kinerja"), max_length=500, blank=True)
    volume = models.CharField(_("saran/volume"), max_length=200, blank=True)
    catatan = models.TextField(_("catatan"), blank=True)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    versi = models.PositiveIntegerField(_("versi"), default=0, editable=False)
    history = HistoricalRecords(excluded_fields=["versi"])

    class Meta:
        verbose_name = _("usulan masyarakat")
        verbose_name_plural = _("usulan masyarakat")
        ordering = ["tahun", "kecamatan_id", "urutan", "id"]
        indexes = [indeks_tahun("usulan")]
        constraints = [
            *_kunci_lokasi("usulan", "tahun", "kecamatan", "uraian", "kelurahan"),
            models.CheckConstraint(condition=~Q(uraian=""), name="usulan_uraian_wajib"),
            models.CheckConstraint(condition=Q(tahun__gte=2000, tahun__lte=2100), name="usulan_tahun_sah"),
        ]

    def __str__(self) -> str:
        return self.uraian


class JenisPrioritas(models.TextChoices):
    UNGGULAN = "unggulan", "Program unggulan"
    MENDESAK = "mendesak", "Program mendesak"
    PENDAPATAN = "pendapatan", "Pendapatan"
    KL = "kl", "Renja K/L (APBN)"
    PROVINSI = "provinsi", "Renja PD Provinsi (APBD Prov)"


class Prioritas(models.Model):
    """One row of Renja BAB IV: an akun pendapatan (Tabel 4.1), a program unggulan or mendesak (§4.2), or a
    proposal on the Renja K/L (APBN) or Renja PD Provinsi (APBD Prov) (§4.3)."""

    objects = DataKecamatanQuerySet.as_manager()
    tahun = models.PositiveSmallIntegerField(_("tahun rencana"))
    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.PROTECT, verbose_name=_("kecamatan"))
    jenis = models.CharField(_("jenis"), max_length=12, choices=JenisPrioritas.choices)
    uraian = models.CharField(_("uraian"), max_length=500)
    # A pendapatan row names its kode akun; the other kinds refer to the nomenklatur, when there is a code.
    kode_akun = models.CharField(_("kode akun"), max_length=40, blank=True)
    nomenklatur = models.ForeignKey(
        Nomenklatur,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("program/kegiatan/sub kegiatan"),
    )
    fokus = models.TextField(_("indikasi/fokus kegiatan"), blank=True)
    indikator = models.CharField(_("indikator"), max_length=500, blank=True)
    satuan = models.CharField(_("satuan"), max_length=50, blank=True)
    target = models.CharField(_("target"), max_length=100, blank=True)
    pagu = models.DecimalField(_("pagu indikatif / target penganggaran"), **UANG)
    sumber_dana = models.CharField(_("sumber dana"), max_length=20, choices=SumberDana.choices, blank=True)
    instansi = models.CharField(_("instansi penanggung jawab"), max_length=300, blank=True)
    keterangan = models.TextField(_("keterangan"), blank=True)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    versi = models.PositiveIntegerField(_("versi"), default=0, editable=False)
    history = HistoricalRecords(excluded_fields=["versi"])

    class Meta:
        verbose_name = _("prioritas dan pendanaan")
        verbose_name_plural = _("prioritas dan pendanaan")
        ordering = ["tahun", "kecamatan_id", "jenis", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(fields=["tahun", "kecamatan", "jenis", "uraian"], name="prioritas_kunci"),
            models.CheckConstraint(condition=Q(jenis__in=JenisPrioritas.values), name="prioritas_jenis_sah"),
            models.CheckConstraint(condition=~Q(uraian=""), name="prioritas_uraian_wajib"),
            models.CheckConstraint(condition=Q(tahun__gte=2000, tahun__lte=2100), name="prioritas_tahun_sah"),
            _nonneg("pagu", "prioritas_pagu_nonneg"),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()}: {self.uraian}"

    @property
    def kode(self) -> str:
        """The code as the workbook carries it: the nomenklatur's, or the kode akun of a pendapatan row."""
        return self.nomenklatur.kode if self.nomenklatur_id else self.kode_akun


class Belanja(models.Model):
    """Spending outside the program tree for one year (belanja tidak langsung, e.g. belanja pegawai): one row
    per jenis, for the kecamatan or one kelurahan (WORKBOOK.md sheet 8 ``belanja``). The LKjIP akuntabilitas
    keuangan adds these rows to the belanja langsung of the anggaran lines. A blank pagu or realisasi is not
    known, never 0."""

    objects = DataKecamatanQuerySet.as_manager()
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.PROTECT, verbose_name=_("kecamatan"))
    jenis = models.CharField(
        _("jenis belanja"), max_length=200, help_text=_("Mis. belanja pegawai (BTL); satu baris per jenis")
    )
    kelurahan = models.ForeignKey(
        Kelurahan, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("lokasi kelurahan")
    )
    pagu = models.DecimalField(_("pagu"), help_text=_("Anggaran perubahan bila ada"), **UANG)
    realisasi = models.DecimalField(_("realisasi"), **UANG)
    keterangan = models.TextField(_("keterangan"), blank=True)
    versi = models.PositiveIntegerField(_("versi"), default=0, editable=False)
    history = HistoricalRecords(excluded_fields=["versi"])

    class Meta:
        verbose_name = _("belanja tidak langsung")
        verbose_name_plural = _("belanja tidak langsung")
        ordering = ["tahun", "kecamatan_id", "jenis", "kelurahan_id"]
        indexes = [indeks_tahun("belanja")]
        constraints = [
            *_kunci_lokasi("belanja", "tahun", "kecamatan", "jenis", "kelurahan"),
            models.CheckConstraint(condition=~Q(jenis=""), name="belanja_jenis_wajib"),
            models.CheckConstraint(condition=Q(tahun__gte=2000, tahun__lte=2100), name="belanja_tahun_sah"),
            _nonneg("pagu", "belanja_pagu_nonneg"),
            _nonneg("realisasi", "belanja_realisasi_nonneg"),
        ]

    @property
    def serapan(self) -> Decimal | None:
        """Realisasi / pagu × 100 (None when either is not known or the pagu is 0)."""
        return capaian_anggaran(self.pagu, self.realisasi)

    def __str__(self) -> str:
        lokasi = f" {self.kelurahan.nama}" if self.kelurahan_id else ""
        return f"{self.tahun} {self.jenis}{lokasi}"

    def clean(self) -> None:
        """The rules of a row whoever enters it (page or admin; the workbook checks the same and may accept a
        realisasi above the pagu on confirmation): the jenis as one line with single spaces, the realisasi at
        most the pagu."""
        self.jenis = " ".join((self.jenis or "").split())
        if self.pagu is not None and self.realisasi is not None and self.realisasi > self.pagu:
            raise ValidationError(
                {
                    "realisasi": f"Realisasi Rp {format_rupiah(self.realisasi)} melebihi pagu "
                    f"Rp {format_rupiah(self.pagu)}."
                }
            )

    def validate_constraints(self, exclude=None) -> None:
        """The key ignores case, as the workbook's does: "Belanja Pegawai" is the row "belanja pegawai" of
        the same lokasi (refused by name, on the jenis)."""
        if not {"tahun", "kecamatan", "jenis", "kelurahan"} & set(exclude or ()):
            sama = (
                Belanja.objects.filter(
                    tahun=self.tahun,
                    kecamatan_id=self.kecamatan_id,
                    kelurahan_id=self.kelurahan_id,
                    jenis__iexact=self.jenis,
                )
                .exclude(pk=self.pk)
                .exists()
            )
            if sama:
                lokasi = f"kelurahan {self.kelurahan.nama}" if self.kelurahan_id else "kecamatan"
                raise ValidationError(
                    {
                        "jenis": f"Belanja '{self.jenis}' untuk {lokasi} tahun {self.tahun} sudah tercatat; "
                        "ubah barisnya."
                    }
                )
        super().validate_constraints(exclude)
