"""Mounted at ``kecamatan/``: ``<kode>/<tahun>/`` lists the reports, ``<kode>/<tahun>/laporan/<slug>/`` shows one."""

from django.urls import path

from . import views

app_name = "laporan"

urlpatterns = [
    path("<str:kode>/<int:tahun>/", views.indeks, name="indeks"),
    path("<str:kode>/<int:tahun>/laporan/<str:slug>/", views.laporan, name="laporan"),
]
