"""Renja Tabel 2.5 (usulan masyarakat) and the tables of BAB IV: 4.1 rencana pendapatan, 4.2 program unggulan
and program mendesak, 4.3 usulan on the Renja K/L (APBN) and the Renja PD Provinsi (APBD Prov).

Headings follow the seed (Renja Kecamatan Serang 2022) word for word. Totals are computed from the rows, never
imported; a pagu that is blank is unknown, not 0: a total that includes one is marked "belum lengkap" and the
footnotes name the rows; a total of nothing but unknown values prints "-". One query per table.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import F

from core.capaian import jumlah
from core.choices import SumberDana
from core.laporan.tabel import Baris, Jenis, Kepala, Kolom, Sel, Tabel
from renja.models import JenisPrioritas, Prioritas, Usulan
from wilayah.models import Kecamatan

from .tabel_2_4 import BELUM_LENGKAP, TIDAK_DIKETAHUI

#: How the seed prints a sumber dana in §4.3 ("Sumber Dana diisi dengan APBD Prov atau APBN").
SUMBER_DANA_CETAK = {SumberDana.APBD_PROVINSI: "APBD Prov", SumberDana.APBN: "APBN"}


def kalimat_tanpa_pendapatan(kecamatan: Kecamatan) -> str:
    """The seed's sentence for a kecamatan that plans no pendapatan (printed with an empty Tabel 4.1)."""
    nama = f"Kecamatan {kecamatan.nama}"
    return (
        f"{nama} merupakan perangkat daerah pada bidang kewilayahan dan bukan Organisasi Perangkat Daerah "
        f"Penghasil. Maka tidak ada perkiraan pendapatan pada {nama}"
    )


def _kolom_tunggal(judul: str, kunci: str, jenis: Jenis = "teks", lebar: float = 12) -> Kepala:
    return Kepala(judul, (Kolom(kunci, "", jenis, lebar),))


def _total(
    rows: list[Prioritas], kunci_uraian: str, nama_baris, kolom: str = "pagu"
) -> tuple[list[Baris], list[str]]:
    """The JUMLAH row of the rows' pagu and the footnotes naming unknown pagu (an incomplete sum is marked)."""
    if not rows:
        return [], []
    hilang = [p for p in rows if p.pagu is None]
    total = jumlah(p.pagu for p in rows)
    tanda = {kolom: BELUM_LENGKAP} if hilang and total is not None else {}
    keterangan = []
    if hilang and total is not None:
        keterangan.append(
            "Pagu baris berikut belum diketahui; jumlah hanya menjumlahkan nilai yang diketahui dan ditandai "
            f"({BELUM_LENGKAP}): " + "; ".join(nama_baris(p) for p in hilang) + "."
        )
    return [Baris("total", {kunci_uraian: "JUMLAH", kolom: total}, tanda=tanda)], keterangan


def _tanda_baris(p: Prioritas, kolom: str, ada_pagu: bool) -> dict[str, str]:
    """A row's blank pagu, in a table where other rows have one, is marked unknown (never read as 0)."""
    return {kolom: TIDAK_DIKETAHUI} if p.pagu is None and ada_pagu else {}


def _prioritas(kecamatan: Kecamatan, tahun: int, jenis: Iterable[str]) -> list[Prioritas]:
    return list(
        Prioritas.objects.untuk(kecamatan, tahun)
        .filter(jenis__in=list(jenis))
        .select_related("nomenklatur")
        .order_by("urutan", "id")
    )


# ------------------------------------------------------------------------------------------------
# Tabel 2.5
# ------------------------------------------------------------------------------------------------
def kepala_tabel_2_5() -> list[Kepala]:
    return [
        Kepala("No", (Kolom("no", "", "teks", 5),), "(1)"),
        Kepala("Program/Kegiatan/ Sub Kegiatan", (Kolom("uraian", "", "teks", 34),), "(2)"),
        Kepala("Lokasi", (Kolom("lokasi", "", "teks", 14),), "(3)"),
        Kepala("Indikator Kinerja", (Kolom("indikator", "", "teks", 26),), "(4)"),
        Kepala("saran/ Volume", (Kolom("volume", "", "teks", 12),), "(5)"),
        Kepala("Catatan", (Kolom("catatan", "", "teks", 18),), "(6)"),
    ]


