"""The realisasi grid as a person uses it: what the page carries for the live computation, annual-only rows,
the sifat of each indicator, and the lock while a document is submitted."""

import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from core.choices import Sifat
from core.nilai import Nilai
from renja.models import Anggaran, Indikator
from renja.services import (
    TanyaGantiSetahun,
    anggaran_set_realisasi,
    anggaran_ubah,
    indikator_set_realisasi,
    sifat_bawaan,
)

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


# ------------------------------------------------------------------------------------------------
# A year figure without quarters is replaced by quarters only when the user says so
# ------------------------------------------------------------------------------------------------
TANYA = "Realisasi setahun 31.750.000 tercatat tanpa rincian triwulan: ganti dengan rincian triwulan?"


@pytest.fixture
def setahun(d):
    a = d["ang_a"]
    a.pagu, a.realisasi = Decimal(40_000_000), Decimal(31_750_000)  # as imported: no quarters
    a.save()
    return a


def test_triwulan_pertama_atas_realisasi_setahun_ditanya_dulu_tanpa_mengubah(d, setahun):
    with pytest.raises(TanyaGantiSetahun) as exc:
        anggaran_set_realisasi(
            setahun, versi=0, masukan={"realisasi_tw3": "1.250.000"}, user=d["users"]["operator_a"]
        )
    assert str(exc.value) == TANYA
    setahun.refresh_from_db()
    assert setahun.realisasi == 31_750_000 and setahun.realisasi_tw3 is None and setahun.versi == 0
    assert setahun.history.count() == 2  # created, imported: nothing added


def test_triwulan_atas_realisasi_setahun_dengan_jawaban_diganti_dan_tercatat(client, d, setahun):
    op = d["users"]["operator_a"]
    a = anggaran_set_realisasi(
        setahun, versi=0, masukan={"realisasi_tw3": "1.250.000"}, user=op, ganti_setahun=True
    )
    assert a.realisasi == a.realisasi_tw3 == 1_250_000
    assert a.history.first().history_change_reason == "Realisasi setahun diganti rincian triwulan"
    # the next quarter is an ordinary entry: no question any more
    a = anggaran_set_realisasi(a, versi=a.versi, masukan={"realisasi_tw4": "500.000"}, user=op)
    assert a.realisasi == 1_750_000
    client.force_login(op)
    r = client.get(reverse("laporan:riwayat-tahun", kwargs={"kode": d["a"].kode, "tahun": 2020}))
    ws = load_workbook(io.BytesIO(r.content)).active
    kepala = [c.value for c in ws[2]]
    keterangan = kepala.index("Keterangan")
    baris = [tuple(c.value for c in row) for row in ws.iter_rows(min_row=3)]
    setahun_diganti = [b for b in baris if b[3] == "realisasi setahun" and b[5] == "1.250.000"]
    assert setahun_diganti and setahun_diganti[0][4] == "31.750.000"
    assert setahun_diganti[0][keterangan] == "Realisasi setahun diganti rincian triwulan"


def test_grid_json_409_dengan_tanya_lalu_simpan_dengan_ganti_setahun(client, d, setahun):
    client.force_login(d["users"]["operator_a"])
    url = _url(d, "simpan-anggaran", pk=setahun.pk)
    r = client.post(url, {"versi": 0, "realisasi_tw3": "1.250.000"}, content_type="application/json")
    assert r.status_code == 409 and r.json()["tanya"] == TANYA
    assert Anggaran.objects.get(pk=setahun.pk).realisasi == 31_750_000
    r = client.post(
        url, {"versi": 0, "realisasi_tw3": "1.250.000", "ganti_setahun": 1}, content_type="application/json"
    )
    assert r.status_code == 200 and r.json()["jumlah"] == "1.250.000"


def test_grid_tanpa_js_menampilkan_pertanyaan_dengan_tombol_konfirmasi(client, d, setahun):
    client.force_login(d["users"]["operator_a"])
    url = _url(d, "simpan-anggaran", pk=setahun.pk)
    kosong = {f"realisasi_tw{tw}": "" for tw in (1, 2, 4)}
    r = client.post(url, {"versi": 0, "realisasi_tw3": "1.250.000", **kosong})
    html = r.content.decode()
    assert r.status_code == 409 and TANYA in html
    assert Anggaran.objects.get(pk=setahun.pk).realisasi == 31_750_000
    tanya = re.search(r'<div class="kartu tanya".*?</form>', html, re.DOTALL)
    assert tanya is not None
    form = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', tanya[0]))
    assert form["realisasi_tw3"] == "1.250.000" and form["ganti_setahun"] == "1" and form["versi"] == "0"
    assert f'action="{url}"' in tanya[0]
    r = client.post(url, form)  # the confirm button
    assert r.status_code == 302
    a = Anggaran.objects.get(pk=setahun.pk)
    assert a.realisasi == a.realisasi_tw3 == 1_250_000


def test_grid_menandai_baris_setahun_tanpa_rincian(client, d, setahun):
    html = _halaman(client, d)
    baris = re.search(rf'<tr class="baris-anggaran" id="a{setahun.pk}".*?</tr>', html, re.DOTALL)
    assert baris is not None and "setahun, tanpa rincian TW: Rp 31.750.000" in baris[0]
    Anggaran.objects.filter(pk=setahun.pk).update(realisasi_tw1=Decimal(31_750_000))
    html = _halaman(client, d)
    baris = re.search(rf'<tr class="baris-anggaran" id="a{setahun.pk}".*?</tr>', html, re.DOTALL)
    assert baris is not None and "tanpa rincian TW" not in baris[0]


def test_admin_mengganti_realisasi_setahun_tercatat_di_riwayat(d, setahun):
    a = anggaran_ubah(
        setahun, versi=0, nilai={"realisasi_tw1": Decimal(2_000_000)}, user=d["users"]["bappeda"]
    )
    assert a.realisasi == 2_000_000
    assert a.history.first().history_change_reason == (
        "Realisasi setahun diganti rincian triwulan (Diubah di admin)"
    )
