"""HTML of a report: the table partial (``laporan/_tabel.html``) inside the web page or the print document.

The print document (``laporan/cetak.html``) is self-contained (``static/css/cetak.css`` inlined): it is the
HTML download and the source of the PDF, so both show exactly the same table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .registry import KERTAS, Cap, Kecamatan, Laporan, Opsi
from .tabel import Baris, Kepala, Kolom, Sel, Tabel


@dataclass(frozen=True)
class SelTampil:
    kolom: Kolom
    ada: bool  # False: the row has no such value (blank cell); True with nilai None: "-"
    nilai: Sel
    span: int = 1
    tanda: str = ""  # e.g. "belum lengkap": printed after the value

    @property
    def kode(self) -> SafeString:
        """A code (``7.01.01.2.01.0001``) that may wrap only after a dot, never inside a number."""
        return mark_safe("<wbr>".join(escape(p) for p in re.split(r"(?<=\.)", str(self.nilai or ""))))


@dataclass(frozen=True)
class BarisTampil:
    baris: Baris
    sel: list[SelTampil]

    @property
    def jenis(self) -> str:
        return self.baris.jenis


def _sel(tabel: Tabel, b: Baris) -> list[SelTampil]:
    if b.jenis == "catatan":
        return [SelTampil(Kolom("teks", ""), True, b.teks, span=len(tabel.kolom))]
    return [
        SelTampil(k, k.kunci in b.sel, b.sel.get(k.kunci), tanda=b.tanda.get(k.kunci, ""))
        for k in tabel.kolom
    ]


def _nomor(kepala: list[Kepala]) -> list[tuple[str, int]]:
    sel: list[tuple[str, int]] = []
    for kp in kepala:
        if kp.nomor:
            sel.append((kp.nomor, len(kp.kolom)))
        else:
            sel.extend((k.nomor, 1) for k in kp.kolom)
    return sel


def konteks_tabel(tabel: Tabel) -> dict[str, Any]:
    """What ``laporan/_tabel.html`` draws: header rows, column widths (%), rows with their cells."""
    kolom = tabel.kolom
    total = sum(k.lebar for k in kolom) or 1
    return {
        "tabel": tabel,
        "lebar": [(k, round(k.lebar * 100 / total, 2)) for k in kolom],
        "dua_baris": tabel.ada_sub_kolom,
        "sub_kolom": [k for kp in tabel.kepala if not kp.tunggal for k in kp.kolom],
        "nomor": _nomor(tabel.kepala) if tabel.ada_nomor else [],
        "baris": [BarisTampil(b, _sel(tabel, b)) for b in tabel.baris],
    }


def render_tabel(tabel: Tabel) -> str:
    return render_to_string("laporan/_tabel.html", konteks_tabel(tabel))


@cache
def css_cetak() -> str:
    """cetak.css and the LKjIP appendix's lampiran.css, inlined (the web page links both: CSP, no <style>)."""
    isi = []
    for nama in ("css/cetak.css", "css/lampiran.css"):
        path = finders.find(nama)
        if not path:  # pragma: no cover - part of the repository
            raise FileNotFoundError(f"static/{nama}")
        with open(path, encoding="utf-8") as f:
            isi.append(f.read())
    return "\n".join(isi)


def kop(kecamatan: Kecamatan) -> list[str]:
    """Letterhead lines: PEMERINTAH KOTA …, KECAMATAN …, address (when known)."""
    kota = kecamatan.kota.nama.upper()
    if not kota.startswith(("KOTA ", "KABUPATEN ")):
        kota = f"KOTA {kota}"
    baris = [f"PEMERINTAH {kota}", f"KECAMATAN {kecamatan.nama.upper()}"]
    if kecamatan.alamat_kantor:
        baris.append(kecamatan.alamat_kantor)
    return baris


def _teks_css(teks: str) -> str:
    """Text safe inside a CSS string in a <style> element (no quotes, backslashes or tags)."""
    return "".join(c for c in teks if c not in '"\\<>\n')


#: Printable width in points of each paper (portrait, landscape), after the 10 mm side margins of cetak.css.
_MARGIN_SAMPING_MM = 20
_PT_PER_MM = 72 / 25.4
#: Width in em of the widest figure a column shows in the narrow print font ("51.035.566.631": 14 characters),
#: plus the cell padding.
_EM_ANGKA = {"rupiah": 5.8, "persen": 3.0, "nilai": 2.4, "angka": 3.0}
HURUF_MAKS, HURUF_MIN = 7.5, 5.0


def ukuran_huruf(tabel: Tabel, kertas: str, lanskap: bool) -> float:
    """The largest font size (pt) at which every number fits its column on this paper, within 5–7.5 pt."""
    ukuran_kertas = KERTAS.get(kertas, KERTAS["a4"])
    lebar_pt = ((ukuran_kertas[1] if lanskap else ukuran_kertas[0]) - _MARGIN_SAMPING_MM) * _PT_PER_MM
    total = sum(k.lebar for k in tabel.kolom) or 1
    ukuran = HURUF_MAKS
    for k in tabel.kolom:
        if k.jenis in _EM_ANGKA:
            kolom_pt = k.lebar / total * lebar_pt - 4  # 2 pt padding each side
            ukuran = min(ukuran, kolom_pt / _EM_ANGKA[k.jenis])
    return round(max(HURUF_MIN, ukuran), 1)


