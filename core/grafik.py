"""Small server-side SVG charts: the same picture in the HTML page and in the WeasyPrint PDF.

Pure Python, no JavaScript. Charts are horizontal bars (category names are long: program and indicator
names), readable in black-and-white print: every series has its own fill *pattern* (solid dark grey,
diagonal hatching, light grey with dots, cross-hatching) shown in the legend, and every bar carries its
value as text. Numbers go through :mod:`core.angka` (Indonesian notation: ``98,92``, ``1.000``).

Each function returns an ``<svg>`` string (safe to mark safe in a template: all text is escaped). Element ids
are derived from the chart's content, so the same data gives the same bytes in every render (and in every
process), and two different charts on one page never share an id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal
from xml.sax.saxutils import escape, quoteattr

from core.angka import format_angka, format_persen

__all__ = ["Seri", "batang", "capaian", "skala_rupiah"]

Satuan = Literal["persen", "rupiah", "angka"]

_HURUF = 10  # font size (px)
_LEBAR_HURUF = 6.3  # generous glyph width at that size (capitals), to wrap labels
_LABEL = 250  # width of the category label column
_KANAN = 70  # room right of the longest bar for its value label
_ATAS = 34
_BAWAH = 42
_BATANG = 12  # bar thickness
_JARAK = 8  # space between categories


@dataclass(frozen=True)
class Seri:
    """One series of values (``None`` = no value: no bar, shown as ``-``)."""

    label: str
    nilai: Sequence[Decimal | int | None]


def _pola(prefix: str, i: int) -> tuple[str, str]:
    """(defs, fill) of series ``i``: four grey levels/patterns that survive black-and-white printing."""
    pid = f"{prefix}-p{i}"
    jenis = i % 4
    if jenis == 0:
        return "", "#4d4d4d"
    if jenis == 1:
        return (
            (
                f'<pattern id="{pid}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
                f'<rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#000000" '
                f'stroke-width="2.2"/></pattern>'
            ),
            f"url(#{pid})",
        )
    if jenis == 2:
        return (
            (
                f'<pattern id="{pid}" width="5" height="5" patternUnits="userSpaceOnUse">'
                f'<rect width="5" height="5" fill="#cccccc"/><circle cx="2.5" cy="2.5" r="1" fill="#000000"/></pattern>'
            ),
            f"url(#{pid})",
        )
    return (
        (
            f'<pattern id="{pid}" width="6" height="6" patternUnits="userSpaceOnUse">'
            f'<rect width="6" height="6" fill="#ffffff"/><path d="M0 0L6 6M6 0L0 6" stroke="#000000" '
            f'stroke-width="1"/></pattern>'
        ),
        f"url(#{pid})",
    )


def _id_grafik(judul: str, kategori: Sequence[str], seri: Sequence[Seri], *lain: object) -> str:
    """Prefix of the chart's element ids: a hash of everything drawn (the same chart, the same ids; two charts
    that differ in anything, even under the same title, different ids). Labels may be lazy translations: their
    text is hashed, never their ``repr``."""
    isi = repr((str(judul), [str(k) for k in kategori], [str(s.label) for s in seri], [str(x) for x in lain]))
    return "g" + hashlib.sha1(isi.encode()).hexdigest()[:12]


def _langkah_rapi(maks: Decimal, jumlah: int = 5) -> Decimal:
    """A 'nice' tick step (1, 2, 2,5 or 5 × 10^k) giving about ``jumlah`` ticks up to ``maks``."""
    if maks <= 0:
        return Decimal(1)
    kasar = maks / jumlah
    pangkat = Decimal(10) ** kasar.adjusted()
    for kali in (1, 2, Decimal("2.5"), 5, 10):
        if kasar <= pangkat * kali:
            return pangkat * kali
    return pangkat * 10  # pragma: no cover


def skala_rupiah(maks: Decimal) -> tuple[Decimal, str]:
    """(divisor, unit name) so Rupiah axis labels stay short: miliar, juta, ribu or rupiah."""
    for batas, nama in ((Decimal(10) ** 9, "miliar"), (Decimal(10) ** 6, "juta"), (Decimal(10) ** 3, "ribu")):
        if maks >= batas:
            return batas, nama
    return Decimal(1), ""


def _bungkus(teks: str, lebar: float, baris: int = 2) -> list[str]:
    """Wrap ``teks`` into at most ``baris`` lines of ``lebar`` px; the last line ends in … when cut."""
    per_baris = max(8, int(lebar / _LEBAR_HURUF))
    hasil: list[str] = []
    kata = teks.split()
    while kata and len(hasil) < baris:
        s = kata.pop(0)
        while kata and len(s) + 1 + len(kata[0]) <= per_baris:
            s += " " + kata.pop(0)
        hasil.append(s[:per_baris])
    if kata and hasil:
        akhir = hasil[-1]
        hasil[-1] = (akhir[: per_baris - 1] if len(akhir) >= per_baris else akhir) + "…"
    return hasil or [""]


def _teks_nilai(v: Decimal | None, satuan: Satuan, pembagi: Decimal) -> str:
    if v is None:
        return "-"
    if satuan == "persen":
        return format_persen(v, suffix=True)
    if satuan == "rupiah":
        return format_angka(v / pembagi, 2 if pembagi > 1 else 0)
    return format_angka(v)


def batang(
    kategori: Sequence[str],
    seri: Sequence[Seri],
    *,
    judul: str,
    satuan: Satuan = "persen",
    garis: Decimal | int | None = None,
    garis_label: str = "",
    lebar: int = 720,
    lebar_label: int = _LABEL,
    baris_label: int = 2,
) -> str:
    """A horizontal (grouped) bar chart as an ``<svg>`` string.

    ``kategori`` names the groups (top to bottom); each :class:`Seri` has one value per category.
    ``garis`` draws a dashed reference line (e.g. the 100 % target) labelled ``garis_label``.
    ``satuan="rupiah"`` scales the axis to miliar/juta (named in the axis title). Category names are
    wrapped into ``baris_label`` lines of ``lebar_label`` px (cut with … beyond; the full name is the
    element's tooltip).
    """
    n = len(kategori)
    if any(len(s.nilai) != n for s in seri):
        raise ValueError("setiap seri harus punya satu nilai per kategori")
    nilai = [[None if v is None else Decimal(v) for v in s.nilai] for s in seri]
    prefix = _id_grafik(
        judul, kategori, seri, nilai, satuan, garis, garis_label, lebar, lebar_label, baris_label
    )
    semua = [v for vs in nilai for v in vs if v is not None]
    maks = max([*semua, Decimal(garis) if garis is not None else Decimal(0), Decimal(0)])
    pembagi, unit = skala_rupiah(maks) if satuan == "rupiah" else (Decimal(1), "")
    langkah = _langkah_rapi(maks / pembagi) * pembagi
    ujung = (maks / langkah).to_integral_value(rounding="ROUND_CEILING") * langkah if maks > 0 else langkah
    if ujung == maks and semua:  # leave room for the value label of the longest bar
        ujung += langkah

    x0 = lebar_label + 8
    lebar_plot = max(120, lebar - x0 - _KANAN)
    tinggi_grup = max(len(seri) * _BATANG, baris_label * 12 + 2) + _JARAK
    sisip = (tinggi_grup - _JARAK - len(seri) * _BATANG) / 2  # centre the bars in their group
    ada_legenda = len(seri) > 1 or garis is not None
    tinggi_plot = n * tinggi_grup + _JARAK
    tinggi = _ATAS + tinggi_plot + _BAWAH + (18 if ada_legenda else 0)

    def x(v: Decimal) -> float:
        return x0 + float(v / ujung) * lebar_plot

    defs: list[str] = []
    pola = []
    for i in range(len(seri)):
        d, f = _pola(prefix, i)
        defs.append(d)
        pola.append(f)

    out = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="grafik" width="100%" '
            f'viewBox="0 0 {lebar} {tinggi}" style="max-width:{lebar}px" role="img" aria-label={quoteattr(judul)} '
            f'font-family="DejaVu Sans, Arial, sans-serif" font-size="{_HURUF}">'
        ),
        f"<title>{escape(judul)}</title>",
        f"<defs>{''.join(defs)}</defs>",
        (
            f'<text x="{lebar / 2:.1f}" y="16" text-anchor="middle" font-size="12" font-weight="bold">'
            f"{escape(judul)}</text>"
        ),
    ]
    # grid and axis ticks
    y_plot0, y_plot1 = _ATAS, _ATAS + tinggi_plot
    t = Decimal(0)
    while t <= ujung:
        xt = x(t)
        out.append(f'<line x1="{xt:.1f}" y1="{y_plot0}" x2="{xt:.1f}" y2="{y_plot1}" stroke="#d9d9d9"/>')
        label = format_angka(t / pembagi, None) if satuan == "rupiah" else format_angka(t, None)
        out.append(f'<text x="{xt:.1f}" y="{y_plot1 + 13}" text-anchor="middle">{escape(label)}</text>')
        t += langkah
    sumbu = {"persen": "persen (%)", "rupiah": f"rupiah ({unit})" if unit else "rupiah", "angka": ""}[satuan]
    if sumbu:
        out.append(
            f'<text x="{x0 + lebar_plot / 2:.1f}" y="{y_plot1 + 28}" text-anchor="middle" font-style="italic">'
            f"{escape(sumbu)}</text>"
        )
    out.append(f'<line x1="{x0}" y1="{y_plot0}" x2="{x0}" y2="{y_plot1}" stroke="#000000"/>')
    out.append(f'<line x1="{x0}" y1="{y_plot1}" x2="{x0 + lebar_plot}" y2="{y_plot1}" stroke="#000000"/>')

    # bars
    for c, nama in enumerate(kategori):
        y_grup = y_plot0 + _JARAK + c * tinggi_grup
        baris = _bungkus(nama, lebar_label - 6, baris_label)
        y_teks = y_grup + (tinggi_grup - _JARAK) / 2 - (len(baris) - 1) * 6 + 3.5
        out.append(f"<g><title>{escape(nama)}</title>")
        for j, b in enumerate(baris):
            out.append(
                f'<text x="{lebar_label}" y="{y_teks + j * 12:.1f}" text-anchor="end">{escape(b)}</text>'
            )
        out.append("</g>")
        for i, s in enumerate(seri):
            v = nilai[i][c]
            yb = y_grup + sisip + i * _BATANG
            if v is not None and v > 0:
                out.append(
                    f'<rect x="{x0}" y="{yb + 1}" width="{x(v) - x0:.1f}" height="{_BATANG - 2}" '
                    f'fill="{pola[i]}" stroke="#000000" stroke-width="0.6"/>'
                )
            xl = x(v) + 3 if v is not None and v > 0 else x0 + 3
            out.append(
                f'<text x="{xl:.1f}" y="{yb + _BATANG - 2.5}" font-size="9">'
                f"{escape(_teks_nilai(v, satuan, pembagi))}</text>"
            )
    if garis is not None:
        xg = x(Decimal(garis))
        out.append(
            f'<line x1="{xg:.1f}" y1="{y_plot0 - 4}" x2="{xg:.1f}" y2="{y_plot1}" stroke="#000000" '
            f'stroke-width="1.4" stroke-dasharray="5,3"/>'
        )
    # legend
    if ada_legenda:
        yl = y_plot1 + _BAWAH - 2
        xl = float(x0)
        for i, s in enumerate(seri):
            out.append(
                f'<rect x="{xl:.1f}" y="{yl}" width="14" height="10" fill="{pola[i]}" stroke="#000000" '
                f'stroke-width="0.6"/>'
            )
            out.append(f'<text x="{xl + 18:.1f}" y="{yl + 9}">{escape(s.label)}</text>')
            xl += 30 + len(s.label) * 5.6
        if garis is not None:
            out.append(
                f'<line x1="{xl:.1f}" y1="{yl + 5}" x2="{xl + 20:.1f}" y2="{yl + 5}" stroke="#000000" '
                f'stroke-width="1.4" stroke-dasharray="5,3"/>'
            )
            out.append(f'<text x="{xl + 24:.1f}" y="{yl + 9}">{escape(garis_label)}</text>')
    out.append("</svg>")
    return "".join(out)


def capaian(
    kategori: Sequence[str],
    nilai: Sequence[Decimal | None],
    *,
    judul: str,
    label: str = "Capaian",
    **opsi: int,
) -> str:
    """Capaian (%) per category against the 100 % target line (``opsi``: ``lebar``, ``lebar_label``, …)."""
    return batang(
        kategori,
        [Seri(label, nilai)],
        judul=judul,
        satuan="persen",
        garis=100,
        garis_label="Target 100 %",
        **opsi,
    )
