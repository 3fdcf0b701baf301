"""The one place that decides which kecamatan a user may see, and the gate every kecamatan page goes through.

Every selector, report, export and admin queryset filters through ``kecamatan_terlihat``; single objects of
another kecamatan answer 404, like ones that don't exist. What a user may *do* there is a django-rules
permission (``wilayah/rules.py`` and each app's ``rules.py``), checked with ``rules.has_perm(nama, user,
kecamatan)`` by the view decorator below, by the services, and by templates (``{% load akses %}``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import wraps
from typing import cast

from django.db.models import QuerySet
from django.http import Http404

from core.pintasan import ambil_atau_404
from wilayah.models import Kecamatan, Kota

from .models import Peran

#: Years a kecamatan/year URL may name; any other year is 404 (and never reaches the database).
TAHUN_MIN, TAHUN_MAKS = 2000, 2100

#: The permission of pages that only read (Bappeda and pimpinan everywhere, kecamatan staff their own).
LIHAT = "wilayah.lihat_kecamatan"
#: The permission of the pages across a kota's kecamatan (Bappeda and pimpinan).
LIHAT_KOTA = "wilayah.lihat_kota"

_BELUM = object()


def peran(user) -> Peran | None:
    """The user's role (superusers count as Admin Bappeda); remembered on the user object for the request."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return Peran.BAPPEDA
    tersimpan = getattr(user, "_peran", _BELUM)
    if tersimpan is not _BELUM:
        return cast("Peran | None", tersimpan)
    nama = {g.name for g in user.groups.all()}
    hasil = next(
        (p for p in (Peran.BAPPEDA, Peran.PIMPINAN, Peran.CAMAT, Peran.OPERATOR) if p.value in nama), None
    )
    user._peran = hasil
    return hasil


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


def kecamatan_atau_404(user, kode: str) -> Kecamatan:
    return ambil_atau_404(kecamatan_terlihat(user), "Kecamatan tidak ditemukan.", kode=kode)


def kota_atau_404(user, kode: str) -> Kota:
    """The kota whose kecamatan the user may see side by side; without ``LIHAT_KOTA`` every kota answers 404
    (an operator or camat learns nothing of the other kecamatan, not even that the page exists)."""
    import rules

    if not rules.has_perm(LIHAT_KOTA, user):
        raise Http404("Kota tidak ditemukan.")
    return ambil_atau_404(Kota.objects.all(), "Kota tidak ditemukan.", kode=kode)


def kecamatan_kota(user, kota: Kota) -> QuerySet[Kecamatan]:
    """The kota's kecamatan the user may see (through :func:`kecamatan_terlihat`)."""
    return kecamatan_terlihat(user).filter(kota=kota)


def tahun_atau_404(tahun: int) -> int:
    """The year of a kecamatan/year URL, or 404 when it is outside 2000–2100."""
    if not TAHUN_MIN <= tahun <= TAHUN_MAKS:
        raise Http404(f"Tahun {tahun} tidak ditemukan: tahun harus antara {TAHUN_MIN} dan {TAHUN_MAKS}.")
    return tahun


def wajib_izin(izin: str, user, kecamatan=None) -> None:
    """Raise ``PermissionDenied`` (403) unless ``user`` has permission ``izin`` on ``kecamatan``."""
    import rules
    from django.core.exceptions import PermissionDenied

    if not rules.has_perm(izin, user, kecamatan):
        raise PermissionDenied("Peran Anda tidak berwenang melakukan ini.")


def _periksa_nama(izin: str | Mapping[str, str]) -> None:
    import rules
    from django.apps import apps
    from django.core.exceptions import ImproperlyConfigured

    if not apps.ready:
        return
    for nama in [izin] if isinstance(izin, str) else izin.values():
        if not rules.perm_exists(nama):
            raise ImproperlyConfigured(f"Izin '{nama}' tidak terdaftar di rules.py aplikasi mana pun.")


def akses_kecamatan(izin: str | Mapping[str, str] = LIHAT, *, menurut: str = "nama") -> Callable:
    """View decorator for ``kecamatan/<kode>/<tahun>/…`` URLs, in this order: anonymous users go to login; a
    ``kode`` the user may not see is 404 (as if it did not exist); a ``tahun`` outside 2000–2100 is 404; then
    the user must have permission ``izin`` on that kecamatan, else 403 (a role that may look but not act).

    ``izin`` is a permission name (``"renja.ubah_realisasi"``), or a mapping from the value of the URL
    parameter ``menurut`` to one (for one URL naming several actions; an unknown value is 404). The view
    receives the Kecamatan as ``kecamatan`` instead of ``kode``; ``view.perlu_akses`` names the permission.
    """
    _periksa_nama(izin)

    def dekorator(view):
        @wraps(view)
        def bungkus(request, *args, kode: str, **kwargs):
            from django.contrib.auth.views import redirect_to_login

            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            kecamatan = kecamatan_atau_404(request.user, kode)
            if "tahun" in kwargs:
                tahun_atau_404(kwargs["tahun"])
            nama = izin if isinstance(izin, str) else izin.get(kwargs.get(menurut, ""))
            if nama is None:
                raise Http404("Aksi tidak dikenal.")
            wajib_izin(nama, request.user, kecamatan)
            return view(request, *args, kecamatan=kecamatan, **kwargs)

        bungkus.perlu_akses = izin  # read by the access tests
        return bungkus

    return dekorator


def akses_kota(view):
    """View decorator for ``kota/<kode>/<tahun>/…`` URLs: anonymous users go to login; a kota the user may not
    see side by side (``LIHAT_KOTA``) or that does not exist is 404, so is a year outside 2000–2100. The view
    receives the Kota as ``kota`` instead of ``kode``."""
    _periksa_nama(LIHAT_KOTA)

    @wraps(view)
    def bungkus(request, *args, kode: str, **kwargs):
        from django.contrib.auth.views import redirect_to_login

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        kota = kota_atau_404(request.user, kode)
        if "tahun" in kwargs:
            tahun_atau_404(kwargs["tahun"])
        return view(request, *args, kota=kota, **kwargs)

    bungkus.perlu_akses = LIHAT_KOTA
    return bungkus


def perlu_izin(izin: str) -> Callable:
    """View decorator for pages outside a kecamatan: anonymous users go to login; without ``izin`` 403."""
    _periksa_nama(izin)

    def dekorator(view):
        @wraps(view)
        def bungkus(request, *args, **kwargs):
            from django.contrib.auth.views import redirect_to_login

            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            wajib_izin(izin, request.user)
            return view(request, *args, **kwargs)

        bungkus.perlu_akses = izin
        return bungkus

    return dekorator
