"""LKjIP Tabel 1.1 Data Kelurahan: no, kelurahan, jumlah RT dan RW, and the computed total. One query."""

from __future__ import annotations

from decimal import Decimal

from core.capaian import jumlah
from core.laporan.tabel import Baris, Kepala, Kolom
from wilayah.models import Kecamatan, Kelurahan

from ._umum import TabelLkjip, judul_kecamatan


def lkjip_tabel_1_1(kecamatan: Kecamatan, tahun: int, **_opsi: object) -> TabelLkjip:
    kelurahan = list(Kelurahan.objects.filter(kecamatan=kecamatan).order_by("kode"))
    baris = [
        Baris(
            "kegiatan",
            {
                "no": f"{i}.",
                "kelurahan": k.nama,
                "rt_rw": None if k.jumlah_rt_rw is None else Decimal(k.jumlah_rt_rw),
            },
        )
        for i, k in enumerate(kelurahan, start=1)
    ]
    baris.append(Baris("total", {"kelurahan": "Jumlah", "rt_rw": jumlah(k.jumlah_rt_rw for k in kelurahan)}))
    return TabelLkjip(
        judul=["Tabel 1.1 Data Kelurahan", judul_kecamatan(kecamatan, tahun)],
        kepala=[
            Kepala("No.", (Kolom("no", "", "teks", 5),)),
            Kepala("Kelurahan", (Kolom("kelurahan", "", "teks", 30),)),
            Kepala("Jumlah RT dan RW", (Kolom("rt_rw", "", "angka", 14),)),
        ],
        baris=baris,
        keterangan=['Jumlah dihitung dari baris kelurahan; kelurahan tanpa data ditampilkan "-".'],
    )
