"""The whole Renja / LKjIP as one PDF: cover, kata pengantar, daftar isi with page numbers, the chapters with
their narrative and report tables in place, and — for an approved revision — the signature block.

Tables come from the report registry (the same builders and table partial as every report page), so the
document can never disagree with the separate reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation

from core.laporan.registry import KERTAS
from core.laporan.registry import laporan as cari_laporan
from core.laporan.render_html import css_cetak, konteks_tabel, kop, lebar_cetak, ukuran_huruf
from dokumen.models import Dokumen
from wilayah.models import Kecamatan

from .services import narasi_dokumen
from .struktur import STRUKTUR, Bagian


@dataclass
class TabelDokumen:
    slug: str
    judul: str
    lanskap: bool
    konteks: dict | None  # None: the report is not available
    huruf: float = 7.0  # pt: the largest size at which every figure fits its column


@dataclass
class BagianCetak:
    bagian: Bagian
    anchor: str
    paragraf: list[str]
    tabel: list[TabelDokumen] = field(default_factory=list)


def paragraf(teks: str) -> list[str]:
    return [p.strip() for p in (teks or "").replace("\r\n", "\n").split("\n\n") if p.strip()]


def tanggal_indonesia(waktu) -> str:
    with translation.override("id"):
        return formats.date_format(timezone.localtime(waktu), "j F Y")


def konteks_dokumen(
    kecamatan: Kecamatan, tahun: int, jenis: str, disetujui: Dokumen | None = None, kertas: str = "a4"
) -> dict:
    struktur = STRUKTUR[jenis]
    narasi = narasi_dokumen(kecamatan, tahun, jenis)
    bab = []
    for i, b in enumerate(struktur.bab, start=1):
        isi = []
        for j, bagian in enumerate(b.bagian, start=1):
            cetak = BagianCetak(bagian, f"b{i}-{j}", paragraf(narasi[bagian.kunci]))
            for slug in bagian.laporan:
                try:
                    lap = cari_laporan(slug)
                except KeyError:
                    cetak.tabel.append(TabelDokumen(slug, slug, False, None))
                    continue
                tabel = lebar_cetak(lap.bangun(kecamatan, tahun), kertas, lap.lanskap)
                cetak.tabel.append(
                    TabelDokumen(
                        slug,
                        lap.judul,
                        lap.lanskap,
                        konteks_tabel(tabel),
                        ukuran_huruf(tabel, kertas, lap.lanskap),
                    )
                )
            isi.append(cetak)
        bab.append((b, f"bab{i}", isi))
    lebar, tinggi = KERTAS.get(kertas, KERTAS["a4"])
    tempat = kecamatan.kota.nama.removeprefix("Kota ").removeprefix("Kabupaten ")
    return {
        "struktur": struktur,
        "kecamatan": kecamatan,
        "tahun": tahun,
        "kop": kop(kecamatan),
        "css": css_cetak(),
        "halaman_tegak": f"{lebar}mm {tinggi}mm",
        "halaman_lanskap": f"{tinggi}mm {lebar}mm",
        "kata_pengantar": paragraf(narasi["kata_pengantar"]),
        "bab": bab,
        "disetujui": disetujui,
        "judul_revisi": disetujui.judul_revisi if disetujui else "",
        "tanda_tangan": {
            "tempat": tempat,
            "tanggal": tanggal_indonesia(disetujui.diputuskan_pada)
            if disetujui and disetujui.diputuskan_pada
            else "",
            "jabatan": f"CAMAT {kecamatan.nama.upper()}",
            "nama": kecamatan.nama_camat,
            "pangkat": kecamatan.pangkat_camat,
            "nip": kecamatan.nip_camat,
        },
    }


def dokumen_html(
    kecamatan: Kecamatan, tahun: int, jenis: str, disetujui: Dokumen | None = None, kertas: str = "a4"
) -> str:
    return render_to_string("dokumen/cetak.html", konteks_dokumen(kecamatan, tahun, jenis, disetujui, kertas))


def dokumen_pdf(
    kecamatan: Kecamatan, tahun: int, jenis: str, disetujui: Dokumen | None = None, kertas: str = "a4"
) -> bytes:
    """PDF bytes. Without ``disetujui`` the pages carry a DRAF watermark and no signature."""
    from weasyprint import HTML

    html = dokumen_html(kecamatan, tahun, jenis, disetujui, kertas)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
