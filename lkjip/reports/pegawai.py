"""LKjIP Tabel 1.2 Daftar Klasifikasi PNS (with Gambar 1.1 Struktur Organisasi drawn from it, which the whole
document prints before the table, as the seed does) and Tabel 1.3
Kondisi SDM Aparatur, computed from the same list. One query each.

Tabel 1.2 prints the seed's columns (No, Nama, NIP, Pangkat Gol/Ruang, Jabatan, Ket; Ket is the pendidikan,
as in the seed). Tabel 1.3 counts the list per pendidikan, pangkat/golongan and eselon side by side, as the
seed lays it out; a person whose pendidikan or pangkat is not recorded is counted as "Tidak tercatat", never
under a level.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from core.laporan.tabel import Baris, Kepala, Kolom, Sel
from lkjip.kepegawaian import ESELON, PANGKAT, Pendidikan
from lkjip.models import Pegawai
from wilayah.models import Kecamatan

from ._umum import Gambar, TabelLkjip, judul_kecamatan
from .struktur_organisasi import struktur_organisasi_susun, struktur_organisasi_svg

__all__ = ["lkjip_tabel_1_2", "lkjip_tabel_1_3", "pegawai_tahun", "sdm_hitung"]

TIDAK_TERCATAT = "Tidak tercatat"
NON_ESELON = "Non Eselon"


def pegawai_tahun(kecamatan: Kecamatan, tahun: int) -> list[Pegawai]:
    """The year's staff list in its order (one query)."""
    return list(Pegawai.objects.untuk(kecamatan, tahun).order_by("urutan", "id"))


def lkjip_tabel_1_2(kecamatan: Kecamatan, tahun: int, **_opsi: object) -> TabelLkjip:
    pegawai = pegawai_tahun(kecamatan, tahun)
    label_pendidikan = dict(Pendidikan.choices)
    baris = [
        Baris(
            "kegiatan",
            {
                "no": f"{i}.",
                "nama": p.nama,
                "nip": p.nip or None,
                "pangkat": p.pangkat_golongan or None,
                "jabatan": p.jabatan or None,
                "ket": label_pendidikan.get(p.pendidikan) if p.pendidikan else None,
            },
        )
        for i, p in enumerate(pegawai, start=1)
    ]
    di_kelurahan = sum(1 for p in pegawai if p.kelurahan_id)
    keterangan = [
        (
            f"Jumlah aparatur: {len(pegawai)} orang ({len(pegawai) - di_kelurahan} di kantor kecamatan, "
            f"{di_kelurahan} di kelurahan)."
        ),
        'Ket: pendidikan terakhir; "-" = belum tercatat.',
    ]
    judul_gambar = f"Struktur Organisasi Kecamatan {kecamatan.nama}"
    svg = struktur_organisasi_svg(struktur_organisasi_susun(pegawai), judul_gambar.upper())
    return TabelLkjip(
        judul=[
            f"Tabel 1.2 Daftar Klasifikasi PNS Kecamatan {kecamatan.nama}",
            judul_kecamatan(kecamatan, tahun),
        ],
        kepala=[
            Kepala("No", (Kolom("no", "", "teks", 5),)),
            Kepala("Nama", (Kolom("nama", "", "teks", 30),)),
            Kepala("NIP", (Kolom("nip", "", "teks", 22),)),
            Kepala("Pangkat Gol/Ruang", (Kolom("pangkat", "", "teks", 10),)),
            Kepala("Jabatan", (Kolom("jabatan", "", "teks", 34),)),
            Kepala("Ket", (Kolom("ket", "", "teks", 9),)),
        ],
        baris=baris,
        keterangan=keterangan,
        gambar=[Gambar(judul_gambar, svg, sebelum_tabel=True)],
    )


def sdm_hitung(pegawai: list[Pegawai]) -> dict[str, list[tuple[str, int]]]:
    """Counts per pendidikan, pangkat/golongan and eselon, each as (label, jumlah) in the table's order.

    Pendidikan: the recorded levels, highest first, then "Tidak tercatat". Pangkat: every golongan from the
    highest to the lowest present (a grade in between with nobody prints 0, as the seed prints "-"), then
    "Tidak tercatat". Eselon: the levels present, highest first, then "Non Eselon".
    """
    pendidikan = Counter(p.pendidikan for p in pegawai)
    golongan = Counter(p.pangkat_golongan for p in pegawai)
    eselon = Counter(p.eselon for p in pegawai)

    kol_pendidikan = [(label, pendidikan[nilai]) for nilai, label in Pendidikan.choices if pendidikan[nilai]]
    if pendidikan[""]:
        kol_pendidikan.append((TIDAK_TERCATAT, pendidikan[""]))

    ada = [i for i, (g, _) in enumerate(PANGKAT) if golongan[g]]
    kol_pangkat = [(f"{nama} / {g}", golongan[g]) for g, nama in PANGKAT[ada[0] : ada[-1] + 1]] if ada else []
    if golongan[""]:
        kol_pangkat.append((TIDAK_TERCATAT, golongan[""]))

    kol_eselon = [(e, eselon[e]) for e in ESELON if eselon[e]]
    if eselon[""]:
        kol_eselon.append((NON_ESELON, eselon[""]))
    return {"pendidikan": kol_pendidikan, "pangkat": kol_pangkat, "eselon": kol_eselon}


def lkjip_tabel_1_3(kecamatan: Kecamatan, tahun: int, **_opsi: object) -> TabelLkjip:
    pegawai = pegawai_tahun(kecamatan, tahun)
    kolom = sdm_hitung(pegawai)
    panjang = max((len(v) for v in kolom.values()), default=0)
    baris: list[Baris] = []
    for i in range(panjang):
        sel: dict[str, Sel] = {}
        for kunci, isi in kolom.items():
            if i < len(isi):
                sel[f"{kunci}_jenjang"] = isi[i][0]
                sel[f"{kunci}_jumlah"] = Decimal(isi[i][1])
        baris.append(Baris("kegiatan", sel))
    total = Decimal(len(pegawai))
    baris.append(
        Baris(
            "total",
            {
                **{f"{k}_jenjang": "Jumlah" for k in kolom},
                **{f"{k}_jumlah": total for k in kolom},
            },
        )
    )
    tanpa = [
        f"{n} orang tanpa {nama}"
        for nama, kunci in (("pendidikan", "pendidikan"), ("pangkat/golongan", "pangkat"))
        if (n := dict(kolom[kunci]).get(TIDAK_TERCATAT, 0))
    ]
    keterangan = [
        f"Dihitung dari Tabel 1.2 ({len(pegawai)} orang); eselon kosong dihitung sebagai Non Eselon."
        + (f" Tidak tercatat: {' dan '.join(tanpa)}, dihitung terpisah." if tanpa else "")
    ]

    def pasangan(kunci: str, judul: str) -> Kepala:
        return Kepala(
            judul,
            (
                Kolom(f"{kunci}_jenjang", "Jenjang", "teks", 24),
                Kolom(f"{kunci}_jumlah", "Jumlah", "angka", 9),
            ),
        )

    return TabelLkjip(
        judul=[
            "Tabel 1.3 Kondisi SDM Aparatur berdasarkan Pendidikan, Pangkat dan Eselon",
            judul_kecamatan(kecamatan, tahun),
        ],
        kepala=[
            pasangan("pendidikan", "Pendidikan"),
            pasangan("pangkat", "Pangkat"),
            pasangan("eselon", "Eselon"),
        ],
        baris=baris,
        keterangan=keterangan,
    )
