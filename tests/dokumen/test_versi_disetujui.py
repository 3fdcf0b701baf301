"""The approved version of a standalone table: kept at approval, printed later without DRAF and naming the
approval, while the live table prints the new figures with DRAF; the report page offers both while they
differ; access as for the report itself; a constant number of queries."""

import io
import json
import subprocess
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from core.laporan import registry
from core.laporan.beku import GalatBeku, tabel_dari_json, tabel_ke_json
from core.laporan.registry import Opsi
from core.laporan.tabel import Baris, Kepala, Kolom, Nilai
from dokumen.cap import berkas_laporan, sidik, slug_dokumen, versi_laporan
from dokumen.models import TabelDisetujui
from dokumen.pdf import dokumen_html
from dokumen.services import dokumen_ajukan, dokumen_buka_revisi, dokumen_setujui, dokumen_terkini
from lkjip.reports import Gambar, TabelLkjip
from lkjip.reports._umum import Rumus
from renja.models import Anggaran, Nomenklatur

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db

LAMA, BARU = "1.000.000", "2.345.678"


@pytest.fixture
def d(monkeypatch):
    # The signed whole-document PDF is not the subject here: approving does not render it.
    monkeypatch.setattr("dokumen.cetak.kirim_disetujui", lambda dok, oleh: None)
    return dua_kecamatan()


def _setujui(d, jenis: str = "renja"):
    dok = dokumen_ajukan(dokumen_terkini(d["a"], 2020, jenis), d["users"]["operator_a"])
    return dokumen_setujui(dok, d["users"]["camat_a"])


def _ubah_pagu(d) -> None:
    Anggaran.objects.filter(pk=d["ang_a"].pk).update(pagu=Decimal(2345678))


def _url(slug: str = "renja-rencana", kode: str = "36.73.03", **get: str) -> str:
    url = reverse("laporan:laporan", kwargs={"kode": kode, "tahun": 2020, "slug": slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in get.items()) if get else "")


def _sel_xlsx(isi: bytes) -> list[str]:
    ws = load_workbook(io.BytesIO(isi)).active
    return [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]


# --- freezing ------------------------------------------------------------------------------------------
def test_tabel_beku_sama_persis_dengan_tabel_aslinya():
    """Every kind of cell and the LKjIP table's charts and formulas come back equal, of the same class."""
    tabel = TabelLkjip(
        judul=["Tabel 9.9 Uji", "Kecamatan Uji"],
        kepala=[
            Kepala("Uraian", (Kolom("uraian", "", "teks", 30),)),
            Kepala("Target", (Kolom("k", "K", "nilai", 8, "(2)"), Kolom("rp", "Rp", "rupiah", 12.5)), "(2)"),
        ],
        baris=[
            Baris(
                "program", {"uraian": "PROGRAM", "k": Nilai(Decimal("75.50")), "rp": Decimal("1E+3")}, id="p1"
            ),
            Baris("indikator", {"uraian": "Predikat", "k": Nilai(grade="BB"), "rp": None}, 2, induk="p1"),
            Baris("total", {"uraian": "Jumlah", "rp": Decimal("1000.00")}, tanda={"rp": "belum lengkap"}),
            Baris("catatan", teks="Catatan <b>&</b>"),
        ],
        keterangan=["Satu"],
        gambar=[Gambar("Struktur", "<svg></svg>", "1.1")],
        rumus=[Rumus("3.1.1", "IKM", "Realisasi", "Target", hitung_pembilang="80", hasil="100 %")],
    )
    kembali = tabel_dari_json(json.loads(json.dumps(tabel_ke_json(tabel))))
    assert type(kembali) is TabelLkjip
    assert kembali == tabel and repr(kembali) == repr(tabel) and sidik(kembali) == sidik(tabel)
    assert isinstance(kembali.kepala[1].kolom, tuple)
    assert str(kembali.baris[0].sel["rp"]) == "1E+3"


@pytest.mark.parametrize(
    "data",
    [
        {"$kelas": "os.system", "isi": {}},
        {"$kelas": "core.laporan.tabel.Tabel", "isi": {"judul": [], "kepala": [], "rahasia": 1}},
        {"$kelas": "core.laporan.tabel.Kolom", "isi": {"kunci": "a", "judul": "b"}},
        {"$d": "bukan angka"},
        ["bukan", "tabel"],
    ],
)
def test_json_asing_ditolak(data):
    with pytest.raises(GalatBeku):
        tabel_dari_json(data)


