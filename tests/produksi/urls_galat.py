"""URLconf for the logging test only (ROOT_URLCONF override): a view that fails the way a bug would."""

from django.urls import path


def meledak(request):
    raise RuntimeError("galat uji: pengecualian yang tidak ditangani")


urlpatterns = [path("galat/", meledak)]
