"""Roles and demo/real user set-up: the one place that knows what each role is allowed in the admin."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from .models import PERAN_KECAMATAN, Peran, ProfilPengguna

# Admin Bappeda manages master data and all kecamatan data in the Django admin.
APP_BAPPEDA = ("wilayah", "renja", "lkjip")


@transaction.atomic
def peran_buat() -> None:
    """Create the role groups (idempotent) and give Admin Bappeda the admin permissions it needs."""
    for peran in Peran:
        Group.objects.get_or_create(name=peran.value)
    bappeda = Group.objects.get(name=Peran.BAPPEDA)
    bappeda.permissions.set(Permission.objects.filter(content_type__app_label__in=APP_BAPPEDA))


@transaction.atomic
def pengguna_simpan(username: str, peran: Peran, kecamatan=None, password: str | None = None, **atribut):
    """Create or update a user with exactly one role and, for kecamatan roles, one kecamatan."""
    if peran in PERAN_KECAMATAN and kecamatan is None:
        raise ValueError(f"Peran {peran.label} wajib terikat pada satu kecamatan.")
    if peran not in PERAN_KECAMATAN:
        kecamatan = None
    if peran == Peran.BAPPEDA:
        peran_buat()  # make sure the group carries its admin permissions
    User = get_user_model()
    user, _ = User.objects.get_or_create(username=username)
    for nama, nilai in atribut.items():
        setattr(user, nama, nilai)
    user.is_staff = peran == Peran.BAPPEDA
    if password:
        user.set_password(password)
    user.save()
    user.groups.set([Group.objects.get_or_create(name=peran.value)[0]])
    ProfilPengguna.objects.update_or_create(user=user, defaults={"kecamatan": kecamatan})
    return user


def _berperan(peran: Peran, kecamatan=None):
    qs = get_user_model().objects.filter(is_active=True, groups__name=peran.value)
    if kecamatan is not None:
        qs = qs.filter(profil__kecamatan=kecamatan)
    return qs.distinct()


# Who hears of a step (kabar): named here, with the roles, so services never compare roles themselves.
def pengguna_operator(kecamatan):
    """The kecamatan's active operators."""
    return _berperan(Peran.OPERATOR, kecamatan)


def pengguna_camat(kecamatan):
    """The kecamatan's active camat."""
    return _berperan(Peran.CAMAT, kecamatan)


def pengguna_bappeda():
    """Every active Admin Bappeda."""
    return _berperan(Peran.BAPPEDA)
