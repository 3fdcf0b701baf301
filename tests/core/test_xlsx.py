"""core.xlsx: text written through it stays a string cell after save and reload; the admin export
(django-import-export) escapes formulas too."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from openpyxl import Workbook, load_workbook

from core.xlsx import isi_sel, tambah_baris, tulis

from ..periksa_xlsx import HYPERLINK, sel_formula

# (a lone CR is not in the list: XML itself reads it back as LF)
TEKS = [HYPERLINK, "=1+1", "+62 812", "-2+3", "@SUM(A1)", "\t=1", "\n=1", "#N/A", "-", "biasa"]


def _simpan(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_teks_tetap_sel_string_setelah_disimpan_dan_dibuka_ulang():
    wb = Workbook()
    ws = wb.active
    tambah_baris(ws, TEKS)
    for i, teks in enumerate(TEKS, start=1):
        tulis(ws, 2, i, teks)
    isi = _simpan(wb)
    assert sel_formula(isi) == []
    ulang = load_workbook(io.BytesIO(isi)).active
    for baris in (1, 2):
        sel = [ulang.cell(baris, i) for i in range(1, len(TEKS) + 1)]
        assert [s.value for s in sel] == TEKS  # unchanged: no apostrophe, nothing stripped
        assert {s.data_type for s in sel} == {"s"}
    # Excel's "quote prefix" keeps formula-like text as text when someone edits the cell
    assert ulang["A1"].quotePrefix and ulang["B2"].quotePrefix and not ulang["J1"].quotePrefix


def test_nilai_bukan_teks_tidak_berubah_dan_karakter_terlarang_dibuang():
    wb = Workbook()
    ws = wb.active
    waktu = datetime(2024, 1, 2, 3, 4, 5)
    tambah_baris(ws, [5, 2.5, waktu, None, "a\x01b"])
    ulang = load_workbook(io.BytesIO(_simpan(wb))).active
    assert [c.value for c in ulang[1]] == [5, 2.5, waktu, None, "ab"]
    assert isi_sel(ws["F1"], "=x").data_type == "s"


@pytest.mark.django_db
def test_ekspor_admin_xlsx_tidak_menulis_formula():
    from import_export.formats.base_formats import XLSX

    from wilayah.admin import KelurahanResource

    from .. import factories as f

    kec = f.kecamatan("36.73.01", "Serang")
    f.kelurahan(kec, HYPERLINK)
    isi = XLSX().export_data(KelurahanResource().export())
    assert sel_formula(isi) == []
