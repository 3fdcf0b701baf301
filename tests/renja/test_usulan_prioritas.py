"""Renja Tabel 2.5 (usulan masyarakat) and the BAB IV tables (4.1 pendapatan, 4.2 unggulan/mendesak, 4.3 Renja
K/L and Renja PD Provinsi): rows, computed totals, unknown pagu never read as 0, constant query count."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.angka import parse_angka
from core.laporan import registry
from core.laporan.registry import Opsi
from core.laporan.render_html import render_tabel
from core.laporan.render_xlsx import render_xlsx
from renja.models import JenisPrioritas, Prioritas, Usulan
from renja.reports.usulan import (
    kalimat_tanpa_pendapatan,
    renja_tabel_2_5,
    renja_tabel_4_1,
    renja_tabel_kl,
    renja_tabel_mendesak,
    renja_tabel_provinsi,
    renja_tabel_unggulan,
)

from .. import factories as f

pytestmark = pytest.mark.django_db

SLUGS = (
    "renja-2.5",
    "renja-4.1",
    "renja-4.2-unggulan",
    "renja-4.2-mendesak",
    "renja-4.3-kl",
    "renja-4.3-provinsi",
)


def prioritas(kec, jenis, uraian, pagu=None, tahun=2022, **lain) -> Prioritas:
    urutan = Prioritas.objects.filter(kecamatan=kec, tahun=tahun).count() + 1
    return Prioritas.objects.create(
        kecamatan=kec,
        tahun=tahun,
        jenis=jenis,
        uraian=uraian,
        pagu=parse_angka(pagu),
        urutan=urutan,
        **lain,
    )


def usulan(kec, uraian, kelurahan=None, tahun=2022, **lain) -> Usulan:
    urutan = Usulan.objects.filter(kecamatan=kec, tahun=tahun).count() + 1
    return Usulan.objects.create(
        kecamatan=kec, tahun=tahun, uraian=uraian, kelurahan=kelurahan, urutan=urutan, **lain
    )


def test_tabel_2_5_per_kelurahan_dengan_lokasi_indikator_volume_catatan(kec):
    cipare = f.kelurahan(kec, "Cipare", kode="36.73.01.1001")
    kagungan = f.kelurahan(kec, "Kagungan", kode="36.73.01.1002")
    usulan(kec, "Pembangunan TPT", kagungan, indikator="Panjang TPT", volume="100 m", catatan="Rawan longsor")
    usulan(kec, "Rehab posyandu", cipare, indikator="Jumlah posyandu", volume="1 unit")
    usulan(kec, "Pelatihan UMKM", cipare)
    usulan(kec, "Forum kecamatan")
    usulan(kec, "Usulan tahun lain", cipare, tahun=2023)

    tabel = renja_tabel_2_5(kec, 2022)

    assert tabel.judul == [
        "Tabel 2.5",
        "Usulan Program/Kegiatan/Sub Kegiatan Kota Serang",
        "dari Para Pemangku Kepentingan Tahun 2022",
    ]
    assert [kp.judul for kp in tabel.kepala] == [
        "No",
        "Program/Kegiatan/ Sub Kegiatan",
        "Lokasi",
        "Indikator Kinerja",
        "saran/ Volume",
        "Catatan",
    ]
    assert [b.sel.get("uraian") for b in tabel.baris] == [
        "Kecamatan Serang",
        "Forum kecamatan",
        "Kelurahan Cipare",
        "Rehab posyandu",
        "Pelatihan UMKM",
        "Kelurahan Kagungan",
        "Pembangunan TPT",
    ]
    tpt = tabel.cari(uraian="Pembangunan TPT")
    assert tpt.sel == {
        "no": "4",
        "uraian": "Pembangunan TPT",
        "lokasi": "Kagungan",
        "indikator": "Panjang TPT",
        "volume": "100 m",
        "catatan": "Rawan longsor",
    }
    assert tabel.cari(uraian="Forum kecamatan").get("lokasi") == "Kecamatan Serang"
    assert tabel.cari(uraian="Pelatihan UMKM").get("volume") is None


def test_tabel_4_1_tanpa_pendapatan_kalimat_seed_dan_tabel_kosong(kec):
    prioritas(kec, JenisPrioritas.UNGGULAN, "Program lain")
    tabel = renja_tabel_4_1(kec, 2022)
    assert tabel.baris == []
    assert tabel.keterangan == [
        (
            "Kecamatan Serang merupakan perangkat daerah pada bidang kewilayahan dan bukan Organisasi Perangkat "
            "Daerah Penghasil. Maka tidak ada perkiraan pendapatan pada Kecamatan Serang"
        )
    ]
    assert kalimat_tanpa_pendapatan(kec) in tabel.keterangan
    assert [kp.judul for kp in tabel.kepala] == [
        "Kode",
        "Uraian Akun Pendapatan",
        "Target Penganggaran (Rp)",
        "Keterangan",
    ]
    assert tabel.judul == ["Tabel 4.1", "Rumusan Rencana Pendapatan Perangkat Daerah Tahun 2022"]


def test_tabel_4_1_dengan_pendapatan_jumlah_dihitung(kec):
    prioritas(kec, JenisPrioritas.PENDAPATAN, "Retribusi pelayanan", "1.500.000", kode_akun="4.1.02.01")
    prioritas(kec, JenisPrioritas.PENDAPATAN, "Retribusi parkir", "2.250.000,50", kode_akun="4.1.02.02")
    tabel = renja_tabel_4_1(kec, 2022)
    assert [b.get("kode") for b in tabel.baris[:2]] == ["4.1.02.01", "4.1.02.02"]
    total = tabel.baris[-1]
    assert total.jenis == "total" and total.get("pagu") == Decimal("3750000.50") and not total.tanda
    assert tabel.keterangan == []


def test_unggulan_pagu_tak_diketahui_tidak_dibaca_nol(kec):
    prioritas(kec, JenisPrioritas.UNGGULAN, "Pembangunan kampung tematik", "100.000.000", fokus="Kampung")
    prioritas(kec, JenisPrioritas.UNGGULAN, "Pengembangan Serang Smart City")
    prioritas(kec, JenisPrioritas.MENDESAK, "Penataan PKL", "5.000.000")
    tabel = renja_tabel_unggulan(kec, 2022)
    assert [kp.judul for kp in tabel.kepala] == [
        "Program Unggulan",
        "Indikasi/Fokus Kegiatan",
        "Pagu Indikatif (Rp)",
        "Keterangan",
    ]
    assert tabel.judul[1] == "Rumusan Rencana Indikasi Kegiatan/Sub Kegiatan pada Program Unggulan Tahun 2022"
    smart = tabel.cari(uraian="Pengembangan Serang Smart City")
    assert smart.get("pagu") is None and smart.tanda == {"pagu": "tidak diketahui"}
    total = tabel.baris[-1]
    assert total.get("pagu") == Decimal(100000000) and total.tanda == {"pagu": "belum lengkap"}
    assert "Pengembangan Serang Smart City" in tabel.keterangan[0]

    mendesak = renja_tabel_mendesak(kec, 2022)
    assert mendesak.kepala[0].judul == "Program Mendesak"
    assert [b.get("uraian") for b in mendesak.baris] == ["Penataan PKL", "JUMLAH"]
    assert mendesak.baris[-1].get("pagu") == Decimal(5000000)


def test_unggulan_tanpa_pagu_sama_sekali_jumlah_strip(kec):
    prioritas(kec, JenisPrioritas.UNGGULAN, "A")
    prioritas(kec, JenisPrioritas.UNGGULAN, "B")
    tabel = renja_tabel_unggulan(kec, 2022)
    assert tabel.baris[-1].get("pagu") is None  # printed "-", never 0
    assert all(not b.tanda for b in tabel.baris)
    html = render_tabel(tabel)
    assert "0</td>" not in html


def test_renja_kl_dan_provinsi_kolom_seed_dan_sumber_dana(kec):
    prog = f.nomenklatur("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN UMUM", tingkat="program")
    prioritas(
        kec,
        JenisPrioritas.KL,
        "Pembangunan jalan lingkungan",
        "750.000.000",
        indikator="Panjang jalan",
        satuan="km",
        target="2",
        instansi="Kementerian PUPR",
    )
    prioritas(kec, JenisPrioritas.PROVINSI, "Bantuan keuangan", "250.000.000", nomenklatur=prog)
    kl = renja_tabel_kl(kec, 2022)
    assert [kp.judul for kp in kl.kepala] == [
        "Bidang Urusan/Program/Kegiatan/Sub Kegiatan",
        "Kinerja",
        "Pagu Indikatif (Rp)",
        "Sumber Dana",
        "Instansi PJ (OPD Pemprov/Kementerian/Lembaga)",
    ]
    assert [k.judul for k in kl.kepala[1].kolom] == ["Indikator", "Satuan", "Target"]
    baris = kl.cari(uraian="Pembangunan jalan lingkungan")
    assert baris.get("sumber_dana") == "APBN" and baris.get("target") == "2"
    assert kl.baris[-1].get("pagu") == Decimal(750000000)
    assert kl.keterangan[0] == "Keterangan : Sumber Dana diisi dengan APBD Prov atau APBN"
    prov = renja_tabel_provinsi(kec, 2022)
    baris = prov.cari(uraian="7.01.02 Bantuan keuangan")
    assert baris.get("sumber_dana") == "APBD Prov"
    assert "APBD Prov pada Renja PD Provinsi Tahun 2022" in prov.judul[1]


def test_laporan_terdaftar_dan_dirender(kec):
    prioritas(kec, JenisPrioritas.UNGGULAN, '=HYPERLINK("x")', "1.000")
    for slug in SLUGS:
        lap = registry.laporan(slug)
        tabel = lap.bangun(kec, 2022)
        render_tabel(tabel)
        render_xlsx(lap, kec, 2022, tabel, Opsi())


def _isi(kec, n: int, awalan: str) -> None:
    kel = f.kelurahan(kec, f"Kel {awalan}")
    node = f.nomenklatur(f"{awalan}.01", f"PROGRAM {awalan}", tingkat="program")
    for i in range(n):
        usulan(kec, f"Usulan {i}", kel if i % 2 else None, nomenklatur=node)
        for jenis in JenisPrioritas.values:
            prioritas(
                kec, jenis, f"{jenis} {i}", 1000 * i or None, nomenklatur=node if jenis == "kl" else None
            )


@pytest.mark.parametrize("slug", SLUGS)
def test_jumlah_query_tetap(slug, django_assert_max_num_queries):
    kecil = f.kecamatan("36.73.01", "Serang")
    besar = f.kecamatan("36.73.02", "Cipocok Jaya")
    _isi(kecil, 2, "7.01")
    _isi(besar, 20, "7.02")
    lap = registry.laporan(slug)
    hitung = []
    for kec in (kecil, besar):
        with django_assert_max_num_queries(1), CaptureQueriesContext(connection) as q:
            tabel = lap.bangun(kec, 2022)
        hitung.append(len(q))
        assert tabel.baris
        with django_assert_max_num_queries(0):  # the renderers query nothing
            render_xlsx(lap, kec, 2022, tabel, Opsi())
            render_tabel(tabel)
    assert hitung[0] == hitung[1]


def test_admin_daftar_dan_riwayat_usulan_prioritas(client, bappeda, kec, kec_lain):
    a = usulan(kec, "Usulan Serang")
    usulan(kec_lain, "Usulan Walantaka")
    p = prioritas(kec, JenisPrioritas.UNGGULAN, "Program unggulan Serang", "1.000")
    client.force_login(bappeda)
    daftar = client.get("/admin/renja/usulan/")
    assert daftar.status_code == 200
    assert "Usulan Serang" in daftar.text and "Usulan Walantaka" in daftar.text
    assert client.get(f"/admin/renja/usulan/{a.pk}/history/").status_code == 200
    assert "Program unggulan Serang" in client.get("/admin/renja/prioritas/").text
    assert client.get(f"/admin/renja/prioritas/{p.pk}/change/").status_code == 200
