"""Test data for the LKjIP reports, built in code."""

from __future__ import annotations

from decimal import Decimal

from lkjip.models import IndikatorSasaran, NarasiProgram, Pegawai, Sasaran
from renja.models import Anggaran, Belanja, Indikator, Nomenklatur
from wilayah.models import Kecamatan, Kelurahan, Kota

D = Decimal


def kota() -> Kota:
    return Kota.objects.get_or_create(kode="36.73", defaults={"nama": "Kota Serang"})[0]


def kecamatan(kode: str = "36.73.09", nama: str = "Uji") -> Kecamatan:
    return Kecamatan.objects.create(kota=kota(), kode=kode, nama=nama)


def kelurahan(kec: Kecamatan, i: int, rt_rw: int | None = 10) -> Kelurahan:
    return Kelurahan.objects.create(
        kecamatan=kec, kode=f"{kec.kode}.{1000 + i}", nama=f"Kel {i}", jumlah_rt_rw=rt_rw
    )


def program(kode: str, kelompok: str = "NON URUSAN", uraian: str | None = None) -> Nomenklatur:
    return Nomenklatur.objects.create(
        kode=kode, tingkat="program", uraian=uraian or f"PROGRAM {kode}", kelompok=kelompok
    )


def kegiatan(induk: Nomenklatur, no: int) -> Nomenklatur:
    return Nomenklatur.objects.create(
        kode=f"{induk.kode}.{no:03d}", tingkat="kegiatan", uraian=f"Kegiatan {no}", induk=induk
    )


def anggaran(kec, node, tahun, pagu, realisasi=None, kel=None, sumber_dana="APBD", **tw) -> Anggaran:
    return Anggaran.objects.create(
        kecamatan=kec,
        nomenklatur=node,
        tahun=tahun,
        kelurahan=kel,
        sumber_dana=sumber_dana,
        pagu=None if pagu is None else D(pagu),
        realisasi=None if realisasi is None else D(realisasi),
        **tw,
    )


def indikator(kec, node, tahun, uraian, target, realisasi=None, urutan=1, **lain) -> Indikator:
    return Indikator.objects.create(
        kecamatan=kec,
        nomenklatur=node,
        tahun=tahun,
        uraian=uraian,
        target=target,
        realisasi=realisasi,
        urutan=urutan,
        **lain,
    )


def sasaran(kec, tahun, uraian, indikator_: list[dict], urutan=1) -> Sasaran:
    s = Sasaran.objects.create(kecamatan=kec, tahun=tahun, uraian=uraian, urutan=urutan)
    for i, d in enumerate(indikator_, start=1):
        IndikatorSasaran.objects.create(sasaran=s, urutan=i, **d)
    return s


def narasi(kec, tahun, prog, **teks) -> NarasiProgram:
    return NarasiProgram.objects.create(kecamatan=kec, tahun=tahun, nomenklatur=prog, **teks)


def dataset(kali: int = 1, kode: str = "36.73.09") -> Kecamatan:
    """A kecamatan with 2×kali programs in two kelompok, 3 kegiatan each, two years of anggaran and indicators,
    sasaran, kelurahan and narratives: the size grows with ``kali``, the shape stays the same."""
    kec = kecamatan(kode, f"Uji {kode}")
    kel = [kelurahan(kec, i) for i in range(1, 2 + 2 * kali)]
    for i, k in enumerate([None, *kel]):  # belanja tidak langsung: the kantor and every kelurahan
        Belanja.objects.create(
            tahun=2020, kecamatan=kec, jenis="belanja pegawai", kelurahan=k, pagu=500 + i, realisasi=400
        )
    for p in range(2 * kali):
        prog = program(f"{kode[-2:]}{p:02d}.{p:02d}", "NON URUSAN" if p % 2 else "URUSAN KEWILAYAHAN")
        narasi(kec, 2020, prog, keberhasilan="Berhasil", hambatan="Hambatan", saran="Saran")
        for tahun in (2019, 2020):
            indikator(kec, prog, tahun, "Outcome A", "80", "80")
            indikator(kec, prog, tahun, "Outcome B", "B", "BB", urutan=2)
        for k in range(1, 4):
            keg = kegiatan(prog, k)
            for tahun in (2019, 2020):
                anggaran(
                    kec,
                    keg,
                    tahun,
                    1000 * k,
                    900 * k,
                    kel=kel[k % len(kel)],
                    sumber_dana="APBD" if k % 2 else "DAU-T",
                )
                indikator(kec, keg, tahun, "Output", "12", "12")
                indikator(
                    kec,
                    keg,
                    tahun,
                    "Output 2",
                    "10",
                    None,
                    urutan=2,
                    sifat="akhir",
                    realisasi_tw1="4",
                    realisasi_tw2="8",
                )
    for s in range(kali):
        sasaran(
            kec,
            2020,
            f"Sasaran {s}",
            [
                {
                    "uraian": "IKM",
                    "satuan": "%",
                    "target": "75",
                    "realisasi": "77.44",
                    "formula": "A / B × 100 %",
                },
                {"uraian": "Nilai", "target": "CC", "realisasi": "B"},
            ],
            urutan=s,
        )
    pegawai(kec, 2020, kel, kali)
    return kec


def pegawai(kec: Kecamatan, tahun: int, kel: list[Kelurahan], kali: int = 1) -> list[Pegawai]:
    """A camat, a sekretaris, two kasi and, per kelurahan, a lurah and ``kali`` kasi (some without data)."""
    daftar = [
        ("Camat", "IV/b", "S2", "III.a", None),
        ("Sekretaris Camat", "IV/a", "S2", "III.b", None),
        ("Kasubag Umum", "III/c", "S1", "IV.b", None),
        ("Kepala Seksi Pemerintahan", "III/d", "", "IV.a", None),
    ]
    for k in kel:
        daftar.append((f"Lurah {k.nama}", "III/c", "S1", "IV.a", k))
        daftar += [(f"Kasi Kesos Kelurahan {k.nama}", "III/a", "D3", "IV.b", k)] * kali
    daftar.append(("Pelaksana", "", "", "", None))
    return [
        Pegawai.objects.create(
            tahun=tahun,
            kecamatan=kec,
            nama=f"Pegawai {i}",
            nip=f"19800101 200501 1 {i:03d}",
            jabatan=jabatan,
            pangkat_golongan=gol,
            pendidikan=pend,
            eselon=eselon,
            kelurahan=k,
            urutan=i,
        )
        for i, (jabatan, gol, pend, eselon, k) in enumerate(daftar, start=1)
    ]
