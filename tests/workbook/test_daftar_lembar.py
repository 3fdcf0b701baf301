"""The one list of sheets (workbook.daftar_lembar): every sheet of kolom.SHEETS is read by a handler, in workbook
order, and the export writes the sheets of their own modules after the core ones, in that order too."""

import io

import pytest
from openpyxl import load_workbook

from workbook.daftar_lembar import EKSPOR, PENANGAN
from workbook.ekspor import workbook_ekspor
from workbook.kolom import SHEETS

from ..data_uji import dua_kecamatan


def test_setiap_sheet_punya_penangan_dalam_urutan_workbook():
    assert list(PENANGAN) == list(SHEETS)


def test_ekspor_sheet_modul_sendiri_di_akhir_dalam_urutan_workbook():
    assert list(EKSPOR) == list(SHEETS)[-len(EKSPOR) :]


@pytest.mark.django_db
def test_ekspor_menulis_setiap_sheet():
    d = dua_kecamatan()
    assert load_workbook(io.BytesIO(workbook_ekspor(d["a"], tahun=2020))).sheetnames == list(SHEETS)
