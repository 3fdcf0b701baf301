"""Standalone report prints: DRAF while the document is not approved or its data changed since approval;
without DRAF, naming the approved document, while the table is still exactly the approved one."""

import io
import subprocess
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from core.laporan import registry
from core.laporan.registry import Opsi
from dokumen.cap import berkas_laporan, jenis_laporan, sidik
from dokumen.services import dokumen_ajukan, dokumen_buka_revisi, dokumen_setujui, dokumen_terkini
from renja.models import Anggaran

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db


def teks_pdf(isi: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=isi, capture_output=True, check=True
    ).stdout.decode()


@pytest.fixture
def d():
    return dua_kecamatan()


def _url(slug: str, **get: str) -> str:
    url = reverse("laporan:laporan", kwargs={"kode": "36.73.03", "tahun": 2020, "slug": slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in get.items()) if get else "")


def _setujui(d, jenis: str):
    dok = dokumen_ajukan(dokumen_terkini(d["a"], 2020, jenis), d["users"]["operator_a"])
    return dokumen_setujui(dok, d["users"]["camat_a"])


def test_laporan_dipetakan_ke_dokumennya():
    assert jenis_laporan("renja-2.4") == "renja"
    assert jenis_laporan("lkjip-keuangan") == "lkjip"
    assert jenis_laporan("renja-evaluasi") is None


def test_belum_disetujui_draf_dengan_alasan_di_html_pdf_dan_xlsx(client, d):
    client.force_login(d["users"]["operator_a"])
    halaman = client.get(_url("renja-2.1")).content.decode()
    assert "lencana-draf" in halaman and "DRAF: Renja 2020 belum disetujui camat." in halaman
    teks = teks_pdf(client.get(_url("renja-2.1", format="pdf")).content)
    assert "DRAF" in teks and "Renja 2020 belum disetujui camat." in teks
    xlsx = berkas_laporan(registry.laporan("renja-2.1"), d["a"], 2020, "xlsx", Opsi())
    ws = load_workbook(io.BytesIO(xlsx.isi)).active
    kolom_a = [ws.cell(r, 1).value for r in range(1, 10)]
    assert "DRAF" in kolom_a and "DRAF: Renja 2020 belum disetujui camat." in kolom_a


def test_disetujui_tanpa_draf_lalu_data_berubah_draf_lagi(client, d):
    dok = _setujui(d, "renja")
    assert set(dok.sidik_tabel) >= {"renja-2.1", "renja-2.4", "renja-rencana"}
    client.force_login(d["users"]["camat_a"])
    tanggal = teks_pdf(dok.pdf.read())  # the signed document carries the same date
    halaman = client.get(_url("renja-2.1")).content.decode()
    assert "lencana-draf" not in halaman and 'class="draf"' not in halaman
    assert "Sesuai Renja 2020 yang disetujui camat pada" in halaman
    teks = teks_pdf(client.get(_url("renja-2.1", format="pdf")).content)
    assert "DRAF" not in teks and "Sesuai Renja 2020 yang disetujui camat pada" in teks
    tgl = teks.split("disetujui camat pada", 1)[1].split(".")[0].strip()
    assert tgl and tgl in tanggal
    html = client.get(_url("renja-2.4", format="html")).content.decode()
    assert 'class="draf"' not in html and "Sesuai Renja 2020" in html
    # an LKjIP table is not covered by the approved Renja
    assert "DRAF: LKjIP 2020 belum disetujui" in client.get(_url("lkjip-2.2")).content.decode()

    Anggaran.objects.filter(pk=d["ang_a"].pk).update(pagu=Decimal(2000000))
    halaman = client.get(_url("renja-rencana")).content.decode()
    assert "lencana-draf" in halaman and "DRAF: data berubah sejak Renja 2020 disetujui" in halaman
    teks = teks_pdf(client.get(_url("renja-rencana", format="pdf")).content)
    assert "DRAF" in teks and "data berubah sejak Renja 2020 disetujui" in teks

    Anggaran.objects.filter(pk=d["ang_a"].pk).update(pagu=Decimal(1000000))  # back to the approved data
    assert "lencana-draf" not in client.get(_url("renja-rencana")).content.decode()


def test_revisi_baru_tetap_membandingkan_dengan_yang_disetujui(client, d):
    dok = _setujui(d, "lkjip")
    dokumen_buka_revisi(dok, d["users"]["bappeda"])
    client.force_login(d["users"]["bappeda"])
    assert "Sesuai LKjIP 2020 yang disetujui" in client.get(_url("lkjip-2.2")).content.decode()


def test_xlsx_mengikuti_cap(d):
    lap = registry.laporan("renja-2.1")

    def sel_a(isi: bytes) -> list[str]:
        ws = load_workbook(io.BytesIO(isi)).active
        return [str(ws.cell(r, 1).value) for r in range(1, 10)]

    assert "DRAF" in sel_a(berkas_laporan(lap, d["a"], 2020, "xlsx", Opsi()).isi)
    _setujui(d, "renja")
    sel = sel_a(berkas_laporan(lap, d["a"], 2020, "xlsx", Opsi()).isi)
    assert "DRAF" not in sel and any(s.startswith("Sesuai Renja 2020") for s in sel)


def test_triwulan_lain_dan_laporan_luar_dokumen_tetap_draf(client, d):
    _setujui(d, "renja")
    client.force_login(d["users"]["camat_a"])
    assert "bukan bagian dokumen" in client.get(_url("renja-evaluasi", triwulan="2")).content.decode()


def test_sidik_berubah_bila_nilai_berubah(d):
    lap = registry.laporan("renja-rencana")
    awal = sidik(lap.bangun(d["a"], 2020))
    assert sidik(lap.bangun(d["a"], 2020)) == awal
    Anggaran.objects.filter(pk=d["ang_a"].pk).update(pagu=Decimal(1))
    assert sidik(lap.bangun(d["a"], 2020)) != awal


def test_export_report_sama_dengan_unduhan_halaman(client, d, tmp_path):
    """The command writes the bytes the page offers, stamp included (approved: no DRAF)."""
    from django.core.management import call_command

    _setujui(d, "renja")
    keluar = tmp_path / "tabel.html"
    call_command(
        "export_report",
        "renja-rencana",
        "--kecamatan",
        "36.73.03",
        "--tahun",
        "2020",
        "--format",
        "html",
        "--output",
        str(keluar),
    )
    client.force_login(d["users"]["camat_a"])
    halaman = client.get(_url("renja-rencana", format="html")).content
    assert keluar.read_bytes() == halaman
    assert b"Sesuai Renja 2020 yang disetujui camat" in halaman and b'class="draf"' not in halaman
