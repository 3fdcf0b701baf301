"""Keterangan, bukti dukung (type/size-checked, private, scoped), catatan verifikator, and the audit trail."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from renja.models import BuktiDukung, CatatanRealisasi, CatatanVerifikator
from renja.services import anggaran_set_realisasi, triwulan_tutup

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def d():
    return dua_kecamatan()


def url(d, nama, **kw):
    return reverse(f"renja:{nama}", kwargs={"kode": d["a"].kode, "tahun": 2020, **kw})


def test_unggah_bukti_pdf_lalu_hanya_yang_berhak_bisa_mengunduh(client, d, settings):
    client.force_login(d["users"]["operator_a"])
    berkas = SimpleUploadedFile("laporan tw1.pdf", PDF, content_type="application/pdf")
    r = client.post(url(d, "bukti-baru", node=d["kegiatan"].pk), {"triwulan": 1, "berkas": berkas})
    assert r.status_code == 302
    b = BuktiDukung.objects.get()
    assert b.nama_asli == "laporan tw1.pdf" and b.jenis == "application/pdf"
    # stored outside the web root: under PRIVATE_MEDIA_ROOT, not MEDIA_ROOT; served only by the scoped view below
    assert b.berkas.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not b.berkas.path.startswith(str(settings.MEDIA_ROOT))
    unduh = url(d, "bukti", pk=b.pk)
    r = client.get(unduh)
    assert r.status_code == 200 and b"".join(r.streaming_content) == PDF
    client.force_login(d["users"]["operator_b"])
    assert client.get(unduh).status_code == 404
    client.logout()
    assert client.get(unduh).status_code == 302


@pytest.mark.parametrize(
    "nama, isi, pesan",
    [
        ("virus.exe", b"MZ\x90\x00", "Jenis berkas tidak diterima"),
        ("palsu.pdf", b"<html>bukan pdf</html>", "Jenis berkas tidak diterima"),
        ("rusak.xlsx", b"PK\x03\x04tidak lengkap", "Jenis berkas tidak diterima"),
    ],
)
def test_bukti_yang_bukan_pdf_gambar_xlsx_ditolak(client, d, nama, isi, pesan):
    client.force_login(d["users"]["operator_a"])
    r = client.post(
        url(d, "bukti-baru", node=d["kegiatan"].pk),
        {"triwulan": 1, "berkas": SimpleUploadedFile(nama, isi)},
        follow=True,
    )
    assert pesan in r.content.decode()
    assert not BuktiDukung.objects.exists()


def test_bukti_terlalu_besar_ditolak(client, d, settings):
    settings.BUKTI_UKURAN_MAKS = 1024
    client.force_login(d["users"]["operator_a"])
    besar = SimpleUploadedFile("besar.pdf", PDF + b"0" * 2048)
    r = client.post(
        url(d, "bukti-baru", node=d["kegiatan"].pk), {"triwulan": 1, "berkas": besar}, follow=True
    )
    assert "terlalu besar" in r.content.decode() and not BuktiDukung.objects.exists()


def test_triwulan_ditutup_menolak_keterangan_dan_bukti(client, d):
    triwulan_tutup(d["a"], 2020, 1, d["users"]["camat_a"])
    client.force_login(d["users"]["operator_a"])
    r = client.post(
        url(d, "keterangan", node=d["kegiatan"].pk), {"triwulan": 1, "keterangan": "x"}, follow=True
    )
    assert "sudah ditutup" in r.content.decode()
    r = client.post(
        url(d, "keterangan", node=d["kegiatan"].pk),
        {"triwulan": 2, "keterangan": "Rapat selesai"},
        follow=True,
    )
    assert "Keterangan tersimpan" in r.content.decode()
    assert CatatanRealisasi.objects.get().keterangan == "Rapat selesai"


def test_catatan_verifikator_ditulis_bappeda_dijawab_kecamatan(client, d):
    client.force_login(d["users"]["operator_a"])
    r = client.post(url(d, "catatan"), {"triwulan": 1, "catatan": "x"})
    assert r.status_code == 403 and not CatatanVerifikator.objects.exists()
    client.force_login(d["users"]["bappeda"])
    client.post(url(d, "catatan"), {"triwulan": 1, "catatan": "Lampirkan bukti rapat."})
    c = CatatanVerifikator.objects.get()
    client.force_login(d["users"]["operator_a"])
    assert "Lampirkan bukti rapat." in client.get(url(d, "realisasi")).content.decode()
    client.post(url(d, "catatan-jawab", pk=c.pk), {"jawaban": "Sudah dilampirkan."})
    c.refresh_from_db()
    assert c.jawaban == "Sudah dilampirkan." and c.dijawab_oleh == d["users"]["operator_a"]
    client.force_login(d["users"]["operator_b"])
    assert client.post(url(d, "catatan-jawab", pk=c.pk), {"jawaban": "x"}).status_code == 404


def test_riwayat_mencatat_siapa_kapan_lama_baru_dan_bisa_diekspor(client, d):
    op = d["users"]["operator_a"]
    a = anggaran_set_realisasi(d["ang_a"], versi=0, masukan={"realisasi_tw1": "100.000"}, user=op)
    anggaran_set_realisasi(a, versi=1, masukan={"realisasi_tw1": "150.000"}, user=d["users"]["camat_a"])
    client.force_login(op)
    isi = client.get(url(d, "kegiatan", node=d["kegiatan"].pk)).content.decode()
    assert "100.000" in isi and "150.000" in isi and "camat_a" in isi
    r = client.get(url(d, "riwayat-kegiatan", node=d["kegiatan"].pk))
    ws = load_workbook(io.BytesIO(r.content)).active
    baris = [tuple(c.value for c in row) for row in ws.iter_rows(min_row=3)]
    tw1 = [b for b in baris if b[3] == "realisasi TW I"]
    assert tw1[0][1] == "camat_a" and (tw1[0][4], tw1[0][5]) == ("100.000", "150.000")
    assert tw1[1][1] == "operator_a" and (tw1[1][4], tw1[1][5]) == ("-", "100.000")
    r = client.get(reverse("laporan:riwayat-tahun", kwargs={"kode": d["a"].kode, "tahun": 2020}))
    assert r.status_code == 200 and r["Content-Type"].startswith("application/vnd.openxmlformats")


def test_halaman_kegiatan_404_untuk_kegiatan_tanpa_data(client, d):
    client.force_login(d["users"]["operator_b"])
    # Serang has an anggaran line for this kegiatan, but not in Walantaka's URL
    assert client.get(url(d, "kegiatan", node=d["kegiatan"].pk)).status_code == 404
    client.force_login(d["users"]["operator_a"])
    assert client.get(url(d, "kegiatan", node=999999)).status_code == 404
