"""Akuntabilitas keuangan: pagu, realisasi, serapan (%) and sisa per kelurahan and for the kecamatan,
by sumber dana.

Rows: every kelurahan of the kecamatan (by kode), "Jumlah kelurahan", the kecamatan's own lines (anggaran
without a lokasi kelurahan), and the kecamatan total. Columns: one group (pagu, realisasi, %, sisa) per
sumber dana present in the year, and a "Jumlah" group when there is more than one.
Sisa = pagu − realisasi (no realisasi reported yet counts as nothing spent). Two queries.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from core import grafik
from core.capaian import capaian_anggaran, jumlah
from core.choices import SumberDana
from core.laporan.tabel import Baris, Kepala, Kolom, Sel
from renja.models import Anggaran
from wilayah.models import Kecamatan, Kelurahan

from ._umum import Gambar, TabelLkjip, judul_kecamatan

JUMLAH = "jumlah"
Uang = dict[str, tuple[Decimal | None, Decimal | None]]  # sumber dana → (pagu, realisasi)


def _sisa(pagu: Decimal | None, realisasi: Decimal | None) -> Decimal | None:
    return None if pagu is None else pagu - (realisasi or Decimal(0))


def _tambah(*daftar: Uang) -> Uang:
    hasil: Uang = {}
    for kunci in {k for d in daftar for k in d}:
        hasil[kunci] = (
            jumlah(d[kunci][0] for d in daftar if kunci in d),
            jumlah(d[kunci][1] for d in daftar if kunci in d),
        )
    return hasil


def _kunci(sd: str) -> str:
    return sd.lower().replace(" ", "_").replace("-", "_")


def lkjip_keuangan(kecamatan: Kecamatan, tahun: int, **_opsi: object) -> TabelLkjip:
    kelurahan = list(Kelurahan.objects.filter(kecamatan=kecamatan).order_by("kode"))
    anggaran = list(
        Anggaran.objects.untuk(kecamatan, tahun).only(
            "kelurahan_id",
            "sumber_dana",
            "pagu",
            "realisasi",
            "realisasi_tw1",
            "realisasi_tw2",
            "realisasi_tw3",
            "realisasi_tw4",
        )
    )
    urutan_sd = {v: i for i, v in enumerate(SumberDana.values)}
    sumber = sorted({a.sumber_dana for a in anggaran}, key=lambda s: (urutan_sd.get(s, 99), s))

    per_unit: dict[int | None, Uang] = defaultdict(dict)
    for a in anggaran:
        u = per_unit[a.kelurahan_id]
        p, r = u.get(a.sumber_dana, (None, None))
        u[a.sumber_dana] = (jumlah([p, a.pagu]), jumlah([r, a.realisasi_tahun]))

    def sel(uang: Uang) -> dict[str, Sel]:
        hasil: dict[str, Sel] = {}
        grup = list(sumber) + ([JUMLAH] if len(sumber) > 1 else [])
        total = (
            jumlah(uang[s][0] for s in sumber if s in uang),
            jumlah(uang[s][1] for s in sumber if s in uang),
        )
        for g in grup:
            p, r = total if g == JUMLAH else uang.get(g, (None, None))
            k = _kunci(g)
            hasil.update({f"p_{k}": p, f"r_{k}": r, f"c_{k}": capaian_anggaran(p, r), f"s_{k}": _sisa(p, r)})
        return hasil

    baris: list[Baris] = []
    for i, k in enumerate(kelurahan, start=1):
        baris.append(
            Baris(
                "kegiatan",
                {"no": f"{i}.", "unit": f"Kelurahan {k.nama}", **sel(per_unit.get(k.pk, {}))},
            )
        )
    kel_total = _tambah(*(per_unit.get(k.pk, {}) for k in kelurahan))
    kantor = per_unit.get(None, {})
    baris.append(Baris("total", {"unit": f"Jumlah {len(kelurahan)} kelurahan", **sel(kel_total)}))
    baris.append(
        Baris(
            "program",
            {"unit": f"Kecamatan {kecamatan.nama} (tanpa lokasi kelurahan)", **sel(kantor)},
        )
    )
    baris.append(
        Baris(
            "opd",
            {"unit": f"Jumlah Kecamatan {kecamatan.nama}", **sel(_tambah(kel_total, kantor))},
        )
    )

    kepala = [
        Kepala("No.", (Kolom("no", "", "teks", 5),)),
        Kepala("Kelurahan / Kecamatan", (Kolom("unit", "", "teks", 30),)),
    ]
    for g in list(sumber) + ([JUMLAH] if len(sumber) > 1 else []):
        k = _kunci(g)
        kepala.append(
            Kepala(
                "Jumlah semua sumber dana" if g == JUMLAH else f"Sumber dana {g}",
                (
                    Kolom(f"p_{k}", "Pagu (Rp)", "rupiah", 15),
                    Kolom(f"r_{k}", "Realisasi (Rp)", "rupiah", 15),
                    Kolom(f"c_{k}", "%", "persen", 7),
                    Kolom(f"s_{k}", "Sisa (Rp)", "rupiah", 14),
                ),
            )
        )

    gambar = []
    if kelurahan and anggaran:
        judul_g = f"Pagu dan realisasi anggaran per kelurahan tahun {tahun}"

        def _total(u: Uang, i: int) -> Decimal | None:
            return jumlah(v[i] for v in u.values())

        unit = [k.nama for k in kelurahan] + ["Kecamatan (tanpa lokasi)"]
        uang: list[Uang] = [per_unit.get(k.pk, {}) for k in kelurahan] + [kantor]
        gambar.append(
            Gambar(
                judul_g,
                grafik.batang(
                    unit,
                    [
                        grafik.Seri("Pagu", [_total(u, 0) for u in uang]),
                        grafik.Seri("Realisasi", [_total(u, 1) for u in uang]),
                    ],
                    judul=judul_g,
                    satuan="rupiah",
                ),
            )
        )
    return TabelLkjip(
        judul=[f"Akuntabilitas Keuangan Tahun {tahun}", judul_kecamatan(kecamatan, tahun)],
        kepala=kepala,
        baris=baris,
        keterangan=[
            (
                "% = realisasi / pagu × 100; sisa = pagu − realisasi. Jumlah dihitung dari baris anggaran "
                "kegiatan (belanja langsung)."
            ),
        ],
        gambar=gambar,
    )
