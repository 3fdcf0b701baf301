"""Builder tests of the smaller LKjIP tables (1.1, 2.1, 2.2, 3.1, keuangan) on data built in code."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lkjip.reports import lkjip_keuangan, lkjip_tabel_1_1, lkjip_tabel_2_1, lkjip_tabel_2_2, lkjip_tabel_3_1
from lkjip.reports._umum import pecah_formula

from . import factories as f

pytestmark = pytest.mark.django_db
D = Decimal


def test_tabel_1_1_total_skips_unknown():
    kec = f.kecamatan()
    f.kelurahan(kec, 1, 16)
    f.kelurahan(kec, 2, None)
    f.kelurahan(kec, 3, 20)
    t = lkjip_tabel_1_1(kec, 2020)
    assert [b.sel["rt_rw"] for b in t.baris] == [D(16), None, D(20), D(36)]
    assert t.baris[-1].jenis == "total"


def test_tabel_2_1_sasaran_shown_once_per_group():
    kec = f.kecamatan()
    f.sasaran(kec, 2020, "Sasaran A", [{"uraian": "I1", "target": "75"}, {"uraian": "I2", "target": "CC"}])
    f.sasaran(kec, 2020, "Sasaran B", [], urutan=2)
    f.sasaran(kec, 2019, "Tahun lain", [{"uraian": "X", "target": "1"}])
    t = lkjip_tabel_2_1(kec, 2020)
    assert [(b.sel.get("no"), b.sel.get("sasaran"), b.sel.get("indikator")) for b in t.baris] == [
        ("1", "Sasaran A", "I1"),
        (None, None, "I2"),
        ("2", "Sasaran B", None),
    ]


def test_tabel_2_2_program_sum_and_kegiatan_without_pagu():
    kec = f.kecamatan()
    p = f.program("9.01")
    k1, k2, k3 = f.kegiatan(p, 1), f.kegiatan(p, 2), f.kegiatan(p, 3)
    kel = f.kelurahan(kec, 1)
    f.anggaran(kec, k1, 2020, 100)
    f.anggaran(kec, k1, 2020, 50, kel=kel, sumber_dana="DAU-T")  # two lines of one kegiatan
    f.anggaran(kec, k2, 2020, 25)
    f.indikator(kec, k3, 2020, "Forum", "0")  # planned, no pagu
    f.anggaran(kec, k2, 2019, 999)  # other year
    t = lkjip_tabel_2_2(kec, 2020)
    assert [(b.jenis, b.sel.get("pagu")) for b in t.baris] == [
        ("program", D(175)),
        ("kegiatan", D(150)),
        ("kegiatan", D(25)),
        ("kegiatan", None),
        ("total", D(175)),
    ]


def test_tabel_3_1_grades_negative_and_missing_realisasi():
    kec = f.kecamatan()
    f.sasaran(
        kec,
        2020,
        "S",
        [
            {"uraian": "Nilai SAKIP", "target": "B", "realisasi": "BB"},
            {
                "uraian": "Kemiskinan",
                "target": "10",
                "realisasi": "12",
                "polaritas": "negatif",
                "formula": "Jumlah penduduk miskin / Jumlah penduduk × 100 %",
            },
            {"uraian": "Belum diukur", "target": "5"},
        ],
    )
    t = lkjip_tabel_3_1(kec, 2020)
    c = [b.sel["capaian"] for b in t.baris]
    assert c[0] == D(75) / D(65) * 100 and c[1] == D(80) and c[2] is None
    assert c[3] == (c[0] + c[1]) / 2  # mean of the indicators that have a capaian
    assert t.baris[1].sel["predikat"] == "Tinggi"
    r = t.rumus[1]
    assert (r.pembilang, r.penyebut, r.hitung_pembilang, r.hitung_penyebut) == (
        "Jumlah penduduk miskin",
        "Jumlah penduduk",
        "(2 × 10 − 12)",
        "10",
    )
    assert t.rumus[0].hitung_pembilang == "BB (75)"
    assert any("Jumlah penduduk miskin / Jumlah penduduk" in k for k in t.keterangan)


@pytest.mark.parametrize(
    "teks, hasil",
    [
        ("Jumlah A / Jumlah B × 100 %", ("Jumlah A", "Jumlah B", "× 100 %")),
        ("Jumlah A / Jumlah B x 100%", ("Jumlah A", "Jumlah B", "× 100 %")),
        ("A / B", ("A", "B", "")),
        ("Capaian sesuai target/rencana", ("Capaian sesuai target/rencana", "", "")),
        ("Skor hasil evaluasi", ("Skor hasil evaluasi", "", "")),
        ("", ("", "", "")),
    ],
)
def test_pecah_formula(teks, hasil):
    assert pecah_formula(teks) == hasil


def test_keuangan_by_sumber_dana_and_unit():
    kec = f.kecamatan()
    k1 = f.kelurahan(kec, 1)
    f.kelurahan(kec, 2)
    keg = f.kegiatan(f.program("9.01"), 1)
    keg2 = f.kegiatan(f.program("9.02"), 1)
    f.anggaran(kec, keg, 2020, 1000, 900, kel=k1)
    f.anggaran(kec, keg, 2020, 500, None, kel=k1, sumber_dana="DAU-T")  # nothing spent yet: sisa = pagu
    f.anggaran(kec, keg2, 2020, 300, 300)  # kantor kecamatan
    t = lkjip_keuangan(kec, 2020)
    rows = {b.sel["unit"]: b.sel for b in t.baris}
    a = rows["Kelurahan Kel 1"]
    assert (a["p_apbd"], a["s_apbd"], a["p_dau_t"], a["s_dau_t"], a["p_jumlah"], a["r_jumlah"]) == (
        D(1000),
        D(100),
        D(500),
        D(500),
        D(1500),
        D(900),
    )
    assert rows["Kelurahan Kel 2"]["p_jumlah"] is None
    assert rows["Jumlah 2 kelurahan"]["s_jumlah"] == D(600)
    total = rows["Jumlah Kecamatan Uji"]
    assert (total["p_jumlah"], total["r_jumlah"], total["c_jumlah"]) == (
        D(1800),
        D(1200),
        D(1200) / D(1800) * 100,
    )
    assert [k.judul for k in t.kepala[2:]] == [
        "Sumber dana APBD",
        "Sumber dana DAU-T",
        "Jumlah semua sumber dana",
    ]


def test_keuangan_single_sumber_dana_has_no_jumlah_group():
    kec = f.kecamatan()
    f.anggaran(kec, f.kegiatan(f.program("9.01"), 1), 2020, 10, 5)
    t = lkjip_keuangan(kec, 2020)
    assert [k.judul for k in t.kepala[2:]] == ["Sumber dana APBD"]


def test_keuangan_btl_unknown_is_never_summed_as_zero():
    from renja.models import Belanja

    kec = f.kecamatan()
    k1 = f.kelurahan(kec, 1)
    f.anggaran(kec, f.kegiatan(f.program("9.01"), 1), 2020, 1000, 900, kel=k1)
    Belanja.objects.create(tahun=2020, kecamatan=kec, jenis="belanja pegawai", pagu=500, realisasi=None)
    Belanja.objects.create(tahun=2020, kecamatan=kec, jenis="belanja pegawai", kelurahan=k1, pagu=None)
    t = lkjip_keuangan(kec, 2020)
    rows = {b.sel["unit"]: b for b in t.baris}
    assert [k.judul for k in t.kepala[2:]] == ["Sumber dana APBD", "Jumlah semua sumber dana"]
    pegawai = rows["Belanja tidak langsung: belanja pegawai"]
    assert (pegawai.get("p_jumlah"), pegawai.get("r_jumlah"), pegawai.get("c_jumlah")) == (D(500), None, None)
    assert pegawai.tanda == {"r_jumlah": "tidak diketahui"}
    btl = rows["Jumlah belanja tidak langsung"]
    assert btl.get("p_jumlah") == D(500) and btl.get("s_jumlah") is None
    assert btl.tanda == {"p_jumlah": "belum lengkap", "r_jumlah": "belum lengkap"}
    total = rows["Jumlah Kecamatan Uji"]
    assert (
        total.get("p_jumlah") == D(1500) and total.get("c_jumlah") is None and total.get("s_jumlah") is None
    )
    assert total.tanda == {"p_jumlah": "belum lengkap", "r_jumlah": "belum lengkap"}
    assert rows["Jumlah belanja langsung"].get("p_jumlah") == D(1000)
    teks = " ".join(t.keterangan)
    assert (
        "Belum lengkap: realisasi belanja pegawai, pagu belanja pegawai (Kelurahan Kel 1), realisasi belanja "
        "pegawai (Kelurahan Kel 1) tidak diketahui; jumlah yang memuatnya hanya menjumlahkan nilai yang "
        "tercatat dan bukan jumlah akhir."
    ) in t.keterangan
    assert (
        "Total anggaran" not in teks and "Realisasi anggaran belanja total" not in teks
    )  # never stated as final


def test_keuangan_without_btl_is_as_before():
    kec = f.kecamatan()
    f.anggaran(kec, f.kegiatan(f.program("9.01"), 1), 2020, 10, 5)
    t = lkjip_keuangan(kec, 2020)
    assert "Jumlah belanja langsung" not in [b.sel["unit"] for b in t.baris]
    assert t.keterangan == [
        (
            "% = realisasi / pagu × 100; sisa = pagu − realisasi. Jumlah dihitung dari baris anggaran kegiatan "
            "(belanja langsung)."
        )
    ]
