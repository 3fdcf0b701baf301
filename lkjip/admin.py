from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from renja.admin import AdminBerversi, IsianAdminForm
from renja.services import isian_ubah
from wilayah.admin_akses import AdminBerlingkup

from .models import IndikatorSasaran, Pegawai, Sasaran, Tujuan


class IndikatorSasaranInline(admin.TabularInline):
    model = IndikatorSasaran
    extra = 0


class SasaranInline(admin.TabularInline):
    model = Sasaran
    fields = ["uraian", "urutan"]
    extra = 0
    show_change_link = True


class TujuanAdminForm(IsianAdminForm):
    class Meta:
        model = Tujuan
        fields = "__all__"


@admin.register(Tujuan)
class TujuanAdmin(AdminBerversi, AdminBerlingkup, SimpleHistoryAdmin):
    """Tujuan are entered here or on their page (the workbook has no tujuan column); a sasaran is tied to one
    on the sasaran's own admin page."""

    form = TujuanAdminForm
    ubah = staticmethod(isian_ubah)

    list_display = ["tahun", "kecamatan", "urutan", "uraian", "indikator"]
    list_filter = ["tahun", "kecamatan"]
    search_fields = ["uraian", "indikator"]
    inlines = [SasaranInline]


@admin.register(Sasaran)
class SasaranAdmin(AdminBerlingkup, admin.ModelAdmin):
    list_display = ["tahun", "kecamatan", "uraian", "tujuan", "urutan"]
    list_filter = ["tahun", "kecamatan"]
    inlines = [IndikatorSasaranInline]


@admin.register(IndikatorSasaran)
class IndikatorSasaranAdmin(AdminBerlingkup, SimpleHistoryAdmin):
    jalur_kecamatan = "sasaran__kecamatan"
    list_display = ["sasaran", "uraian", "satuan", "target", "realisasi", "polaritas"]
    list_filter = ["sasaran__tahun", "sasaran__kecamatan"]


class PegawaiAdminForm(IsianAdminForm):
    class Meta:
        model = Pegawai
        fields = "__all__"


@admin.register(Pegawai)
class PegawaiAdmin(AdminBerversi, AdminBerlingkup, SimpleHistoryAdmin):
    form = PegawaiAdminForm
    ubah = staticmethod(isian_ubah)
    list_display = ["tahun", "kecamatan", "urutan", "nama", "nip", "pangkat_golongan", "jabatan", "eselon"]
    list_filter = ["tahun", "kecamatan", "eselon", "pendidikan"]
    search_fields = ["nama", "nip", "jabatan"]
