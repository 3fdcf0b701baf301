"""Plain functions that create test rows (Kota, Kecamatan, Kelurahan, Nomenklatur, Anggaran, Indikator, …).

Every function takes the fields that matter for a test as keyword arguments and fills the rest with
defaults; numbers may be given as ``int``/``str``/``Decimal`` (read with :func:`core.angka.parse_angka`).
"""

from __future__ import annotations

from decimal import Decimal
from itertools import count

from core.angka import parse_angka
from renja.models import Anggaran, Indikator, Nomenklatur, RenstraTarget, RkpdReview, Tingkat
from wilayah.models import Kecamatan, Kelurahan, Kota

_n = count(1)


def _uang(v: object) -> Decimal | None:
    return parse_angka(v)


def kota(kode: str = "36.73", nama: str = "Kota Serang") -> Kota:
    return Kota.objects.get_or_create(kode=kode, defaults={"nama": nama})[0]


def kecamatan(kode: str = "36.73.01", nama: str = "Serang", kota_: Kota | None = None, **lain) -> Kecamatan:
    kota_ = kota_ or kota(kode.rsplit(".", 1)[0])
    kec, _ = Kecamatan.objects.get_or_create(kode=kode, defaults={"nama": nama, "kota": kota_, **lain})
    return kec


def kelurahan(kec: Kecamatan, nama: str, kode: str | None = None, **lain) -> Kelurahan:
    kode = kode or f"{kec.kode}.{1000 + next(_n)}"
    return Kelurahan.objects.create(kecamatan=kec, kode=kode, nama=nama, **lain)


def nomenklatur(
    kode: str,
    uraian: str = "",
    tingkat: str | None = None,
    induk: Nomenklatur | None = None,
    kelompok: str = "",
) -> Nomenklatur:
    """A node; ``tingkat`` defaults by the number of dots (``5001.04`` program, ``5001.04.001`` kegiatan…)."""
    if tingkat is None:
        tingkat = {1: Tingkat.PROGRAM, 2: Tingkat.KEGIATAN, 3: Tingkat.SUB_KEGIATAN}.get(
            kode.count("."), Tingkat.PROGRAM
        )
    if induk is None and tingkat != Tingkat.PROGRAM and "." in kode:
        induk = Nomenklatur.objects.filter(kode=kode.rsplit(".", 1)[0]).first()
    return Nomenklatur.objects.create(
        kode=kode, uraian=uraian or f"Uraian {kode}", tingkat=tingkat, induk=induk, kelompok=kelompok
    )


def anggaran(
    kec: Kecamatan,
    node: Nomenklatur,
    tahun: int,
    pagu=None,
    realisasi=None,
    *,
    tw=(None,) * 4,
    kelurahan_: Kelurahan | None = None,
    sumber_dana: str = "APBD",
) -> Anggaran:
    return Anggaran.objects.create(
        kecamatan=kec,
        nomenklatur=node,
        tahun=tahun,
        pagu=_uang(pagu),
        realisasi=_uang(realisasi),
        realisasi_tw1=_uang(tw[0]),
        realisasi_tw2=_uang(tw[1]),
        realisasi_tw3=_uang(tw[2]),
        realisasi_tw4=_uang(tw[3]),
        kelurahan=kelurahan_,
        sumber_dana=sumber_dana,
    )


def indikator(
    kec: Kecamatan,
    node: Nomenklatur,
    tahun: int,
    uraian: str,
    target=None,
    realisasi=None,
    *,
    satuan: str = "%",
    tw=(None,) * 4,
    polaritas: str = "positif",
    sifat: str = "kumulatif",
    urutan: int = 1,
) -> Indikator:
    return Indikator.objects.create(
        kecamatan=kec,
        nomenklatur=node,
        tahun=tahun,
        uraian=uraian,
        satuan=satuan,
        target=target,
        realisasi=realisasi,
        realisasi_tw1=tw[0],
        realisasi_tw2=tw[1],
        realisasi_tw3=tw[2],
        realisasi_tw4=tw[3],
        polaritas=polaritas,
        sifat=sifat,
        urutan=urutan,
    )


