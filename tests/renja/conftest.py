"""Data for the Renja report tests, built in code (see tests/factories.py)."""

from __future__ import annotations

import pytest

from wilayah.models import Kecamatan

from .. import factories as f


@pytest.fixture
def kec(db) -> Kecamatan:
    return f.kecamatan("36.73.01", "Serang", alamat_kantor="Jl. Ki Mas Jong No. 1, Kota Serang")


@pytest.fixture
def kec_lain(db) -> Kecamatan:
    return f.kecamatan("36.73.03", "Walantaka")
