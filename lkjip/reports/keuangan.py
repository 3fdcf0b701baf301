"""Akuntabilitas keuangan: pagu, realisasi, serapan (%) and sisa per kelurahan and for the kecamatan,
by sumber dana, with the belanja tidak langsung (``renja.Belanja``) beside the belanja langsung.

Rows: every kelurahan of the kecamatan (by kode), "Jumlah kelurahan", the kecamatan's own lines (anggaran
without a lokasi kelurahan); when the year has belanja tidak langsung rows: "Jumlah belanja langsung", one row
per belanja row and "Jumlah belanja tidak langsung"; last the kecamatan total (BL + BTL). Columns: one group
(pagu, realisasi, %, sisa) per sumber dana present in the year, and a "Jumlah" group when there is more than
one or when there is belanja tidak langsung (which has no sumber dana: it fills only the "Jumlah" group).
Sisa = pagu − realisasi (an anggaran line without realisasi counts as nothing spent). A belanja tidak langsung
pagu or realisasi that is not known is never read as 0: every sum that includes it is marked "belum lengkap",
its percentage and sisa are not printed, and the footnotes name the missing cells. The footnotes also state
the totals as sentences (the seed's points 1–4). Three queries.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import F

from core import grafik
from core.angka import format_persen, format_rupiah
from core.capaian import capaian_anggaran, jumlah
from core.choices import SumberDana
from core.laporan.tabel import Baris, Kepala, Kolom, Sel
from renja.models import Anggaran, Belanja
from wilayah.models import Kecamatan, Kelurahan

from ._umum import Gambar, TabelLkjip, judul_kecamatan

JUMLAH = "jumlah"
BELUM_LENGKAP = "belum lengkap"
TIDAK_DIKETAHUI = "tidak diketahui"
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
    belanja = list(
        Belanja.objects.untuk(kecamatan, tahun)
        .select_related("kelurahan")
        .only("jenis", "kelurahan__nama", "pagu", "realisasi", "keterangan")
        .order_by("jenis", F("kelurahan__kode").asc(nulls_first=True))
    )
    grup = list(sumber) + ([JUMLAH] if len(sumber) > 1 or belanja else [])

    per_unit: dict[int | None, Uang] = defaultdict(dict)
    for a in anggaran:
        u = per_unit[a.kelurahan_id]
        p, r = u.get(a.sumber_dana, (None, None))
        u[a.sumber_dana] = (jumlah([p, a.pagu]), jumlah([r, a.realisasi_tahun]))

    def isi(g: str, p: Decimal | None, r: Decimal | None, kurang: tuple[bool, bool] = (False, False)):
        k = _kunci(g)
        lengkap = not any(kurang)
        return {
            f"p_{k}": p,
            f"r_{k}": r,
            f"c_{k}": capaian_anggaran(p, r) if lengkap else None,
            f"s_{k}": _sisa(p, r) if lengkap else None,
        }

    def sel(uang: Uang) -> dict[str, Sel]:
        hasil: dict[str, Sel] = {}
        total = (
            jumlah(uang[s][0] for s in sumber if s in uang),
            jumlah(uang[s][1] for s in sumber if s in uang),
        )
        for g in grup:
            p, r = total if g == JUMLAH else uang.get(g, (None, None))
            hasil.update(isi(g, p, r))
        return hasil

    def tanda(kurang: tuple[bool, bool], kata: str = BELUM_LENGKAP) -> dict[str, str]:
        k = _kunci(JUMLAH)
        return {kolom: kata for kolom, ya in zip((f"p_{k}", f"r_{k}"), kurang, strict=True) if ya}

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
    bl = _tambah(kel_total, kantor)
    baris.append(Baris("total", {"unit": f"Jumlah {len(kelurahan)} kelurahan", **sel(kel_total)}))
    baris.append(
        Baris(
            "program",
            {"unit": f"Kecamatan {kecamatan.nama} (tanpa lokasi kelurahan)", **sel(kantor)},
        )
    )
    bl_p = jumlah(v[0] for v in bl.values())
    bl_r = jumlah(v[1] for v in bl.values())
    hilang: list[str] = []
    btl_p = btl_r = None
    btl_kurang = (False, False)
    if belanja:
        baris.append(Baris("total", {"unit": "Jumlah belanja langsung", **sel(bl)}))
        for b in belanja:
            nama = b.jenis + (f" (Kelurahan {b.kelurahan.nama})" if b.kelurahan_id else "")
            kurang = (b.pagu is None, b.realisasi is None)
            hilang += [
                f"{kolom} {nama}" for kolom, ya in zip(("pagu", "realisasi"), kurang, strict=True) if ya
            ]
            baris.append(
                Baris(
                    "kegiatan",
                    {"unit": f"Belanja tidak langsung: {nama}", **isi(JUMLAH, b.pagu, b.realisasi, kurang)},
                    tanda=tanda(kurang, TIDAK_DIKETAHUI),
                )
            )
        btl_p, btl_r = jumlah(b.pagu for b in belanja), jumlah(b.realisasi for b in belanja)
        btl_kurang = (any(b.pagu is None for b in belanja), any(b.realisasi is None for b in belanja))
        baris.append(
            Baris(
                "total",
                {"unit": "Jumlah belanja tidak langsung", **isi(JUMLAH, btl_p, btl_r, btl_kurang)},
                tanda=tanda(btl_kurang),
            )
        )
    total_p, total_r = jumlah([bl_p, btl_p]), jumlah([bl_r, btl_r])
    total_sel = sel(bl) if not belanja else isi(JUMLAH, total_p, total_r, btl_kurang)
    baris.append(
        Baris(
            "opd",
            {"unit": f"Jumlah Kecamatan {kecamatan.nama}", **total_sel},
            tanda=tanda(btl_kurang),
        )
    )

    kepala = [
        Kepala("No.", (Kolom("no", "", "teks", 5),)),
        Kepala("Kelurahan / Kecamatan", (Kolom("unit", "", "teks", 30),)),
    ]
    for g in grup:
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
        keterangan=_keterangan(
            kecamatan,
            belanja,
            hilang,
            bl=(bl_p, bl_r),
            btl=(btl_p, btl_r),
            kelurahan=(len(kelurahan), kel_total),
            kantor=kantor,
        ),
        gambar=gambar,
    )


def _rp(v: Decimal | None) -> str:
    return f"Rp {format_rupiah(v)}"


def _keterangan(
    kecamatan: Kecamatan,
    belanja: list[Belanja],
    hilang: list[str],
    *,
    bl: tuple[Decimal | None, Decimal | None],
    btl: tuple[Decimal | None, Decimal | None],
    kelurahan: tuple[int, Uang],
    kantor: Uang,
) -> list[str]:
    """The footnotes: how the columns are computed, then the totals as the seed states them (points 1–4),
    never stating an incomplete total as final."""
    hasil = ["% = realisasi / pagu × 100; sisa = pagu − realisasi."]
    if not belanja:
        hasil[0] += " Jumlah dihitung dari baris anggaran kegiatan (belanja langsung)."
        return hasil
    hasil[0] += (
        " Belanja langsung dihitung dari baris anggaran kegiatan; belanja tidak langsung tidak dirinci per "
        "sumber dana dan hanya tercantum pada kolom jumlah."
    )
    nama = f"Kecamatan {kecamatan.nama}"
    if hilang:
        hasil.append(
            f"Belum lengkap: {', '.join(hilang)} tidak diketahui; jumlah yang memuatnya hanya menjumlahkan "
            "nilai yang tercatat dan bukan jumlah akhir."
        )
    pagu_lengkap = not any(b.pagu is None for b in belanja)
    real_lengkap = not any(b.realisasi is None for b in belanja)
    total_p = jumlah([bl[0], btl[0]])
    total_r = jumlah([bl[1], btl[1]])
    if pagu_lengkap and total_p is not None:
        hasil.append(
            f"Total anggaran {nama} sebesar {_rp(total_p)}: anggaran belanja tidak langsung (BTL) sebesar "
            f"{_rp(btl[0])} dan anggaran belanja langsung (BL) sebesar {_rp(bl[0])}."
        )
    if pagu_lengkap and real_lengkap and total_p and total_r is not None:
        saldo = total_p - total_r
        hasil.append(
            f"Realisasi anggaran belanja total sebesar {_rp(total_r)} atau "
            f"{format_persen(capaian_anggaran(total_p, total_r), suffix=True)}; saldo pagu anggaran sebesar "
            f"{_rp(saldo)} atau {format_persen(capaian_anggaran(total_p, saldo), suffix=True)}."
        )
    n_kel, kel = kelurahan
    bagian = []
    for label, uang in ((f"pagu anggaran {n_kel} kelurahan", kel), ("pagu anggaran kecamatan", kantor)):
        p = jumlah(v[0] for v in uang.values())
        if p is not None:
            bagian.append(
                f"{label} sebesar {_rp(p)} dengan efisiensi {_rp(_sisa(p, jumlah(v[1] for v in uang.values())))}"
            )
    if bagian:
        hasil.append(
            "Saldo pagu belanja langsung yang tidak terserap terdiri dari " + "; ".join(bagian) + "."
        )
    if btl[0] is not None and btl[1] is not None and pagu_lengkap and real_lengkap:
        alasan = "; ".join(b.keterangan for b in belanja if b.keterangan)
        hasil.append(
            f"Pagu anggaran BTL tidak terserap sebesar {_rp(btl[0] - btl[1])}"
            + (f": {alasan}." if alasan else ".")
        )
    return hasil
