"""LKjIP Tabel 3.1 Pengukuran Sasaran Strategis: target, realisasi, capaian, predikat per indikator sasaran.

Under the table (HTML/PDF): each indicator's formula as a fraction with the year's computation (the seed's
§3.1.x sections) and the chart of capaian against 100 %. The bottom row is the mean of the indicators that
have a capaian (the seed prints "6667 %" there). Two queries.
"""

from __future__ import annotations

from decimal import Decimal

from core import grafik
from core.angka import format_persen
from core.capaian import capaian_kinerja, metode_negatif_aktif, predikat, rata_rata
from core.choices import MetodeNegatif, Polaritas
from core.laporan.tabel import Baris, Kepala, Kolom
from core.nilai import KOSONG, Nilai
from lkjip.models import IndikatorSasaran
from renja.reports.pohon import keterangan_negatif
from wilayah.models import Kecamatan

from ._umum import Gambar, Rumus, TabelLkjip, judul_kecamatan, pecah_formula
from .tabel_2_1 import sasaran_tahun


def _hitung(ind: IndikatorSasaran, metode: str) -> tuple[str, str]:
    """(numerator, denominator) of the capaian as computed, e.g. ("77,44", "75")."""
    t, r = ind.target or KOSONG, ind.realisasi or KOSONG
    if ind.polaritas == Polaritas.NEGATIF:
        if metode == MetodeNegatif.RASIO:
            return str(t), str(r)
        return f"(2 × {t} − {r})", str(t)
    if t.is_grade and r.is_grade:
        return f"{r} ({Nilai(angka=r.skor)})", f"{t} ({Nilai(angka=t.skor)})"
    return str(r), str(t)


def lkjip_tabel_3_1(kecamatan: Kecamatan, tahun: int, **_opsi: object) -> TabelLkjip:
    metode = metode_negatif_aktif()
    baris: list[Baris] = []
    rumus: list[Rumus] = []
    nama_grafik: list[str] = []
    nilai_grafik: list[Decimal | None] = []
    semua: list[Decimal | None] = []
    no_ind = 0
    for no, s in enumerate(sasaran_tahun(kecamatan, tahun), start=1):
        for i, ind in enumerate(s.indikator_set.all()):
            no_ind += 1
            capaian = capaian_kinerja(ind.target, ind.realisasi, ind.polaritas, metode)
            semua.append(capaian)
            sel = {
                "indikator": ind.uraian,
                "satuan": ind.satuan,
                "target": ind.target or KOSONG,
                "realisasi": ind.realisasi or KOSONG,
                "capaian": capaian,
                "predikat": predikat(capaian),
            }
            if i == 0:
                sel.update(no=str(no), sasaran=s.uraian)
            baris.append(Baris("kegiatan" if i == 0 else "indikator", sel))
            nama_grafik.append(ind.uraian)
            nilai_grafik.append(capaian)
            pembilang, penyebut, kali = pecah_formula(ind.formula or "")
            hp, hq = _hitung(ind, metode)
            rumus.append(
                Rumus(
                    nomor=f"3.1.{no_ind}",
                    indikator=ind.uraian,
                    pembilang=pembilang,
                    penyebut=penyebut,
                    kali=kali,
                    hitung_pembilang=hp if capaian is not None else "",
                    hitung_penyebut=hq if capaian is not None else "",
                    hasil=format_persen(capaian, suffix=True) if capaian is not None else "-",
                )
            )
    rata = rata_rata(semua)
    baris.append(
        Baris(
            "total",
            {
                "sasaran": "Rata-rata capaian indikator sasaran",
                "capaian": rata,
                "predikat": predikat(rata),
            },
        )
    )
    keterangan = [
        (
            "Capaian = realisasi / target × 100 %; rata-rata = rata-rata indikator yang memiliki capaian "
            "(target atau realisasi kosong tidak dihitung)."
        ),
        keterangan_negatif(metode),
        "Predikat: ≥ 91 Sangat Tinggi; 76–90,99 Tinggi; 66–75,99 Sedang; 51–65,99 Rendah; ≤ 50,99 Sangat Rendah.",
    ]
    for r in rumus:
        if r.pembilang:
            formula = f"{r.pembilang} / {r.penyebut} {r.kali}".strip() if r.penyebut else r.pembilang
            keterangan.append(f"{r.nomor} {r.indikator} — formula: {formula}")
    gambar = []
    if nama_grafik:
        judul_g = f"Capaian indikator sasaran tahun {tahun} terhadap target 100 %"
        gambar.append(Gambar(judul_g, grafik.capaian(nama_grafik, nilai_grafik, judul=judul_g)))
    return TabelLkjip(
        judul=[
            f"Tabel 3.1 Pengukuran Sasaran Strategis Tahun {tahun}",
            judul_kecamatan(kecamatan, tahun),
        ],
        kepala=[
            Kepala("No", (Kolom("no", "", "teks", 5),), "(1)"),
            Kepala("Sasaran Strategis", (Kolom("sasaran", "", "teks", 30),), "(2)"),
            Kepala(
                "Indikator Sasaran",
                (Kolom("indikator", "Uraian", "teks", 30), Kolom("satuan", "Satuan", "teks", 7)),
                "(3)",
            ),
            Kepala("Target", (Kolom("target", "", "nilai", 9),), "(4)"),
            Kepala("Realisasi", (Kolom("realisasi", "", "nilai", 9),), "(5)"),
            Kepala("Capaian (%)", (Kolom("capaian", "", "persen", 9),), "(6) = (5)/(4)"),
            Kepala("Predikat", (Kolom("predikat", "", "teks", 12),), "(7)"),
        ],
        baris=baris,
        keterangan=keterangan,
        gambar=gambar,
        rumus=rumus,
    )
