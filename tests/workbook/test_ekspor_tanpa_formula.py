"""The workbook export and the blank template write user text as text: nothing becomes a formula, and an
export whose uraian and indicator names start with "=" re-imports unchanged."""

from __future__ import annotations

import io

import pytest
from django.db.models import F
from django.urls import reverse
from openpyxl import load_workbook

from renja.models import Anggaran
from workbook.ekspor import workbook_ekspor, workbook_templat
from workbook.impor import workbook_impor

from ..periksa_xlsx import HYPERLINK, kecamatan_teks_formula, sel_formula

pytestmark = pytest.mark.django_db


def test_ekspor_workbook_teks_diawali_sama_dengan_tetap_teks_dan_impor_ulang_tanpa_perubahan():
    kec = kecamatan_teks_formula(2022)
    # data_renja's yearly realisasi does not always equal its quarters; the importer would refuse those rows
    tw = F("realisasi_tw1") + F("realisasi_tw2") + F("realisasi_tw3") + F("realisasi_tw4")
    Anggaran.objects.filter(tahun=2022).update(realisasi=tw)
    isi = workbook_ekspor(kec, tahun=2022)
    assert sel_formula(isi) == []
    wb = load_workbook(io.BytesIO(isi))
    uraian = [r[2] for r in wb["nomenklatur"].iter_rows(min_row=2, values_only=True)]
    assert "=PROGRAM 1" in uraian  # the text itself, no apostrophe added
    assert wb["nomenklatur"]["C2"].data_type == "s"
    assert "@Outcome 1" in [r[3] for r in wb["indikator"].iter_rows(min_row=2, values_only=True)]
    assert wb["wilayah"]["H2"].value == HYPERLINK

    hasil = workbook_impor(io.BytesIO(isi), dry_run=True, nama_berkas="ekspor.xlsx")
    assert hasil.pesan_galat() == [], hasil.pesan_galat()
    assert hasil.ringkasan().startswith("created=0 updated=0 "), hasil.ringkasan()
    assert hasil.errors == 0


def test_ekspor_dan_templat_lewat_web_tanpa_formula(client):
    from wilayah.akun import pengguna_simpan
    from wilayah.models import Peran

    kec = kecamatan_teks_formula(2022)
    client.force_login(pengguna_simpan("bappeda", Peran.BAPPEDA, password="sandi-uji-123"))
    r = client.get(reverse("workbook:ekspor", kwargs={"kode": kec.kode, "tahun": 2022}))
    assert r.status_code == 200 and sel_formula(r.content) == []
    r = client.get(reverse("workbook:templat"))
    assert r.status_code == 200 and sel_formula(r.content) == []
    assert sel_formula(workbook_templat()) == []
