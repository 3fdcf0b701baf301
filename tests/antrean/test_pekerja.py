"""The queue's worker loads WeasyPrint and the print modules once, in the parent, before forking per job."""

from __future__ import annotations

import sys

from antrean import pekerja


def test_rqworker_memakai_pekerja_yang_dipanaskan():
    from django_rq.workers import get_worker_class

    assert get_worker_class() is pekerja.Pekerja


def test_panaskan_memuat_modul_cetak_dan_menata_satu_halaman(settings, monkeypatch):
    settings.ANTREAN_PANASKAN = ["dokumen.pdf", "core.laporan.render_pdf"]
    for nama in settings.ANTREAN_PANASKAN:
        monkeypatch.delitem(sys.modules, nama, raising=False)
    ditata = []
    from weasyprint import HTML

    asli = HTML.write_pdf
    monkeypatch.setattr(HTML, "write_pdf", lambda self, *a, **k: ditata.append(1) or asli(self, *a, **k))
    assert pekerja.panaskan() >= 0
    assert all(nama in sys.modules for nama in settings.ANTREAN_PANASKAN)
    assert ditata == [1]
