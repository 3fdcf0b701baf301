from django.urls import path

from . import views

app_name = "lkjip"

urlpatterns = [
    path("kecamatan/<str:kode>/<int:tahun>/lkjip/narasi/", views.narasi, name="narasi"),
    path("kecamatan/<str:kode>/<int:tahun>/lkjip/narasi/simpan/", views.narasi_simpan, name="narasi-simpan"),
]
_lkjip = "kecamatan/<str:kode>/<int:tahun>/lkjip/"
urlpatterns += [
    path(_lkjip + "pegawai/", views.pegawai, name="pegawai"),
    path(_lkjip + "pegawai/baru/", views.pegawai_baru, name="pegawai-baru"),
    path(_lkjip + "pegawai/<int:pk>/", views.pegawai_simpan, name="pegawai-simpan"),
    path(_lkjip + "pegawai/<int:pk>/hapus/", views.pegawai_hapus, name="pegawai-hapus"),
]
