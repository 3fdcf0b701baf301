"""What every report prints for the seed kecamatan (Serang 2022 Renja, Walantaka 2020 LKjIP), read back from
the builder's data, the HTML, the XLSX and the PDF text (issue 10, "wrong on paper")."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import dataclass

import pytest
from openpyxl import load_workbook

from core.laporan import registry
from core.laporan.keluaran import hasilkan
from core.laporan.registry import Opsi
from core.laporan.tabel import Tabel
from wilayah.models import Kecamatan

pytestmark = pytest.mark.django_db

#: slug → (kecamatan, tahun) of the seed document the report is checked against.
SEED_LAPORAN = {
    "renja-2.1": ("36.73.01", 2022),
    "renja-2.4": ("36.73.01", 2022),
    "renja-rencana": ("36.73.01", 2022),
    "renja-evaluasi": ("36.73.01", 2022),
    "renja-2.5": ("36.73.01", 2022),
    "renja-4.1": ("36.73.01", 2022),
    "renja-4.2-unggulan": ("36.73.01", 2022),
    "renja-4.2-mendesak": ("36.73.01", 2022),
    "renja-4.3-kl": ("36.73.01", 2022),
    "renja-4.3-provinsi": ("36.73.01", 2022),
    "renja-rumusan-indikator": ("36.73.01", 2022),
    "lkjip-1.1": ("36.73.03", 2020),
    "lkjip-1.2": ("36.73.03", 2020),
    "lkjip-1.3": ("36.73.03", 2020),
    "lkjip-2.1": ("36.73.03", 2020),
    "lkjip-2.2": ("36.73.03", 2020),
    "lkjip-3.1": ("36.73.03", 2020),
    "lkjip-rekap": ("36.73.03", 2020),
    "lkjip-keuangan": ("36.73.03", 2020),
    "lkjip-2.3": ("36.73.03", 2020),
    "lkjip-3.2": ("36.73.03", 2020),
    "lkjip-3.4": ("36.73.03", 2020),
}


@dataclass
class Keluaran:
    tabel: Tabel
    html: str
    xlsx: list[list[object]]
    pdf: str  # pdftotext -layout


def pdf_teks(data: bytes) -> str:
    hasil = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True)
    return hasil.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def keluaran(seed, django_db_blocker) -> dict[str, Keluaran]:
    """Every report of the seed, built once and drawn in the three formats."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) tidak terpasang")
    hasil = {}
    with django_db_blocker.unblock():
        for slug, (kode, tahun) in SEED_LAPORAN.items():
            kec = Kecamatan.objects.select_related("kota").get(kode=kode)
            lap = registry.laporan(slug)
            ws = load_workbook(io.BytesIO(hasilkan(lap, kec, tahun, "xlsx").isi)).active
            hasil[slug] = Keluaran(
                tabel=lap.bangun(kec, tahun),
                html=hasilkan(lap, kec, tahun, "html").isi.decode(),
                xlsx=[list(r) for r in ws.iter_rows(values_only=True)],
                pdf=pdf_teks(hasilkan(lap, kec, tahun, "pdf").isi),
            )
    return hasil


def test_semua_laporan_terdaftar_diperiksa():
    assert set(SEED_LAPORAN) == {lap.slug for lap in registry.semua()}


@pytest.mark.parametrize("slug", SEED_LAPORAN)
def test_kepala_nomor_urut_tertulis_no_bukan_tidak(keluaran, slug):
    """Django's Indonesian catalogue turns the English "No" into "Tidak": headings never pass through it."""
    k = keluaran[slug]
    judul = [kp.judul for kp in k.tabel.kepala] + [kol.judul for kol in k.tabel.kolom]
    assert not any(re.search(r"\bTidak\b", j) for j in judul), judul
    kepala_no = [kp.judul for kp in k.tabel.kepala if kp.kolom[0].kunci == "no"]
    assert all(j in ("No", "No.") for j in kepala_no), kepala_no
    thead = k.html.split("<thead>", 1)[1].split("</thead>", 1)[0]
    assert "Tidak" not in thead
    for j in kepala_no:
        assert f'<th rowspan="2">{j}</th>' in thead or f"<th>{j}</th>" in thead
    assert "Tidak" not in {c for r in k.xlsx for c in r if isinstance(c, str)}
    if kepala_no:
        assert any(c in ("No", "No.") for r in k.xlsx for c in r)
    # the body text of the reports never says "Tidak" on its own in a heading line: the PDF shows none at all
    # unless a body cell does
    isi = " ".join(str(v) for b in k.tabel.baris for v in [*b.sel.values(), b.teks] if v is not None)
    if "Tidak" not in isi:
        assert not re.search(r"\bTidak\b", k.pdf)


