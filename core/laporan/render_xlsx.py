"""XLSX of a report (openpyxl): the printed form's two-level header, numbers as numbers.

Layout: title lines, the caption row(s) with merged cells, the numbered row, the data rows, footnotes.
Values stay numbers with display formats from :func:`core.angka.format_excel`; a missing value is the text
``-``. Panes are frozen below the header and right of the uraian; printing is landscape (or portrait as the
report says), fitted to the page width, with the header rows repeated on every page.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.writer.excel import ExcelWriter

from core.angka import format_excel
from core.nilai import Nilai
from core.xlsx import isi_sel, tulis

from .registry import Cap, Kecamatan, Laporan, Opsi
from .render_html import kop
from .tabel import Baris, Kolom, Sel, Tabel

_TIPIS = Side(style="thin", color="000000")
_BINGKAI = Border(left=_TIPIS, right=_TIPIS, top=_TIPIS, bottom=_TIPIS)
_ISI_KEPALA = PatternFill("solid", fgColor="D9E2EC")
_ISI_NOMOR = PatternFill("solid", fgColor="EEF2F6")
_ISI = {
    "opd": PatternFill("solid", fgColor="C9D6E3"),
    "total": PatternFill("solid", fgColor="C9D6E3"),
    "kelompok": PatternFill("solid", fgColor="E4EBF2"),
    "program": PatternFill("solid", fgColor="F0F0F0"),
}
_TEBAL = ("opd", "kelompok", "program", "total")
_KERTAS = {"a4": 9, "f4": 14}  # Excel paper codes: 9 = A4, 14 = Folio 8.5 × 13 in (F4)
#: Fixed timestamp for the workbook and its zip entries, so the same report gives the same bytes.
_WAKTU = datetime(2000, 1, 1)


def _nilai_sel(kolom: Kolom, nilai: Sel) -> tuple[object, str | None]:
    """(cell value, number format) — numbers stay numbers; no value is ``-``."""
    if kolom.jenis == "teks":
        return (nilai if nilai not in (None, "") else None), None
    if isinstance(nilai, Nilai):
        if nilai.is_grade:
            return nilai.grade, None
        nilai = nilai.angka
    if nilai is None:
        return "-", None
    if isinstance(nilai, Decimal | int):
        return nilai, format_excel(kolom.jenis, nilai)
    return str(nilai), None


def _tulis_baris(ws, r: int, tabel: Tabel, b: Baris) -> None:
    kolom = tabel.kolom
    tebal = b.jenis in _TEBAL
    isi = _ISI.get(b.jenis)
    if b.jenis == "catatan":
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(kolom))
        c = tulis(ws, r, 1, b.teks)
        c.font = Font(italic=True)
        c.alignment = Alignment(wrap_text=True, vertical="top")
        for i in range(1, len(kolom) + 1):
            ws.cell(r, i).border = _BINGKAI
        return
    for i, k in enumerate(kolom, start=1):
        c = ws.cell(r, i)
        if k.kunci in b.sel:
            nilai, fmt = _nilai_sel(k, b.sel[k.kunci])
            tanda = b.tanda.get(k.kunci, "")
            if tanda and fmt:  # the number stays a number; its format shows the mark
                fmt = ";".join(f'{bagian} "({tanda})"' for bagian in fmt.split(";"))
            elif tanda:
                nilai = f"{'' if nilai is None else nilai} ({tanda})".strip()
            isi_sel(c, nilai)
            if fmt:
                c.number_format = fmt
        c.border = _BINGKAI
        if k.jenis == "teks":
            indent = b.tingkat if k.kunci == "uraian" else 0
            c.alignment = Alignment(wrap_text=True, vertical="top", indent=min(indent, 15))
        else:
            c.alignment = Alignment(horizontal="right", vertical="top")
        if tebal:
            c.font = Font(bold=True)
        elif b.jenis == "sub_kegiatan" and k.kunci == "uraian":
            c.font = Font(italic=True)
        if isi is not None:
            c.fill = isi


def render_xlsx(
    laporan: Laporan, kecamatan: Kecamatan, tahun: int, tabel: Tabel, opsi: Opsi, cap: Cap | None = None
) -> bytes:
    cap = cap or Cap()
    wb = Workbook()
    ws = wb.active
    ws.title = laporan.nama_berkas[:31]
    kolom = tabel.kolom
    n = len(kolom)
    r = 1
    for teks in [*kop(kecamatan), *tabel.judul]:
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=n)
        c = tulis(ws, r, 1, teks)
        c.font = Font(bold=True, size=12 if r <= 2 else 11)
        c.alignment = Alignment(horizontal="center")
        r += 1
    if cap.draf:
        tulis(ws, r, 1, "DRAF").font = Font(bold=True, color="C00000")
        r += 1
    if cap.keterangan:
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=n)
        tulis(ws, r, 1, cap.keterangan).font = Font(italic=True, color="C00000" if cap.draf else "000000")
        r += 1

    kepala_awal = r
    dua = tabel.ada_sub_kolom
    c_ = 1
    for kp in tabel.kepala:
        lebar = len(kp.kolom)
        if kp.tunggal:
            if dua:
                ws.merge_cells(start_row=r, start_column=c_, end_row=r + 1, end_column=c_)
            tulis(ws, r, c_, kp.judul)
        else:
            if lebar > 1:
                ws.merge_cells(start_row=r, start_column=c_, end_row=r, end_column=c_ + lebar - 1)
            tulis(ws, r, c_, kp.judul)
            for j, k in enumerate(kp.kolom):
                tulis(ws, r + 1, c_ + j, k.judul)
        c_ += lebar
    baris_kepala = [r, r + 1] if dua else [r]
    r += len(baris_kepala)
    if tabel.ada_nomor:
        c_ = 1
        for kp in tabel.kepala:
            if kp.nomor:
                if len(kp.kolom) > 1:
                    ws.merge_cells(start_row=r, start_column=c_, end_row=r, end_column=c_ + len(kp.kolom) - 1)
                tulis(ws, r, c_, kp.nomor)
            else:
                for j, k in enumerate(kp.kolom):
                    tulis(ws, r, c_ + j, k.nomor)
            c_ += len(kp.kolom)
        baris_kepala.append(r)
        r += 1
    for rr in baris_kepala:
        nomor = tabel.ada_nomor and rr == baris_kepala[-1]
        for i in range(1, n + 1):
            c = ws.cell(rr, i)
            c.border = _BINGKAI
            c.fill = _ISI_NOMOR if nomor else _ISI_KEPALA
            c.font = Font(italic=True, size=9) if nomor else Font(bold=True)
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[kepala_awal].height = 60

    awal_data = r
    for b in tabel.baris:
        _tulis_baris(ws, r, tabel, b)
        r += 1
    r += 1
    for i, teks in enumerate(tabel.keterangan, start=1):
        tulis(ws, r, 1, f"{i}. {teks}").font = Font(italic=True, size=9)
        r += 1

    for i, k in enumerate(kolom, start=1):
        ws.column_dimensions[get_column_letter(i)].width = k.lebar
    beku = next((i + 1 for i, k in enumerate(kolom) if k.kunci == "uraian"), 1) + 1
    ws.freeze_panes = f"{get_column_letter(beku)}{awal_data}"  # a coordinate: the cell may be merged

    ws.page_setup.orientation = "landscape" if laporan.lanskap else "portrait"
    ws.page_setup.paperSize = _KERTAS.get(opsi.kertas, 9)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.print_title_rows = f"{kepala_awal}:{baris_kepala[-1]}"
    if cap.draf:
        ws.oddHeader.center.text = "DRAF"
    # "&" starts a header/footer code in Excel (&P, &F, font changes): a name's "&" is written as "&&".
    nama_kec = kecamatan.nama.replace("&", "&&")
    ws.oddFooter.left.text = f"{laporan.dokumen} {tahun} · Kecamatan {nama_kec} · {laporan.judul}"
    ws.oddFooter.right.text = "Halaman &P dari &N"

    wb.properties.creator = "Rencana & Kinerja Kecamatan"
    wb.properties.title = f"{laporan.dokumen} {tahun} Kecamatan {kecamatan.nama} — {laporan.judul}"
    wb.properties.created = wb.properties.modified = _WAKTU
    buf = io.BytesIO()
    # ExcelWriter rather than wb.save(): save() stamps the current time as "modified".
    ExcelWriter(wb, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    return _zip_tetap(buf.getvalue())


def _zip_tetap(data: bytes) -> bytes:
    """The same zip with fixed entry timestamps (openpyxl stamps the current time)."""
    keluar = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as masuk, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        for info in masuk.infolist():
            baru = zipfile.ZipInfo(info.filename, date_time=_WAKTU.timetuple()[:6])
            baru.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(baru, masuk.read(info.filename))
    return keluar.getvalue()
