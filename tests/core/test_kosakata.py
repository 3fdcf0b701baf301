"""One vocabulary: quarters are "TW I … TW IV", dates are local time with Indonesian month names."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django.template import Context, Template

from core.choices import TRIWULAN_LABEL, label_triwulan
from core.riwayat import _teks
from core.waktu import format_tanggal, format_waktu

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_label_triwulan_romawi():
    assert [label_triwulan(t) for t in (1, 2, 3, 4)] == ["TW I", "TW II", "TW III", "TW IV"]
    assert label_triwulan("3") == "TW III"
    assert TRIWULAN_LABEL[3] == (4, "TW IV")


def test_waktu_lokal_wib_dengan_nama_bulan():
    utc = datetime(2026, 11, 30, 14, 58, 41, 981715, tzinfo=UTC)
    assert format_waktu(utc) == "30 November 2026 21.58 WIB"
    assert format_waktu(utc, "Asia/Makassar") == "30 November 2026 22.58 WITA"
    assert format_waktu(utc, "Asia/Jayapura") == "30 November 2026 23.58 WIT"
    # 18.00 UTC is already the next day in Jakarta
    assert format_tanggal(datetime(2026, 1, 31, 18, 0, tzinfo=UTC)) == "1 Februari 2026"
    assert format_tanggal(date(2020, 12, 31)) == "31 Desember 2020"
    assert format_waktu(None) == "-"


def test_filter_templat():
    t = Template("{% load kosakata %}{{ tw|tw }} · {{ w|waktu }} · {{ w|tanggal }} · {{ x|tw }}")
    isi = t.render(Context({"tw": 2, "w": datetime(2026, 11, 30, 14, 58, tzinfo=UTC), "x": "lain"}))
    assert isi == "TW II · 30 November 2026 21.58 WIB · 30 November 2026 · lain"


def test_riwayat_tidak_menampilkan_stempel_waktu_mentah():
    nilai = _teks(datetime(2026, 11, 30, 14, 58, 41, 981715, tzinfo=UTC))
    assert nilai == "30 November 2026 21.58 WIB"
    assert "+00:00" not in nilai


@pytest.mark.parametrize(
    "jalur", sorted(p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.html"))
)
def test_templat_tanpa_ejaan_triwulan_lain(jalur):
    """No page writes "TW 3", "TW {{ tw }}" (a number) or a raw |date of a timestamp."""
    isi = (TEMPLATES / jalur).read_text()
    assert "TW {{ tw }}" not in isi and "TW {{ c.triwulan }}" not in isi
    for angka in "1234":
        assert f"TW {angka}" not in isi and f"Triwulan {angka}" not in isi
    assert '|date:"j M Y H:i"' not in isi and '|date:"j F Y H:i"' not in isi


def test_komentar_templat_satu_baris_tidak_tercetak():
    """Django's ``{# … #}`` ends on its own line; one spread over lines is printed as text on the page and in
    the PDF (it was, under every LKjIP table). Longer notes use ``{% comment %}``."""
    bocor = []
    for p in sorted(TEMPLATES.rglob("*.html")):
        for nomor, baris in enumerate(p.read_text().splitlines(), start=1):
            awal = baris.find("{#")
            while awal != -1:
                akhir = baris.find("#}", awal + 2)
                if akhir == -1:
                    bocor.append(f"{p.relative_to(TEMPLATES)}:{nomor}")
                    break
                awal = baris.find("{#", akhir + 2)
    assert bocor == []
