"""Small datasets built in code for the realisasi and access tests (two kecamatan, one program each)."""

from __future__ import annotations

from decimal import Decimal

from renja.models import Anggaran, Indikator, Nomenklatur
from wilayah.akun import pengguna_simpan
from wilayah.models import Kecamatan, Kelurahan, Kota, Peran

from .conftest import SANDI  # one password for every test user


def dua_kecamatan() -> dict:
    kota = Kota.objects.create(kode="36.73", nama="Kota Serang")
    a = Kecamatan.objects.create(
        kota=kota, kode="36.73.03", nama="Walantaka", nama_camat="Camat W", nip_camat="1"
    )
    b = Kecamatan.objects.create(kota=kota, kode="36.73.01", nama="Serang")
    kel = Kelurahan.objects.create(kecamatan=a, kode="36.73.03.1001", nama="Walantaka", jumlah_rt_rw=16)
    program = Nomenklatur.objects.create(
        kode="5001.04", tingkat="program", uraian="PROGRAM PELAYANAN ADMINISTRASI KELURAHAN"
    )
    kegiatan = Nomenklatur.objects.create(
        kode="5001.500105.04.043",
        tingkat="kegiatan",
        uraian="Operasional Pelayanan Kelurahan Walantaka",
        induk=program,
    )
    ang_a = Anggaran.objects.create(
        tahun=2020, kecamatan=a, nomenklatur=kegiatan, kelurahan=kel, pagu=Decimal(1000000)
    )
    ang_b = Anggaran.objects.create(tahun=2020, kecamatan=b, nomenklatur=kegiatan, pagu=Decimal(500000))
    ind_a = Indikator.objects.create(
        tahun=2020, kecamatan=a, nomenklatur=kegiatan, uraian="Bulan layanan", satuan="Bulan", target="12"
    )
    ind_prog = Indikator.objects.create(
        tahun=2020, kecamatan=a, nomenklatur=program, uraian="IKM", satuan="%", target="75", sifat="akhir"
    )
    users = {
        "operator_a": pengguna_simpan("operator_a", Peran.OPERATOR, a, password=SANDI),
        "camat_a": pengguna_simpan("camat_a", Peran.CAMAT, a, password=SANDI),
        "operator_b": pengguna_simpan("operator_b", Peran.OPERATOR, b, password=SANDI),
        "camat_b": pengguna_simpan("camat_b", Peran.CAMAT, b, password=SANDI),
        "bappeda": pengguna_simpan("bappeda", Peran.BAPPEDA, password=SANDI),
        "pimpinan": pengguna_simpan("pimpinan", Peran.PIMPINAN, password=SANDI),
    }
    return {
        "kota": kota,
        "a": a,
        "b": b,
        "kel": kel,
        "program": program,
        "kegiatan": kegiatan,
        "ang_a": ang_a,
        "ang_b": ang_b,
        "ind_a": ind_a,
        "ind_prog": ind_prog,
        "users": users,
    }
