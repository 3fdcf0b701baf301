"""Opening a workbook file and reading its sheets as rows of named cells.

Everything that can go wrong with the file itself becomes a ``BerkasError`` with a message in
Bahasa Indonesia; nothing here raises a traceback at the user.

A workbook is untrusted input, so before anything is parsed the file's size and its zip directory are checked
(a small file must not unpack into gigabytes), and while reading, the ``<dimension>`` a sheet declares is never
used to size the rows: only real rows are read, and reading stops as soon as a sheet has more rows or columns
than allowed. The limits are settings (``WORKBOOK_*`` below, with these defaults).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.cell import coordinate_from_string, range_boundaries
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.xml.functions import iterparse
from python_calamine import CalamineError, CalamineSheet, CalamineWorkbook, SheetTypeEnum

EKSTENSI_DITERIMA = (".xlsx", ".xlsm")

MB = 1024 * 1024
#: Limits (setting name -> default): the file as uploaded, the zip once unpacked, and each sheet.
BATAS_BAWAAN = {
    "WORKBOOK_UKURAN_MAKS": 20 * MB,  # the .xlsx file itself
    "WORKBOOK_UKURAN_TERBUKA_MAKS": 200 * MB,  # all zip members together, unpacked
    "WORKBOOK_RASIO_MAKS": 100,  # unpacked : packed, for members larger than RASIO_DARI_UKURAN
    "WORKBOOK_ANGGOTA_MAKS": 1000,  # zip members
    "WORKBOOK_BARIS_MAKS": 200_000,  # data rows per sheet
    "WORKBOOK_KOLOM_MAKS": 200,  # columns per sheet
}
RASIO_DARI_UKURAN = 1 * MB


class _RumusTanpaNilai:
    """A formula cell with no value saved by Excel: never read as blank (that would erase a stored value)."""

    def __repr__(self) -> str:
        return "RUMUS_TANPA_NILAI"


RUMUS_TANPA_NILAI: Any = _RumusTanpaNilai()


class BerkasError(Exception):
    """The file cannot be read as a workbook at all."""


def batas(nama: str) -> int:
    return int(getattr(settings, nama, BATAS_BAWAAN[nama]))


def format_ukuran(n: int) -> str:
    """Bytes for a message: ``1,2 GB``, ``20 MB``, ``4,7 KB``."""
    for satuan, besar in (("GB", 1024 * MB), ("MB", MB), ("KB", 1024)):
        if n >= besar:
            teks = f"{n / besar:.1f}".removesuffix(".0")
            return f"{teks.replace('.', ',')} {satuan}"
    return f"{n} byte"


def format_jumlah(n: int) -> str:
    return f"{n:,}".replace(",", ".")


_PEMISAH_NAMA = re.compile(r"[\s_]+")


def normalisasi_nama(nama: Any) -> str:
    """Sheet and column names match case-insensitively, ignoring spaces and underscores."""
    try:
        return _normalisasi_nama(nama)
    except TypeError:  # an unhashable value
        return _PEMISAH_NAMA.sub("", str(nama or "")).lower()


@lru_cache(maxsize=4096)
def _normalisasi_nama(nama: Any) -> str:
    # called for every cell read (the row reader names its columns): the few names are computed once
    return _PEMISAH_NAMA.sub("", str(nama or "")).lower()


@dataclass
class Baris:
    """One data row: Excel row number and the cells by (canonical) column name."""

    nomor: int
    sel: dict[str, Any]
    huruf: dict[str, str]  # column name -> column letter, for messages


@dataclass
class Sheet:
    nama: str  # as written in the workbook
    kolom: dict[str, str] = field(default_factory=dict)  # canonical name -> letter
    judul: dict[str, str] = field(default_factory=dict)  # canonical name -> header as written
    baris: list[Baris] = field(default_factory=list)


#: A progress callback: (phase, done, total or None when not known yet). See impor.workbook_impor.
Kemajuan = Callable[[str, int, int | None], None]
#: How often (rows) a progress callback is called at most, besides once at the end of each phase.
KEMAJUAN_SETIAP = 1000


def buka(
    sumber: str | Path | IO[bytes],
    nama_berkas: str | None = None,
    kemajuan: Kemajuan | None = None,
    setiap: int = KEMAJUAN_SETIAP,
) -> dict[str, Sheet]:
    """Read every sheet of the workbook into memory, keyed by normalised sheet name.

    Only the header row decides which columns are known; the caller maps them to its own names.
    ``kemajuan("membaca", rows read so far in the workbook, None)`` is called every ``setiap`` rows read
    (blank ones included) and once at the end.
    """
    nama = nama_berkas or (str(sumber) if isinstance(sumber, (str, Path)) else getattr(sumber, "name", ""))
    if nama and Path(nama).suffix and Path(nama).suffix.lower() not in EKSTENSI_DITERIMA:
        suffix = Path(nama).suffix.lower()
        if suffix == ".xls":
            raise BerkasError(
                "Format .xls (Excel 97-2003) tidak didukung. Simpan ulang berkas sebagai .xlsx."
            )
        raise BerkasError(f"Berkas '{Path(nama).name}' bukan workbook Excel (.xlsx). Unggah berkas .xlsx.")
    if isinstance(sumber, (str, Path)):
        path = Path(sumber)
        if not path.exists():
            raise BerkasError(f"Berkas '{path}' tidak ditemukan.")
        ukuran = path.stat().st_size
    else:
        posisi = sumber.tell()
        ukuran = sumber.seek(0, 2) - posisi
        sumber.seek(posisi)
    if ukuran == 0:
        raise BerkasError("Berkas kosong (0 byte): tidak ada yang bisa diimpor.")
    if ukuran > batas("WORKBOOK_UKURAN_MAKS"):
        raise BerkasError(
            f"Berkas terlalu besar ({format_ukuran(ukuran)}); batasnya {format_ukuran(batas('WORKBOOK_UKURAN_MAKS'))}."
            " Pecah workbook menjadi beberapa berkas."
        )
    _periksa_ole(sumber)
    _periksa_zip(sumber)
    jumlah = _cukup_nilai(sumber)
    if jumlah:
        dibaca_cepat = _buka_calamine(sumber, jumlah, kemajuan, setiap)
        if dibaca_cepat is not None:
            return dibaca_cepat
    try:
        # keep_vba=False: macros of an .xlsm are never loaded, let alone run.
        wb = load_workbook(sumber, read_only=True, data_only=True, keep_vba=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError, EOFError) as exc:
        raise BerkasError(
            "Berkas rusak atau bukan workbook Excel (.xlsx) yang sah; buka di Excel lalu simpan ulang sebagai .xlsx."
        ) from exc
    dibaca = [0]  # rows read so far, over all sheets

    def lapor(n: int = 1) -> None:
        dibaca[0] += n
        if kemajuan is not None and dibaca[0] % setiap == 0:
            kemajuan("membaca", dibaca[0], None)

    try:
        hasil = {normalisasi_nama(ws.title): _baca_sheet(ws, lapor) for ws in wb.worksheets}
        if kemajuan is not None:
            kemajuan("membaca", dibaca[0], dibaca[0])
        return hasil
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
        raise BerkasError("Isi workbook rusak dan tidak dapat dibaca; simpan ulang sebagai .xlsx.") from exc
    finally:
        wb.close()


#: The first bytes of an OLE2 compound file: an Excel 97-2003 .xls, or any Office file protected by a password.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _periksa_ole(sumber: str | Path | IO[bytes]) -> None:
    if isinstance(sumber, (str, Path)):
        with open(sumber, "rb") as f:
            awal = f.read(len(_OLE))
    else:
        posisi = sumber.tell()
        awal = sumber.read(len(_OLE))
        sumber.seek(posisi)
    if awal == _OLE:
        raise BerkasError(
            "Berkas ini dilindungi kata sandi atau berformat Excel 97-2003 (.xls) walau namanya .xlsx. "
            "Buka di Excel, hapus kata sandinya (File › Info › Lindungi Buku Kerja), simpan sebagai .xlsx, "
            "lalu unggah lagi."
        )


def _periksa_zip(sumber: str | Path | IO[bytes]) -> None:
    """Refuse a zip bomb from its directory alone, before anything is unpacked.

    The sizes come from the zip's central directory; Python's zipfile never unpacks a member beyond its
    declared size (and a member that does not match it fails its CRC check), so they are an upper bound.
    """
    posisi = None if isinstance(sumber, (str, Path)) else sumber.tell()
    try:
        with zipfile.ZipFile(sumber) as z:
            anggota = z.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise BerkasError(
            "Berkas rusak atau bukan workbook Excel (.xlsx) yang sah; buka di Excel lalu simpan ulang sebagai .xlsx."
        ) from exc
    finally:
        if posisi is not None and not isinstance(sumber, (str, Path)):
            sumber.seek(posisi)
    if len(anggota) > batas("WORKBOOK_ANGGOTA_MAKS"):
        raise BerkasError(
            f"Berkas memuat {format_jumlah(len(anggota))} bagian di dalam zip-nya (batas "
            f"{format_jumlah(batas('WORKBOOK_ANGGOTA_MAKS'))}); ini bukan workbook biasa. Simpan ulang sebagai .xlsx."
        )
    total = sum(i.file_size for i in anggota)
    if total > batas("WORKBOOK_UKURAN_TERBUKA_MAKS"):
        raise BerkasError(
            f"Berkas tampak seperti bom zip: isinya {format_ukuran(total)} bila dibuka (batas "
            f"{format_ukuran(batas('WORKBOOK_UKURAN_TERBUKA_MAKS'))}). Pecah workbook menjadi beberapa berkas."
        )
    rasio_maks = batas("WORKBOOK_RASIO_MAKS")
    for i in anggota:
        if i.file_size > RASIO_DARI_UKURAN and i.file_size > rasio_maks * max(i.compress_size, 1):
            raise BerkasError(
                f"Berkas tampak seperti bom zip: bagian '{i.filename}' berukuran {format_ukuran(i.file_size)} bila "
                f"dibuka dari hanya {format_ukuran(i.compress_size)} (lebih dari {rasio_maks}:1). "
                "Buka di Excel lalu simpan ulang sebagai .xlsx."
            )


#: What only openpyxl (or the XML) can tell about a sheet: a formula (its saved value may be missing), a merged
#: range (its other cells read as blank), an error value (``#N/A``: the fast reader gives it as blank).
_PERLU_OPENPYXL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:f|mergeCell)[\s/>]")
_GALAT_SEL = re.compile(rb"\st\s*=\s*[\"']e[\"']")
_BARIS_XML = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")
_LEMBAR_XML = re.compile(r"xl/worksheets/[^/]+\.xml")
_POTONGAN = 1 << 20


def _cukup_nilai(sumber: str | Path | IO[bytes]) -> int | None:
    """The number of worksheets when their cell values alone are all the import needs, else None.

    The values are read by python-calamine (several times faster than openpyxl, and it keeps no cell objects)
    unless a sheet holds what only openpyxl's reading of the XML can tell (``_PERLU_OPENPYXL``: formulas,
    merged ranges, error values) or more rows than allowed (openpyxl's reader stops there with its message).
    One streaming pass over each sheet's XML, a megabyte at a time, searched by regular expressions (no parse).
    """
    posisi = None if isinstance(sumber, (str, Path)) else sumber.tell()
    baris_maks = batas("WORKBOOK_BARIS_MAKS")
    try:
        with zipfile.ZipFile(sumber) as z:
            lembar = [i for i in z.infolist() if _LEMBAR_XML.fullmatch(i.filename)]
            for info in lembar:
                baris = 0
                ekor = b""
                with z.open(info) as f:
                    while potongan := f.read(_POTONGAN):
                        data = ekor + potongan
                        if _perlu_openpyxl(data):
                            return None
                        # a tag that ends in this piece was not counted before (one wholly in the tail was)
                        baris += _hitung_baris(data) - _hitung_baris(ekor)
                        if baris > baris_maks + 1:
                            return None
                        ekor = data[-64:]
            return len(lembar) or None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError, NotImplementedError):
        return None
    finally:
        if posisi is not None and not isinstance(sumber, (str, Path)):
            sumber.seek(posisi)


def _perlu_openpyxl(data: bytes) -> bool:
    """``_PERLU_OPENPYXL`` or an error value in a piece of sheet XML. The regular expressions run only where a
    byte search found a hint (most sheets have none; a regex tried at every tag is the slow part); a false
    hint (``<filterColumn``) costs one regex search, never a wrong answer."""
    if (b"<f" in data or b":f" in data or b"mergeCell" in data) and _PERLU_OPENPYXL.search(data):
        return True
    return (b'"e"' in data or b"'e'" in data) and _GALAT_SEL.search(data) is not None


def _hitung_baris(data: bytes) -> int:
    """``<row>`` tags in the XML, at least (``<rowBreaks>`` counts too: a sheet at the limit is then read by
    openpyxl, which counts exactly); by bytes.count unless the sheet writes its tags with a prefix."""
    if b":row" in data:
        return sum(1 for _ in _BARIS_XML.finditer(data))
    return data.count(b"<row")


def _buka_calamine(
    sumber: str | Path | IO[bytes], jumlah: int, kemajuan: Kemajuan | None, setiap: int
) -> dict[str, Sheet] | None:
    """``buka`` by python-calamine; None when it cannot read the file (the caller then reads it with openpyxl,
    whose messages name what is wrong) or finds other worksheets than the ``jumlah`` that were checked."""
    posisi = None if isinstance(sumber, (str, Path)) else sumber.tell()
    wb = None
    try:
        wb = (
            CalamineWorkbook.from_path(str(sumber))
            if isinstance(sumber, (str, Path))
            else CalamineWorkbook.from_filelike(sumber)
        )
        lembar = [m.name for m in wb.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
        if len(lembar) != jumlah:
            return None
        dibaca = [0]

        def lapor(n: int = 1) -> None:
            for _ in range(n):
                dibaca[0] += 1
                if kemajuan is not None and dibaca[0] % setiap == 0:
                    kemajuan("membaca", dibaca[0], None)

        hasil = {}
        for nama in lembar:
            hasil[normalisasi_nama(nama)] = _baca_sheet_calamine(wb.get_sheet_by_name(nama), lapor)
        if kemajuan is not None:
            kemajuan("membaca", dibaca[0], dibaca[0])
        return hasil
    except (CalamineError, ValueError, OSError, EOFError, zipfile.BadZipFile):
        return None
    finally:
        if wb is not None:
            wb.close()
        if posisi is not None and not isinstance(sumber, (str, Path)):
            sumber.seek(posisi)


def _nilai_calamine(v: Any) -> Any:
    """A value as openpyxl's ``data_only`` reader gives it: None for a blank cell, an int for a whole number
    Excel writes without a decimal point, a datetime for a date."""
    if v == "":
        return None
    if type(v) is float:
        return int(v) if v.is_integer() and abs(v) < 1e15 else v
    if type(v) is date:
        return datetime(v.year, v.month, v.day)
    return v


def _baca_sheet_calamine(cs: CalamineSheet, lapor: Callable[[int], None]) -> Sheet:
    """``_baca_sheet`` over python-calamine's rows: same columns, rows, numbers and limits."""
    sheet = Sheet(nama=cs.name)
    if cs.start is None:  # an empty sheet
        return sheet
    baris_maks, kolom_maks = batas("WORKBOOK_BARIS_MAKS"), batas("WORKBOOK_KOLOM_MAKS")
    r0, c0 = cs.start  # 0-based: calamine's rows begin at the first row and column holding a value
    rows = cs.iter_rows()
    header = next(rows, []) if r0 == 0 else []
    nama_kolom: dict[int, str] = {}  # position in calamine's row -> canonical column name
    for j, judul in enumerate(header):
        judul = _nilai_calamine(judul)
        if _kosong(judul):
            continue
        i = c0 + j
        if i >= kolom_maks:
            raise _terlalu_banyak_kolom(cs.name, kolom_maks)
        kunci = normalisasi_nama(judul)
        if kunci in sheet.kolom:
            continue
        sheet.kolom[kunci] = get_column_letter(i + 1)
        sheet.judul[kunci] = str(judul).strip()
        nama_kolom[j] = kunci
    awal = max(r0 + 1, 2)  # the Excel row of calamine's next row
    if awal > 2:
        lapor(awal - 2)  # rows 2.. before the first one with a value were blank
    for nomor, values in enumerate(rows, start=awal):
        if nomor > baris_maks + 1:
            raise _terlalu_banyak_baris(cs.name, baris_maks)
        lapor(1)
        if not nama_kolom:
            continue
        n = len(values)
        sel: dict[str, Any] = {}
        for j, kunci in nama_kolom.items():
            v = values[j] if j < n else None
            sel[kunci] = v if (type(v) is str and v) else _nilai_calamine(v)  # most cells: text, kept as is
        if all(_kosong(v) for v in sel.values()):
            continue
        sheet.baris.append(Baris(nomor=nomor, sel=sel, huruf=sheet.kolom))
    return sheet


def _kosong(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _terlalu_banyak_baris(judul: str, baris_maks: int) -> BerkasError:
    return BerkasError(
        f"Sheet '{judul}' berisi lebih dari {format_jumlah(baris_maks)} baris; pecah workbook menjadi beberapa berkas."
    )


def _terlalu_banyak_kolom(judul: str, kolom_maks: int) -> BerkasError:
    return BerkasError(
        f"Sheet '{judul}' berisi lebih dari {format_jumlah(kolom_maks)} kolom; hapus kolom yang tidak dipakai "
        "lalu simpan ulang."
    )


def _baca_sheet(ws, lapor: Callable[[], None] | None = None) -> Sheet:
    sheet = Sheet(nama=ws.title)
    baris_maks, kolom_maks = batas("WORKBOOK_BARIS_MAKS"), batas("WORKBOOK_KOLOM_MAKS")
    # The declared <dimension> is never trusted: it may claim the whole grid (A1:XFD1048576), and openpyxl
    # would then pad every row and every missing row up to the claimed size. Forget it and read the real rows.
    ws.reset_dimensions()
    header = next(ws.iter_rows(min_row=1, max_row=1, values_only=True), None) or ()
    indeks: dict[int, str] = {}
    for i, judul in enumerate(header):
        if _kosong(judul):
            continue
        if i >= kolom_maks:
            raise _terlalu_banyak_kolom(ws.title, kolom_maks)
        kunci = normalisasi_nama(judul)
        if kunci in sheet.kolom:
            continue  # a duplicated column name: the first one counts
        sheet.kolom[kunci] = get_column_letter(i + 1)
        sheet.judul[kunci] = str(judul).strip()
        indeks[i] = kunci
    # Only the named columns are read (cells right of them are ignored anyway), so a row is never wider
    # than the header; rows are counted as they come, real or skipped, and reading stops past the limit.
    lebar = max(indeks, default=0) + 1
    tanpa_nilai, gabungan = _periksa_xml(ws, lebar, baris_maks)
    if gabungan:
        raise BerkasError(
            f"Sheet '{ws.title}' memuat sel gabungan (merge) di area data: {', '.join(gabungan[:5])}"
            + (f" dan {len(gabungan) - 5} lainnya" if len(gabungan) > 5 else "")
            + ". Sel gabungan hanya menyimpan nilai di sel pertamanya; pisahkan (Unmerge), isi setiap baris, "
            "simpan, lalu unggah lagi."
        )
    rows: Iterator[tuple] = ws.iter_rows(min_row=2, max_col=lebar, values_only=True)
    for nomor, values in enumerate(rows, start=2):
        if nomor > baris_maks + 1:
            raise _terlalu_banyak_baris(ws.title, baris_maks)
        if lapor is not None:
            lapor()
        if all(_kosong(v) for v in values) and not any((nomor, i) in tanpa_nilai for i in indeks):
            continue
        sel = {kunci: (values[i] if i < len(values) else None) for i, kunci in indeks.items()}
        for i, kunci in indeks.items():
            if (nomor, i) in tanpa_nilai:
                sel[kunci] = RUMUS_TANPA_NILAI
        if all(_kosong(v) for v in sel.values()):
            continue
        sheet.baris.append(Baris(nomor=nomor, sel=sel, huruf=sheet.kolom))
    return sheet


def _periksa_xml(ws, lebar: int, baris_maks: int) -> tuple[set[tuple[int, int]], list[str]]:
    """What openpyxl's read-only ``data_only`` reader cannot tell: (1) the (Excel row, 0-based column) of the
    formula cells of the data columns that carry no saved value, and (2) the merged ranges that reach the data
    area (below the header, within the named columns), whose cells other than the first read as blank.

    openpyxl's ``data_only`` read gives None for them, the same as for a blank cell; only the sheet's XML tells
    them apart: a ``<c>`` with an ``<f>`` and no ``<v>`` (or an empty ``<v/>`` outside a text result, as written
    by programs that do not calculate). One streaming pass with openpyxl's own parser, elements freed as it
    goes, stopping at the same row limit as the reader.
    """
    hasil: set[tuple[int, int]] = set()
    gabungan: list[str] = []
    nomor = 0
    with ws._get_source() as xml:
        for _, elem in iterparse(xml, events=("end",)):
            tag = elem.tag.rsplit("}", 1)[-1]
            if tag == "row":
                nomor = int(elem.get("r") or nomor + 1)
                if nomor > baris_maks + 1:
                    break
                kolom = -1
                for c in elem:
                    if c.tag.rsplit("}", 1)[-1] != "c":
                        continue
                    ref = c.get("r")
                    kolom = column_index_from_string(coordinate_from_string(ref)[0]) - 1 if ref else kolom + 1
                    if kolom >= lebar:
                        continue
                    f = v = None
                    for anak in c:
                        nama = anak.tag.rsplit("}", 1)[-1]
                        if nama == "f":
                            f = anak
                        elif nama == "v":
                            v = anak
                    if f is None:
                        continue
                    if v is None or (not v.text and c.get("t") not in ("str", "inlineStr")):
                        hasil.add((nomor, kolom))
                elem.clear()
            elif tag == "mergeCell":
                ref = elem.get("ref") or ""
                try:
                    kol1, _, _, baris2 = range_boundaries(ref)
                except (TypeError, ValueError):
                    continue
                if (baris2 or 0) >= 2 and (kol1 or 1) <= lebar:
                    gabungan.append(ref)
                elem.clear()
    return hasil, gabungan
