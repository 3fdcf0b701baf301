"""Mounted at ``kota/``: ``<kode>/<tahun>/`` is the city overview."""

from django.urls import path

from . import views_kota

app_name = "kota"

urlpatterns = [
    path("<str:kode>/<int:tahun>/", views_kota.ringkasan, name="ringkasan"),
]
