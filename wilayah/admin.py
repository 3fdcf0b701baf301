from django.contrib import admin
from import_export import resources
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from wilayah.admin_akses import AdminBerlingkup

from .models import Kecamatan, Kelurahan, Kota, ProfilPengguna


class KelurahanResource(resources.ModelResource):
    class Meta:
        model = Kelurahan
        import_id_fields = ["kode"]
        fields = ["kode", "nama", "kecamatan", "jumlah_rt_rw"]


class KelurahanInline(admin.TabularInline):
    model = Kelurahan
    extra = 0


@admin.register(Kota)
class KotaAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama"]
    search_fields = ["kode", "nama"]


@admin.register(Kecamatan)
class KecamatanAdmin(AdminBerlingkup, SimpleHistoryAdmin):
    jalur_kecamatan = ""
    list_display = ["kode", "nama", "kota", "nama_camat", "pangkat_camat", "nip_camat"]
    list_filter = ["kota"]
    search_fields = ["kode", "nama", "nama_camat"]
    inlines = [KelurahanInline]


@admin.register(Kelurahan)
class KelurahanAdmin(AdminBerlingkup, ImportExportModelAdmin, SimpleHistoryAdmin):
    resource_classes = [KelurahanResource]
    jalur_kecamatan = "kecamatan"
    list_display = ["kode", "nama", "kecamatan", "jumlah_rt_rw"]
    list_filter = ["kecamatan"]
    search_fields = ["kode", "nama"]


@admin.register(ProfilPengguna)
class ProfilPenggunaAdmin(SimpleHistoryAdmin):
    list_display = ["user", "kecamatan"]
    list_filter = ["kecamatan"]
    search_fields = ["user__username"]
