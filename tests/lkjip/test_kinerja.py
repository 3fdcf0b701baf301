"""LKjIP Tabel 2.3, 3.2 and 3.4 of Walantaka 2020 (seed 002) from the fixture workbooks.

The seed lists the three tables ("DAFTAR GAMBAR DAN TABEL", lines 69, 71, 73) without printing them; their
figures are checked against what the seed does print: Tabel 2.2's program pagu, the rekap's program rows and
the serapan and capaian that §3.2 states per program (lines 559-617), with the seed's own errors named."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest

from core.angka import format_persen, format_rupiah
from core.laporan import registry
from core.laporan.keluaran import hasilkan
from core.nilai import Nilai
from lkjip.reports import lkjip_tabel_2_3, lkjip_tabel_3_2, lkjip_tabel_3_4
from wilayah.models import Kecamatan

from ..conftest import REPO

sys.path.insert(0, str(REPO / "fixtures"))
from seed import walantaka

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def kec(db, seed) -> Kecamatan:
    return Kecamatan.objects.select_related("kota").get(kode="36.73.03")


def _teks_pdf(slug: str, kec: Kecamatan) -> str:
    isi = hasilkan(registry.laporan(slug), kec, 2020, "pdf").isi
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=isi, capture_output=True, check=True
    ).stdout.decode()


def test_tabel_2_3_pagu_program_seperti_tabel_2_2(kec):
    t = lkjip_tabel_2_3(kec, 2020)
    for kode, pagu in walantaka.PAGU_TABEL_2_2.items():
        assert t.cari(kode=kode).sel["pagu"] == D(pagu), kode
    total = next(b for b in t.baris if b.jenis == "total")
    assert total.sel["pagu"] == D(19_213_538_636)  # belanja langsung, seed line 745
    keg = t.cari(kode="5001.500105.01.001")  # a kegiatan with its indicator and pagu (rekap, seed line 779)
    assert keg.jenis == "kegiatan" and keg.sel["pagu"] == D(317_076_000)
    assert keg.sel["indikator"].startswith("Tersedianya pelayanan administrasi perkantoran")
    assert keg.sel["target"] == Nilai(D(12))
    assert [kp.judul for kp in t.kepala] == [
        "No",
        "Kode",
        "Program/Kegiatan",
        "Indikator Kinerja",
        "Target",
        "Satuan",
        "Pagu Anggaran (Rp)",
    ]


# §3.2, "serapan anggaran" per program (seed line → program kode → as printed).
SERAPAN_3_2 = {
    559: ("5001.04", "98"),  # printed rounded to whole percent: 2.827.647.140 / 2.872.149.185 = 98,45 %
    567: ("5001.01", "97,89"),
    575: ("5001.02", "100"),
    593: ("5001.03", "99,20"),
    617: ("5001.11", "99,84"),
}


def test_tabel_3_2_serapan_seperti_narasi_3_2(kec):
    t = lkjip_tabel_3_2(kec, 2020)
    hasil = {
        baris: format_persen(t.cari(kode=kode).sel["serapan"]) for baris, (kode, _c) in SERAPAN_3_2.items()
    }
    assert hasil == {559: "98,45", 567: "97,89", 575: "100,00", 593: "99,20", 617: "99,84"}
    # the seed rounds line 559 to a whole percent; every other figure is printed as computed
    assert round(t.cari(kode="5001.04").sel["serapan"]) == 98
    prog = t.cari(kode="5001.01")
    assert (prog.sel["pagu"], prog.sel["realisasi_rp"]) == (D(1_051_756_000), D(1_029_574_301))


def test_tabel_3_2_capaian_indikator_dan_kesalahan_seed(kec):
    """Program 5001.03: §3.2 (line 604) prints 11/12 = "91,6 %" (truncated; 91,67) while the rekap (line 810)
    measures the same program with realisasi 55 against target 85; the tables use the rekap's data, so the
    capaian is 55 / 85 = 64,71 % (the rekap prints it rounded, 65). Both are in the seed's ERRATA."""
    t = lkjip_tabel_3_2(kec, 2020)
    b = t.cari(kode="5001.03")
    assert (b.sel["target"], b.sel["realisasi"]) == (Nilai(D(85)), Nilai(D(55)))
    assert format_persen(b.sel["capaian"]) == "64,71"
    errata = next(e for e in walantaka.ERRATA if e["baris"] == "604")
    assert (errata["tercetak"], errata["hitung"]) == ("91,6", "91,67")
    # "4 / 7" = 57,142 (line 659, truncated) is the realisasi of 5001.12's first indicator: 57,142 / 75
    c = t.cari(kode="5001.12")
    assert c.sel["realisasi"] == Nilai(D("57.142")) and format_persen(c.sel["capaian"]) == "76,19"


def test_tabel_3_4_tahun_dasar_dan_tahun_laporan(kec):
    t = lkjip_tabel_3_4(kec, 2020)
    assert [kp.judul for kp in t.kepala][-3:] == [
        "Realisasi Kinerja",
        "Capaian Kinerja (%)",
        "Serapan Anggaran (%)",
    ]
    assert [k.judul for k in t.kolom if k.kunci.startswith("serapan")] == ["2019", "2020"]
    assert not any(b.jenis == "kegiatan" for b in t.baris)  # program level
    for kode, per_tahun in walantaka.PROGRAM_TERCETAK.items():
        b = t.cari(kode=kode)
        for y, tahun in (("0", 2019), ("1", 2020)):
            pagu, realisasi = per_tahun[tahun]
            harap = None if pagu is None else D(realisasi) / D(pagu) * 100
            assert b.sel[f"serapan{y}"] == harap, (kode, tahun)
    sakip = t.cari(kode="5001.01")
    assert sakip.sel["realisasi0"] == Nilai(grade="CC") and sakip.sel["realisasi1"] == Nilai(D(80))
    baru = t.cari(kode="5001.16")  # no 2019 budget: "-", never 0 %
    assert baru.sel["serapan0"] is None and baru.sel["capaian0"] is None


@pytest.mark.parametrize("slug", ["lkjip-2.3", "lkjip-3.2", "lkjip-3.4"])
def test_pdf_judul_dan_angka(kec, slug):
    teks = _teks_pdf(slug, kec)
    judul = {"lkjip-2.3": "Rincian Program dan Kegiatan", "lkjip-3.2": "Pengukuran Capaian Kinerja"}
    assert judul.get(slug, "Perbandingan Realisasi dan Capaian Kinerja") in teks
    assert "Tidak" not in teks.split("Program", 1)[0]  # the "No" heading is not translated
    if slug == "lkjip-2.3":
        assert format_rupiah(D(19_213_538_636)) in teks
    elif slug == "lkjip-3.2":
        assert "97,89" in teks and "64,71" in teks
    else:
        assert "92,24" in teks and "97,89" in teks


def test_kode_program_3_4_tidak_terpotong_di_a4(kec):
    teks = _teks_pdf("lkjip-3.4", kec)
    kata = set(teks.split())
    assert all(kode in kata for kode in walantaka.PROGRAM_TERCETAK)
