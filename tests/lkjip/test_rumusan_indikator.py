"""Renja BAB III "Rumusan dan Definisi Operasional Indikator Renja PD": sasaran with their indicators and
formulas, then the program tree with each node's indicators; from the seed workbooks."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.laporan import registry
from core.laporan.keluaran import hasilkan
from lkjip.models import Sasaran, Tujuan
from lkjip.reports import renja_rumusan_indikator
from wilayah.models import Kecamatan

pytestmark = pytest.mark.django_db


def _kec(kode: str) -> Kecamatan:
    return Kecamatan.objects.select_related("kota").get(kode=kode)


def test_kepala_seperti_seed(seed):
    t = renja_rumusan_indikator(_kec("36.73.01"), 2022)
    assert [kp.judul for kp in t.kepala] == [
        "Tujuan/Sasaran/Program Perangkat Daerah",
        "Indikator Tujuan/Sasaran/Program/Kegiatan",
    ]
    assert [k.judul for k in t.kolom[1:]] == ["Indikator", "Satuan", "Rumus/Formula", "Penjelasan/Keterangan"]
    assert t.judul[0] == "Rumusan dan Definisi Operasional Indikator Renja PD Tahun 2022"


def test_sasaran_dengan_indikator_dan_rumus(seed):
    t = renja_rumusan_indikator(_kec("36.73.03"), 2020)
    sasaran = [b for b in t.baris if str(b.sel.get("uraian", "")).startswith("Sasaran ")]
    assert (
        sasaran[0]
        .sel["uraian"]
        .startswith("Sasaran 1. Meningkatnya akuntabilitas kinerja penyelenggaraan pemerintahan")
    )
    kelurahan = t.cari(indikator="Capaian Kelurahan yang memenuhi standard kelurahan (berkembang)")
    assert "Jumlah kelurahan berkembang" in kelurahan.sel["rumus"]  # seed §3.1.2 (line 533)
    assert kelurahan.sel["keterangan"] == "Target 30 %"


def test_program_kegiatan_dengan_indikator(seed):
    t = renja_rumusan_indikator(_kec("36.73.01"), 2022)
    assert t.baris[0].jenis == "catatan" and "Belum ada sasaran strategis tahun 2022" in t.baris[0].teks
    b = t.cari(indikator="Jumlah Dokumen Renja Murni, Renja Perubahan dan Renstra, PK")
    assert b.jenis == "sub_kegiatan"
    assert b.sel["uraian"].startswith("Sub Kegiatan 1.")
    assert b.sel["uraian"].endswith("7.01.01.2.01.0001 Penyusunan Dokumen Perencanaan Perangkat Daerah")
    assert b.sel["rumus"] is None and b.sel["keterangan"] == "Target 4"
    program = [b for b in t.baris if b.jenis == "program"]
    assert [p.sel["uraian"].split(". ", 1)[1].split()[0] for p in program] == [
        "7.01.01",
        "7.01.02",
        "7.01.03",
        "7.01.05",
    ]


def test_jumlah_query_tetap(seed, django_assert_max_num_queries):
    for kode, tahun in (("36.73.01", 2022), ("36.73.03", 2020)):
        kec = _kec(kode)
        with django_assert_max_num_queries(5):
            renja_rumusan_indikator(kec, tahun)


def test_pdf_kode_utuh_dan_tanpa_tidak(seed):
    kec = _kec("36.73.01")
    isi = hasilkan(registry.laporan("renja-rumusan-indikator"), kec, 2022, "pdf").isi
    teks = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=isi, capture_output=True, check=True
    ).stdout.decode()
    assert "Rumusan dan Definisi Operasional Indikator Renja PD Tahun 2022" in teks
    kata = set(teks.split())
    t = renja_rumusan_indikator(kec, 2022)
    kode = {m for b in t.baris for m in re.findall(r"\b7\.01[\d.]*\d\b", str(b.sel.get("uraian", "")))}
    assert len(kode) > 30
    assert not sorted(k for k in kode if k not in kata)


def _tujuan_demo() -> dict:
    """Serang's tujuan as the demo loads it (fixtures/narasi, written from fixtures/seed/narasi_serang.py)."""
    from django.conf import settings

    berkas = settings.BASE_DIR / "fixtures" / "narasi" / "36.73.01-kecamatan-serang.json"
    data = json.loads(berkas.read_text(encoding="utf-8"))
    return {"kode_kecamatan": data["kode_kecamatan"], "tujuan": data["tujuan"]}


