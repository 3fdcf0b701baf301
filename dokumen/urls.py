from django.urls import path

from . import views, views_massal

app_name = "dokumen"

_awal = "kecamatan/<str:kode>/<int:tahun>/dokumen/<str:jenis>/"

urlpatterns = [
    path(_awal, views.halaman, name="halaman"),
    path(_awal + "narasi/", views.simpan_narasi, name="narasi"),
    path(_awal + "aksi/<str:nama>/", views.aksi, name="aksi"),
    path(_awal + "pdf/", views.pdf, name="pdf"),
    path(_awal + "pdf/susun/", views.pdf_susun, name="pdf-susun"),
    path(_awal + "revisi/<int:revisi>/pdf/", views.pdf_revisi, name="pdf-revisi"),
    path(_awal + "riwayat.xlsx", views.riwayat_xlsx, name="riwayat"),
    path("cetak-massal/", views_massal.daftar, name="massal"),
    path("cetak-massal/baru/", views_massal.baru, name="massal-baru"),
    path("cetak-massal/<uuid:pk>/", views_massal.rinci, name="massal-rinci"),
    path("cetak-massal/<uuid:pk>/zip/", views_massal.unduh_zip, name="massal-zip"),
]
