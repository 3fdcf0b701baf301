from django.contrib import admin
from import_export import resources
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from wilayah.admin_akses import AdminBerlingkup

from .models import Anggaran, Indikator, Nomenklatur, RenstraTarget, RkpdReview


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


@admin.register(Anggaran)
class AnggaranAdmin(AdminBerlingkup, SimpleHistoryAdmin):
    list_display = ["tahun", "kecamatan", "nomenklatur", "kelurahan", "sumber_dana", "pagu", "realisasi"]
    list_filter = ["tahun", "kecamatan", "sumber_dana"]
    search_fields = ["nomenklatur__kode", "nomenklatur__uraian"]
    raw_id_fields = ["nomenklatur"]
    list_select_related = ["kecamatan", "nomenklatur", "kelurahan"]


@admin.register(Indikator)
class IndikatorAdmin(AdminBerlingkup, SimpleHistoryAdmin):
    list_display = ["tahun", "kecamatan", "nomenklatur", "uraian", "satuan", "target", "realisasi"]
    list_filter = ["tahun", "kecamatan", "polaritas", "sifat"]
    search_fields = ["uraian", "nomenklatur__kode"]
    raw_id_fields = ["nomenklatur"]
    list_select_related = ["kecamatan", "nomenklatur"]


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
