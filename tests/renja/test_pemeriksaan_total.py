"""Pemeriksaan data: a stated total that differs from the sum of its lines, and a grade where a number is
expected (issue 11). Each finding names its row; unknown figures never produce a difference."""

from __future__ import annotations

import pytest

from renja.models import Tingkat
from renja.pemeriksaan import pemeriksaan_data

from .. import factories as f

pytestmark = pytest.mark.django_db


def _pohon():
    prog = f.nomenklatur("9.92.01", "PROGRAM UJI", Tingkat.PROGRAM)
    keg = f.nomenklatur("9.92.01.2.01", "Kegiatan uji", Tingkat.KEGIATAN, prog)
    sub1 = f.nomenklatur("9.92.01.2.01.0001", "Sub satu", Tingkat.SUB_KEGIATAN, keg)
    sub2 = f.nomenklatur("9.92.01.2.01.0002", "Sub dua", Tingkat.SUB_KEGIATAN, keg)
    return prog, keg, sub1, sub2


def test_baris_kegiatan_tidak_sama_dengan_jumlah_sub_kegiatannya(kec):
    _, keg, sub1, sub2 = _pohon()
    induk = f.anggaran(kec, keg, 2022, 10_000)
    f.anggaran(kec, sub1, 2022, 4_000)
    f.anggaran(kec, sub2, 2022, 5_000)
    temuan = [t for t in pemeriksaan_data(kec, 2022) if t.jenis == "total_tidak_sama"]
    assert len(temuan) == 1
    t = temuan[0]
    assert t.kode == "9.92.01.2.01" and t.tautan.endswith(f"/realisasi/#a{induk.pk}")
    assert t.pesan == "Tertulis Rp 10.000, jumlah 2 baris di bawahnya Rp 9.000 (selisih Rp 1.000)."
    assert t.judul_jenis == "Jumlah tertulis tidak sama dengan jumlah rinciannya"


def test_jumlah_yang_cocok_lokasi_lain_atau_rincian_tak_diketahui_tidak_dilaporkan(kec):
    _, keg, sub1, sub2 = _pohon()
    kel = f.kelurahan(kec, "Cipare")
    f.anggaran(kec, keg, 2022, 9_000)
    f.anggaran(kec, sub1, 2022, 4_000)
    f.anggaran(kec, sub2, 2022, 5_000)
    # another lokasi: its own kegiatan line over an unknown sub kegiatan pagu says nothing
    f.anggaran(kec, keg, 2022, 7_000, kelurahan_=kel)
    f.anggaran(kec, sub1, 2022, None, kelurahan_=kel)
    f.anggaran(kec, sub2, 2022, 1_000, kelurahan_=kel)
    assert not [t for t in pemeriksaan_data(kec, 2022) if t.jenis == "total_tidak_sama"]


def test_rkpd_program_tertulis_tidak_sama_dengan_kegiatannya(kec):
    prog, keg, *_ = _pohon()
    keg2 = f.nomenklatur("9.92.01.2.02", "Kegiatan dua", Tingkat.KEGIATAN, prog)
    f.rkpd(kec, prog, 2022, pagu_rancangan=100, pagu_kebutuhan=150)
    f.rkpd(kec, keg, 2022, indikator_="A", pagu_rancangan=60, pagu_kebutuhan=70)
    f.rkpd(kec, keg, 2022, indikator_="B", pagu_rancangan=60, pagu_kebutuhan=70)  # the same node's pagu again
    f.rkpd(kec, keg2, 2022, pagu_rancangan=40, pagu_kebutuhan=90)
    temuan = [t for t in pemeriksaan_data(kec, 2022) if t.jenis == "total_tidak_sama"]
    assert [(t.kode, t.pesan) for t in temuan] == [
        ("9.92.01", "Tertulis Rp 150, jumlah 2 baris di bawahnya Rp 160 (selisih Rp -10).")
    ]
    assert temuan[0].tautan == f"/kecamatan/{kec.kode}/2022/laporan/renja-2.4/"


def test_predikat_di_tempat_angka(kec):
    prog, *_ = _pohon()
    campur = f.indikator(kec, prog, 2022, "Nilai SAKIP", 75, "BB", satuan="Nilai", urutan=1)
    f.indikator(
        kec, prog, 2022, "Predikat", "B", None, satuan="Predikat", tw=("BB", None, None, None), urutan=2
    )
    tw_campur = f.indikator(
        kec, prog, 2022, "IKM", 80, None, satuan="%", sifat="akhir", tw=(70, "A", None, None), urutan=3
    )
    temuan = [t for t in pemeriksaan_data(kec, 2022) if t.jenis == "jenis_nilai_campur"]
    assert {t.tautan.rsplit("#", 1)[1] for t in temuan} == {f"i{campur.pk}", f"i{tw_campur.pk}"}
    pesan = next(t.pesan for t in temuan if t.tautan.endswith(f"i{campur.pk}"))
    assert pesan.startswith("Target berupa angka (75), realisasi berupa predikat (BB)")