def renja_tabel_2_5(kecamatan: Kecamatan, tahun: int, **_opsi: object) -> Tabel:
    """Tabel 2.5: the proposals of plan year ``tahun``, per lokasi (kelurahan; the whole kecamatan first)."""
    usulan = list(
        Usulan.objects.untuk(kecamatan, tahun)
        .select_related("kelurahan", "nomenklatur")
        .order_by(F("kelurahan__kode").asc(nulls_first=True), "urutan", "id")
    )
    umum = f"Kecamatan {kecamatan.nama}"
    baris: list[Baris] = []
    lokasi_lalu: object = object()
    for i, u in enumerate(usulan, start=1):
        lokasi = u.kelurahan.nama if u.kelurahan_id else umum
        if u.kelurahan_id != lokasi_lalu:
            lokasi_lalu = u.kelurahan_id
            judul = f"Kelurahan {u.kelurahan.nama}" if u.kelurahan_id else umum
            baris.append(Baris("kelompok", {"uraian": judul}))
        baris.append(
            Baris(
                "kegiatan",
                {
                    "no": str(i),
                    "uraian": u.uraian,
                    "lokasi": lokasi,
                    "indikator": u.indikator or None,
                    "volume": u.volume or None,
                    "catatan": u.catatan or None,
                },
                tingkat=1,
            )
        )
    return Tabel(
        judul=[
            "Tabel 2.5",
            f"Usulan Program/Kegiatan/Sub Kegiatan {kecamatan.kota.nama}",
            f"dari Para Pemangku Kepentingan Tahun {tahun}",
        ],
        kepala=kepala_tabel_2_5(),
        baris=baris,
    )


# ------------------------------------------------------------------------------------------------
# Tabel 4.1
# ------------------------------------------------------------------------------------------------
def renja_tabel_4_1(kecamatan: Kecamatan, tahun: int, **_opsi: object) -> Tabel:
    """Tabel 4.1 Rumusan Rencana Pendapatan; with no pendapatan, an empty table and the seed's sentence."""
    rows = _prioritas(kecamatan, tahun, [JenisPrioritas.PENDAPATAN])
    ada_pagu = any(p.pagu is not None for p in rows)
    baris = [
        Baris(
            "kegiatan",
            {
                "kode": p.kode or None,
                "uraian": p.uraian,
                "pagu": p.pagu,
                "keterangan": p.keterangan or None,
            },
            tanda=_tanda_baris(p, "pagu", ada_pagu),
        )
        for p in rows
    ]
    total, keterangan = _total(rows, "uraian", lambda p: p.uraian)
    if not rows:
        keterangan = [kalimat_tanpa_pendapatan(kecamatan)]
    return Tabel(
        judul=["Tabel 4.1", f"Rumusan Rencana Pendapatan Perangkat Daerah Tahun {tahun}"],
        kepala=[
            _kolom_tunggal("Kode", "kode", lebar=12),
            _kolom_tunggal("Uraian Akun Pendapatan", "uraian", lebar=40),
            _kolom_tunggal("Target Penganggaran (Rp)", "pagu", "rupiah", 18),
            _kolom_tunggal("Keterangan", "keterangan", lebar=24),
        ],
        baris=baris + total,
        keterangan=keterangan,
    )


# ------------------------------------------------------------------------------------------------
# §4.2 program unggulan and program mendesak
# ------------------------------------------------------------------------------------------------
def _tabel_4_2(kecamatan: Kecamatan, tahun: int, jenis: str, nomor: str, nama: str) -> Tabel:
    rows = _prioritas(kecamatan, tahun, [jenis])
    ada_pagu = any(p.pagu is not None for p in rows)
    baris = [
        Baris(
            "kegiatan",
            {
                "uraian": p.uraian,
                "fokus": p.fokus or None,
                "pagu": p.pagu,
                "keterangan": p.keterangan or None,
            },
            tanda=_tanda_baris(p, "pagu", ada_pagu),
        )
        for p in rows
    ]
    total, keterangan = _total(rows, "uraian", lambda p: p.uraian)
    return Tabel(
        judul=[
            f"Tabel {nomor}",
            f"Rumusan Rencana Indikasi Kegiatan/Sub Kegiatan pada Program {nama} Tahun {tahun}",
        ],
        kepala=[
            _kolom_tunggal(f"Program {nama}", "uraian", lebar=36),
            _kolom_tunggal("Indikasi/Fokus Kegiatan", "fokus", lebar=30),
            _kolom_tunggal("Pagu Indikatif (Rp)", "pagu", "rupiah", 16),
            _kolom_tunggal("Keterangan", "keterangan", lebar=20),
        ],
        baris=baris + total,
        keterangan=keterangan,
    )


