"""Mounted at ``kecamatan/``: ``<kode>/<tahun>/`` lists the reports, ``<kode>/<tahun>/laporan/<slug>/`` shows one."""

from django.urls import path

from . import views_laporan as views

app_name = "laporan"

urlpatterns = [
    path("<str:kode>/<int:tahun>/", views.indeks, name="indeks"),
    path("<str:kode>/<int:tahun>/laporan/<str:slug>/", views.laporan, name="laporan"),
    path("<str:kode>/<int:tahun>/laporan/<str:slug>/pdf/susun/", views.pdf_susun, name="pdf-susun"),
    path("<str:kode>/<int:tahun>/riwayat.xlsx", views.riwayat_tahun_xlsx, name="riwayat-tahun"),
]
