from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from import_export import resources
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from core.choices import Sifat
from wilayah.admin_akses import AdminBerlingkup

from .models import Anggaran, Belanja, Indikator, Nomenklatur, Prioritas, RenstraTarget, RkpdReview, Usulan
from .nomenklatur_resmi import SUMBER, GalatMuat, cek_resmi, muat_resmi
from .services import (
    GalatRealisasi,
    KonflikVersi,
    anggaran_periksa,
    anggaran_ubah,
    indikator_periksa,
    indikator_ubah,
    isian_periksa,
    isian_ubah,
    sifat_bawaan,
)

SIFAT_OTOMATIS = "Otomatis: akhir untuk %, indeks, nilai, predikat; selain itu kumulatif"
PESAN_VERSI = "Data ini sudah diubah pengguna lain sejak halaman dibuka; muat ulang."


class NomenklaturResource(resources.ModelResource):
    class Meta:
        model = Nomenklatur
        import_id_fields = ["kode"]
        fields = ["kode", "tingkat", "uraian", "induk", "kelompok"]


@admin.register(Nomenklatur)
class NomenklaturAdmin(ImportExportModelAdmin, SimpleHistoryAdmin):
    resource_classes = [NomenklaturResource]
    list_display = ["kode", "tingkat", "uraian", "kelompok"]
    list_filter = ["tingkat", "kelompok"]
    search_fields = ["kode", "uraian"]
    raw_id_fields = ["induk"]
    change_list_template = "admin/renja/nomenklatur/change_list.html"

    def get_urls(self):
        tambahan = [
            path(
                "muat-resmi/",
                self.admin_site.admin_view(self.muat_resmi_view),
                name="renja_nomenklatur_muat_resmi",
            )
        ]
        return tambahan + super().get_urls()

    def muat_resmi_view(self, request):
        """The changelist's button: load the official 7.01 list (the muat_nomenklatur_resmi command), POST only."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        try:
            hitung = muat_resmi()
        except GalatMuat as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                f"Nomenklatur resmi 7.01 ({SUMBER}) dimuat: {hitung['created']} baru, {hitung['updated']} "
                f"diganti nama resminya, {hitung['unchanged']} sudah sesuai.",
            )
        return HttpResponseRedirect(reverse("admin:renja_nomenklatur_changelist"))

    def save_model(self, request, obj, form, change) -> None:
        """Saved as typed; a 7.01 code missing from the official list, or a name that differs from the official
        one, is told as a warning (the same check as the workbook import)."""
        super().save_model(request, obj, form, change)
        peringatan = cek_resmi(obj.kode, obj.uraian)
        if peringatan:
            messages.warning(request, "Peringatan: " + peringatan)


class FormBerversi(forms.ModelForm):
    """An admin change form that carries the ``versi`` it was loaded with and applies the grid's rules
    (``periksa``: ``anggaran_periksa``/``indikator_periksa``), so a save in the admin and a save in the grid
    can never silently overwrite each other."""

    versi_awal = forms.IntegerField(widget=forms.HiddenInput, required=False)
    periksa: Callable[..., dict[str, Any]] = staticmethod(anggaran_periksa)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["versi_awal"].initial = self.instance.versi

    def nilai(self) -> dict:
        """The model fields the form edits, cleaned."""
        return {
            f.name: self.cleaned_data[f.name]
            for f in self._meta.model._meta.fields
            if f.name in self.cleaned_data
        }

    def clean(self):
        data = super().clean()
        if self.instance.pk is not None:
            sekarang = (
                self._meta.model.objects.filter(pk=self.instance.pk).values_list("versi", flat=True).first()
            )
            if data.get("versi_awal") != sekarang:
                raise ValidationError(PESAN_VERSI, code="versi")
        if not self.errors:
            try:
                type(self).periksa(self.instance, self.nilai())
            except GalatRealisasi as exc:
                for nama, pesan in exc.galat.items():
                    self.add_error(nama if nama.startswith("realisasi_tw") else None, pesan)
        return data


class AnggaranAdminForm(FormBerversi):
    periksa = staticmethod(anggaran_periksa)

    class Meta:
        model = Anggaran
        fields = "__all__"


class IndikatorAdminForm(FormBerversi):
    """A new indicator may leave its sifat to the rule of ``sifat_bawaan`` (a percentage, index, score or grade
    is ``akhir``); an existing one keeps the sifat it has unless changed."""

    periksa = staticmethod(indikator_periksa)

    class Meta:
        model = Indikator
        fields = "__all__"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and "sifat" in self.fields:
            bidang = self.fields["sifat"]
            bidang.required = False
            bidang.initial = ""
            bidang.choices = [("", SIFAT_OTOMATIS), *Sifat.choices]
            bidang.help_text = SIFAT_OTOMATIS

    def clean(self):
        data = self.cleaned_data
        if self.instance.pk is None and "sifat" in data and not data["sifat"]:
            data["sifat"] = sifat_bawaan(data.get("satuan"), data.get("target"))
        return super().clean()


class AdminBerversi:
    """ModelAdmin mixin: a change goes through the service (``ubah``) that claims the version; if the row moved
    on between the form's check and the save, nothing is saved and the form is shown again with a message."""

    ubah: Callable[..., Any] = staticmethod(anggaran_ubah)

    def save_model(self, request, obj, form, change):
        if not change:
            return super().save_model(request, obj, form, change)
        baru = type(self).ubah(
            obj, versi=form.cleaned_data["versi_awal"], nilai=form.nilai(), user=request.user
        )
        obj.versi = baru.versi

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except (KonflikVersi, GalatRealisasi):  # the whole save was rolled back
            messages.error(request, PESAN_VERSI)
            return HttpResponseRedirect(request.path)