def renja_tabel_unggulan(kecamatan: Kecamatan, tahun: int, **_opsi: object) -> Tabel:
    return _tabel_4_2(kecamatan, tahun, JenisPrioritas.UNGGULAN, "4.2", "Unggulan")


def renja_tabel_mendesak(kecamatan: Kecamatan, tahun: int, **_opsi: object) -> Tabel:
    return _tabel_4_2(kecamatan, tahun, JenisPrioritas.MENDESAK, "4.3", "Mendesak")


# ------------------------------------------------------------------------------------------------
# §4.3 Renja K/L (APBN) and Renja PD Provinsi (APBD Prov)
# ------------------------------------------------------------------------------------------------
def _tabel_4_3(kecamatan: Kecamatan, tahun: int, jenis: str, nomor: str, judul: str) -> Tabel:
    rows = _prioritas(kecamatan, tahun, [jenis])
    ada_pagu = any(p.pagu is not None for p in rows)
    bawaan = SumberDana.APBN if jenis == JenisPrioritas.KL else SumberDana.APBD_PROVINSI
    baris = []
    for p in rows:
        uraian = f"{p.nomenklatur.kode} {p.uraian}" if p.nomenklatur_id else p.uraian
        sel: dict[str, Sel] = {
            "uraian": uraian,
            "indikator": p.indikator or None,
            "satuan": p.satuan or None,
            "target": p.target or None,
            "pagu": p.pagu,
            "sumber_dana": SUMBER_DANA_CETAK.get(p.sumber_dana or bawaan, p.sumber_dana),
            "instansi": p.instansi or None,
        }
        baris.append(Baris("kegiatan", sel, tanda=_tanda_baris(p, "pagu", ada_pagu)))
    total, keterangan = _total(rows, "uraian", lambda p: p.uraian)
    return Tabel(
        judul=[f"Tabel {nomor}", judul],
        kepala=[
            _kolom_tunggal("Bidang Urusan/Program/Kegiatan/Sub Kegiatan", "uraian", lebar=34),
            Kepala(
                "Kinerja",
                (
                    Kolom("indikator", "Indikator", "teks", 22),
                    Kolom("satuan", "Satuan", "teks", 8),
                    Kolom("target", "Target", "teks", 8),
                ),
            ),
            _kolom_tunggal("Pagu Indikatif (Rp)", "pagu", "rupiah", 16),
            _kolom_tunggal("Sumber Dana", "sumber_dana", lebar=9),
            _kolom_tunggal("Instansi PJ (OPD Pemprov/Kementerian/Lembaga)", "instansi", lebar=20),
        ],
        baris=baris + total,
        keterangan=["Keterangan : Sumber Dana diisi dengan APBD Prov atau APBN", *keterangan],
    )


def renja_tabel_kl(kecamatan: Kecamatan, tahun: int, **_opsi: object) -> Tabel:
    return _tabel_4_3(
        kecamatan,
        tahun,
        JenisPrioritas.KL,
        "4.4",
        f"Rumusan Rencana Program dan Kegiatan melalui Sumber Dana APBN pada Renja K/L Tahun {tahun}",
    )


def renja_tabel_provinsi(kecamatan: Kecamatan, tahun: int, **_opsi: object) -> Tabel:
    return _tabel_4_3(
        kecamatan,
        tahun,
        JenisPrioritas.PROVINSI,
        "4.5",
        f"Rumusan Rencana Program dan Kegiatan melalui Sumber Dana APBD Prov pada Renja PD Provinsi Tahun {tahun}",
    )


__all__ = [
    "kalimat_tanpa_pendapatan",
    "renja_tabel_2_5",
    "renja_tabel_4_1",
    "renja_tabel_kl",
    "renja_tabel_mendesak",
    "renja_tabel_provinsi",
    "renja_tabel_unggulan",
]
