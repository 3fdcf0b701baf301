"""The LKjIP of Kecamatan Walantaka 2020 (seed 002) from the fixture workbooks: our figures, in every format,
and where the seed's own printed totals/averages are wrong, the correct value (named against ERRATA)."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal

import pytest
from openpyxl import load_workbook

from core.angka import format_persen
from core.laporan import registry
from core.laporan.keluaran import hasilkan
from core.laporan.registry import Opsi
from core.laporan.render_html import render_dokumen
from lkjip.reports import (
    lkjip_keuangan,
    lkjip_rekap,
    lkjip_tabel_1_1,
    lkjip_tabel_2_1,
    lkjip_tabel_2_2,
    lkjip_tabel_3_1,
)
from wilayah.models import Kecamatan

from ..conftest import REPO

sys.path.insert(0, str(REPO / "fixtures"))
from seed import walantaka

D = Decimal


@pytest.fixture
def walantaka_db(db, seed):
    """Walantaka from the seed workbooks (imported once for this module by ``seed``, see tests/conftest.py)."""
    return Kecamatan.objects.select_related("kota").get(kode="36.73.03")


def _uraian(t, teks):
    return next(b for b in t.baris if b.sel.get("uraian") == teks)


def _p(v) -> str:
    return format_persen(v)


def test_rekap_totals(walantaka_db):
    t = lkjip_rekap(walantaka_db, 2020)
    b = _uraian(t, "Jumlah anggaran dan realisasi seluruh program")
    assert (b.sel["rp_t1"], b.sel["rp_r1"], _p(b.sel["rp_c1"])) == (
        D(19_213_538_636),
        D(19_006_119_144),
        "98,92",
    )
    assert (b.sel["rp_t0"], b.sel["rp_r0"], _p(b.sel["rp_c0"])) == (
        D(10_188_581_520),
        D(9_608_928_553),
        "94,31",
    )
    for kelompok in ("NON URUSAN", "URUSAN KEWILAYAHAN"):
        g = _uraian(t, f"Jumlah & rata-rata capaian kinerja program {kelompok}")
        for y, tahun in (("0", 2019), ("1", 2020)):
            assert (g.sel[f"rp_t{y}"], g.sel[f"rp_r{y}"]) == walantaka.TOTAL_TERCETAK[kelompok][tahun]


def test_rekap_program_rows_match_the_seed(walantaka_db):
    t = lkjip_rekap(walantaka_db, 2020)
    for kode, per_tahun in walantaka.PROGRAM_TERCETAK.items():
        b = t.cari(kode=kode)
        for y, tahun in (("0", 2019), ("1", 2020)):
            pagu, realisasi = per_tahun[tahun]
            assert (b.sel[f"rp_t{y}"], b.sel[f"rp_r{y}"]) == (
                None if pagu is None else D(pagu),
                None if realisasi is None else D(realisasi),
            ), (kode, tahun)


def test_rekap_rata_rata_kegiatan_per_program_as_printed(walantaka_db):
    # seed lines 801, 809, 821, 845, 865, 883, 951, 980, 1019, 1079 (Rp 2020); the seed rounds some to 0 decimals
    t = lkjip_rekap(walantaka_db, 2020)
    rata = [b for b in t.baris if b.sel.get("uraian") == "Rata-rata capaian kinerja kegiatan"]
    assert [_p(b.sel["rp_c1"]) for b in rata] == [
        "98,91",
        "100,00",
        "99,27",
        "98,48",
        "99,89",
        "99,92",
        "99,56",
        "95,36",
        "99,96",
        "98,18",
    ]
    assert all(_p(b.sel["k_c1"]) == "100,00" for b in rata)


# (row uraian, column key) of our table for each ERRATA entry of the rekap / Tabel 3.1 about a total/average.
_ERRATA_SEL = {
    ("847", "JUMLAH & RATA RATA CAPAIAN KINERJA PROGRAM NON URUSAN: capaian Rp 2019"): (
        "rekap",
        "Jumlah & rata-rata capaian kinerja program NON URUSAN",
        "rp_c0",
    ),
    ("847", "JUMLAH & RATA RATA CAPAIAN KINERJA PROGRAM NON URUSAN: capaian K 2020"): (
        "rekap",
        "Jumlah & rata-rata capaian kinerja program NON URUSAN",
        "k_c1",
    ),
    ("1080", "RATA RATA CAPAIAN KINERJA KEGIATAN URUSAN KEWILAYAHAN: capaian K 2020"): (
        "rekap",
        "Rata-rata capaian kinerja kegiatan URUSAN KEWILAYAHAN",
        "k_c1",
    ),
    ("1080", "RATA RATA CAPAIAN KINERJA KEGIATAN URUSAN KEWILAYAHAN: capaian Rp 2020"): (
        "rekap",
        "Rata-rata capaian kinerja kegiatan URUSAN KEWILAYAHAN",
        "rp_c1",
    ),
    ("1081", "JUMLAH & RATA RATA CAPAIAN KINERJA PROGRAM URUSAN KEWILAYAHAN: capaian Rp 2019"): (
        "rekap",
        "Jumlah & rata-rata capaian kinerja program URUSAN KEWILAYAHAN",
        "rp_c0",
    ),
    ("1081", "JUMLAH & RATA RATA CAPAIAN KINERJA PROGRAM URUSAN KEWILAYAHAN: capaian K 2020"): (
        "rekap",
        "Jumlah & rata-rata capaian kinerja program URUSAN KEWILAYAHAN",
        "k_c1",
    ),
    ("1081", "JUMLAH & RATA RATA CAPAIAN KINERJA PROGRAM URUSAN KEWILAYAHAN: capaian Rp 2020"): (
        "rekap",
        "Jumlah & rata-rata capaian kinerja program URUSAN KEWILAYAHAN",
        "rp_c1",
    ),
    ("1082", "RATA RATA CAPAIAN KINERJA KEGIATAN OPD: capaian K 2020"): (
        "rekap",
        "Rata-rata capaian kinerja kegiatan OPD",
        "k_c1",
    ),
    ("1082", "RATA RATA CAPAIAN KINERJA KEGIATAN OPD: capaian Rp 2020"): (
        "rekap",
        "Rata-rata capaian kinerja kegiatan OPD",
        "rp_c1",
    ),
    ("1083", "JUMLAH ANGGARAN DAN REALISASI SELURUH PROGRAM: capaian Rp 2019"): (
        "rekap",
        "Jumlah anggaran dan realisasi seluruh program",
        "rp_c0",
    ),
    ("1084", "TOTAL RATA RATA KINERJA DAN ANGGARAN DARI SELURUH PROGRAM OPD: capaian K 2020"): (
        "rekap",
        "Total rata-rata kinerja dan anggaran dari seluruh program OPD",
        "k_c1",
    ),
    ("1084", "TOTAL RATA RATA KINERJA DAN ANGGARAN DARI SELURUH PROGRAM OPD: capaian Rp 2020"): (
        "rekap",
        "Total rata-rata kinerja dan anggaran dari seluruh program OPD",
        "rp_c1",
    ),
    ("513", "Rata-rata capaian indikator sasaran tahun 2020"): (
        "3.1",
        "Rata-rata capaian indikator sasaran",
        "capaian",
    ),
    ("510", "Capaian indikator Capaian Kelurahan yang memenuhi standard kelurahan (berkembang)"): (
        "3.1",
        "Capaian Kelurahan yang memenuhi standard kelurahan (berkembang)",
        "capaian",
    ),
}
_ERRATA = [e for e in walantaka.ERRATA if (e["baris"], e["uraian"]) in _ERRATA_SEL]


def test_errata_mapping_is_complete():
    assert len(_ERRATA) == len(_ERRATA_SEL)


@pytest.mark.parametrize("errata", _ERRATA, ids=lambda e: f"baris{e['baris']}-{e['uraian'][:40]}")
def test_seed_printed_value_is_wrong_and_ours_is_the_computed_one(walantaka_db, errata):
    laporan, uraian, kolom = _ERRATA_SEL[(errata["baris"], errata["uraian"])]
    if laporan == "rekap":
        b = _uraian(lkjip_rekap(walantaka_db, 2020), uraian)
    else:
        t = lkjip_tabel_3_1(walantaka_db, 2020)
        b = next(x for x in t.baris if uraian in (x.sel.get("sasaran"), x.sel.get("indikator")))
    ours = format_persen(b.sel[kolom])
    assert ours == errata["hitung"], errata["catatan"]
    assert ours != errata["tercetak"]


def test_tabel_3_1_average_is_119_16_not_6667(walantaka_db):
    t = lkjip_tabel_3_1(walantaka_db, 2020)
    rata = t.baris[-1]
    assert _p(rata.sel["capaian"]) == "119,16" and rata.sel["predikat"] == "Sangat Tinggi"
    assert [_p(b.sel["capaian"]) for b in t.baris[:3]] == ["103,25", "166,67", "87,57"]
    r = t.rumus[1]
    assert (r.pembilang, r.penyebut, r.kali) == (
        "Jumlah kelurahan berkembang",
        "Jumlah seluruh kelurahan (14)",
        "× 100 %",
    )
    assert (r.hitung_pembilang, r.hitung_penyebut, r.hasil) == ("50", "30", "166,67 %")


def test_tabel_2_2_program_pagu(walantaka_db):
    t = lkjip_tabel_2_2(walantaka_db, 2020)
    for kode, pagu in walantaka.PAGU_TABEL_2_2.items():
        assert t.cari(kode=kode).sel["pagu"] == D(pagu)
    assert t.cari(kode="5001.04").sel["uraian"] == "PROGRAM PELAYANAN ADMINISTRASI KELURAHAN"
    assert t.baris[-1].sel["pagu"] == D(19_213_538_636)


def test_tabel_1_1_total_391(walantaka_db):
    t = lkjip_tabel_1_1(walantaka_db, 2020)
    assert len(t.baris) == 15 and t.baris[-1].sel["rt_rw"] == D(391)


def test_tabel_2_1_perjanjian_kinerja(walantaka_db):
    t = lkjip_tabel_2_1(walantaka_db, 2020)
    assert [str(b.sel["target"]) for b in t.baris] == ["75", "30", "46", "CC"]
    assert t.baris[0].sel["sasaran"].startswith("Meningkatnya akuntabilitas")


def test_keuangan_kelurahan_and_kecamatan(walantaka_db):
    # seed lines 748–750: pagu 14 kelurahan 17.442.927.972 (efisiensi 183.950.329), kecamatan 1.770.610.664
    # (efisiensi 23.469.163)
    t = lkjip_keuangan(walantaka_db, 2020)
    kel = _uraian_unit(t, "Jumlah 14 kelurahan")
    assert (kel.sel["p_jumlah"], kel.sel["s_jumlah"]) == (D(17_442_927_972), D(183_950_329))
    kec = _uraian_unit(t, "Kecamatan Walantaka (tanpa lokasi kelurahan)")
    assert (kec.sel["p_jumlah"], kec.sel["s_jumlah"]) == (D(1_770_610_664), D(23_469_163))
    bl = _uraian_unit(t, "Jumlah belanja langsung")
    assert (bl.sel["p_jumlah"], bl.sel["r_jumlah"], _p(bl.sel["c_jumlah"])) == (
        D(19_213_538_636),
        D(19_006_119_144),
        "98,92",
    )
    assert bl.sel["p_apbd"] + bl.sel["p_dau_t"] == bl.sel["p_jumlah"]


def test_keuangan_with_belanja_tidak_langsung(walantaka_db):
    # seed lines 745–752 (§3.1 Akuntabilitas Keuangan): BTL 9.633.391.315 + BL 19.213.538.636 =
    # 28.846.929.951; realisasi 27.778.988.346 = 96,30 %; saldo 1.067.941.605 (3,7 %); BTL tidak terserap
    # 860.522.113
    t = lkjip_keuangan(walantaka_db, 2020)
    btl = _uraian_unit(t, "Jumlah belanja tidak langsung")
    assert (btl.sel["p_jumlah"], btl.sel["r_jumlah"], btl.sel["s_jumlah"]) == (
        D(9_633_391_315),
        D(8_772_869_202),
        D(860_522_113),
    )
    total = _uraian_unit(t, "Jumlah Kecamatan Walantaka")
    assert (total.sel["p_jumlah"], total.sel["r_jumlah"], total.sel["s_jumlah"]) == (
        D(28_846_929_951),
        D(27_778_988_346),
        D(1_067_941_605),
    )
    assert _p(total.sel["c_jumlah"]) == "96,30" and total.tanda == {}
    assert total.get("p_apbd") is None  # BTL has no sumber dana: only the Jumlah group holds the total
    assert t.keterangan[1:] == [
        (
            "Total anggaran Kecamatan Walantaka sebesar Rp 28.846.929.951: anggaran belanja tidak langsung (BTL) "
            "sebesar Rp 9.633.391.315 dan anggaran belanja langsung (BL) sebesar Rp 19.213.538.636."
        ),
        (
            "Realisasi anggaran belanja total sebesar Rp 27.778.988.346 atau 96,30 %; saldo pagu anggaran sebesar "
            "Rp 1.067.941.605 atau 3,70 %."
        ),
        (
            "Saldo pagu belanja langsung yang tidak terserap terdiri dari pagu anggaran 14 kelurahan sebesar "
            "Rp 17.442.927.972 dengan efisiensi Rp 183.950.329; pagu anggaran kecamatan sebesar Rp 1.770.610.664 "
            "dengan efisiensi Rp 23.469.163."
        ),
        (
            "Pagu anggaran BTL tidak terserap sebesar Rp 860.522.113: tidak terpenuhinya formasi pegawai pada "
            "kelurahan sesuai perencanaan."
        ),
    ]


def _uraian_unit(t, teks):
    return next(b for b in t.baris if b.sel.get("unit") == teks)


# --------------------------------------------------------------------------- the three renderers
_ANGKA = {
    "lkjip-rekap": ["19.213.538.636", "19.006.119.144", "98,92", "10.188.581.520", "9.608.928.553", "94,31"],
    "lkjip-2.2": ["2.872.149.185"],
    "lkjip-1.1": ["391"],
    "lkjip-3.1": ["119,16", "166,67"],
    "lkjip-keuangan": ["17.442.927.972", "183.950.329", "28.846.929.951", "27.778.988.346", "96,30"],
}


@pytest.mark.parametrize("slug", sorted(_ANGKA))
def test_html_and_pdf_show_the_figures(walantaka_db, slug):
    import lkjip.reports  # noqa: F401  (registers the slugs until MODUL_LAPORAN names lkjip.reports)

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) tidak terpasang")
    lap = registry.laporan(slug)
    html = hasilkan(lap, walantaka_db, 2020, "html").isi.decode()
    pdf = hasilkan(lap, walantaka_db, 2020, "pdf").isi
    teks = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    for angka in _ANGKA[slug]:
        assert angka in html, angka
        assert angka in teks, angka


@pytest.mark.parametrize("slug", sorted(_ANGKA))
def test_xlsx_holds_the_figures_as_numbers(walantaka_db, slug):
    import lkjip.reports  # noqa: F401

    isi = hasilkan(registry.laporan(slug), walantaka_db, 2020, "xlsx").isi
    ws = load_workbook(io.BytesIO(isi)).active
    nilai = set()
    for row in ws.iter_rows(values_only=True):
        for v in row:
            if isinstance(v, int | float | Decimal):
                nilai.add(D(str(v)).quantize(D("0.01"), rounding=ROUND_HALF_UP))
    for angka in _ANGKA[slug]:
        d = D(angka.replace(".", "").replace(",", "."))
        assert any(abs(v - d) < D("0.006") for v in nilai), angka


def test_lampiran_partial_draws_fractions_and_charts(walantaka_db):
    from django.template.loader import render_to_string

    t = lkjip_tabel_3_1(walantaka_db, 2020)
    html = render_to_string(t.templat_lampiran, {"tabel": t})
    assert '<span class="atas">Jumlah kelurahan berkembang</span>' in html
    assert "<svg" in html and "166,67 %" in html
    doc = render_dokumen(registry.laporan("lkjip-3.1"), walantaka_db, 2020, t, Opsi())
    assert "Tabel 3.1 Pengukuran Sasaran Strategis Tahun 2020" in doc
