"""The home page (``/``): each role starts where its work is.

- Operator: the kecamatan's year — quarters filled, realisasi against pagu, rows over pagu, indicators still
  empty, evidence missing, open catatan verifikator, the documents' status and what comes next.
- Camat: the documents waiting for his decision first (Setujui / Kembalikan right there), then the same.
- Admin Bappeda: every kecamatan of the city side by side, open catatan across kecamatan, recent imports.
- Pimpinan: the city summary, read-only.
Every role also keeps the list of kecamatan and years it may open.
"""

from __future__ import annotations

from datetime import date

import rules
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.forms import halaman_400, pesan_galat
from dokumen.selectors import kecamatan_dengan_tahun
from dokumen.struktur import STRUKTUR

from .forms import PilihTahunForm
from .selectors import (
    dokumen_menunggu_camat,
    impor_terakhir,
    ringkasan_kecamatan,
    ringkasan_kota,
)


@login_required
@require_safe
def beranda(request: HttpRequest) -> HttpResponse:
    pilihan = PilihTahunForm(request.GET)
    if not pilihan.is_valid():
        return halaman_400(request, list(pesan_galat(pilihan).values()))
    daftar = kecamatan_dengan_tahun(request.user)
    semua_tahun = sorted({th for _kec, tahun in daftar for th in tahun}, reverse=True)
    tahun = pilihan.cleaned_data["tahun"] or (semua_tahun[0] if semua_tahun else date.today().year)
    user = request.user
    sendiri = daftar[0][0] if len(daftar) == 1 else None
    staf = rules.has_perm("beranda.ringkasan_kecamatan", user, sendiri)
    konteks: dict = {
        "daftar": daftar,
        "tahun": tahun,
        "semua_tahun": semua_tahun,
        "struktur": STRUKTUR,
        "staf": staf,
    }
    if staf and sendiri is not None:
        konteks["ringkasan"] = ringkasan_kecamatan([sendiri], tahun)[0]
        if rules.has_perm("dokumen.setujui", user, sendiri):
            konteks["menunggu"] = list(dokumen_menunggu_camat(sendiri))
    elif rules.has_perm("beranda.ringkasan_kota", user):
        konteks["kota"] = ringkasan_kota([kec for kec, _tahun in daftar], tahun)
        if rules.has_perm("workbook.impor", user):
            konteks["impor"] = impor_terakhir()
    return render(request, "beranda/beranda.html", konteks)
