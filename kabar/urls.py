from django.urls import path

from . import views

app_name = "kabar"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("baca/", views.tandai_dibaca, name="baca"),
]
