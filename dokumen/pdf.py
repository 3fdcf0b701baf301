"""The whole Renja / LKjIP as one PDF: cover, kata pengantar, daftar isi with page numbers, the chapters with
their narrative and report tables in place, and — for an approved revision — the signature block.

Tables come from the report registry (the same builders and table partial as every report page), so the
document can never disagree with the separate reports.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation

from core.laporan.beku import GalatBeku, tabel_dari_json
from core.laporan.registry import KERTAS
from core.laporan.registry import laporan as cari_laporan
from core.laporan.render_html import css_cetak, konteks_tabel, kop, lebar_cetak, ukuran_huruf
from core.laporan.tabel import Tabel
from dokumen.models import Dokumen, TabelDisetujui
from lkjip.reports import TabelLkjip
from wilayah.models import Kecamatan

from .keputusan import konteks_keputusan
from .narasi import bab_dokumen
from .services import narasi_dokumen
from .struktur import STRUKTUR, Bagian


@dataclass
class TabelDokumen:
    slug: str
    judul: str
    lanskap: bool
    konteks: dict | None  # None: the report is not available
    huruf: float = 7.0  # pt: the largest size at which every figure fits its column
    rumus_di_bagian: bool = False  # its formulas print in the §3.1.x sections, not under the table


@dataclass
class BagianCetak:
    bagian: Bagian
    anchor: str
    paragraf: list[str]
    tabel: list[TabelDokumen] = field(default_factory=list)
    rumus: object | None = None  # the formula of the indicator a §3.1.x is written for (lkjip.reports.Rumus)


def paragraf(teks: str) -> list[str]:
    return [p.strip() for p in (teks or "").replace("\r\n", "\n").split("\n\n") if p.strip()]


def tanggal_indonesia(waktu) -> str:
    with translation.override("id"):
        return formats.date_format(timezone.localtime(waktu), "j F Y")


_NOMOR_TABEL = re.compile(r"^Tabel (\d+)\.(\d+)\.?\s*")
#: A chapter whose text before its first (landscape) table is shorter than this is laid out on landscape
#: pages from its opening, so the opening does not sit alone on an almost empty portrait page.
TEKS_PEMBUKA_PENDEK = 1500


@dataclass
class Penomoran:
    """Tables and figures numbered per chapter, as the seed does (Tabel 3.1, Gambar 1.1)."""

    bab: int
    tabel: int = 0
    gambar: int = 0

    def beri(self, tabel: Tabel) -> Tabel:
        """A table keeps the number its title already has in this chapter (the Renja's "Tabel 2.4" follows
        the seed); a table without one gets the next; its figures are numbered on through the chapter."""
        judul = list(tabel.judul)
        m = _NOMOR_TABEL.match(judul[0]) if judul else None
        if m and int(m.group(1)) == self.bab:
            self.tabel = max(self.tabel, int(m.group(2)))
        elif judul:
            self.tabel += 1
            judul[0] = f"Tabel {self.bab}.{self.tabel} {judul[0][m.end() :] if m else judul[0]}"
        tabel = replace(tabel, judul=judul)
        if isinstance(tabel, TabelLkjip) and tabel.gambar:
            gambar = []
            for g in tabel.gambar:
                self.gambar += 1
                gambar.append(replace(g, nomor=f"{self.bab}.{self.gambar}"))
            tabel = replace(tabel, gambar=gambar)
        return tabel


def tabel_disetujui(dok: Dokumen) -> dict[str, Tabel]:
    """The tables kept when ``dok`` was approved, by slug (one query); a table this code can no longer read
    is left out (it is built from the data instead)."""
    hasil = {}
    for t in TabelDisetujui.objects.filter(dokumen=dok).only("slug", "isi"):
        try:
            hasil[t.slug] = tabel_dari_json(t.isi)
        except GalatBeku:
            continue
    return hasil


def konteks_dokumen(
    kecamatan: Kecamatan,
    tahun: int,
    jenis: str,
    disetujui: Dokumen | None = None,
    kertas: str = "a4",
    langkah: Callable[[str], None] | None = None,
) -> dict:
    """``langkah``: called after each report table is built, with its title (a job's progress). An approved
    revision (``disetujui``) prints the tables kept at its approval, so its PDF shows what the camat approved
    even when the data changed before the PDF was rendered."""
    struktur = STRUKTUR[jenis]
    beku = tabel_disetujui(disetujui) if disetujui is not None and disetujui.pk else {}
    narasi = narasi_dokumen(kecamatan, tahun, jenis)
    bab = []
    for i, (b, daftar_bagian) in enumerate(bab_dokumen(struktur, kecamatan, tahun), start=1):
        isi = []
        nomor = Penomoran(i)
        for j, bagian in enumerate(daftar_bagian, start=1):
            cetak = BagianCetak(bagian, f"b{i}-{j}", paragraf(narasi[bagian.kunci]))
            for slug in bagian.laporan:
                try:
                    lap = cari_laporan(slug)
                except KeyError:
                    cetak.tabel.append(TabelDokumen(slug, slug, False, None))
                    continue
                asli = beku[slug] if slug in beku else lap.bangun(kecamatan, tahun)
                tabel = lebar_cetak(nomor.beri(asli), kertas, lap.lanskap)
                cetak.tabel.append(
                    TabelDokumen(
                        slug,
                        lap.judul,
                        lap.lanskap,
                        konteks_tabel(tabel),
                        ukuran_huruf(tabel, kertas, lap.lanskap),
                    )
                )
                if langkah is not None:
                    langkah(f"Tabel {lap.judul}")
            isi.append(cetak)
        _rumus_ke_bagian(isi)
        bab.append((b, f"bab{i}", isi, _buka_lanskap(isi)))
    lebar, tinggi = KERTAS.get(kertas, KERTAS["a4"])
    tempat = kecamatan.kota.nama.removeprefix("Kota ").removeprefix("Kabupaten ")
    return {
        "struktur": struktur,
        "kecamatan": kecamatan,
        "tahun": tahun,
        "kop": kop(kecamatan),
        "css": css_cetak(),
        "halaman_tegak": f"{lebar}mm {tinggi}mm",
        "halaman_lanskap": f"{tinggi}mm {lebar}mm",
        "kata_pengantar": paragraf(narasi["kata_pengantar"]),
        "keputusan": konteks_keputusan(kecamatan, tahun, struktur, narasi, disetujui),
        "bab": bab,
        "disetujui": disetujui,
        "judul_revisi": disetujui.judul_revisi if disetujui else "",
        "tanda_tangan": {
            "tempat": tempat,
            "tanggal": tanggal_indonesia(disetujui.diputuskan_pada)
            if disetujui and disetujui.diputuskan_pada
            else "",
            "jabatan": f"CAMAT {kecamatan.nama.upper()}",
            "nama": kecamatan.nama_camat,
            "pangkat": kecamatan.pangkat_camat,
            "nip": kecamatan.nip_camat,
        },
    }


def _rumus_ke_bagian(isi: list[BagianCetak]) -> None:
    """A table's indicator formulas ("3.1.1 …") move into the sections of the same number (LKjIP §3.1.x,
    written per indicator), as the seed prints them; a table whose formulas have no sections keeps them."""
    for c in isi:
        for t in c.tabel:
            rumus = (
                {r.nomor: r for r in getattr(t.konteks["tabel"], "rumus", None) or ()} if t.konteks else {}
            )
            bagian = [b for b in isi if b.bagian.tingkat == 3 and b.bagian.nomor in rumus]
            if rumus and len(bagian) == len(rumus):
                for b in bagian:
                    b.rumus = rumus[b.bagian.nomor]
                t.rumus_di_bagian = True


def _buka_lanskap(isi: list[BagianCetak]) -> bool:
    """Whether a chapter opens on a landscape page: its first table is landscape and the text before it is
    short (otherwise the heading and a few lines would sit alone on a portrait page before the table)."""
    teks = 0
    for c in isi:
        teks += len(c.bagian.judul) + sum(len(p) for p in c.paragraf)
        if c.tabel:
            return c.tabel[0].lanskap and teks < TEKS_PEMBUKA_PENDEK
    return False


def dokumen_html(
    kecamatan: Kecamatan,
    tahun: int,
    jenis: str,
    disetujui: Dokumen | None = None,
    kertas: str = "a4",
    langkah: Callable[[str], None] | None = None,
) -> str:
    return render_to_string(
        "dokumen/cetak.html", konteks_dokumen(kecamatan, tahun, jenis, disetujui, kertas, langkah)
    )


def dokumen_pdf(
    kecamatan: Kecamatan,
    tahun: int,
    jenis: str,
    disetujui: Dokumen | None = None,
    kertas: str = "a4",
    langkah: Callable[[str], None] | None = None,
    kabar: Callable[[str], None] | None = None,
) -> bytes:
    """PDF bytes. Without ``disetujui`` the pages carry a DRAF watermark and no signature. Rendered by the
    jobs of :mod:`dokumen.cetak`, not by views: laid out per chapter, each kept per its content, and joined
    (:mod:`dokumen.bab`). ``langkah`` is called after each table and each part laid out (or found stored);
    ``kabar`` with each page WeasyPrint lays out (the longest part, so a job's progress shows it)."""
    from .bab import awalan_dokumen, dokumen_pdf_bab

    konteks = konteks_dokumen(kecamatan, tahun, jenis, disetujui, kertas, langkah)
    awalan = awalan_dokumen(kecamatan.pk, tahun, jenis, kertas, disetujui is not None)
    return dokumen_pdf_bab(konteks, awalan, langkah, kabar, simpan=disetujui is None)


def dokumen_pdf_utuh(
    kecamatan: Kecamatan, tahun: int, jenis: str, disetujui: Dokumen | None = None, kertas: str = "a4"
) -> bytes:
    """The same document as one WeasyPrint render of :func:`dokumen_html` (nothing kept): the reference the
    per-chapter join is compared with (tests, the bench)."""
    from weasyprint import HTML

    html = dokumen_html(kecamatan, tahun, jenis, disetujui, kertas)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


_HALAMAN_WEASYPRINT = re.compile(r"Step 5 - Creating layout - Page (\d+)")


@contextmanager
def ikuti_weasyprint(kabar: Callable[[str], None]) -> Iterator[None]:
    """Pass WeasyPrint's progress (its ``weasyprint.progress`` log: each page laid out, then the PDF written)
    to ``kabar`` in Bahasa Indonesia. Records that the logger would not have emitted otherwise are not passed
    on to the application's log either."""
    logger = logging.getLogger("weasyprint.progress")

    class Penerus(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            teks = record.getMessage()
            m = _HALAMAN_WEASYPRINT.match(teks)
            if m:
                kabar(f"Menata halaman {m.group(1)}")
            elif teks.startswith("Step 6"):
                kabar("Menulis berkas PDF")

    penerus = Penerus()
    level, teruskan = logger.level, logger.propagate
    if not logger.isEnabledFor(logging.INFO):
        logger.setLevel(logging.INFO)
        logger.propagate = False
    logger.addHandler(penerus)
    try:
        yield
    finally:
        logger.removeHandler(penerus)
        logger.setLevel(level)
        logger.propagate = teruskan
