from django.urls import path

from . import views

app_name = "antrean"

urlpatterns = [
    path("tugas/<uuid:pk>/", views.halaman, name="tugas"),
    path("tugas/<uuid:pk>/status.json", views.status, name="status"),
    path("tugas/<uuid:pk>/unduh/", views.unduh, name="unduh"),
]
