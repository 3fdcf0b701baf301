"""The shared personas of tests/conftest.py are what they say: who sees which kecamatan, who may change it."""

import pytest
import rules
from django.urls import reverse

from wilayah.akses import kecamatan_terlihat, peran
from wilayah.models import Peran

from .conftest import PERSONA

pytestmark = pytest.mark.django_db


def _kode(qs) -> set[str]:
    return set(qs.values_list("kode", flat=True))


def test_persona_kecamatan_dan_peran(
    kec, kec_lain, operator, camat, operator_lain, camat_lain, bappeda, pimpinan
):
    assert (kec.kode, kec_lain.kode) == ("36.73.01", "36.73.03")
    for user, p, lihat, ubah in (
        (operator, Peran.OPERATOR, {kec.kode}, {kec.kode}),
        (camat, Peran.CAMAT, {kec.kode}, {kec.kode}),
        (operator_lain, Peran.OPERATOR, {kec_lain.kode}, {kec_lain.kode}),
        (camat_lain, Peran.CAMAT, {kec_lain.kode}, {kec_lain.kode}),
        (bappeda, Peran.BAPPEDA, {kec.kode, kec_lain.kode}, {kec.kode, kec_lain.kode}),
        (pimpinan, Peran.PIMPINAN, {kec.kode, kec_lain.kode}, set()),
    ):
        assert peran(user) == p, user
        assert _kode(kecamatan_terlihat(user)) == lihat, user
        boleh_ubah = {k.kode for k in (kec, kec_lain) if rules.has_perm("wilayah.ubah_kecamatan", user, k)}
        assert boleh_ubah == ubah, user


@pytest.mark.parametrize("persona", PERSONA)
def test_klien_masuk_sebagai_persona(klien, kec, persona):
    r = klien(persona).get(reverse("laporan:indeks", args=[kec.kode, 2022]))
    harapan = {"anonim": 302, "operator_lain": 404, "camat_lain": 404}.get(persona, 200)
    assert r.status_code == harapan


def test_klien_menolak_nama_yang_tidak_dikenal(klien):
    with pytest.raises(ValueError, match="tidak dikenal"):
        klien("admin")
