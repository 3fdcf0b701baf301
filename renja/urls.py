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
        "kecamatan/<str:kode>/<int:tahun>/realisasi/anggaran/<int:pk>/hitung/",
        views.hitung_anggaran,
        name="hitung-anggaran",
    ),
    path(
        "kecamatan/<str:kode>/<int:tahun>/realisasi/indikator/<int:pk>/hitung/",
        views.hitung_indikator,
        name="hitung-indikator",
    ),
    path(
        "kecamatan/<str:kode>/<int:tahun>/realisasi/triwulan/<int:triwulan>/tutup/",
        views.tutup_triwulan,
        name="tutup-triwulan",
    ),
]

_awal = "kecamatan/<str:kode>/<int:tahun>/realisasi/"
urlpatterns += [
    path(_awal + "kegiatan/<int:node>/", views.kegiatan, name="kegiatan"),
    path(_awal + "kegiatan/<int:node>/keterangan/", views.keterangan, name="keterangan"),
    path(_awal + "kegiatan/<int:node>/bukti/", views.bukti_baru, name="bukti-baru"),
    path(_awal + "kegiatan/<int:node>/riwayat.xlsx", views.riwayat_kegiatan_xlsx, name="riwayat-kegiatan"),
    path(_awal + "bukti/<int:pk>/", views.bukti_unduh, name="bukti"),
    path(_awal + "bukti/<int:pk>/hapus/", views.bukti_hapus_view, name="bukti-hapus"),
    path(_awal + "catatan/", views.catatan_tulis, name="catatan"),
    path(_awal + "catatan/<int:pk>/jawab/", views.catatan_jawab, name="catatan-jawab"),
]
urlpatterns += views.isian_urls(_awal, views.BELANJA, views.belanja_views)
_renja = "kecamatan/<str:kode>/<int:tahun>/renja/"
urlpatterns += views.isian_urls(_renja, views.USULAN, views.usulan_views)
urlpatterns += views.isian_urls(_renja, views.PRIORITAS, views.prioritas_views)
