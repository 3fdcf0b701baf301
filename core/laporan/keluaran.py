"""One report in one downloadable format: what the view sends and ``export_report`` writes, byte for byte."""

from __future__ import annotations

from dataclasses import dataclass

from .registry import Cap, Kecamatan, Laporan, Opsi
from .tabel import Tabel

FORMAT = ("html", "pdf", "xlsx")
JENIS_ISI = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class Berkas:
    isi: bytes
    nama: str
    jenis_isi: str


def hasilkan(
    laporan: Laporan,
    kecamatan: Kecamatan,
    tahun: int,
    format: str,
    opsi: Opsi | None = None,
    cap: Cap | None = None,
) -> Berkas:
    """Build the report once and draw it in ``format`` (``html``: the self-contained print document)."""
    opsi = opsi or Opsi()
    return gambar(laporan, kecamatan, tahun, laporan.bangun(kecamatan, tahun, opsi), format, opsi, cap)


def gambar(
    laporan: Laporan,
    kecamatan: Kecamatan,
    tahun: int,
    tabel: Tabel,
    format: str,
    opsi: Opsi | None = None,
    cap: Cap | None = None,
) -> Berkas:
    """Draw an already built table in ``format``; ``cap`` (default: a draft) says whether it prints DRAF."""
    if format not in FORMAT:
        raise ValueError(f"format '{format}' tidak dikenal (pilihan: {', '.join(FORMAT)})")
    opsi = opsi or Opsi()
    cap = cap or Cap()
    if format == "pdf":
        from .render_pdf import render_pdf  # WeasyPrint is slow to import; only when needed

        isi = render_pdf(laporan, kecamatan, tahun, tabel, opsi, cap)
    elif format == "xlsx":
        from .render_xlsx import render_xlsx

        isi = render_xlsx(laporan, kecamatan, tahun, tabel, opsi, cap)
    else:
        from .render_html import render_dokumen

        isi = render_dokumen(laporan, kecamatan, tahun, tabel, opsi, cap).encode("utf-8")
    return Berkas(isi, laporan.berkas(kecamatan, tahun, format, opsi), JENIS_ISI[format])
