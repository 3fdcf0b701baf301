"""Renja Tabel 2.4: both halves, headings with sums, totals and the amount in words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from renja.reports.tabel_2_4 import kalimat_pengajuan, renja_tabel_2_4

from .. import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(kec):
    kel = f.kelurahan(kec, "Sumur Pecung")
    prog = f.nomenklatur("7.01.01", "PROGRAM PENUNJANG URUSAN", tingkat="program")
    keg = f.nomenklatur(
        "7.01.01.2.01", "Administrasi Umum Kelurahan Sumur Pecung", tingkat="kegiatan", induk=prog
    )
    sub1 = f.nomenklatur(
        "7.01.01.2.01.0001", "Penyediaan Komponen Instalasi Listrik", tingkat="sub_kegiatan", induk=keg
    )
    sub2 = f.nomenklatur(
        "7.01.01.2.01.0002", "Penyediaan Peralatan Kantor", tingkat="sub_kegiatan", induk=keg
    )
    f.rkpd(
        kec,
        sub1,
        2022,
        indikator_="Jumlah bulan",
        kelurahan_=kel,
        target_rancangan="12 bulan",
        pagu_rancangan="1.500.000",
        target_kebutuhan="12 bulan",
        pagu_kebutuhan="1.500.000",
        urutan=1,
    )
    f.rkpd(
        kec,
        sub2,
        2022,
        indikator_="Jumlah bulan ATK",
        kelurahan_=kel,
        target_rancangan="12 bulan",
        pagu_rancangan="5.000.000",
        target_kebutuhan="12 bulan",
        pagu_kebutuhan="5.500.000",
        catatan="Kenaikan harga ATK",
        urutan=2,
    )
    f.rkpd(
        kec,
        sub2,
        2022,
        indikator_="Jumlah rim kertas",
        target_rancangan="40 rim",
        pagu_rancangan=None,
        target_kebutuhan="40 rim",
        pagu_kebutuhan="2.000.000",
        urutan=3,
    )
    f.rkpd(kec, keg, 2022, urutan=0)  # a heading placeholder (nothing but the node): the tree prints it
    return {"prog": prog, "keg": keg, "sub1": sub1, "sub2": sub2}


def test_dua_sisi_dan_catatan(kec, data):
    tabel = renja_tabel_2_4(kec, 2022)
    baris = tabel.cari(indikator_rancangan="Jumlah bulan ATK")
    assert baris.jenis == "sub_kegiatan" and baris.sel["uraian_rancangan"] == "Penyediaan Peralatan Kantor"
    assert baris.sel["lokasi_rancangan"] == baris.sel["lokasi_kebutuhan"] == "Sumur Pecung"
    assert baris.sel["pagu_rancangan"] == Decimal(5000000)
    assert baris.sel["pagu_kebutuhan"] == Decimal(5500000)
    assert baris.sel["catatan"] == "Kenaikan harga ATK"
    rim = tabel.cari(indikator_rancangan="Jumlah rim kertas")
    assert rim.sel["uraian_kebutuhan"] == "Penyediaan Peralatan Kantor"
    # a line without a kelurahan is the whole kota, printed as the seed does ("Kota Serang")
    assert rim.sel["lokasi_rancangan"] == rim.sel["lokasi_kebutuhan"] == "Kota Serang"
    assert rim.sel["pagu_rancangan"] is None  # not known: "-", not 0


def test_kegiatan_dipecah_per_kelurahan_dengan_subtotal(kec, data):
    """The kota-wide line and the kelurahan's lines of one kegiatan are separate blocks, each with its own
    heading and subtotal, in the order of the lines (the seed's "… Kelurahan Cipare" blocks)."""
    tabel = renja_tabel_2_4(kec, 2022)
    ringkas = [
        (b.jenis, b.sel.get("no"), b.sel.get("uraian_rancangan"), b.sel.get("lokasi_rancangan"))
        for b in tabel.baris
    ]
    assert ringkas[:6] == [
        ("program", "1", "PROGRAM PENUNJANG URUSAN", None),
        ("kegiatan", "1.1", "Administrasi Umum Kelurahan Sumur Pecung", None),
        ("sub_kegiatan", "1.1.1", "Penyediaan Peralatan Kantor", "Kota Serang"),
        ("kegiatan", "1.2", "Administrasi Umum Kelurahan Sumur Pecung", None),
        ("sub_kegiatan", "1.2.1", "Penyediaan Komponen Instalasi Listrik", "Sumur Pecung"),
        ("sub_kegiatan", "1.2.2", "Penyediaan Peralatan Kantor", "Sumur Pecung"),
    ]
    prog, kota, kel = tabel.baris[0], tabel.baris[1], tabel.baris[3]
    assert (kota.sel["pagu_rancangan"], kota.sel["pagu_kebutuhan"]) == (None, Decimal(2000000))
    assert (kel.sel["pagu_rancangan"], kel.sel["pagu_kebutuhan"]) == (Decimal(6500000), Decimal(7000000))
    assert prog.sel["pagu_rancangan"] == Decimal(6500000)
    assert prog.sel["pagu_kebutuhan"] == Decimal(9000000)
    assert tabel.baris[2].induk == tabel.baris[5].induk == prog.id


def test_total_dan_terbilang(kec, data):
    tabel = renja_tabel_2_4(kec, 2022)
    total = next(b for b in tabel.baris if b.jenis == "total")
    assert total.sel["pagu_rancangan"] == Decimal(6500000)
    assert total.sel["pagu_kebutuhan"] == Decimal(9000000)
    assert tabel.baris[-1].jenis == "catatan"
    assert tabel.baris[-1].teks == (
        "Berdasarkan hasil analisis kebutuhan, pengajuan sebesar Rp 9.000.000 (sembilan juta rupiah)."
    )


def test_terbilang_membulatkan_seperti_angkanya():
    assert "Rp 1.001 (seribu satu rupiah)" in kalimat_pengajuan(Decimal("1000.50"))


def test_tahun_tanpa_review(kec, data):
    tabel = renja_tabel_2_4(kec, 2023)
    assert [b.jenis for b in tabel.baris] == ["total"]
    assert tabel.baris[0].sel["pagu_kebutuhan"] is None


def test_kepala(kec, data):
    tabel = renja_tabel_2_4(kec, 2022)
    assert [kp.judul for kp in tabel.kepala] == [
        "No",
        "Rancangan Awal RKPD",
        "Hasil Analisis Kebutuhan",
        "Catatan Penting",
    ]
    assert len(tabel.kolom) == 12
    assert [k.nomor for k in tabel.kolom[1:6]] == ["(2)", "(3)", "(4)", "(5)", "(6)"]


def test_pagu_tak_diketahui_menandai_jumlah_belum_lengkap(kec, data):
    """The "40 rim" line states a rancangan target but no rancangan pagu: unknown, not 0. Its sums are marked;
    the complete kebutuhan side keeps its sentence."""
    tabel = renja_tabel_2_4(kec, 2022)
    rim = tabel.cari(indikator_rancangan="Jumlah rim kertas")
    assert rim.tanda == {"pagu_rancangan": "tidak diketahui"}
    total = next(b for b in tabel.baris if b.jenis == "total")
    assert total.tanda == {"pagu_rancangan": "belum lengkap"}
    assert tabel.baris[0].tanda == tabel.baris[1].tanda == {"pagu_rancangan": "belum lengkap"}
    assert tabel.baris[3].tanda == {}  # the kelurahan's block knows all its pagu
    assert tabel.cari(indikator_rancangan="Jumlah bulan").tanda == {}
    assert "pengajuan sebesar Rp 9.000.000" in tabel.baris[-1].teks
    assert any("Penyediaan Peralatan Kantor" in k and "rancangan" in k for k in tabel.keterangan)


def test_pagu_kebutuhan_tak_diketahui_tidak_dinyatakan_sebagai_total(kec, data):
    f.rkpd(
        kec,
        data["sub1"],
        2022,
        indikator_="Jumlah bulan gaji",
        target_rancangan="12 bulan",
        pagu_rancangan="10.000.000",
        target_kebutuhan="12 bulan",
        pagu_kebutuhan=None,
        urutan=4,
    )
    tabel = renja_tabel_2_4(kec, 2022)
    total = next(b for b in tabel.baris if b.jenis == "total")
    assert total.sel["pagu_kebutuhan"] == Decimal(9000000)
    assert total.tanda["pagu_kebutuhan"] == "belum lengkap"
    kalimat = tabel.baris[-1].teks
    assert "9.000.000" not in kalimat and "belum dapat dinyatakan" in kalimat
