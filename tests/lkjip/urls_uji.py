"""The project's URLs plus the LKjIP ones (until config/urls.py includes ``lkjip.urls``)."""

from django.urls import include, path

from config.urls import urlpatterns as _proyek

urlpatterns = [*_proyek]
if not any(getattr(p, "urlconf_name", None) and getattr(p.urlconf_name, "__name__", "") == "lkjip.urls"
           for p in _proyek):
    urlpatterns.append(path("", include("lkjip.urls")))
