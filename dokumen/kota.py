"""The city overview (``/kota/<kode>/<tahun>/``): every kecamatan of a kota side by side.

Per kecamatan, year N: pagu, realisasi and serapan of the belanja langsung and the average capaian kinerja, exactly
as its LKjIP rekap prints them ("Jumlah anggaran dan realisasi seluruh program", "Total rata-rata kinerja …
dari seluruh program OPD": :func:`lkjip.reports.rekap.rekap_hitung_banyak`, the same computation), its predikat,
the indicators of year N without realisasi, the catatan verifikator still unanswered and the status of the
newest Renja and LKjIP revision. Totals of the kota are sums over the kecamatan (the average capaian of the kota
is the mean of the kecamatan averages that exist).

One :class:`~core.laporan.tabel.Tabel` (:func:`tabel_kota`) feeds the web page, the XLSX and the one-page
landscape PDF. Loading costs the same number of queries whatever the number of kecamatan.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count

from core import grafik
from core.capaian import capaian_anggaran, jumlah, predikat, rata_rata
from core.laporan.tabel import Baris, Kepala, Kolom, Tabel
from lkjip.reports.rekap import Rekap, rekap_hitung_banyak
from renja.models import CatatanVerifikator
from wilayah.models import Kecamatan, Kota

from .models import Dokumen, JenisDokumen

TW = ("TW I", "TW II", "TW III", "TW IV")


class AngkaRekap:
    """A kecamatan's year as its LKjIP rekap states it: pagu, realisasi and serapan of the belanja langsung, the
    average capaian kinerja and its predikat (the city overview's row and the kecamatan dashboard)."""

    rekap: Rekap

    @property
    def pagu(self) -> Decimal | None:
        return self.rekap.pagu

    @property
    def realisasi(self) -> Decimal | None:
        return self.rekap.realisasi

    @property
    def serapan(self) -> Decimal | None:
        return self.rekap.serapan

    @property
    def capaian(self) -> Decimal | None:
        return self.rekap.rata_capaian_k

    @property
    def predikat(self) -> str | None:
        return predikat(self.capaian)


@dataclass
class BarisKota(AngkaRekap):
    """One kecamatan's figures for the year."""

    kecamatan: Kecamatan
    rekap: Rekap
    indikator_kosong: int
    catatan_terbuka: int
    dokumen: dict[str, Dokumen | None]

    @property
    def kumulatif(self) -> list[Decimal | None]:
        return self.rekap.kumulatif_triwulan

    def status(self, jenis: str) -> str:
        dok = self.dokumen.get(jenis)
        if dok is None:
            return "Belum dibuat"
        teks = str(dok.get_status_display())
        return f"{teks} (revisi {dok.revisi})" if dok.revisi else teks


#: ``?urut=`` keys: the value each sorts by (``-key`` sorts descending). A missing value sorts last.
URUTAN: dict[str, tuple[str, Callable[[BarisKota], Any]]] = {
    "kode": ("Kode", lambda b: b.kecamatan.kode),
    "nama": ("Kecamatan", lambda b: b.kecamatan.nama.casefold()),
    "pagu": ("Pagu", lambda b: b.pagu),
    "realisasi": ("Realisasi", lambda b: b.realisasi),
    "serapan": ("Serapan", lambda b: b.serapan),
    "capaian": ("Rata-rata capaian", lambda b: b.capaian),
    "kosong": ("Indikator tanpa realisasi", lambda b: b.indikator_kosong),
    "catatan": ("Catatan terbuka", lambda b: b.catatan_terbuka),
}
URUT_BAWAAN = "kode"
#: Table columns whose ``?urut=`` key is not their own name.
KOLOM_URUT = {"no": "kode", "uraian": "nama"}


def urutkan(baris: Sequence[BarisKota], urut: str) -> list[BarisKota]:
    """The rows by ``urut`` (a key of :data:`URUTAN`, ``-`` first for descending); ties and missing values
    keep the kode order, missing values last in both directions."""
    turun = urut.startswith("-")
    kunci = URUTAN[urut.lstrip("-")][1]
    menurut_kode = sorted(baris, key=lambda b: b.kecamatan.kode)
    ada = [b for b in menurut_kode if kunci(b) is not None]
    tanpa = [b for b in menurut_kode if kunci(b) is None]
    return sorted(ada, key=kunci, reverse=turun) + tanpa


@dataclass
class RingkasanKota:
    kota: Kota
    tahun: int
    baris: list[BarisKota]
    urut: str = URUT_BAWAAN

    @property
    def pagu(self) -> Decimal | None:
        return jumlah(b.pagu for b in self.baris)

    @property
    def realisasi(self) -> Decimal | None:
        return jumlah(b.realisasi for b in self.baris)

    @property
    def serapan(self) -> Decimal | None:
        return capaian_anggaran(self.pagu, self.realisasi)

    @property
    def capaian(self) -> Decimal | None:
        return rata_rata(b.capaian for b in self.baris)

    @property
    def predikat(self) -> str | None:
        return predikat(self.capaian)

    @property
    def indikator_kosong(self) -> int:
        return sum(b.indikator_kosong for b in self.baris)

    @property
    def catatan_terbuka(self) -> int:
        return sum(b.catatan_terbuka for b in self.baris)

    @property
    def kumulatif(self) -> list[Decimal | None]:
        return [jumlah(b.kumulatif[i] for b in self.baris if b.kumulatif) for i in range(4)]


def ringkasan_kota(
    kota: Kota, tahun: int, kecamatan: Sequence[Kecamatan], urut: str = URUT_BAWAAN
) -> RingkasanKota:
    """The overview of ``kecamatan`` (already scoped to what the user may see, see
    :func:`wilayah.akses.kecamatan_kota`) for ``tahun``: six queries whatever their number."""
    daftar = list(kecamatan)
    pk = [k.pk for k in daftar]
    rekap = rekap_hitung_banyak(daftar, tahun, tahun_lalu=False)  # four queries; the row shows year N only
    catatan = dict(
        CatatanVerifikator.objects.filter(kecamatan__in=pk, tahun=tahun, jawaban="")
        .values_list("kecamatan")
        .annotate(n=Count("id"))
        .order_by()
    )
    dokumen: dict[int, dict[str, Dokumen | None]] = {k: dict.fromkeys(JenisDokumen.values) for k in pk}
    for dok in Dokumen.objects.filter(kecamatan__in=pk, tahun=tahun).order_by("kecamatan", "jenis", "revisi"):
        dokumen[dok.kecamatan_id][dok.jenis] = dok  # the newest revision wins
    baris = [
        BarisKota(
            kecamatan=k,
            rekap=rekap[k.pk],
            indikator_kosong=len(rekap[k.pk].indikator_kosong()),
            catatan_terbuka=catatan.get(k.pk, 0),
            dokumen=dokumen[k.pk],
        )
        for k in daftar
    ]
    return RingkasanKota(kota, tahun, urutkan(baris, urut), urut)


def judul_kota(kota: Kota) -> str:
    return kota.nama if kota.nama.upper().startswith(("KOTA ", "KABUPATEN ")) else f"Kota {kota.nama}"


def tabel_kota(r: RingkasanKota) -> Tabel:
    """The overview as a report table: one row per kecamatan (in the chosen order), then the kota total."""
    kepala = [
        Kepala("No.", (Kolom("no", "", "teks", 4),)),
        Kepala("Kecamatan", (Kolom("uraian", "", "teks", 16),)),
        Kepala(
            "Anggaran belanja langsung",
            (
                Kolom("pagu", "Pagu (Rp)", "rupiah", 14),
                Kolom("realisasi", "Realisasi (Rp)", "rupiah", 14),
                Kolom("serapan", "Serapan (%)", "persen", 8),
            ),
        ),
        Kepala(
            "Kinerja",
            (
                Kolom("capaian", "Rata-rata capaian (%)", "persen", 9),
                Kolom("predikat", "Predikat", "teks", 9),
                Kolom("kosong", "Indikator tanpa realisasi", "angka", 8),
            ),
        ),
        Kepala("Catatan verifikator terbuka", (Kolom("catatan", "", "angka", 8),)),
        Kepala(
            "Status dokumen",
            (Kolom("renja", "Renja", "teks", 10), Kolom("lkjip", "LKjIP", "teks", 10)),
        ),
    ]
    baris = [
        Baris(
            "kegiatan",
            {
                "no": f"{i}.",
                "uraian": b.kecamatan.nama,
                "pagu": b.pagu,
                "realisasi": b.realisasi,
                "serapan": b.serapan,
                "capaian": b.capaian,
                "predikat": b.predikat or "-",
                "kosong": Decimal(b.indikator_kosong),
                "catatan": Decimal(b.catatan_terbuka),
                "renja": b.status(JenisDokumen.RENJA),
                "lkjip": b.status(JenisDokumen.LKJIP),
            },
            id=b.kecamatan.kode,
        )
        for i, b in enumerate(r.baris, start=1)
    ]
    baris.append(
        Baris(
            "total",
            {
                "uraian": f"Jumlah {len(r.baris)} kecamatan",
                "pagu": r.pagu,
                "realisasi": r.realisasi,
                "serapan": r.serapan,
                "capaian": r.capaian,
                "predikat": r.predikat or "-",
                "kosong": Decimal(r.indikator_kosong),
                "catatan": Decimal(r.catatan_terbuka),
            },
        )
    )
    label, _ = URUTAN[r.urut.lstrip("-")]
    arah = "menurun" if r.urut.startswith("-") else "menaik"
    return Tabel(
        judul=[f"Ringkasan Kinerja Kecamatan {judul_kota(r.kota)} Tahun {r.tahun}"],
        kepala=kepala,
        baris=baris,
        keterangan=[
            (
                "Pagu, realisasi dan serapan = jumlah anggaran dan realisasi seluruh program (belanja langsung) "
                "seperti pada Laporan Rekapitulasi LKjIP setiap kecamatan; serapan = realisasi / pagu × 100."
            ),
            (
                "Rata-rata capaian = total rata-rata kinerja dari seluruh program OPD (Laporan Rekapitulasi); "
                "rata-rata kota = rata-rata atas kecamatan yang memiliki capaian. Predikat: ≥ 91 Sangat Tinggi, "
                "76–90,99 Tinggi, 66–75,99 Sedang, 51–65,99 Rendah, ≤ 50,99 Sangat Rendah."
            ),
            (
                f"Indikator tanpa realisasi: indikator tahun {r.tahun} yang belum berisi realisasi. Catatan "
                "verifikator terbuka: catatan Bappeda yang belum dijawab kecamatan. Status dokumen: revisi "
                "terakhir."
            ),
            f"Diurutkan menurut {label.lower()} ({arah}).",
        ],
    )


def grafik_peringkat(r: RingkasanKota) -> str:
    """Ranking: serapan anggaran per kecamatan, highest first, against 100 %."""
    urut = urutkan(r.baris, "-serapan")
    judul = f"Peringkat serapan anggaran kecamatan tahun {r.tahun}"
    return grafik.capaian(
        [b.kecamatan.nama for b in urut], [b.serapan for b in urut], judul=judul, label="Serapan", lebar=720
    )


def grafik_peringkat_capaian(r: RingkasanKota) -> str:
    """Ranking: average capaian kinerja per kecamatan, highest first, against 100 %."""
    urut = urutkan(r.baris, "-capaian")
    judul = f"Peringkat rata-rata capaian kinerja kecamatan tahun {r.tahun}"
    return grafik.capaian(
        [b.kecamatan.nama for b in urut], [b.capaian for b in urut], judul=judul, label="Capaian", lebar=720
    )


def rencana_merata(pagu: Decimal | None) -> list[Decimal | None]:
    """The even-spend line: a quarter of the pagu per triwulan, cumulated."""
    return [None if pagu is None else pagu * i / 4 for i in range(1, 5)]


def grafik_kumulatif(
    judul: str, pagu: Decimal | None, kumulatif: Sequence[Decimal | None], lebar: int = 360
) -> str:
    """Cumulative realisasi per triwulan against the even-spend line (one small multiple)."""
    return grafik.batang(
        list(TW),
        [grafik.Seri("Rencana merata", rencana_merata(pagu)), grafik.Seri("Realisasi kumulatif", kumulatif)],
        judul=judul,
        satuan="rupiah",
        lebar=lebar,
        lebar_label=44,
        baris_label=1,
    )


@dataclass(frozen=True)
class Kecil:
    """One small multiple and its text alternative (the figures as a sentence)."""

    judul: str
    svg: str
    teks: str


def kecil_kumulatif(r: RingkasanKota) -> list[Kecil]:
    from core.angka import format_rupiah

    hasil = []
    for b in r.baris:
        judul = f"Kecamatan {b.kecamatan.nama}"
        rencana = rencana_merata(b.pagu)
        teks = "; ".join(
            f"{tw}: realisasi kumulatif {'belum tercatat' if v is None else 'Rp ' + format_rupiah(v)} "
            f"(rencana merata Rp {format_rupiah(p)})"
            for tw, v, p in zip(TW, b.kumulatif, rencana, strict=True)
        )
        hasil.append(Kecil(judul, grafik_kumulatif(judul, b.pagu, b.kumulatif), teks))
    return hasil


# ------------------------------------------------------------------------------------------------------------
# downloads: XLSX and a one-page landscape PDF of the same table
# ------------------------------------------------------------------------------------------------------------
def nama_berkas(r: RingkasanKota, ekstensi: str) -> str:
    return "-".join(["Ringkasan", str(r.tahun), *judul_kota(r.kota).split()]) + f".{ekstensi}"


def xlsx_kota(r: RingkasanKota, tabel: Tabel | None = None) -> bytes:
    """The table as a workbook: numbers stay numbers (Indonesian display formats), text stays text."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from core.angka import format_excel
    from core.xlsx import tulis

    tabel = tabel or tabel_kota(r)
    wb = Workbook()
    ws = wb.active
    ws.title = "Ringkasan"
    baris = 1
    for j in tabel.judul:
        tulis(ws, baris, 1, j).font = Font(bold=True)
        baris += 1
    baris += 1
    kolom = tabel.kolom
    judul_kolom = [
        (kp.judul if kp.tunggal else f"{kp.judul}: {k.judul}", k) for kp in tabel.kepala for k in kp.kolom
    ]
    for i, (judul, k) in enumerate(judul_kolom, start=1):
        tulis(ws, baris, i, judul).font = Font(bold=True)
        ws.cell(baris, i).alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[ws.cell(baris, i).column_letter].width = max(8, k.lebar * 1.1)
    ws.freeze_panes = ws.cell(baris + 1, 3)
    for b in tabel.baris:
        baris += 1
        for i, k in enumerate(kolom, start=1):
            v = b.sel.get(k.kunci)
            if k.jenis == "teks":
                tulis(ws, baris, i, v if v not in (None, "") else None)
            elif v is None:
                tulis(ws, baris, i, "-" if k.kunci in b.sel else None)
            else:
                c = tulis(ws, baris, i, v)
                c.number_format = format_excel(k.jenis, v)
            if b.jenis == "total":
                ws.cell(baris, i).font = Font(bold=True)
    baris += 1
    for teks in tabel.keterangan:
        baris += 1
        tulis(ws, baris, 1, teks)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.properties.creator = "Rencana & Kinerja Kecamatan"
    wb.properties.title = tabel.judul[0]
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def html_cetak_kota(r: RingkasanKota, tabel: Tabel | None = None) -> str:
    """The print document (source of the PDF): the table partial of every report and the ranking chart."""
    from django.template.loader import render_to_string
    from django.utils.safestring import mark_safe

    from core.laporan.render_html import css_cetak, konteks_tabel, lebar_cetak

    tabel = lebar_cetak(tabel or tabel_kota(r), "a4", True)
    konteks = konteks_tabel(tabel)
    konteks.update(
        {
            "ringkasan": r,
            "judul_kota": judul_kota(r.kota),
            "css": css_cetak(),
            "grafik": mark_safe(grafik_peringkat(r)),
        }
    )
    return render_to_string("kota/cetak.html", konteks)


def pdf_kota(r: RingkasanKota, tabel: Tabel | None = None) -> bytes:
    from django.conf import settings
    from weasyprint import HTML

    return HTML(string=html_cetak_kota(r, tabel), base_url=str(settings.BASE_DIR)).write_pdf()
