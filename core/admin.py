from django.contrib import admin

from .models import ProfilPengguna


@admin.register(ProfilPengguna)
class ProfilPenggunaAdmin(admin.ModelAdmin):
    list_display = ["user", "kecamatan"]
    list_filter = ["kecamatan"]
    search_fields = ["user__username"]
