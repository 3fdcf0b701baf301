from django.urls import path

from . import views

app_name = "workbook"

urlpatterns = [
    path("workbook/templat.xlsx", views.templat, name="templat"),
    path("workbook/impor/", views.impor, name="impor"),
    path("workbook/impor/periksa/<uuid:pk>/", views.periksa, name="periksa"),
    path("workbook/impor/periksa/<uuid:pk>/kesalahan.xlsx", views.laporan, name="laporan_galat"),
    path("workbook/impor/hasil/<uuid:pk>/", views.hasil, name="hasil"),
    path("workbook/impor/riwayat/", views.riwayat, name="riwayat"),
    path("workbook/impor/riwayat/<int:pk>/berkas.xlsx", views.riwayat_berkas, name="riwayat_berkas"),
    path("kecamatan/<str:kode>/<int:tahun>/workbook.xlsx", views.ekspor, name="ekspor"),
]
