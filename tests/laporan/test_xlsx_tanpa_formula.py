"""User text that looks like a formula (``=…``, ``+…``, ``-…``, ``@…``) reaches every report and audit-trail
XLSX as plain text: no cell of any sheet is a formula, and the text itself is unchanged."""

from __future__ import annotations

import pytest
from django.urls import reverse

from core.laporan import registry
from core.laporan.keluaran import hasilkan
from dokumen.services import narasi_simpan
from renja.models import Nomenklatur
from renja.services import keterangan_simpan
from wilayah.akun import pengguna_simpan
from wilayah.models import Peran

from ..periksa_xlsx import CMD, HYPERLINK, kecamatan_teks_formula, sel_formula, teks_sel

pytestmark = pytest.mark.django_db

TAHUN = 2022
#: Reports that print no user text at all (Tabel 1.3 prints only its own labels and counts).
TANPA_TEKS_PENGGUNA = {"lkjip-1.3"}


@pytest.fixture
def kec_formula(db):
    return kecamatan_teks_formula(TAHUN)


@pytest.fixture
def bappeda_formula(db):
    return pengguna_simpan("bappeda_f", Peran.BAPPEDA, password="sandi-uji-123", first_name=CMD)


@pytest.mark.parametrize("slug", [lap.slug for lap in registry.semua()])
def test_laporan_xlsx_teks_pengguna_tidak_menjadi_formula(kec_formula, slug):
    berkas = hasilkan(registry.laporan(slug), kec_formula, TAHUN, "xlsx")
    assert sel_formula(berkas.isi) == []
    teks = teks_sel(berkas.isi)
    assert HYPERLINK in teks  # the letterhead address, unchanged (no apostrophe added)
    # and the rows' own text (uraian, indicator, kelurahan, sasaran) reached the file unchanged too
    assert slug in TANPA_TEKS_PENGGUNA or any(
        t != HYPERLINK and (t[:1] in "=@+" or "-2+Kelurahan" in t) for t in teks
    ), teks


def test_semua_laporan_terdaftar_diuji():
    assert {lap.slug for lap in registry.semua()} >= {
        "renja-2.1",
        "renja-2.4",
        "renja-rencana",
        "renja-evaluasi",
    }


def test_riwayat_xlsx_teks_pengguna_tidak_menjadi_formula(client, kec_formula, bappeda_formula):
    sub = Nomenklatur.objects.get(kode="7.01.01.1.0001")
    keterangan_simpan(kec_formula, TAHUN, sub, 1, HYPERLINK, bappeda_formula)
    narasi_simpan(kec_formula, TAHUN, "renja", "kata_pengantar", "=SUM(1;2)", bappeda_formula)
    client.force_login(bappeda_formula)
    url = {"kode": kec_formula.kode, "tahun": TAHUN}
    for alamat in (
        reverse("laporan:riwayat-tahun", kwargs=url),
        reverse("renja:riwayat-kegiatan", kwargs={**url, "node": sub.pk}),
        reverse("dokumen:riwayat", kwargs={**url, "jenis": "renja"}),
    ):
        r = client.get(alamat)
        assert r.status_code == 200, alamat
        assert sel_formula(r.content) == [], alamat
        teks = teks_sel(r.content)
        assert CMD in teks, alamat  # the user's name, as text
        assert HYPERLINK in teks or "=SUM(1;2)" in teks, alamat
