"""The realisasi grid as a person uses it: what the page carries for the live computation, annual-only rows,
the sifat of each indicator, and the lock while a document is submitted."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from core.choices import Sifat
from core.nilai import Nilai
from renja.models import Anggaran, Indikator
from renja.services import indikator_set_realisasi, sifat_bawaan

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db


@pytest.fixture
def d():
    return dua_kecamatan()


def _url(d, nama, **kw):
    return reverse(f"renja:{nama}", kwargs={"kode": d["a"].kode, "tahun": 2020, **kw})


def _halaman(client, d) -> str:
    client.force_login(d["users"]["operator_a"])
    r = client.get(_url(d, "realisasi"))
    assert r.status_code == 200
    return r.content.decode()


def test_data_pagu_angka_mesin_bukan_format_indonesia(client, d):
    Anggaran.objects.filter(pk=d["ang_a"].pk).update(pagu=Decimal("31750000.00"))
    html = _halaman(client, d)
    baris = re.search(rf'id="a{d["ang_a"].pk}"[^>]*data-pagu="([^"]*)"', html)
    assert baris is not None
    assert re.fullmatch(r"\d+(\.\d+)?", baris[1]), baris[1]  # JavaScript's Number() reads it
    assert Decimal(baris[1]) == Decimal(31750000)


def test_baris_anggaran_punya_tempat_pesan_lewat_pagu(client, d):
    html = _halaman(client, d)
    baris = re.search(rf'<tr class="baris-anggaran" id="a{d["ang_a"].pk}".*?</tr>', html, re.DOTALL)
    assert baris is not None and 'class="pesan-pagu galat"' in baris[0]


@pytest.mark.parametrize(
    "satuan, target, sifat",
    [
        ("%", "75", Sifat.AKHIR),
        ("Persen", "90", Sifat.AKHIR),
        ("Indeks", "3,5", Sifat.AKHIR),
        ("nilai", "80", Sifat.AKHIR),
        ("Predikat", "BB", Sifat.AKHIR),
        ("", "A", Sifat.AKHIR),  # a grade as target
        ("Dokumen", "12", Sifat.KUMULATIF),
        ("Orang", "", Sifat.KUMULATIF),
        (None, None, Sifat.KUMULATIF),
    ],
)
def test_sifat_bawaan_persen_indeks_nilai_predikat_akhir_lainnya_kumulatif(satuan, target, sifat):
    assert sifat_bawaan(satuan, target) == sifat
    assert sifat_bawaan(satuan, Nilai.parse(target) if target else None) == sifat


def _tambah_indikator(client, d, **ubah):
    client.force_login(d["users"]["bappeda"])
    data = {
        "tahun": 2020,
        "kecamatan": d["a"].pk,
        "nomenklatur": d["program"].pk,
        "uraian": "Persentase layanan tepat waktu",
        "satuan": "%",
        "target": "95",
        "polaritas": "positif",
        "sifat": "",
        "urutan": 2,
        "_save": "Simpan",
        **ubah,
    }
    r = client.post("/admin/renja/indikator/add/", data)
    assert r.status_code == 302, r.content.decode()[:2000]
    return Indikator.objects.get(uraian=data["uraian"])


def test_indikator_persen_baru_di_admin_tanpa_sifat_menjadi_akhir(client, d):
    i = _tambah_indikator(client, d)
    assert i.sifat == Sifat.AKHIR
    i = indikator_set_realisasi(
        i,
        versi=i.versi,
        masukan={"realisasi_tw1": "95", "realisasi_tw2": "95"},
        user=d["users"]["operator_a"],
    )
    assert i.realisasi == Nilai(angka=Decimal(95))  # not 190


def test_indikator_baru_di_admin_sifat_eksplisit_dihormati(client, d):
    i = _tambah_indikator(client, d, sifat="kumulatif")
    assert i.sifat == Sifat.KUMULATIF
    i = _tambah_indikator(client, d, uraian="Dokumen tersusun", satuan="Dokumen", target="4")
    assert i.sifat == Sifat.KUMULATIF


def test_baris_indikator_menampilkan_sifat(client, d):
    html = _halaman(client, d)
    ind_a = re.search(rf'<tr class="baris-indikator" id="i{d["ind_a"].pk}".*?</tr>', html, re.DOTALL)
    ind_prog = re.search(rf'<tr class="baris-indikator" id="i{d["ind_prog"].pk}".*?</tr>', html, re.DOTALL)
    assert ind_a is not None and "kumulatif (jumlah TW)" in ind_a[0]
    assert ind_prog is not None and "akhir (TW terakhir)" in ind_prog[0]