def test_persetujuan_menyimpan_setiap_tabel_dokumen(d):
    dok = _setujui(d)
    tersimpan = {t.slug: t for t in TabelDisetujui.objects.filter(dokumen=dok)}
    assert set(tersimpan) == set(dok.sidik_tabel) and set(tersimpan) <= set(slug_dokumen("renja"))
    assert {"renja-2.1", "renja-2.4", "renja-rencana"} <= set(tersimpan)
    for slug, t in tersimpan.items():
        tabel = registry.laporan(slug).bangun(d["a"], 2020)
        assert t.sidik == dok.sidik_tabel[slug] == sidik(tabel)
        # equal, not byte-equal: PostgreSQL's jsonb keeps a dict's keys in its own order
        assert tabel_dari_json(t.isi) == tabel
    assert dok.camat_penyetuju == "Camat W"


# --- the two versions: page, XLSX, PDF --------------------------------------------------------------------
def test_data_berubah_versi_disetujui_angka_lama_tanpa_draf_terkini_angka_baru_draf(client, d):
    dok = _setujui(d)
    _ubah_pagu(d)
    client.force_login(d["users"]["camat_a"])

    terkini = client.get(_url()).content.decode()
    assert BARU in terkini and LAMA not in terkini and "lencana-draf" in terkini
    assert "DRAF: data berubah sejak Renja 2020 disetujui" in terkini and "pilih Versi disetujui" in terkini
    assert 'name="versi"' in terkini and "Versi terkini (DRAF)" in terkini
    from dokumen.cap import tanggal_disetujui

    tanggal = tanggal_disetujui(dok)
    assert f"Versi disetujui ({tanggal})" in terkini

    disetujui = client.get(_url(versi="disetujui")).content.decode()
    assert LAMA in disetujui and BARU not in disetujui
    assert "lencana-draf" not in disetujui and 'class="draf"' not in disetujui
    assert (
        f"Versi disetujui: Renja 2020 revisi 0 (Awal), disetujui Camat Camat W pada {tanggal}." in disetujui
    )
    assert 'value="disetujui" selected' in disetujui  # the choice stays on the page

    xlsx = client.get(_url(versi="disetujui", format="xlsx"))
    assert xlsx["Content-Disposition"].endswith('-Rencana-Program-disetujui.xlsx"')
    sel = _sel_xlsx(xlsx.content)
    assert "1000000" in sel and "2345678" not in sel and "DRAF" not in sel
    assert any(s.startswith("Versi disetujui: Renja 2020") for s in sel)
    sel = _sel_xlsx(client.get(_url(format="xlsx")).content)
    assert "2345678" in sel and "1000000" not in sel and "DRAF" in sel

    html = client.get(_url(versi="disetujui", format="html")).content.decode()
    assert LAMA in html and 'class="draf"' not in html and "Versi disetujui: Renja 2020" in html
    html = client.get(_url(format="html")).content.decode()
    assert BARU in html and 'class="draf"' in html


def test_pdf_versi_disetujui_angka_lama_tanpa_draf(client, d):
    _setujui(d)
    _ubah_pagu(d)
    client.force_login(d["users"]["operator_a"])
    pdf = client.get(_url("renja-rencana", versi="disetujui", format="pdf"))
    assert pdf["Content-Type"] == "application/pdf"
    teks = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf.content, capture_output=True, check=True
    ).stdout.decode()
    assert LAMA in teks and BARU not in teks and "DRAF" not in teks
    assert "Versi disetujui: Renja 2020 revisi 0 (Awal), disetujui Camat Camat W" in teks


def test_data_tidak_berubah_tanpa_pilihan_versi(client, d):
    _setujui(d)
    client.force_login(d["users"]["camat_a"])
    halaman = client.get(_url()).content.decode()
    assert "Sesuai Renja 2020 yang disetujui camat" in halaman and 'name="versi"' not in halaman
    # the approved version may still be asked for: the same figures, named as approved
    halaman = client.get(_url(versi="disetujui")).content.decode()
    assert LAMA in halaman and "Versi disetujui: Renja 2020" in halaman