def renstra(
    kec: Kecamatan, node: Nomenklatur, awal: int, akhir: int, *, indikator_: str = "", target=None, pagu=None
) -> RenstraTarget:
    return RenstraTarget.objects.create(
        kecamatan=kec,
        nomenklatur=node,
        periode_awal=awal,
        periode_akhir=akhir,
        indikator=indikator_,
        target_akhir=target,
        pagu_akhir=_uang(pagu),
    )


def rkpd(
    kec: Kecamatan,
    node: Nomenklatur,
    tahun: int,
    *,
    indikator_: str = "",
    kelurahan_: Kelurahan | None = None,
    target_rancangan: str = "",
    pagu_rancangan=None,
    target_kebutuhan: str = "",
    pagu_kebutuhan=None,
    catatan: str = "",
    urutan: int = 0,
) -> RkpdReview:
    return RkpdReview.objects.create(
        kecamatan=kec,
        nomenklatur=node,
        tahun=tahun,
        kelurahan=kelurahan_,
        indikator=indikator_,
        target_rancangan=target_rancangan,
        pagu_rancangan=_uang(pagu_rancangan),
        target_kebutuhan=target_kebutuhan,
        pagu_kebutuhan=_uang(pagu_kebutuhan),
        catatan=catatan,
        urutan=urutan,
    )


def data_renja(kec: Kecamatan, n: int, tahun: int = 2022, awalan: str = "7.01") -> int:
    """``n`` programs × 3 kegiatan × 2 sub kegiatan with data in every year and table the Renja reports read.

    Returns the number of sub kegiatan lines created (for query-count tests on different sizes).
    """
    kel = kelurahan(kec, f"Kelurahan {awalan}")
    baris = 0
    for p in range(1, n + 1):
        prog = nomenklatur(
            f"{awalan}.{p:02d}",
            f"PROGRAM {p}",
            Tingkat.PROGRAM,
            kelompok="URUSAN KEWILAYAHAN" if p % 2 else "",
        )
        indikator(kec, prog, tahun - 2, f"Outcome {p}", 80, 78)
        indikator(kec, prog, tahun, f"Outcome {p}", 85, None, tw=(20, 20, None, None))
        renstra(kec, prog, tahun - 3, tahun + 1, indikator_=f"Outcome {p}", target=90)
        for k in range(1, 4):
            keg = nomenklatur(f"{awalan}.{p:02d}.{k}", f"Kegiatan {p}.{k}", Tingkat.KEGIATAN, prog)
            indikator(kec, keg, tahun - 2, f"Output {p}.{k}", 12, 11, satuan="Bulan")
            for s in range(1, 3):
                sub = nomenklatur(
                    f"{awalan}.{p:02d}.{k}.{s:04d}", f"Sub kegiatan {p}.{k}.{s}", Tingkat.SUB_KEGIATAN, keg
                )
                for th in range(tahun - 3, tahun + 2):
                    anggaran(
                        kec,
                        sub,
                        th,
                        1_000_000 * s,
                        900_000 * s,
                        kelurahan_=kel if s == 1 else None,
                        tw=(100_000, 200_000, 300_000, 300_000 * s) if th == tahun else (None,) * 4,
                    )
                indikator(kec, sub, tahun, f"Keluaran {p}.{k}.{s}", 4, None, satuan="Keg", tw=(1, 1, 1, None))
                renstra(kec, sub, tahun - 3, tahun + 1, pagu=5_000_000)
                rkpd(
                    kec,
                    sub,
                    tahun,
                    indikator_=f"Keluaran {p}.{k}.{s}",
                    target_rancangan="4 keg",
                    pagu_rancangan=1_000_000,
                    target_kebutuhan="4 keg",
                    pagu_kebutuhan=1_100_000,
                    kelurahan_=kel if s == 1 else None,
                    catatan="sesuai",
                )
                baris += 1
    return baris
