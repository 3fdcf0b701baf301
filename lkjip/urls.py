from django.urls import path

from . import views

app_name = "lkjip"

urlpatterns = [
    path("kecamatan/<str:kode>/<int:tahun>/lkjip/narasi/", views.narasi, name="narasi"),
    path("kecamatan/<str:kode>/<int:tahun>/lkjip/narasi/simpan/", views.narasi_simpan, name="narasi-simpan"),
]
