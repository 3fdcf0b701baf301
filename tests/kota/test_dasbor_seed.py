"""The kecamatan dashboard on the seed data: figures per kelurahan add up to the reports' totals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dokumen.dasbor import dasbor_kecamatan
from wilayah.models import Kecamatan

pytestmark = pytest.mark.django_db


def test_per_kelurahan_menjumlah_ke_angka_laporan(seed, klien):
    """Walantaka 2020: the lines per lokasi add up to the rekap's pagu and realisasi (the LKjIP's belanja
    langsung), and the page lists each kelurahan."""
    kec = Kecamatan.objects.get(kode="36.73.03")
    d = dasbor_kecamatan(kec, 2020)
    assert len(d.lokasi) > 2 and d.lokasi[0].nama.startswith("Kecamatan Walantaka")
    assert sum(lokasi.pagu or 0 for lokasi in d.lokasi) == d.pagu == Decimal(19213538636)
    assert sum(lokasi.realisasi or 0 for lokasi in d.lokasi) == d.realisasi
    html = klien("bappeda").get("/kecamatan/36.73.03/2020/").content.decode()
    assert "Per lokasi (kelurahan) tahun 2020" in html and "Kelurahan " in html


def test_capaian_setiap_indikator_sama_dengan_rekap(seed, klien):
    """Every indicator of Walantaka 2020 is listed with the capaian the LKjIP rekap prints for it."""
    from core.laporan import registry

    kec = Kecamatan.objects.get(kode="36.73.03")
    d = dasbor_kecamatan(kec, 2020)
    rekap = registry.laporan("lkjip-rekap").bangun(kec, 2020)
    dicetak, kode = {}, ""
    for b in rekap.baris:  # an indicator row after the first of its node carries no kode: it is the node's
        kode = b.get("kode") or kode
        if b.get("indikator") and b.get("k_c1") is not None:
            dicetak[(kode, b.get("indikator"))] = b.get("k_c1")
    assert len(d.indikator) > 50
    cocok = [i for i in d.indikator if (i.kode, i.uraian) in dicetak]
    assert len(cocok) == len(dicetak) > 20, (len(cocok), len(dicetak))
    assert all(dicetak[(i.kode, i.uraian)] == i.capaian for i in cocok)
    html = klien("pimpinan").get("/kecamatan/36.73.03/2020/").content.decode()
    assert f"Capaian per indikator 2020 ({len(d.indikator)} indikator)" in html