@admin.register(Anggaran)
class AnggaranAdmin(AdminBerversi, AdminBerlingkup, SimpleHistoryAdmin):
    list_display = ["tahun", "kecamatan", "nomenklatur", "kelurahan", "sumber_dana", "pagu", "realisasi"]
    list_filter = ["tahun", "kecamatan", "sumber_dana"]
    search_fields = ["nomenklatur__kode", "nomenklatur__uraian"]
    raw_id_fields = ["nomenklatur"]
    list_select_related = ["kecamatan", "nomenklatur", "kelurahan"]
    form = AnggaranAdminForm


@admin.register(Indikator)
class IndikatorAdmin(AdminBerversi, AdminBerlingkup, SimpleHistoryAdmin):
    list_display = ["tahun", "kecamatan", "nomenklatur", "uraian", "satuan", "target", "realisasi"]
    list_filter = ["tahun", "kecamatan", "polaritas", "sifat"]
    search_fields = ["uraian", "nomenklatur__kode"]
    raw_id_fields = ["nomenklatur"]
    list_select_related = ["kecamatan", "nomenklatur"]
    form = IndikatorAdminForm
    ubah = staticmethod(indikator_ubah)


@admin.register(RenstraTarget)
class RenstraTargetAdmin(AdminBerlingkup, admin.ModelAdmin):
    list_display = ["periode", "kecamatan", "nomenklatur", "indikator", "target_akhir", "pagu_akhir"]
    list_filter = ["periode_awal", "kecamatan"]
    raw_id_fields = ["nomenklatur"]


@admin.register(RkpdReview)
class RkpdReviewAdmin(AdminBerlingkup, admin.ModelAdmin):
    list_display = ["tahun", "kecamatan", "nomenklatur", "kelurahan", "pagu_rancangan", "pagu_kebutuhan"]
    list_filter = ["tahun", "kecamatan"]
    raw_id_fields = ["nomenklatur"]


class IsianAdminForm(FormBerversi):
    """Usulan, prioritas, belanja (and lkjip's pegawai and tujuan): the rules and version of their pages
    (``isian_periksa``)."""

    periksa = staticmethod(isian_periksa)


class BelanjaAdminForm(IsianAdminForm):
    class Meta:
        model = Belanja
        fields = "__all__"


class UsulanAdminForm(IsianAdminForm):
    class Meta:
        model = Usulan
        fields = "__all__"


class PrioritasAdminForm(IsianAdminForm):
    class Meta:
        model = Prioritas
        fields = "__all__"


@admin.register(Usulan)
class UsulanAdmin(AdminBerversi, AdminBerlingkup, SimpleHistoryAdmin):
    form = UsulanAdminForm
    ubah = staticmethod(isian_ubah)
    list_display = ["tahun", "kecamatan", "uraian", "kelurahan", "indikator", "volume"]
    list_filter = ["tahun", "kecamatan"]
    search_fields = ["uraian", "indikator"]
    raw_id_fields = ["nomenklatur"]


@admin.register(Prioritas)
class PrioritasAdmin(AdminBerversi, AdminBerlingkup, SimpleHistoryAdmin):
    form = PrioritasAdminForm
    ubah = staticmethod(isian_ubah)
    list_display = ["tahun", "kecamatan", "jenis", "uraian", "pagu", "sumber_dana"]
    list_filter = ["tahun", "kecamatan", "jenis"]
    search_fields = ["uraian", "fokus"]
    raw_id_fields = ["nomenklatur"]


@admin.register(Belanja)
class BelanjaAdmin(AdminBerversi, AdminBerlingkup, SimpleHistoryAdmin):
    list_display = ["tahun", "kecamatan", "jenis", "kelurahan", "pagu", "realisasi"]
    list_filter = ["tahun", "kecamatan"]
    search_fields = ["jenis", "keterangan"]
    list_select_related = ["kecamatan", "kelurahan"]
    form = BelanjaAdminForm
    ubah = staticmethod(isian_ubah)
