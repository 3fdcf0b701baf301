"""The approval workflow: draf → diajukan → disetujui / dikembalikan → revisi; the approved PDF is frozen."""

import subprocess
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from dokumen.models import StatusDokumen
from dokumen.pdf import dokumen_pdf
from dokumen.services import (
    GalatDokumen,
    dokumen_ajukan,
    dokumen_buka_revisi,
    dokumen_kembalikan,
    dokumen_setujui,
    dokumen_terkini,
    narasi_simpan,
)
from renja.models import Anggaran

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db


def teks_pdf(isi: bytes) -> str:
    hasil = subprocess.run(["pdftotext", "-layout", "-", "-"], input=isi, capture_output=True, check=True)
    return hasil.stdout.decode()


@pytest.fixture
def d():
    return dua_kecamatan()


def test_alur_ajukan_setujui_dan_pdf_dibekukan(d):
    op, camat = d["users"]["operator_a"], d["users"]["camat_a"]
    dok = dokumen_terkini(d["a"], 2020, "lkjip")
    assert dok.status == StatusDokumen.DRAF and dok.revisi == 0
    dok = dokumen_ajukan(dok, op)
    with pytest.raises(GalatDokumen, match="sudah diajukan"):
        dokumen_ajukan(dok, op)  # a double submit does not submit twice
    with pytest.raises(PermissionDenied):
        dokumen_setujui(dok, d["users"]["camat_b"])
    with pytest.raises(PermissionDenied):
        dokumen_setujui(dok, op)
    d["a"].pangkat_camat = "Pembina Tk. I"
    d["a"].save()
    dok = dokumen_setujui(dok, camat)
    assert dok.status == StatusDokumen.DISETUJUI and dok.diputuskan_oleh == camat
    tersimpan = dok.pdf.read()
    teks = teks_pdf(tersimpan)
    assert "CAMAT WALANTAKA" in teks and "Camat W" in teks and "Pembina Tk. I" in teks and "NIP. 1" in teks
    assert "DRAF" not in teks

    # data edited afterwards: the approved PDF stays byte-for-byte the same
    Anggaran.objects.filter(pk=d["ang_a"].pk).update(pagu=Decimal(999))
    dok.refresh_from_db()
    assert dok.pdf.open("rb").read() == tersimpan
    with pytest.raises(GalatDokumen, match="tidak dapat diubah"):
        narasi_simpan(d["a"], 2020, "lkjip", "bab1.latar_belakang", "baru", op)


def test_kembalikan_perlu_catatan_lalu_bisa_diajukan_lagi(d):
    op, camat = d["users"]["operator_a"], d["users"]["camat_a"]
    dok = dokumen_ajukan(dokumen_terkini(d["a"], 2020, "renja"), op)
    with pytest.raises(GalatDokumen, match="catatan"):
        dokumen_kembalikan(dok, camat, "  ")
    dok = dokumen_kembalikan(dok, camat, "Lengkapi BAB II")
    assert dok.status == StatusDokumen.DIKEMBALIKAN and dok.catatan == "Lengkapi BAB II"
    narasi_simpan(d["a"], 2020, "renja", "bab2.isu_penting", "Isu baru.", op)
    assert dokumen_ajukan(dok, op).status == StatusDokumen.DIAJUKAN


def test_bappeda_membuka_revisi_dari_dokumen_disetujui(d):
    op, camat, bappeda = d["users"]["operator_a"], d["users"]["camat_a"], d["users"]["bappeda"]
    dok = dokumen_terkini(d["a"], 2020, "renja")
    with pytest.raises(GalatDokumen):
        dokumen_buka_revisi(dok, bappeda)
    dok = dokumen_setujui(dokumen_ajukan(dok, op), camat)
    with pytest.raises(PermissionDenied):
        dokumen_buka_revisi(dok, camat)
    baru = dokumen_buka_revisi(dok, bappeda)
    assert baru.revisi == 1 and baru.status == StatusDokumen.DRAF and baru.judul_revisi == "Perubahan"
    assert dokumen_terkini(d["a"], 2020, "renja") == baru
    with pytest.raises(GalatDokumen, match="lebih baru"):
        dokumen_buka_revisi(dok, bappeda)


def test_pdf_draf_bertanda_draf_tanpa_tanda_tangan_dan_ada_daftar_isi(d):
    narasi_simpan(
        d["a"],
        2020,
        "lkjip",
        "bab1.latar_belakang",
        "Teks latar belakang Walantaka.",
        d["users"]["operator_a"],
    )
    teks = teks_pdf(dokumen_pdf(d["a"], 2020, "lkjip"))
    assert "DRAF" in teks and "DAFTAR ISI" in teks and "Teks latar belakang Walantaka." in teks
    assert "KATA PENGANTAR" in teks and "BAB III" in teks
    assert "NIP." not in teks


def test_halaman_dokumen_dan_aksi_lewat_web(client, d):
    url = reverse("dokumen:halaman", kwargs={"kode": "36.73.03", "tahun": 2020, "jenis": "lkjip"})
    aksi = lambda nama: reverse(
        "dokumen:aksi", kwargs={"kode": "36.73.03", "tahun": 2020, "jenis": "lkjip", "nama": nama}
    )
    client.force_login(d["users"]["operator_a"])
    r = client.get(url)
    assert r.status_code == 200 and "Ajukan ke camat" in r.content.decode()
    client.post(aksi("ajukan"))
    client.force_login(d["users"]["camat_a"])
    assert "Setujui dan tanda tangani" in client.get(url).content.decode()
    client.post(aksi("setujui"))
    r = client.get(reverse("dokumen:pdf", kwargs={"kode": "36.73.03", "tahun": 2020, "jenis": "lkjip"}))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert "CAMAT WALANTAKA" in teks_pdf(b"".join(r.streaming_content))
    client.force_login(d["users"]["operator_b"])
    assert client.get(url).status_code == 404


def test_riwayat_dokumen_mencatat_status_dan_narasi(client, d):
    op = d["users"]["operator_a"]
    narasi_simpan(d["a"], 2020, "renja", "bab1.latar_belakang", "Versi pertama.", op)
    narasi_simpan(d["a"], 2020, "renja", "bab1.latar_belakang", "Versi kedua.", op)
    dokumen_ajukan(dokumen_terkini(d["a"], 2020, "renja"), op)
    client.force_login(d["users"]["camat_a"])
    isi = client.get(
        reverse("dokumen:halaman", kwargs={"kode": "36.73.03", "tahun": 2020, "jenis": "renja"})
    ).content.decode()
    assert "Versi pertama." in isi and "Versi kedua." in isi and "diajukan" in isi
    r = client.get(reverse("dokumen:riwayat", kwargs={"kode": "36.73.03", "tahun": 2020, "jenis": "renja"}))
    assert r.status_code == 200 and r["Content-Disposition"].endswith('.xlsx"')
