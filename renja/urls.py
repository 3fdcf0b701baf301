from django.urls import path

from . import views

app_name = "renja"

urlpatterns = [
    path("kecamatan/<str:kode>/<int:tahun>/realisasi/", views.realisasi, name="realisasi"),
    path(
        "kecamatan/<str:kode>/<int:tahun>/realisasi/anggaran/<int:pk>/",
        views.simpan_anggaran,
        name="simpan-anggaran",
    ),
    path(
        "kecamatan/<str:kode>/<int:tahun>/realisasi/indikator/<int:pk>/",
        views.simpan_indikator,
        name="simpan-indikator",
    ),
    path(
        "kecamatan/<str:kode>/<int:tahun>/realisasi/triwulan/<int:triwulan>/tutup/",
        views.tutup_triwulan,
        name="tutup-triwulan",
    ),
]