def test_revisi_yang_disetujui_kemudian_menjadi_versi_disetujui(client, d):
    dok = _setujui(d)
    _ubah_pagu(d)
    dokumen_buka_revisi(dok, d["users"]["bappeda"])
    client.force_login(d["users"]["camat_a"])
    halaman = client.get(_url(versi="disetujui")).content.decode()  # revisi 1 is open: revisi 0 is approved
    assert LAMA in halaman and "Renja 2020 revisi 0 (Awal)" in halaman
    _setujui(d)  # revisi 1, with the new pagu
    halaman = client.get(_url(versi="disetujui")).content.decode()
    assert BARU in halaman and LAMA not in halaman and "Renja 2020 revisi 1 (Perubahan)" in halaman
    halaman = client.get(_url()).content.decode()
    assert "Sesuai Renja 2020 (revisi 1) yang disetujui camat" in halaman and 'name="versi"' not in halaman


def test_pdf_dokumen_yang_disetujui_dari_tabel_beku(d):
    """The signed document is laid out from the kept tables, even when the data changed before it rendered."""
    dok = _setujui(d)
    _ubah_pagu(d)
    html = dokumen_html(d["a"], 2020, "renja", disetujui=dok)
    assert LAMA in html and BARU not in html
    assert BARU in dokumen_html(d["a"], 2020, "renja")


def test_export_report_versi_disetujui_sama_dengan_unduhan(client, d, tmp_path):
    _setujui(d)
    _ubah_pagu(d)
    keluar = tmp_path / "t.xlsx"
    call_command(
        "export_report",
        "renja-rencana",
        *("--kecamatan", "36.73.03", "--tahun", "2020", "--format", "xlsx"),
        *("--versi", "disetujui", "--output", str(keluar)),
    )
    client.force_login(d["users"]["camat_a"])
    assert keluar.read_bytes() == client.get(_url(versi="disetujui", format="xlsx")).content


# --- refused ------------------------------------------------------------------------------------------------
def test_akses_versi_disetujui_seperti_laporannya(client, d):
    _setujui(d)
    for pengguna, kode in (
        ("operator_b", "36.73.03"),  # another kecamatan's approved table: as if it did not exist
        ("camat_b", "36.73.03"),
    ):
        client.force_login(d["users"][pengguna])
        for get in ({"versi": "disetujui"}, {"versi": "disetujui", "format": "pdf"}):
            assert client.get(_url(kode=kode, **get)).status_code == 404
    for pengguna in ("pimpinan", "bappeda", "operator_a"):
        client.force_login(d["users"][pengguna])
        assert client.get(_url(versi="disetujui")).status_code == 200
    client.logout()
    assert client.get(_url(versi="disetujui")).status_code == 302


def test_tanpa_versi_disetujui_404_dan_versi_asing_400(client, d):
    client.force_login(d["users"]["camat_a"])
    r = client.get(_url(versi="disetujui"))
    assert r.status_code == 404 and "tidak memiliki versi yang disetujui" in r.content.decode()
    assert client.get(_url(versi="disetujui", format="xlsx")).status_code == 404
    r = client.get(_url(versi="kemarin"))
    assert r.status_code == 400 and "Versi harus terkini atau disetujui." in r.content.decode()
    _setujui(d)
    # a report that is not part of the document has no approved version
    assert client.get(_url("renja-evaluasi", versi="disetujui")).status_code == 404
    with pytest.raises(Exception, match="tidak memiliki versi"):
        berkas_laporan(registry.laporan("renja-evaluasi"), d["a"], 2020, "xlsx", Opsi(), "disetujui")


def test_jumlah_query_tetap(client, d, django_assert_max_num_queries):
    _setujui(d)
    _ubah_pagu(d)
    lap = registry.laporan("renja-rencana")
    with django_assert_max_num_queries(2):  # the approved revision and its kept table; no builder
        versi_laporan(d["a"], 2020, lap, Opsi(), "disetujui", pilihan=False)
    client.force_login(d["users"]["camat_a"])
    with django_assert_max_num_queries(12):
        assert client.get(_url(versi="disetujui")).status_code == 200
    for i in range(5):  # more rows, the same number of queries
        kegiatan = Nomenklatur.objects.create(
            kode=f"5001.500105.04.{i:03d}", tingkat="kegiatan", uraian=f"Kegiatan {i}", induk=d["program"]
        )
        Anggaran.objects.create(tahun=2020, kecamatan=d["a"], nomenklatur=kegiatan, pagu=Decimal(i + 1))
    with django_assert_max_num_queries(12):
        assert client.get(_url(versi="disetujui")).status_code == 200
