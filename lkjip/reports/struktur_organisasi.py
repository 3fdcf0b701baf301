"""LKjIP Gambar 1.1 Struktur Organisasi, drawn on the server as SVG from the year's staff list.

Who stands where follows the jabatan and eselon of each :class:`~lkjip.models.Pegawai` (PP 17/2018 on the
kecamatan): the Camat (eselon III.a or jabatan "Camat") on top; the Sekretaris Camat (III.b) beside the line
with the Kepala Sub Bagian under him; the Kepala Seksi of the kecamatan office in one row; the Lurah of every
kelurahan below. Each box carries the jabatan and the name. Black lines on white, text at least 7 px, no
colour: readable when printed in black and white. All user text is escaped.
"""

from __future__ import annotations

import hashlib
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from lkjip.models import Pegawai

__all__ = ["Kotak", "Susunan", "struktur_organisasi_susun", "struktur_organisasi_svg"]

_LEBAR = 720
_HURUF = 9
_LEBAR_HURUF = 6.0  # generous average glyph width at that size (jabatan are in capitals)


@dataclass(frozen=True)
class Kotak:
    jabatan: str
    nama: str


@dataclass
class Susunan:
    """The chart's boxes by level; an empty list draws nothing for that level."""

    camat: list[Kotak]
    sekretaris: list[Kotak]
    subbagian: list[Kotak]
    seksi: list[Kotak]
    lurah: list[Kotak]

    @property
    def kosong(self) -> bool:
        return not (self.camat or self.sekretaris or self.subbagian or self.seksi or self.lurah)


_SEKCAM = re.compile(r"^(sekretaris\s+camat|sekcam)\b", re.IGNORECASE)
_SUBBAG = re.compile(r"^(kasubag|kasubbag|kepala\s+sub\s*bagian|kepala\s+subbag)", re.IGNORECASE)
_SEKSI = re.compile(r"^(kasi|kepala\s+seksi)\b", re.IGNORECASE)
_LURAH = re.compile(r"^lurah\b", re.IGNORECASE)
_CAMAT = re.compile(r"^camat\b", re.IGNORECASE)


def struktur_organisasi_susun(pegawai: Sequence[Pegawai]) -> Susunan:
    """Place each person by jabatan (and eselon for the two top posts); staff of a kelurahan other than its
    lurah, and pelaksana, are not boxes of the kecamatan's chart."""
    s = Susunan([], [], [], [], [])
    for p in pegawai:
        jabatan = " ".join(p.jabatan.split())
        kotak = Kotak(jabatan or "-", p.nama)
        if p.eselon == "III.a" or (_CAMAT.match(jabatan) and not p.kelurahan_id):
            s.camat.append(kotak)
        elif p.eselon == "III.b" or _SEKCAM.match(jabatan):
            s.sekretaris.append(kotak)
        elif _LURAH.match(jabatan):
            s.lurah.append(kotak)
        elif p.kelurahan_id:
            continue
        elif _SUBBAG.match(jabatan):
            s.subbagian.append(kotak)
        elif _SEKSI.match(jabatan):
            s.seksi.append(kotak)
    return s


def _baris(teks: str, lebar: float, maks: int) -> list[str]:
    per_baris = max(6, int(lebar / _LEBAR_HURUF))
    hasil = textwrap.wrap(teks, per_baris, break_long_words=True) or [""]
    if len(hasil) > maks:
        hasil = hasil[:maks]
        hasil[-1] = hasil[-1][: per_baris - 1].rstrip() + "…"
    return hasil


def _kotak(out: list[str], k: Kotak, x: float, y: float, w: float, h: float) -> None:
    out.append(
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="#ffffff" stroke="#000000" '
        'stroke-width="1"/>'
    )
    jabatan = _baris(k.jabatan.upper(), w - 8, 3)
    nama = _baris(k.nama, w - 8, 2)
    tinggi = 11 * (len(jabatan) + len(nama)) + 3
    yt = y + (h - tinggi) / 2 + 9
    for b in jabatan:
        out.append(
            f'<text x="{x + w / 2:.1f}" y="{yt:.1f}" text-anchor="middle" font-weight="bold">{escape(b)}</text>'
        )
        yt += 11
    yt += 3
    for b in nama:
        out.append(f'<text x="{x + w / 2:.1f}" y="{yt:.1f}" text-anchor="middle">{escape(b)}</text>')
        yt += 11


def _garis(out: list[str], x1: float, y1: float, x2: float, y2: float) -> None:
    out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#000000"/>')


