from django.urls import path

from renja.views import isian_urls

from . import views

app_name = "lkjip"

urlpatterns = [
    path("kecamatan/<str:kode>/<int:tahun>/lkjip/narasi/", views.narasi, name="narasi"),
    path("kecamatan/<str:kode>/<int:tahun>/lkjip/narasi/simpan/", views.narasi_simpan, name="narasi-simpan"),
]
urlpatterns += isian_urls("kecamatan/<str:kode>/<int:tahun>/lkjip/", views.PEGAWAI, views.pegawai_views)