@pytest.mark.parametrize("slug", SEED_LAPORAN)
def test_catatan_transkripsi_tidak_tercetak(keluaran, slug):
    """The transcriber's notes are internal: no report prints them, in any format."""
    k = keluaran[slug]
    assert not any(
        "[transkripsi]" in str(v) for b in k.tabel.baris for v in [*b.sel.values(), b.teks] if v is not None
    )
    assert "[transkripsi]" not in k.html
    assert not any("[transkripsi]" in c for r in k.xlsx for c in r if isinstance(c, str))
    assert "[transkripsi]" not in k.pdf


def test_tabel_2_4_tanpa_baris_tak_bernama(keluaran):
    for b in keluaran["renja-2.4"].tabel.baris:
        if b.jenis == "catatan":
            continue
        nama = [b.get(k) for k in ("uraian_rancangan", "indikator_rancangan", "indikator_kebutuhan")]
        assert any(nama), b


def test_tabel_2_4_jumlah_dengan_pagu_tak_diketahui_ditandai_belum_lengkap(keluaran):
    """Serang 2022 line 436 (Penyediaan Gaji dan Tunjangan ASN) prints "#####": its pagu is unknown, so the
    total of the known lines (6.256.423.996) is never stated as the final total."""
    k = keluaran["renja-2.4"]
    gaji = k.tabel.cari(uraian_kebutuhan="Penyediaan Gaji dan Tunjangan ASN")
    assert gaji.get("pagu_kebutuhan") is None and gaji.tanda == {"pagu_kebutuhan": "tidak diketahui"}
    total = next(b for b in k.tabel.baris if b.jenis == "total")
    assert total.get("pagu_kebutuhan") == 6256423996
    assert total.tanda == {"pagu_kebutuhan": "belum lengkap"}
    assert "pagu_rancangan" not in total.tanda  # the rancangan side is complete
    for kode_uraian in ("Administrasi Keuangan Perangkat Daerah",):
        assert k.tabel.cari(uraian_kebutuhan=kode_uraian).tanda == {"pagu_kebutuhan": "belum lengkap"}
    catatan = [b.teks for b in k.tabel.baris if b.jenis == "catatan"]
    assert catatan and not any("6.256.423.996" in c or "pengajuan sebesar" in c for c in catatan)
    assert any("belum dapat dinyatakan" in c for c in catatan)
    assert any(
        "Penyediaan Gaji dan Tunjangan ASN" in c and "tidak diketahui" in c for c in k.tabel.keterangan
    )
    # on paper: the figure always carries its mark, the sentence never states it
    assert "pengajuan sebesar" not in k.pdf
    baris = k.pdf.splitlines()
    for i, b in enumerate(baris):
        if "6.256.423.996" in b:
            assert "belum lengkap" in " ".join(baris[i : i + 2]), baris[i : i + 2]
    assert "(belum lengkap)" in k.html and "pengajuan sebesar" not in k.html
    sel = [(c, r) for r in k.xlsx for c in r if c == 6256423996]
    assert sel
    ws = load_workbook(
        io.BytesIO(
            hasilkan(
                registry.laporan("renja-2.4"),
                Kecamatan.objects.get(kode="36.73.01"),
                2022,
                "xlsx",
            ).isi
        )
    ).active
    fmt = [c.number_format for r in ws.iter_rows() for c in r if c.value == 6256423996]
    assert fmt and all("belum lengkap" in f for f in fmt)


