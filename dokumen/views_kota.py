"""The city overview ``/kota/<kode>/<tahun>/`` (Bappeda and pimpinan; everyone else 404, see
:func:`wilayah.akses.akses_kota`): the page, ``?format=xlsx`` and ``?format=pdf``."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from core.forms import halaman_400, pesan_galat
from core.laporan.keluaran import JENIS_ISI
from core.laporan.render_html import konteks_tabel
from core.unduhan import respons_unduhan
from wilayah.akses import akses_kota, kecamatan_kota

from .forms import RingkasanKotaForm
from .kota import (
    KOLOM_URUT,
    URUTAN,
    grafik_peringkat,
    grafik_peringkat_capaian,
    judul_kota,
    kecil_kumulatif,
    nama_berkas,
    pdf_kota,
    ringkasan_kota,
    tabel_kota,
    xlsx_kota,
)


@akses_kota
@require_safe
def ringkasan(request: HttpRequest, kota, tahun: int) -> HttpResponse:
    pilihan = RingkasanKotaForm(request.GET)
    if not pilihan.is_valid():
        return halaman_400(request, list(pesan_galat(pilihan).values()))
    urut, format = pilihan.cleaned_data["urut"], pilihan.cleaned_data["format"]
    r = ringkasan_kota(kota, tahun, kecamatan_kota(request.user, kota), urut)
    tabel = tabel_kota(r)
    if format == "xlsx":
        return respons_unduhan(xlsx_kota(r, tabel), nama_berkas(r, "xlsx"), JENIS_ISI["xlsx"])
    if format == "pdf":
        return respons_unduhan(pdf_kota(r, tabel), nama_berkas(r, "pdf"), JENIS_ISI["pdf"])
    # sort links of the header: a column sorted ascending links to descending and back
    tautan = {}
    for kolom in tabel.kolom:
        kunci = KOLOM_URUT.get(kolom.kunci, kolom.kunci)
        if kunci not in URUTAN:
            continue
        aktif = urut.lstrip("-") == kunci
        turun = urut.startswith("-")
        tautan[kolom.kunci] = {
            "urut": f"-{kunci}" if aktif and not turun else kunci,
            "tanda": ("▼ menurun" if turun else "▲ menaik") if aktif else "",
        }
    kepala = [
        (kp.judul if kp.tunggal else f"{kp.judul}: {k.judul}", k, tautan.get(k.kunci))
        for kp in tabel.kepala
        for k in kp.kolom
    ]
    konteks = konteks_tabel(tabel)
    konteks.update(
        {
            "ringkasan": r,
            "kota": kota,
            "tahun": tahun,
            "judul_kota": judul_kota(kota),
            "urut": urut,
            "kepala": kepala,
            # core.grafik escapes every text it draws
            "grafik_serapan": mark_safe(grafik_peringkat(r)),
            "grafik_capaian": mark_safe(grafik_peringkat_capaian(r)),
            "kecil": [(k, mark_safe(k.svg)) for k in kecil_kumulatif(r)],
        }
    )
    return render(request, "kota/ringkasan.html", konteks)
