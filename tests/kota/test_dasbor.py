"""The kecamatan dashboard on /kecamatan/<kode>/<tahun>/ and the pemeriksaan data it lists."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.laporan import registry
from dokumen.dasbor import dasbor_kecamatan
from renja.models import Tingkat
from renja.pemeriksaan import pemeriksaan_data

from .. import factories as f
from ..conftest import data_modul

pytestmark = pytest.mark.django_db


def _data_salah(kec):
    prog = f.nomenklatur("9.91.01", "PROGRAM UJI", Tingkat.PROGRAM)
    keg = f.nomenklatur("9.91.01.2.01", "Kegiatan uji", Tingkat.KEGIATAN, prog)
    lebih = f.anggaran(kec, keg, 2022, 1000, None, tw=(600, 600, None, None))
    beda = f.anggaran(kec, keg, 2022, 5000, 900, tw=(100, 200, None, None), sumber_dana="DAU-T")
    beres = f.anggaran(kec, prog, 2022, 5000, None, tw=(100, 200, 300, 400))
    kosong = f.indikator(kec, keg, 2022, "Belum diisi", 10, None, urutan=1)
    tinggi = f.indikator(kec, keg, 2022, "Terlalu tinggi", 10, None, tw=(20, None, None, None), urutan=2)
    nol = f.indikator(kec, prog, 2022, "Target nol", 0, 5, urutan=3)
    wajar = f.indikator(kec, prog, 2022, "Wajar", 10, None, tw=(3, 4, None, None), urutan=4)
    return {
        "lebih": lebih,
        "beda": beda,
        "beres": beres,
        "kosong": kosong,
        "tinggi": tinggi,
        "nol": nol,
        "wajar": wajar,
    }


def test_pemeriksaan_menemukan_setiap_jenis_dengan_tautan_ke_barisnya(kec):
    d = _data_salah(kec)
    temuan = pemeriksaan_data(kec, 2022)
    per_jenis = {(t.jenis, t.tautan.rsplit("#", 1)[1]) for t in temuan}
    assert per_jenis == {
        ("melebihi_pagu", f"a{d['lebih'].pk}"),
        ("triwulan_tidak_sama", f"a{d['beda'].pk}"),
        # the program's own APBD line states 5.000 over its kegiatan's APBD line of 1.000
        ("total_tidak_sama", f"a{d['beres'].pk}"),
        ("indikator_kosong", f"i{d['kosong'].pk}"),
        ("capaian_tinggi", f"i{d['tinggi'].pk}"),
        ("target_nol", f"i{d['nol'].pk}"),
    }
    t = next(t for t in temuan if t.jenis == "melebihi_pagu")
    assert t.tautan.startswith(f"/kecamatan/{kec.kode}/2022/realisasi/#")
    assert t.pesan == "Realisasi Rp 1.200 melebihi pagu Rp 1.000 sebesar Rp 200."
    assert "200,00 %" in next(t for t in temuan if t.jenis == "capaian_tinggi").pesan
    assert [t.jenis for t in temuan] == sorted(
        (t.jenis for t in temuan),
        key=[
            "melebihi_pagu",
            "triwulan_tidak_sama",
            "total_tidak_sama",
            "target_nol",
            "capaian_tinggi",
            "indikator_kosong",
        ].index,
    )


def test_dasbor_tampil_di_halaman_kecamatan_dengan_angka_laporan(kec, klien):
    _data_salah(kec)
    d = dasbor_kecamatan(kec, 2022)
    rekap = registry.laporan("lkjip-rekap").bangun(kec, 2022)
    total = rekap.cari(uraian="Jumlah anggaran dan realisasi seluruh program")
    assert (d.pagu, d.realisasi, d.serapan) == (total.get("rp_t1"), total.get("rp_r1"), total.get("rp_c1"))
    assert d.pagu == Decimal(11000)
    # cumulative per triwulan: (600+100+100), +(600+200+200), +300, +400
    assert [t.kumulatif for t in d.triwulan] == [Decimal(800), Decimal(1800), Decimal(2100), Decimal(2500)]
    assert d.triwulan[3].kumulatif == d.realisasi
    assert [t.rencana for t in d.triwulan] == [Decimal(2750), Decimal(5500), Decimal(8250), Decimal(11000)]
    html = klien("camat").get(f"/kecamatan/{kec.kode}/2022/").content.decode()
    assert "Pemeriksaan data" in html and "6 temuan" in html
    assert "Rp 11.000" in html and "Realisasi melebihi pagu (1)" in html
    assert f'href="/kecamatan/{kec.kode}/2022/realisasi/#a' in html
    assert "Laporan" in html and "lkjip-rekap" in html  # the report list stays


def _kecil_besar():
    kecil = f.kecamatan("36.73.01", "Serang")
    besar = f.kecamatan("36.73.02", "Cipocok Jaya")
    f.data_renja(kecil, 1, awalan="7.01")
    f.data_renja(besar, 6, awalan="7.02")
    return kecil, besar


@pytest.fixture(scope="module")
def kecil_besar(django_db_setup, django_db_blocker):
    yield from data_modul(django_db_blocker, _kecil_besar)


def test_halaman_kecamatan_jumlah_query_tetap(client, kecil_besar, bappeda, django_assert_max_num_queries):
    client.force_login(bappeda)
    hitung = []
    for kec in kecil_besar:
        with CaptureQueriesContext(connection) as q, django_assert_max_num_queries(14):
            r = client.get(f"/kecamatan/{kec.kode}/2022/")
        assert r.status_code == 200 and "Per program" in r.content.decode()
        hitung.append(len(q))
    assert hitung[0] == hitung[1]


def test_camat_melihat_pemeriksaan_sebelum_setujui(kec, camat, client):
    from dokumen.models import Dokumen, StatusDokumen

    _data_salah(kec)
    Dokumen.objects.create(kecamatan=kec, tahun=2022, jenis="lkjip", status=StatusDokumen.DIAJUKAN)
    client.force_login(camat)
    html = client.get(f"/kecamatan/{kec.kode}/2022/dokumen/lkjip/").content.decode()
    assert "Pemeriksaan data 2022 sebelum disetujui" in html
    assert "Realisasi melebihi pagu 1" in html and "Indikator tanpa realisasi 1" in html
    assert html.index("sebelum disetujui") < html.index("Setujui dan tanda tangani")
    assert f'href="/kecamatan/{kec.kode}/2022/#pemeriksaan"' in html
