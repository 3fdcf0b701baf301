"""Who may do what, written once as predicates (django-rules) and read by views, services and templates.

Predicates here know only roles and kecamatan; each app names its own permissions from them in its
``rules.py`` (``renja.ubah_realisasi``, ``dokumen.setujui``, …). Check with ``rules.has_perm(nama, user, obj)``
or ``{% has_perm nama user obj as boleh %}``; the object is always the Kecamatan the action concerns.
"""

from __future__ import annotations

import rules

from .akses import kecamatan_sendiri_id, peran
from .models import Peran


@rules.predicate
def adalah_bappeda(user) -> bool:
    return peran(user) == Peran.BAPPEDA


@rules.predicate
def adalah_pimpinan(user) -> bool:
    return peran(user) == Peran.PIMPINAN


@rules.predicate
def adalah_operator(user) -> bool:
    return peran(user) == Peran.OPERATOR


@rules.predicate
def adalah_camat(user) -> bool:
    return peran(user) == Peran.CAMAT


@rules.predicate
def kecamatan_sendiri(user, kecamatan) -> bool:
    """The kecamatan is the one the user works for (operator and camat)."""
    return kecamatan is not None and kecamatan_sendiri_id(user) == getattr(kecamatan, "pk", kecamatan)


staf_kecamatan = (adalah_operator | adalah_camat) & kecamatan_sendiri

#: May read the kecamatan's data: Bappeda and pimpinan everywhere, its own staff.
boleh_lihat = adalah_bappeda | adalah_pimpinan | staf_kecamatan
#: May change the kecamatan's data (realisasi, keterangan, narrative): Bappeda and its own staff.
boleh_ubah = adalah_bappeda | staf_kecamatan
#: The camat of this kecamatan.
camat_kecamatan = adalah_camat & kecamatan_sendiri
#: The operator of this kecamatan.
operator_kecamatan = adalah_operator & kecamatan_sendiri

rules.add_perm("wilayah.lihat_kecamatan", boleh_lihat)
rules.add_perm("wilayah.ubah_kecamatan", boleh_ubah)
#: May read a whole kota side by side (the city overview): Bappeda and pimpinan; anyone else gets 404 there.
rules.add_perm("wilayah.lihat_kota", adalah_bappeda | adalah_pimpinan)
#: Master data in the Django admin (the "Data induk" link); the admin itself also requires ``is_staff``,
#: which ``wilayah.akun.pengguna_simpan`` gives to Admin Bappeda only.
rules.add_perm("wilayah.kelola_data_induk", adalah_bappeda)
