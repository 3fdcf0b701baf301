"""Personas and data for the report machinery tests: two kecamatan, an operator of each, Bappeda."""

from __future__ import annotations

import pytest

from wilayah.akun import pengguna_simpan
from wilayah.models import Kecamatan, Peran

from .. import factories as f

SANDI = "sandi-rahasia-123"


@pytest.fixture
def kec(db) -> Kecamatan:
    return f.kecamatan("36.73.01", "Serang", alamat_kantor="Jl. Ki Mas Jong No. 1, Kota Serang")


@pytest.fixture
def kec_lain(db) -> Kecamatan:
    return f.kecamatan("36.73.03", "Walantaka")


@pytest.fixture
def data(kec) -> Kecamatan:
    f.data_renja(kec, 1)
    return kec


@pytest.fixture
def operator(kec):
    return pengguna_simpan("operator_serang", Peran.OPERATOR, kec, password=SANDI)


@pytest.fixture
def operator_lain(kec_lain):
    return pengguna_simpan("operator_walantaka", Peran.OPERATOR, kec_lain, password=SANDI)


@pytest.fixture
def bappeda(db):
    return pengguna_simpan("bappeda", Peran.BAPPEDA, password=SANDI)
