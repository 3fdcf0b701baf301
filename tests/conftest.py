"""Shared fixtures: the personas, a workbook writer.

Personas (one set for every app, pretix/healthchecks style): two kecamatan of Kota Serang and one user per
role. ``kec`` (Serang, 36.73.01) is "ours": ``operator`` and ``camat`` belong to it. ``kec_lain`` (Walantaka,
36.73.03) is the other one: ``operator_lain`` and ``camat_lain`` belong to it and must see nothing of ``kec``.
``bappeda`` (administers the master data) and ``pimpinan`` (reads everything) see both; ``anonim`` is a client
that is not signed in. ``klien("operator")`` gives a client signed in as a persona (``"anonim"``: not signed
in), for tests parametrized over persona names.

The personas create only the kecamatan and the users (no programs, no figures); tests add their own data.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client
from openpyxl import Workbook

REPO = Path(__file__).resolve().parent.parent

#: Every test user's password (data_uji, the personas).
SANDI = "sandi-uji-123"

#: The persona fixtures, by name: for ``@pytest.mark.parametrize("persona", PERSONA)`` with ``klien``.
PERSONA = ("anonim", "operator", "camat", "operator_lain", "camat_lain", "bappeda", "pimpinan")


def buat_xlsx(sheets: dict[str, list[list]], path: Path | None = None) -> Path | bytes:
    """A workbook from {sheet: [header, row, row, ...]}; returns the path written, or the bytes."""
    wb = Workbook()
    wb.remove(wb.active)
    for nama, rows in sheets.items():
        ws = wb.create_sheet(nama)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    if path is None:
        return buf.getvalue()
    path.write_bytes(buf.getvalue())
    return path


@pytest.fixture
def xlsx(tmp_path):
    """Write a workbook in a temp dir: xlsx({"wilayah": [[...header...], [...row...]]}) -> path."""
    n = 0

    def _buat(sheets: dict[str, list[list]], nama: str | None = None) -> Path:
        nonlocal n
        n += 1
        return buat_xlsx(sheets, tmp_path / (nama or f"wb{n}.xlsx"))

    return _buat


# ------------------------------------------------------------------------------------------------------------
# personas
# ------------------------------------------------------------------------------------------------------------
def _pengguna(username: str, peran: str, kecamatan=None):
    # imported here, not at the top: the database-free seed checks run with ``-p no:django``
    from wilayah.akun import pengguna_simpan
    from wilayah.models import Peran

    return pengguna_simpan(username, Peran[peran], kecamatan, password=SANDI)


@pytest.fixture
def kec(db):
    """Our kecamatan: Serang (36.73.01), with the office address of the report heading."""
    from . import factories as f

    return f.kecamatan("36.73.01", "Serang", alamat_kantor="Jl. Ki Mas Jong No. 1, Kota Serang")


@pytest.fixture
def kec_lain(db):
    """The other kecamatan: Walantaka (36.73.03)."""
    from . import factories as f

    return f.kecamatan("36.73.03", "Walantaka")


@pytest.fixture
def operator(kec):
    return _pengguna("operator_serang", "OPERATOR", kec)


@pytest.fixture
def camat(kec):
    return _pengguna("camat_serang", "CAMAT", kec)


@pytest.fixture
def operator_lain(kec_lain):
    """Operator of the other kecamatan: must get 404 on everything of ``kec``."""
    return _pengguna("operator_walantaka", "OPERATOR", kec_lain)


@pytest.fixture
def camat_lain(kec_lain):
    """Camat of the other kecamatan: must get 404 on everything of ``kec``."""
    return _pengguna("camat_walantaka", "CAMAT", kec_lain)


@pytest.fixture
def bappeda(db):
    return _pengguna("bappeda", "BAPPEDA")


@pytest.fixture
def pimpinan(db):
    return _pengguna("pimpinan", "PIMPINAN")


@pytest.fixture
def anonim() -> Client:
    """A client that is not signed in."""
    return Client()


@pytest.fixture
def klien(request) -> Callable[[str], Client]:
    """``klien("camat")``: a new client signed in as that persona; ``klien("anonim")``: not signed in."""

    def _klien(persona: str) -> Client:
        if persona not in PERSONA:
            raise ValueError(f"persona '{persona}' tidak dikenal (pilihan: {', '.join(PERSONA)})")
        c = Client()
        if persona != "anonim":
            c.force_login(request.getfixturevalue(persona))
        return c

    return _klien