def _deret(
    out: list[str], kotak: list[Kotak], y: float, tinggi: float, per_baris: int, x_induk: float, y_bus: float
) -> float:
    """Boxes in rows of ``per_baris`` under a horizontal bus at ``y_bus`` hanging from ``x_induk``; returns the
    y under the last row."""
    if not kotak:
        return y
    jarak = 10
    kolom = min(per_baris, len(kotak))
    w = (_LEBAR - 20 - jarak * (kolom - 1)) / kolom
    baris = [kotak[i : i + per_baris] for i in range(0, len(kotak), per_baris)]
    kiri = 4.0  # further rows hang from a line down the left margin (clear of every box)
    for r, isi in enumerate(baris):
        yr = y + r * (tinggi + 24)
        lebar_baris = len(isi) * w + (len(isi) - 1) * jarak
        x0 = (_LEBAR - lebar_baris) / 2
        pusat = [x0 + i * (w + jarak) + w / 2 for i in range(len(isi))]
        bus = y_bus if r == 0 else yr - 12
        awal = min(pusat[0], x_induk) if r == 0 else kiri
        if r == 0 and len(baris) > 1:
            awal = kiri
        _garis(out, awal, bus, max(pusat[-1], x_induk if r == 0 else pusat[-1]), bus)
        for i, k in enumerate(isi):
            _garis(out, pusat[i], bus, pusat[i], yr)
            _kotak(out, k, x0 + i * (w + jarak), yr, w, tinggi)
    if len(baris) > 1:
        _garis(out, kiri, y_bus, kiri, y + (len(baris) - 1) * (tinggi + 24) - 12)
    return y + len(baris) * (tinggi + 24) - 24


def struktur_organisasi_svg(susunan: Susunan, judul: str) -> str:
    """The chart as an ``<svg>`` string (every text escaped; ids derived from the content)."""
    tid = "so" + hashlib.sha1(repr((judul, susunan)).encode()).hexdigest()[:12]
    out: list[str] = []
    pusat = _LEBAR / 2
    y = 34.0
    w_atas, h_atas = 240.0, 58.0
    # Camat
    for k in susunan.camat[:1]:
        _kotak(out, k, pusat - w_atas / 2, y, w_atas, h_atas)
    y_spine0 = y + h_atas
    y += h_atas + 24
    ujung = y_spine0  # how far down the camat's vertical line runs
    # Sekretaris Camat, to the right of the spine, with the Kepala Sub Bagian under him
    if susunan.sekretaris:
        x_sek = pusat + 40
        ujung = y + h_atas / 2
        _garis(out, pusat, ujung, x_sek, ujung)
        _kotak(out, susunan.sekretaris[0], x_sek, y, w_atas, h_atas)
        y += h_atas + 24
        if susunan.subbagian:
            n = len(susunan.subbagian)
            ruang = _LEBAR - 10 - (pusat + 20)  # right of the camat's line, which runs past them
            w_sub = min(200.0, (ruang - 10 * (n - 1)) / n)
            x0 = _LEBAR - 10 - n * w_sub - (n - 1) * 10
            pusat_sub = [x0 + i * (w_sub + 10) + w_sub / 2 for i in range(n)]
            bus = y - 12
            x_sek_pusat = x_sek + w_atas / 2
            _garis(out, x_sek_pusat, y - 24, x_sek_pusat, bus)
            _garis(out, min(pusat_sub[0], x_sek_pusat), bus, max(pusat_sub[-1], x_sek_pusat), bus)
            for i, k in enumerate(susunan.subbagian):
                _garis(out, pusat_sub[i], bus, pusat_sub[i], y)
                _kotak(out, k, x0 + i * (w_sub + 10), y, w_sub, h_atas)
            y += h_atas + 30
    # Kepala Seksi under a bus hanging from the camat's line; the Lurah under buses hanging from a line down the
    # left margin (never through a box of the row above)
    y_akhir = y
    kiri = 4.0
    if susunan.seksi:
        ujung = y_akhir
        y_akhir = _deret(out, susunan.seksi, y_akhir + 12, 64, 5, pusat, y_akhir) + 30
    if susunan.lurah:
        if susunan.seksi:
            _garis(out, kiri, ujung, pusat, ujung)
            _garis(out, kiri, ujung, kiri, y_akhir)
            y_akhir = _deret(out, susunan.lurah, y_akhir + 12, 58, 5, kiri, y_akhir) + 30
        else:
            ujung = y_akhir
            y_akhir = _deret(out, susunan.lurah, y_akhir + 12, 58, 5, pusat, y_akhir) + 30
    if susunan.camat:
        _garis(out, pusat, y_spine0, pusat, ujung)
    if susunan.kosong:
        out.append(
            f'<text x="{pusat}" y="{y + 10}" text-anchor="middle" font-style="italic">'
            "Belum ada data pegawai untuk tahun ini.</text>"
        )
        y_akhir = y + 20
    tinggi = int(y_akhir + 10)
    kepala = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafik struktur-organisasi" id="{tid}" width="100%" '
        f'viewBox="0 0 {_LEBAR} {tinggi}" style="max-width:{_LEBAR}px" role="img" '
        f"aria-label={quoteattr(judul)} "
        f'font-family="Liberation Sans, DejaVu Sans, Arial, sans-serif" font-size="{_HURUF}">'
        f"<title>{escape(judul)}</title>"
        f'<text x="{pusat}" y="16" text-anchor="middle" font-size="12" font-weight="bold">{escape(judul)}</text>'
    )
    return "".join([kepala, *out, "</svg>"])
