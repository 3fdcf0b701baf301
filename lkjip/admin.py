from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from wilayah.admin_akses import AdminBerlingkup

from .models import IndikatorSasaran, Pegawai, Sasaran


class IndikatorSasaranInline(admin.TabularInline):
    model = IndikatorSasaran
    extra = 0


@admin.register(Sasaran)
class SasaranAdmin(AdminBerlingkup, admin.ModelAdmin):
    list_display = ["tahun", "kecamatan", "uraian", "urutan"]
    list_filter = ["tahun", "kecamatan"]
    inlines = [IndikatorSasaranInline]


@admin.register(IndikatorSasaran)
class IndikatorSasaranAdmin(AdminBerlingkup, SimpleHistoryAdmin):
    jalur_kecamatan = "sasaran__kecamatan"
    list_display = ["sasaran", "uraian", "satuan", "target", "realisasi", "polaritas"]
    list_filter = ["sasaran__tahun", "sasaran__kecamatan"]


@admin.register(Pegawai)
class PegawaiAdmin(AdminBerlingkup, SimpleHistoryAdmin):
    list_display = ["tahun", "kecamatan", "urutan", "nama", "nip", "pangkat_golongan", "jabatan", "eselon"]
    list_filter = ["tahun", "kecamatan", "eselon", "pendidikan"]
    search_fields = ["nama", "nip", "jabatan"]
