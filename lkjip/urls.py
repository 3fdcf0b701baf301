from django.urls import path

from renja.views import isian_urls

from . import views

app_name = "lkjip"

urlpatterns = [
    path("kecamatan/<str:kode>/<int:tahun>/lkjip/narasi/", views.narasi, name="narasi"),
    path("kecamatan/<str:kode>/<int:tahun>/lkjip/narasi/simpan/", views.narasi_simpan, name="narasi-simpan"),
]
_awal = "kecamatan/<str:kode>/<int:tahun>/lkjip/"
urlpatterns += isian_urls(_awal, views.PEGAWAI, views.pegawai_views)
urlpatterns += isian_urls(_awal, views.TUJUAN, views.tujuan_views)