#: Advance widths in em of the print font (Liberation Sans Narrow): digits 0.456, dots 0.228; heading words
#: are bold and mixed case, counted at a generous 0.56 em a letter.
_EM_DIGIT, _EM_TITIK, _EM_HURUF_JUDUL = 0.47, 0.24, 0.56
_PADDING_PT = 5  # 2 pt padding each side and the borders
KOLOM_KODE = ("kode", "no")


def _em_kode(teks: str) -> float:
    return sum(_EM_TITIK if c in ".,:" else _EM_DIGIT for c in teks)


def _kata_judul(teks: str) -> list[str]:
    """The words of a heading that cannot break (a heading may break at spaces, after "/" and "-")."""
    return [w for w in re.split(r"[\s/-]+", teks) if w]


def lebar_cetak(tabel: Tabel, kertas: str, lanskap: bool) -> Tabel:
    """The table with its column shares widened where a code or a heading word would not fit whole at the print
    font size (on this paper), taken from the text columns with room to spare. Codes and headings then never
    break inside a word; a code that still cannot fit breaks only after a dot (:attr:`SelTampil.kode`)."""
    kolom = tabel.kolom
    if not kolom:
        return tabel
    ukuran_kertas = KERTAS.get(kertas, KERTAS["a4"])
    lebar_pt = ((ukuran_kertas[1] if lanskap else ukuran_kertas[0]) - _MARGIN_SAMPING_MM) * _PT_PER_MM
    total = sum(k.lebar for k in kolom) or 1
    huruf = ukuran_huruf(tabel, kertas, lanskap)

    def bagian(em: float) -> float:  # the share of ``total`` that ``em`` at the print size needs
        return (em * huruf + _PADDING_PT) / lebar_pt * total

    perlu = {k.kunci: 0.0 for k in kolom}
    for kp in tabel.kepala:
        for k in kp.kolom:
            judul = kp.judul if kp.tunggal else k.judul
            kata = _kata_judul(judul)
            if kata:
                perlu[k.kunci] = bagian(max(len(w) for w in kata) * _EM_HURUF_JUDUL)
    for b in tabel.baris:
        for kunci in KOLOM_KODE:
            nilai = b.sel.get(kunci)
            if kunci in perlu and isinstance(nilai, str) and nilai:
                perlu[kunci] = max(perlu[kunci], bagian(_em_kode(nilai)))
    kurang = sum(max(0.0, perlu[k.kunci] - k.lebar) for k in kolom)
    if kurang <= 0:
        return tabel
    # Room to spare: text columns other than codes, above what they need themselves.
    sisa = {
        k.kunci: k.lebar - perlu[k.kunci] for k in kolom if k.jenis == "teks" and k.kunci not in KOLOM_KODE
    }
    sisa = {kunci: v for kunci, v in sisa.items() if v > 0}
    ruang = sum(sisa.values())
    if ruang <= 0:
        return tabel
    ambil = min(kurang, ruang)
    baru: dict[str, float] = {}
    for k in kolom:
        if perlu[k.kunci] > k.lebar:
            baru[k.kunci] = k.lebar + (perlu[k.kunci] - k.lebar) * ambil / kurang
        elif k.kunci in sisa:
            baru[k.kunci] = k.lebar - sisa[k.kunci] * ambil / ruang
    kepala = [
        replace(kp, kolom=tuple(replace(k, lebar=round(baru.get(k.kunci, k.lebar), 3)) for k in kp.kolom))
        for kp in tabel.kepala
    ]
    return replace(tabel, kepala=kepala)


def render_dokumen(
    laporan: Laporan, kecamatan: Kecamatan, tahun: int, tabel: Tabel, opsi: Opsi, cap: Cap | None = None
) -> str:
    """The self-contained print document (HTML download, PDF source); ``cap`` (default: a draft) decides the
    DRAF watermark and the line under the title."""
    cap = cap or Cap()
    lebar, tinggi = KERTAS.get(opsi.kertas, KERTAS["a4"])
    if laporan.lanskap:
        lebar, tinggi = tinggi, lebar
    tabel = lebar_cetak(tabel, opsi.kertas, laporan.lanskap)
    konteks = konteks_tabel(tabel)
    konteks.update(
        {
            "laporan": laporan,
            "kecamatan": kecamatan,
            "tahun": tahun,
            "kop": kop(kecamatan),
            "css": css_cetak(),
            "ukuran_halaman": f"{lebar}mm {tinggi}mm",
            "ukuran_huruf": ukuran_huruf(tabel, opsi.kertas, laporan.lanskap),
            "cap": cap,
            "kaki_css": _teks_css(
                f"{laporan.dokumen} {tahun} · Kecamatan {kecamatan.nama} · {laporan.judul} · {cap.kaki}"
            ),
        }
    )
    return render_to_string("laporan/cetak.html", konteks)
