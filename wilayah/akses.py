"""The one place that decides which kecamatan a user may see and change.

Every selector, report, export and admin queryset filters through ``kecamatan_terlihat`` /
``kecamatan_boleh_ubah``; single objects of another kecamatan answer 404, like ones that don't exist.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from wilayah.models import Kecamatan

from .models import Peran


def peran(user) -> Peran | None:
    """The user's role (superusers count as Admin Bappeda)."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return Peran.BAPPEDA
    nama = {g.name for g in user.groups.all()}
    for p in (Peran.BAPPEDA, Peran.PIMPINAN, Peran.CAMAT, Peran.OPERATOR):
        if p.value in nama:
            return p
    return None


def kecamatan_sendiri_id(user) -> int | None:
    profil = getattr(user, "profil", None)
    return profil.kecamatan_id if profil else None


def kecamatan_terlihat(user) -> QuerySet[Kecamatan]:
    """Kecamatan whose data the user may read."""
    p = peran(user)
    semua = Kecamatan.objects.select_related("kota")
    if p in (Peran.BAPPEDA, Peran.PIMPINAN):
        return semua.all()
    if p in (Peran.OPERATOR, Peran.CAMAT):
        return semua.filter(pk=kecamatan_sendiri_id(user))
    return semua.none()


def kecamatan_boleh_ubah(user) -> QuerySet[Kecamatan]:
    """Kecamatan whose realisasi and narrative the user may change (pimpinan: none)."""
    if peran(user) == Peran.PIMPINAN:
        return Kecamatan.objects.none()
    return kecamatan_terlihat(user)


def kecamatan_atau_404(user, kode: str) -> Kecamatan:
    kec = kecamatan_terlihat(user).filter(kode=kode).first()
    if kec is None:
        raise Http404("Kecamatan tidak ditemukan.")
    return kec


def boleh_ubah(user, kecamatan: Kecamatan) -> bool:
    return kecamatan_boleh_ubah(user).filter(pk=kecamatan.pk).exists()


def adalah_camat_dari(user, kecamatan: Kecamatan) -> bool:
    return peran(user) == Peran.CAMAT and kecamatan_sendiri_id(user) == kecamatan.pk


def akses_kecamatan(perlu: str = "lihat"):
    """View decorator: the URL's ``kode`` must name a kecamatan the user may see (else 404), and for
    ``perlu="ubah"`` one they may change (read-only roles get 403). Anonymous users go to login.

    The view receives the Kecamatan as ``kecamatan`` instead of ``kode``.
    """
    from functools import wraps

    from django.contrib.auth.views import redirect_to_login
    from django.core.exceptions import PermissionDenied

    if perlu not in ("lihat", "ubah", "camat"):
        raise ValueError(perlu)

    def dekorator(view):
        @wraps(view)
        def bungkus(request, *args, kode: str, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            kecamatan = kecamatan_atau_404(request.user, kode)
            if perlu == "ubah" and not boleh_ubah(request.user, kecamatan):
                raise PermissionDenied("Peran Anda hanya dapat melihat data ini.")
            if perlu == "camat" and not (adalah_camat_dari(request.user, kecamatan)):
                raise PermissionDenied("Hanya camat kecamatan ini yang dapat melakukannya.")
            return view(request, *args, kecamatan=kecamatan, **kwargs)

        bungkus.perlu_akses = perlu  # visible to the URL-walking permission test
        return bungkus

    return dekorator