def test_tujuan_seed_serang_baris_pertama(seed):
    from dokumen.demo import narasi_muat

    assert narasi_muat(_tujuan_demo()) == 1
    assert narasi_muat(_tujuan_demo()) == 0  # loading again changes nothing
    t = renja_rumusan_indikator(_kec("36.73.01"), 2022)
    tujuan = t.baris[0]
    assert tujuan.sel["uraian"] == (
        "Tujuan 1. Meningkatnya Tata Kelola Pemerintahan dan Pelayanan Publik pada tingkat kecamatan"
    )  # seed line 604
    assert tujuan.sel["indikator"] == "Indeks Kepuasan Pelayanan Kecamatan Serang"  # seed line 608
    assert tujuan.sel["rumus"] is None and tujuan.tingkat == 0
    assert t.baris[1].jenis == "catatan" and "Belum ada sasaran strategis tahun 2022" in t.baris[1].teks


def test_sasaran_di_bawah_tujuannya_lalu_sasaran_lepas(seed, client):
    kec = _kec("36.73.03")
    tujuan = Tujuan.objects.create(
        tahun=2020,
        kecamatan=kec,
        uraian="Meningkatnya Tata Kelola Pemerintahan dan Pelayanan Publik pada tingkat kecamatan",
        indikator="Indeks Kepuasan Pelayanan",
        satuan="%",
        rumus="Nilai   IKM\nhasil survei",
        keterangan="Dari Renstra",
    )
    pertama = Sasaran.objects.untuk(kec, 2020).order_by("urutan", "id").first()
    pertama.tujuan = tujuan
    pertama.full_clean()
    pertama.save()
    t = renja_rumusan_indikator(kec, 2020)
    uraian = [
        str(b.sel.get("uraian", "")) for b in t.baris if str(b.sel.get("uraian", "")).startswith(("T", "S"))
    ]
    assert uraian[0].startswith("Tujuan 1. Meningkatnya Tata Kelola")
    assert uraian[1].startswith("Sasaran 1.1. Meningkatnya akuntabilitas kinerja")
    assert uraian[2].startswith("Sasaran 1. Meningkatnya kualitas kesekretariatan")  # not tied: after
    assert (t.baris[0].sel["rumus"], t.baris[0].sel["satuan"], t.baris[0].sel["keterangan"]) == (
        "Nilai IKM hasil survei",
        "%",
        "Dari Renstra",
    )
    assert t.baris[1].tingkat == 1 and t.baris[1].induk == f"t{tujuan.pk}"
    assert t.cari(indikator="Hasil evaluasi LKjIP").tingkat == 2
    # the report page prints them in that order
    from wilayah.akun import pengguna_simpan
    from wilayah.models import Peran

    client.force_login(pengguna_simpan("pimpinan_uji", Peran.PIMPINAN, password="x-uji-123"))
    url = reverse("laporan:laporan", args=["36.73.03", 2020, "renja-rumusan-indikator"])
    isi = client.get(url).content.decode()
    assert isi.index("Tujuan 1. Meningkatnya Tata Kelola") < isi.index(
        "Sasaran 1.1. Meningkatnya akuntabilitas"
    )


def test_tujuan_sasaran_harus_sekecamatan_setahun(seed):
    kec = _kec("36.73.03")
    lain = Tujuan.objects.create(tahun=2021, kecamatan=kec, uraian="Tujuan tahun lain")
    s = Sasaran.objects.untuk(kec, 2020).first()
    s.tujuan = lain
    with pytest.raises(ValidationError) as exc:
        s.full_clean()
    assert "Tujuan harus dari kecamatan dan tahun yang sama." in str(exc.value)
