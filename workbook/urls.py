from django.urls import path

from . import views

app_name = "workbook"

urlpatterns = [
    path("workbook/templat.xlsx", views.templat, name="templat"),
    path("workbook/impor/", views.impor, name="impor"),
    path("workbook/impor/kesalahan.xlsx", views.laporan, name="laporan_galat"),
    path("kecamatan/<str:kode>/<int:tahun>/workbook.xlsx", views.ekspor, name="ekspor"),
]
