"""PDF of a report: the print document of :mod:`.render_html` laid out by WeasyPrint."""

from __future__ import annotations

from django.conf import settings
from weasyprint import HTML

from .registry import Cap, Kecamatan, Laporan, Opsi
from .render_html import render_dokumen
from .tabel import Tabel


def render_pdf(
    laporan: Laporan, kecamatan: Kecamatan, tahun: int, tabel: Tabel, opsi: Opsi, cap: Cap | None = None
) -> bytes:
    """PDF bytes; the same input gives the same bytes (no creation date is embedded)."""
    dokumen = render_dokumen(laporan, kecamatan, tahun, tabel, opsi, cap)
    return HTML(string=dokumen, base_url=str(settings.BASE_DIR)).write_pdf()
