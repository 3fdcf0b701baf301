"""Every input of the realisasi pages goes through a Django form: bad input is 400 with a message in Bahasa
Indonesia, never 500 and never a partial save; and the grid saves a row without JavaScript (one form per row,
named by the row's cells with ``form="…"``)."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.nilai import KOSONG, Nilai
from renja.models import Anggaran, BuktiDukung, CatatanRealisasi, CatatanVerifikator, Indikator

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def d():
    return dua_kecamatan()


def _url(nama: str, **kw) -> str:
    return reverse(f"renja:{nama}", kwargs={"kode": "36.73.03", "tahun": 2020, **kw})


def _post_json(client, url: str, body: str):
    return client.post(url, body, content_type="application/json")


# ------------------------------------------------------------------------------------------------
# The grid's JSON answers: 400 {pesan, galat} for anything unusable
# ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "body, kolom, kata",
    [
        ('{"versi": 0, "realisasi_tw1": "' + "1" * 29 + '"}', "realisasi_tw1", "terlalu besar"),
        ('{"versi": 0, "realisasi_tw1": "' + "9" * 17 + '"}', "realisasi_tw1", "paling banyak 16 angka"),
        ('{"versi": 0, "realisasi_tw1": 1e308}', "realisasi_tw1", "terlalu besar"),
        ('{"versi": 0, "realisasi_tw1": [1, 2]}', "realisasi_tw1", "bukan angka"),
        ('{"versi": 0, "realisasi_tw1": true}', "realisasi_tw1", "bukan angka"),
        ('{"versi": 0, "realisasi_tw1": "1,005"}', "realisasi_tw1", "2 angka di belakang koma"),
        ('{"versi": 0, "realisasi_tw1": "-5"}', "realisasi_tw1", "negatif"),
        ('{"versi": "satu", "realisasi_tw1": "5"}', "versi", "muat ulang"),
        ('{"versi": 1e400, "realisasi_tw1": "5"}', "versi", "muat ulang"),
        ('{"realisasi_tw1": "5"}', "versi", "Versi baris tidak dikirim"),
    ],
)
def test_simpan_anggaran_json_tidak_sah_400_dengan_galat_per_kolom(client, d, body, kolom, kata):
    client.force_login(d["users"]["operator_a"])
    r = _post_json(client, _url("simpan-anggaran", pk=d["ang_a"].pk), body)
    assert r.status_code == 400
    assert kata in r.json()["galat"][kolom] and r.json()["pesan"]
    a = Anggaran.objects.get(pk=d["ang_a"].pk)
    assert a.realisasi_tw1 is None and a.versi == 0


@pytest.mark.parametrize("body", ["[1, 2]", "5", '"teks"', "null", "{bukan json", "[" * 100000])
def test_badan_json_yang_bukan_objek_400(client, d, body):
    client.force_login(d["users"]["operator_a"])
    for nama, pk in (("simpan-anggaran", d["ang_a"].pk), ("simpan-indikator", d["ind_a"].pk)):
        r = _post_json(client, _url(nama, pk=pk), body)
        assert r.status_code == 400 and "JSON" in r.json()["pesan"], (nama, body[:10])


@pytest.mark.parametrize(
    "nilai, kata",
    [
        ("1" * 40, "paling banyak 32 karakter"),
        ("0," + "1" * 40, "paling banyak 32 karakter"),
        ("banyak", "bukan nilai"),
    ],
)
def test_simpan_indikator_nilai_tidak_sah_400(client, d, nilai, kata):
    client.force_login(d["users"]["operator_a"])
    r = _post_json(
        client, _url("simpan-indikator", pk=d["ind_a"].pk), json.dumps({"versi": 0, "realisasi_tw1": nilai})
    )
    assert r.status_code == 400 and kata in r.json()["galat"]["realisasi_tw1"]
    assert Indikator.objects.get(pk=d["ind_a"].pk).realisasi_tw1 == KOSONG


def test_json_tetap_berbentuk_seperti_yang_dibaca_skrip(client, d):
    client.force_login(d["users"]["operator_a"])
    url = _url("simpan-anggaran", pk=d["ang_a"].pk)
    r = _post_json(client, url, '{"versi": 0, "realisasi_tw1": 250000.5}')
    assert r.status_code == 200
    assert r.json() | {"pesan": ""} == {
        "pesan": "",
        "id": d["ang_a"].pk,
        "versi": 1,
        "nilai": {
            "realisasi_tw1": "250.000,5",
            "realisasi_tw2": "-",
            "realisasi_tw3": "-",
            "realisasi_tw4": "-",
        },
        "jumlah": "250.001",
        "serapan": "25,00",
        # the row's computed cells as the grid shows them (the script draws these, it does not recompute)
        "tampil": {"jumlah": "250.001", "capaian": "25,00 %", "lewat_pagu": False, "pesan_pagu": ""},
    }
    # a line over its pagu (an import accepted on confirmation) comes back marked, with the message
    Anggaran.objects.filter(pk=d["ang_a"].pk).update(realisasi_tw2=Decimal(900_000))
    r = _post_json(client, url, '{"versi": 0, "realisasi_tw1": "1"}')
    assert r.status_code == 409 and set(r.json()) == {"pesan", "sekarang"}
    assert r.json()["sekarang"]["tampil"] == {
        "jumlah": "1.150.001",
        "capaian": "115,00 %",
        "lewat_pagu": True,
        "pesan_pagu": "Jumlah Rp 1.150.001 melebihi pagu Rp 1.000.000.",
    }
    # a form post that asks for JSON (FormData from the script) gets JSON too
    r = client.post(url, {"versi": 1, "realisasi_tw2": "10"}, HTTP_ACCEPT="application/json")
    assert r.status_code == 200 and r.json()["versi"] == 2


# ------------------------------------------------------------------------------------------------
# Without JavaScript: the row's form posts, the page comes back with a message
# ------------------------------------------------------------------------------------------------
def test_grid_punya_form_per_baris_yang_dirujuk_sel_barisnya(client, d):
    client.force_login(d["users"]["operator_a"])
    isi = client.get(_url("realisasi")).content.decode()
    aksi = _url("simpan-anggaran", pk=d["ang_a"].pk)
    form = re.search(
        rf'<form id="f-a{d["ang_a"].pk}" method="post" action="{re.escape(aksi)}">(.*?)</form>',
        isi,
        re.DOTALL,
    )
    assert form and 'name="versi" value="0"' in form.group(1) and "csrfmiddlewaretoken" in form.group(1)
    assert isi.count(f'form="f-a{d["ang_a"].pk}"') == 5  # four quarters and the Simpan button
    assert f'<button type="submit" form="f-i{d["ind_a"].pk}"' in isi
    client.force_login(d["users"]["pimpinan"])
    isi = client.get(_url("realisasi")).content.decode()
    assert 'form="f-' not in isi and '<form id="f-' not in isi


def test_simpan_tanpa_javascript_kembali_ke_baris_dengan_pesan(client, d):
    client.force_login(d["users"]["operator_a"])
    r = client.post(_url("simpan-anggaran", pk=d["ang_a"].pk), {"versi": "0", "realisasi_tw1": "250.000"})
    assert r.status_code == 302 and r["Location"] == _url("realisasi") + f"#a{d['ang_a'].pk}"
    assert Anggaran.objects.get(pk=d["ang_a"].pk).realisasi_tw1 == Decimal(250000)
    isi = client.get(r["Location"]).content.decode()
    assert "tersimpan" in isi and 'value="250.000"' in isi
    r = client.post(_url("simpan-indikator", pk=d["ind_a"].pk), {"versi": "0", "realisasi_tw1": "3"})
    assert r.status_code == 302 and r["Location"].endswith(f"#i{d['ind_a'].pk}")
    assert Indikator.objects.get(pk=d["ind_a"].pk).realisasi_tw1 == Nilai.parse("3")


@pytest.mark.parametrize(
    "data, kata",
    [
        ({"versi": "0", "realisasi_tw1": "dua juta"}, "bukan angka"),
        ({"versi": "0", "realisasi_tw1": "1" * 29}, "terlalu besar"),
        ({"versi": "0", "realisasi_tw1": "600.000", "realisasi_tw2": "500.000"}, "melebihi pagu"),
        ({"realisasi_tw1": "5"}, "Versi baris tidak dikirim"),
    ],
)
def test_simpan_tanpa_javascript_isian_salah_400_dengan_pesan_tanpa_menyimpan(client, d, data, kata):
    client.force_login(d["users"]["operator_a"])
    r = client.post(_url("simpan-anggaran", pk=d["ang_a"].pk), data)
    assert r.status_code == 400 and r["Content-Type"].startswith("text/html")
    isi = r.content.decode()
    assert kata in isi and "Operasional Pelayanan Kelurahan Walantaka" in isi
    a = Anggaran.objects.get(pk=d["ang_a"].pk)
    assert (a.realisasi_tw1, a.realisasi_tw2, a.versi) == (None, None, 0)


def test_simpan_tanpa_javascript_versi_usang_409_dengan_pesan(client, d):
    client.force_login(d["users"]["operator_a"])
    url = _url("simpan-anggaran", pk=d["ang_a"].pk)
    assert client.post(url, {"versi": "0", "realisasi_tw1": "100"}).status_code == 302
    r = client.post(url, {"versi": "0", "realisasi_tw1": "200"})
    assert r.status_code == 409 and "diubah oleh pengguna lain" in r.content.decode()
    assert Anggaran.objects.get(pk=d["ang_a"].pk).realisasi_tw1 == Decimal(100)


# ------------------------------------------------------------------------------------------------
# Keterangan, bukti dukung, catatan verifikator and its answer
# ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "data, kata",
    [
        ({"triwulan": "9", "keterangan": "x"}, "Triwulan harus 1 sampai 4"),
        ({"triwulan": "satu", "keterangan": "x"}, "Triwulan harus 1 sampai 4"),
        ({"keterangan": "x"}, "Pilih triwulan"),
        ({"triwulan": "1", "keterangan": "x" * 4001}, "paling banyak 4000 karakter"),
    ],
)
def test_keterangan_tidak_sah_400(client, d, data, kata):
    client.force_login(d["users"]["operator_a"])
    r = client.post(_url("keterangan", node=d["kegiatan"].pk), data)
    assert r.status_code == 400 and kata in r.content.decode()
    assert not CatatanRealisasi.objects.exists()


@pytest.mark.parametrize(
    "data, kata",
    [
        ({"triwulan": "1"}, "Pilih berkas"),
        ({"triwulan": "0", "berkas": ("a.pdf", PDF)}, "Triwulan harus 1 sampai 4"),
        ({"triwulan": "1", "berkas": ("virus.exe", b"MZ\x90\x00")}, "Jenis berkas tidak diterima"),
    ],
)
def test_bukti_tidak_sah_400(client, d, data, kata):
    client.force_login(d["users"]["operator_a"])
    if "berkas" in data:
        data = {**data, "berkas": SimpleUploadedFile(*data["berkas"])}
    r = client.post(_url("bukti-baru", node=d["kegiatan"].pk), data)
    assert r.status_code == 400 and kata in r.content.decode()
    assert not BuktiDukung.objects.exists()


@pytest.mark.parametrize(
    "data, kata",
    [
        ({"triwulan": "1", "catatan": "   "}, "Catatan tidak boleh kosong"),
        ({"triwulan": "5", "catatan": "x"}, "Triwulan harus 1 sampai 4"),
        ({"triwulan": "1", "catatan": "x" * 4001}, "paling banyak 4000 karakter"),
    ],
)
def test_catatan_verifikator_tidak_sah_400(client, d, data, kata):
    client.force_login(d["users"]["bappeda"])
    r = client.post(_url("catatan"), data)
    assert r.status_code == 400 and kata in r.content.decode()
    assert not CatatanVerifikator.objects.exists()


def test_jawaban_catatan_kosong_400(client, d):
    c = CatatanVerifikator.objects.create(
        kecamatan=d["a"], tahun=2020, triwulan=1, catatan="?", ditulis_oleh=d["users"]["bappeda"]
    )
    client.force_login(d["users"]["operator_a"])
    r = client.post(_url("catatan-jawab", pk=c.pk), {"jawaban": " "})
    assert r.status_code == 400 and "Jawaban tidak boleh kosong" in r.content.decode()
    c.refresh_from_db()
    assert c.jawaban == "" and c.dijawab_oleh is None