def test_tabel_2_1_serang_tanpa_tahun_2021_kolom_9_12(keluaran):
    """The Serang workbook has no 2021 data: (10) and (11) print "-", not 15,82 % or 436,29 % computed from a
    missing year read as 0; column (12) no longer prints "Rp: Sangat Tinggi" on every row."""
    k = keluaran["renja-2.1"]
    for b in k.tabel.baris:
        assert b.get("rp10") is None and b.get("rp11") is None and b.get("k11") is None, b.sel
        assert b.get("catatan") is None
    for salah in ("15,82", "436,29", "Sangat Tinggi"):
        assert salah not in k.pdf and salah not in k.html
    prog = next(ln for ln in k.pdf.splitlines() if ln.startswith("5001.04 "))
    assert "1.754.655.303" in prog and "96,83" in prog
    assert "Belum ada data Renja tahun 2021" in k.pdf


@pytest.mark.parametrize("kertas", ["a4", "f4"])
@pytest.mark.parametrize("slug", ["renja-rencana", "lkjip-rekap", "renja-2.1", "lkjip-2.3", "lkjip-3.2"])
def test_kode_dan_kata_judul_tidak_terpotong(keluaran, slug, kertas):
    """On A4 and F4 every kegiatan code prints whole (it may only wrap after a dot, and the column is made wide
    enough that it does not) and no heading word breaks ("Satua/n"). A4 is the default paper: its PDF is the
    one the module fixture already drew; F4 is drawn here."""
    assert Opsi().kertas == "a4"
    tabel = keluaran[slug].tabel
    if kertas == "a4":
        teks = keluaran[slug].pdf
    else:
        kode_kec, tahun = SEED_LAPORAN[slug]
        kec = Kecamatan.objects.select_related("kota").get(kode=kode_kec)
        teks = pdf_teks(hasilkan(registry.laporan(slug), kec, tahun, "pdf", Opsi(kertas=kertas)).isi)
    kata = set(re.findall(r"\S+", teks))
    kode = {b.get("kode") for b in tabel.baris if isinstance(b.get("kode"), str) and b.get("kode")}
    assert len(kode) > 30
    terpotong = sorted(k for k in kode if k not in kata)
    assert not terpotong, terpotong
    judul = {kp.judul for kp in tabel.kepala} | {k.judul for k in tabel.kolom}
    for j in judul:
        for w in re.split(r"[\s/-]+", j):
            if w.isalpha() and len(w) > 3:
                assert re.search(rf"(?<![\w‐-]){re.escape(w)}(?![\w‐])", teks), (w, j)
    if slug != "lkjip-rekap":
        assert re.search(r"\bSatuan\b", teks)


def test_rencana_jumlah_dengan_pagu_tak_diketahui_ditandai(keluaran):
    """The 2022 anggaran line of Penyediaan Gaji dan Tunjangan ASN is kept with its pagu blank (unknown): the
    Rencana's kegiatan, program, kelompok and total sums that include it are marked, never shown as complete."""
    k = keluaran["renja-rencana"]
    gaji = k.tabel.cari(kode="7.01.01.2.02.0001")
    assert gaji.get("pagu") is None and gaji.tanda == {"pagu": "tidak diketahui"}
    for kode in ("7.01.01.2.02", "7.01.01"):
        assert k.tabel.cari(kode=kode).tanda == {"pagu": "belum lengkap"}
    assert k.tabel.cari(kode="7.01.01.2.01").tanda == {}  # a complete kegiatan is not marked
    total = next(b for b in k.tabel.baris if b.jenis == "total")
    assert total.get("pagu") == 6256423996 and total.tanda == {"pagu": "belum lengkap"}
    assert any("7.01.01.2.02.0001" in c and "tidak diketahui" in c for c in k.tabel.keterangan)
    baris = k.pdf.splitlines()
    for i, b in enumerate(baris):
        if "6.256.423.996" in b:
            assert "belum lengkap" in " ".join(baris[i : i + 2]), baris[i : i + 2]
