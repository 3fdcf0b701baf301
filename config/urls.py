from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from beranda.views import beranda

admin.site.site_header = "Rencana & Kinerja Kecamatan — Data induk"
admin.site.site_title = "Data induk"
admin.site.index_title = "Data induk Bappeda"

urlpatterns = [
    path("admin/", admin.site.urls),
    path(
        "akun/masuk/",
        auth_views.LoginView.as_view(extra_context={"demo": settings.DEBUG}),
        name="login",
    ),
    path("akun/keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("akun/sandi/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("akun/sandi/selesai/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("kecamatan/", include("dokumen.urls_laporan")),
    path("kota/", include("dokumen.urls_kota")),
    path("antrean/", include("antrean.urls")),
    path("pemberitahuan/", include("kabar.urls")),
    path("", beranda, name="home"),
    path("", include("renja.urls")),
    path("", include("dokumen.urls")),
    path("", include("lkjip.urls")),
    path("", include("workbook.urls")),
]
