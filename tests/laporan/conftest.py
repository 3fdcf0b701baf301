"""Data for the report machinery tests; the personas (kec, kec_lain, operator, bappeda, …) are in tests/conftest.py."""

from __future__ import annotations

import pytest

from wilayah.models import Kecamatan

from .. import factories as f


@pytest.fixture
def data(kec) -> Kecamatan:
    f.data_renja(kec, 1)
    return kec
