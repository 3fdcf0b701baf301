"""Every registered report, in every format, gives the same bytes for the same data.

What a kecamatan downloads today and what the export command writes tomorrow must be the same file, so
nothing in a report may depend on the moment or on earlier renders: no timestamps (the XLSX pins its
document and zip dates), no global counters (chart ids come from the chart's content), no creation date
in the PDF (WeasyPrint writes none unless the HTML asks for one). PDFs are compared byte for byte too.

Two renders in one process cannot catch an order that changes with the process's string hashing
(``PYTHONHASHSEED``); the builders sort what they print.
"""

from __future__ import annotations

import pytest

from core.laporan import registry
from core.laporan.keluaran import FORMAT, hasilkan
from core.laporan.registry import Opsi
from wilayah.models import Kecamatan

from .. import factories as f
from ..conftest import data_modul
from ..lkjip import factories as f_lkjip

#: Both renders of each PDF are laid out by WeasyPrint, never served from the tests' memo (tests/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pdf_segar")]

#: Where each kind of report has data: Renja plans year N from N−2…N+1, the LKjIP reports year N.
DATA = {"Renja": ("36.73.01", 2022), "LKjIP": ("36.73.09", 2020)}
#: The reports that draw charts, and those whose charts have hatched series (patterns with ids): their pages
#: must carry them, or the chart ids go untested.
BERGRAFIK = {"lkjip-1.2", "lkjip-3.1", "lkjip-rekap", "lkjip-keuangan"}
BERPOLA = {"lkjip-rekap", "lkjip-keuangan"}


def _data() -> None:
    f.data_renja(f.kecamatan(DATA["Renja"][0], "Serang"), 1)
    f_lkjip.dataset(1, DATA["LKjIP"][0])


@pytest.fixture(scope="module")
def data(django_db_setup, django_db_blocker):
    """One Renja and one LKjIP kecamatan, built once for the module."""
    yield from data_modul(django_db_blocker, _data)


def test_setiap_laporan_terdaftar_diuji():
    assert {lap.dokumen for lap in registry.semua()} <= set(DATA)
    assert BERPOLA <= BERGRAFIK <= {lap.slug for lap in registry.semua()}


@pytest.mark.parametrize("format", FORMAT)
@pytest.mark.parametrize("slug", [lap.slug for lap in registry.semua()])
def test_data_sama_byte_sama(data, slug, format):
    lap = registry.laporan(slug)
    kode, tahun = DATA[lap.dokumen]
    kec = Kecamatan.objects.select_related("kota").get(kode=kode)
    opsi = Opsi(kertas="f4", triwulan=2) if lap.pakai_triwulan else Opsi()
    pertama = hasilkan(lap, kec, tahun, format, opsi).isi
    assert len(pertama) > 1000
    if format == "html":
        assert (b"<svg" in pertama) == (slug in BERGRAFIK)
        assert (b'<pattern id="g' in pertama) == (slug in BERPOLA)
    kedua = hasilkan(lap, Kecamatan.objects.select_related("kota").get(kode=kode), tahun, format, opsi).isi
    assert pertama == kedua, f"{slug}.{format}: two renders of the same data differ"
