"""Shared fixtures: the personas, the seed workbooks imported once per module, a workbook writer.

Personas (one set for every app, pretix/healthchecks style): two kecamatan of Kota Serang and one user per
role. ``kec`` (Serang, 36.73.01) is "ours": ``operator`` and ``camat`` belong to it. ``kec_lain`` (Walantaka,
36.73.03) is the other one: ``operator_lain`` and ``camat_lain`` belong to it and must see nothing of ``kec``.
``bappeda`` (administers the master data) and ``pimpinan`` (reads everything) see both; ``anonim`` is a client
that is not signed in. ``klien("operator")`` gives a client signed in as a persona (``"anonim"``: not signed
in), for tests parametrized over persona names.

The personas create only the kecamatan and the users (no programs, no figures); tests add their own data.

``seed``: both seed workbooks (fixtures/*.xlsx: Kota Serang, Kecamatan Serang and Walantaka) imported once per
test module, see :func:`data_modul`. A module that uses ``seed`` should use it in all its database tests (or
none): the seed stays in place from the first test that asks for it to the end of the module.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from django.test import Client
from openpyxl import Workbook

REPO = Path(__file__).resolve().parent.parent
#: The seed workbooks (built by fixtures/build_fixtures.py, checked by ``make test``).
SEED = sorted((REPO / "fixtures").glob("*.xlsx"))

T = TypeVar("T")

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


#: Tests whose subject does not depend on the database engine: the layout of whole documents and of every seed
#: report in PDF/XLSX, the browser, the production server, hostile files refused before any row is read. They
#: carry the marker ``sekali``; .ci/run runs them once, on SQLite, and deselects them on PostgreSQL (where every
#: other test runs again) to keep CI under ten minutes on a 2-core machine.
SEKALI = (
    "tests/e2e/",
    "tests/produksi/",
    "tests/laporan/test_cetak_seed.py",
    "tests/laporan/test_byte_sama.py",
    "tests/laporan/test_usulan_seed.py",
    "tests/dokumen/test_dokumen_lengkap.py",
    "tests/lkjip/test_keuangan_dokumen.py",
    "tests/workbook/test_bom.py",
    "tests/kota/test_cetak.py",
    "tests/antrean/test_redis.py",  # RQ worker on Redis laying out PDFs: the queue is its subject, not the engine
)


#: The slowest modules, slowest first (seconds of one worker, measured with ``--durations``). xdist hands out whole
#: modules (``--dist loadfile``) in collection order (``--no-loadscope-reorder``): starting with these keeps one
#: long module from running alone at the end while the other worker idles.
BERAT = (
    "tests/laporan/test_cetak_seed.py",
    "tests/laporan/test_byte_sama.py",
    "tests/dokumen/test_dokumen_lengkap.py",
    "tests/antrean/test_redis.py",
    "tests/workbook/test_bom.py",
    "tests/e2e/test_isian_browser.py",
    "tests/produksi/test_csp.py",
    "tests/e2e/test_impor_browser.py",
    "tests/produksi/test_gunicorn.py",
    "tests/e2e/test_beranda_browser.py",
    "tests/test_akses_demo.py",
    "tests/lkjip/test_walantaka.py",
    "tests/dokumen/test_cap_laporan.py",
    "tests/e2e/test_alur_browser.py",
    "tests/e2e/test_grid_browser.py",
    "tests/test_matriks_akses.py",
)


def pytest_collection_modifyitems(config, items):
    urutan = {jalur: i for i, jalur in enumerate(BERAT)}
    kunci = {}
    for n, item in enumerate(items):
        jalur = Path(str(item.fspath)).resolve().relative_to(REPO).as_posix()
        if jalur.startswith(SEKALI):
            item.add_marker(pytest.mark.sekali)
        kunci[item.nodeid] = (urutan.get(jalur, len(BERAT)), n)
    items.sort(key=lambda item: kunci[item.nodeid])  # stable within a module: its own order is kept


def pytest_unconfigure(config):
    """config.settings.test keeps uploads in fresh temp dirs, one pair per process that loads it (the xdist
    controller and each worker): removed when pytest ends."""
    from django.conf import settings

    if not settings.configured:  # -p no:django
        return
    for akar in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT, settings.STATIC_ROOT):
        if Path(akar).name.startswith(("rkk-media-", "rkk-privat-", "rkk-static-")):
            shutil.rmtree(akar, ignore_errors=True)


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
# data built once per module: Django's TestCase.setUpTestData for pytest
# ------------------------------------------------------------------------------------------------------------
def data_modul(django_db_blocker, bangun: Callable[[], T]) -> Iterator[T]:
    """For a module- or class-scoped fixture: run ``bangun()`` once inside an outer transaction, yield its
    result, and roll everything back when the scope ends.

    Each test still runs in its own transaction (pytest-django's ``db``: a savepoint inside this one) and is
    rolled back after it, so a test that changes the shared rows does not leak into the next one; other modules
    never see the rows. Like ``setUpTestData``, model instances in the result are shared between the tests of
    the scope: read them, or fetch fresh copies before changing them. Not for ``transaction=True`` tests (they
    commit and flush); with pytest-xdist, ``--dist loadfile`` keeps a module on one worker so the data is built
    once. Usage::

        @pytest.fixture(scope="module")
        def data(django_db_setup, django_db_blocker):
            yield from data_modul(django_db_blocker, lambda: f.dataset(10))
    """
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic._from_testcase = True  # as in TestCase: durable blocks inside are allowed
        atomic.__enter__()
        try:
            hasil = bangun()
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    try:
        yield hasil
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def impor_seed() -> None:
    """Import both seed workbooks (what ``load_demo`` loads, without its users)."""
    from workbook.impor import workbook_impor

    assert SEED, "fixtures/*.xlsx are missing: run python fixtures/build_fixtures.py"
    for path in SEED:
        hasil = workbook_impor(path, akui_melebihi_pagu=True)  # as load_demo: the seed keeps them
        assert hasil.berhasil, "\n".join(hasil.pesan_galat())


@pytest.fixture(scope="module")
def seed(django_db_setup, django_db_blocker) -> Iterator[None]:
    """The seed workbooks, imported once for the module and rolled back at its end (see :func:`data_modul`)."""
    yield from data_modul(django_db_blocker, impor_seed)


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


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, driven by Playwright (never a downloaded browser)."""
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield b
        b.close()


# --- WeasyPrint's bytes, memoized per HTML for the whole test run -----------------------------------------------
#
# A PDF is a pure function of its HTML (and base URL): tests/laporan/test_byte_sama.py proves it for every report
# with the memo switched off (``pdf_segar``). Many tests lay out the very same report (the seed's tables are read
# by several modules, and the PostgreSQL phase of .ci/run repeats the SQLite phase's renders), and a WeasyPrint
# layout costs seconds: the bytes are kept on disk, keyed by the HTML, shared by the xdist workers and, through
# ``RKK_UJI_CACHE_PDF`` (set by .ci/run), by both phases. Every PDF a test reads was still laid out by WeasyPrint
# from exactly that HTML, once. A render whose progress is followed (a handler on ``weasyprint.progress``, as the
# jobs do) is never served from the memo: its progress is what such a test checks.

_PDF_MEMO = {"aktif": True}


def _pdf_memo_dir(tmp_path_factory) -> Path:
    dari_env = os.environ.get("RKK_UJI_CACHE_PDF")
    if dari_env:
        return Path(dari_env)
    base = tmp_path_factory.getbasetemp()
    return (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "pdf-memo"


@pytest.fixture(scope="session", autouse=True)
def _memo_pdf_weasyprint(tmp_path_factory):
    import hashlib
    import logging

    import weasyprint

    folder = _pdf_memo_dir(tmp_path_factory)
    folder.mkdir(parents=True, exist_ok=True)
    asli_init, asli_write = weasyprint.HTML.__init__, weasyprint.HTML.write_pdf
    progres = logging.getLogger("weasyprint.progress")

    def init(self, *args, **kwargs):
        asli_init(self, *args, **kwargs)
        string = kwargs.get("string")
        self._rkk_kunci = (
            hashlib.sha256(
                f"{weasyprint.__version__}\0{kwargs.get('base_url')}\0{string}".encode()
            ).hexdigest()
            if isinstance(string, str) and not args
            else None
        )

    def write_pdf(self, target=None, *args, **kwargs):
        kunci = getattr(self, "_rkk_kunci", None)
        if target is not None or args or kwargs or not kunci or not _PDF_MEMO["aktif"] or progres.handlers:
            return asli_write(self, target, *args, **kwargs)
        berkas = folder / f"{kunci}.pdf"
        if berkas.exists():
            return berkas.read_bytes()
        isi = asli_write(self)
        sementara = folder / f"{kunci}.{os.getpid()}.tmp"
        sementara.write_bytes(isi)
        os.replace(sementara, berkas)  # atomic: a worker never reads half a file
        return isi

    weasyprint.HTML.__init__, weasyprint.HTML.write_pdf = init, write_pdf
    yield
    weasyprint.HTML.__init__, weasyprint.HTML.write_pdf = asli_init, asli_write


@pytest.fixture
def pdf_segar():
    """Every PDF of this test is laid out afresh by WeasyPrint (for the tests of determinism itself)."""
    _PDF_MEMO["aktif"] = False
    yield
    _PDF_MEMO["aktif"] = True
