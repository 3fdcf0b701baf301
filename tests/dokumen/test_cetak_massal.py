"""Batch printing (``cetak_massal``), one document from the command line (``export_dokumen``), and Bappeda's
batch pages with their ZIP. Inline here (no REDIS_URL); tests/antrean/test_redis.py runs a batch on Redis."""

from __future__ import annotations

import io
import zipfile
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from antrean.models import KelompokTugas, StatusTugas
from dokumen.models import Dokumen, StatusDokumen

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4 uji"


@pytest.fixture
def d():
    return dua_kecamatan()


def _jalankan(*args) -> str:
    keluar = io.StringIO()
    call_command("cetak_massal", *args, stdout=keluar, stderr=io.StringIO())
    return keluar.getvalue()


def test_cetak_massal_tanpa_redis_mencetak_setiap_kecamatan_dan_menulis_zip(d, tmp_path):
    # Walantaka's LKjIP is approved: its stored PDF is taken as it is, not rendered again
    setuju = Dokumen(kecamatan=d["a"], tahun=2020, jenis="lkjip", status=StatusDokumen.DISETUJUI)
    setuju.pdf.save("setuju.pdf", ContentFile(b"%PDF-1.4 disetujui"), save=False)
    setuju.save()
    with mock.patch("dokumen.pdf.dokumen_pdf", return_value=PDF) as tulis:
        keluar = _jalankan("--tahun", "2020", "--kota", "36.73", "--zip", str(tmp_path / "hasil.zip"))
    assert "4 dokumen dari 2 kecamatan" in keluar and "selesai=4 gagal=0 belum=0" in keluar
    assert tulis.call_count == 3
    kelompok = KelompokTugas.objects.get()
    assert kelompok.tugas_set.filter(status=StatusTugas.SELESAI).count() == 4
    with zipfile.ZipFile(tmp_path / "hasil.zip") as z:
        nama = sorted(z.namelist())
        assert nama == [
            "36.73.01 Serang/LKjIP-2020-Kecamatan-Serang.pdf",
            "36.73.01 Serang/Renja-2020-Kecamatan-Serang.pdf",
            "36.73.03 Walantaka/LKjIP-2020-Kecamatan-Walantaka.pdf",
            "36.73.03 Walantaka/Renja-2020-Kecamatan-Walantaka.pdf",
        ]
        assert z.read("36.73.03 Walantaka/LKjIP-2020-Kecamatan-Walantaka.pdf") == b"%PDF-1.4 disetujui"
        assert z.read("36.73.01 Serang/Renja-2020-Kecamatan-Serang.pdf") == PDF


def test_cetak_massal_memilih_kecamatan_dan_dokumen(d):
    with mock.patch("dokumen.pdf.dokumen_pdf", return_value=PDF):
        keluar = _jalankan("--tahun", "2020", "--dokumen", "renja", "--kecamatan", "36.73.03")
    assert "1 dokumen dari 1 kecamatan" in keluar
    t = KelompokTugas.objects.get().tugas_set.get()
    assert t.argumen == {"kecamatan_pk": d["a"].pk, "tahun": 2020, "jenis": "renja", "kertas": "a4"}


def test_cetak_massal_melaporkan_yang_gagal_setelah_diulang(d):
    with (
        mock.patch("dokumen.pdf.dokumen_pdf", side_effect=OSError("disk penuh")),
        pytest.raises(CommandError, match="2 dokumen gagal"),
    ):
        _jalankan("--tahun", "2020", "--dokumen", "lkjip")
    gagal = KelompokTugas.objects.get().tugas_set.all()
    assert {(t.status, t.percobaan) for t in gagal} == {(StatusTugas.GAGAL, 3)}
    assert all("disk penuh" in t.pesan for t in gagal)


@pytest.mark.parametrize(
    "args, pesan",
    [
        (["--tahun", "2020", "--kecamatan", "36.73.03", "99.99.99"], "Kecamatan tidak ditemukan: 99.99.99"),
        (["--tahun", "2020", "--kota", "11.01"], "Tidak ada kecamatan"),
        (["--tahun", "1990"], "antara 2000 dan 2100"),
    ],
)
def test_cetak_massal_masukan_salah_ditolak_tanpa_tugas(d, args, pesan):
    with pytest.raises(CommandError, match=pesan):
        _jalankan(*args)
    assert not KelompokTugas.objects.exists()


def test_export_dokumen_menulis_satu_dokumen_utuh(d, tmp_path):
    keluar = tmp_path / "renja.pdf"
    with mock.patch("dokumen.pdf.dokumen_pdf", return_value=PDF):
        call_command(
            "export_dokumen",
            "--kecamatan",
            "36.73.03",
            "--tahun",
            "2020",
            "--jenis",
            "renja",
            "--output",
            str(keluar),
            stdout=io.StringIO(),
        )
    assert keluar.read_bytes() == PDF
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command(
            "export_dokumen",
            "--kecamatan",
            "00",
            "--tahun",
            "2020",
            "--jenis",
            "renja",
            "--output",
            str(keluar),
        )


def test_halaman_cetak_massal_bappeda_dengan_status_per_kecamatan_dan_zip(client, d):
    rusak = OSError("rusak")
    with (
        mock.patch("dokumen.pdf.dokumen_pdf", side_effect=[PDF, rusak, rusak, rusak]),
        pytest.raises(CommandError, match="1 dokumen gagal"),
    ):
        _jalankan("--tahun", "2020", "--dokumen", "lkjip")
    kelompok = KelompokTugas.objects.get()
    client.force_login(d["users"]["bappeda"])
    isi = client.get(reverse("dokumen:massal")).content.decode()
    assert kelompok.judul in isi and "Unduh ZIP" in isi
    isi = client.get(reverse("dokumen:massal-rinci", kwargs={"pk": kelompok.pk})).content.decode()
    assert "36.73.01 Serang" in isi and "36.73.03 Walantaka" in isi
    assert "Selesai" in isi and "Gagal" in isi and "rusak" in isi and "(percobaan 3)" in isi
    r = client.get(reverse("dokumen:massal-zip", kwargs={"pk": kelompok.pk}))
    assert r.status_code == 200 and r["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(b"".join(r.streaming_content))) as z:
        assert len([n for n in z.namelist() if n.endswith(".pdf")]) == 1
        assert "rusak" in z.read("CATATAN.txt").decode()
    client.force_login(d["users"]["pimpinan"])
    assert client.get(reverse("dokumen:massal")).status_code == 403
    client.force_login(d["users"]["camat_a"])  # a batch job is Bappeda's, even for its own kecamatan
    t = kelompok.tugas_set.filter(kecamatan_pk=d["a"].pk).get()
    assert client.get(reverse("antrean:status", kwargs={"pk": t.pk})).status_code == 404


def test_bappeda_memulai_cetak_massal_dari_halaman(client, d):
    client.force_login(d["users"]["bappeda"])
    assert "Mulai cetak massal" in client.get(reverse("dokumen:massal")).content.decode()
    with mock.patch("dokumen.pdf.dokumen_pdf", return_value=PDF):
        r = client.post(
            reverse("dokumen:massal-baru"), {"tahun": "2020", "dokumen": "lkjip", "kota": "36.73"}
        )
    kelompok = KelompokTugas.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse(
        "dokumen:massal-rinci", kwargs={"pk": kelompok.pk}
    )
    assert kelompok.dibuat_oleh == d["users"]["bappeda"]
    assert sorted(kelompok.tugas_set.values_list("status", flat=True)) == ["selesai", "selesai"]


@pytest.mark.parametrize(
    "data, pesan",
    [
        ({"tahun": "1999"}, "Tahun harus antara 2000 dan 2100."),
        ({"tahun": "dua ribu"}, "Tahun harus berupa angka."),
        ({"tahun": "2020", "dokumen": "rpjmd"}, "Dokumen harus renja atau lkjip."),
        ({"tahun": "2020", "kota": "99.99"}, "Kota/kabupaten tidak dikenal."),
    ],
)
def test_cetak_massal_dari_halaman_masukan_salah_400(client, d, data, pesan):
    client.force_login(d["users"]["bappeda"])
    r = client.post(reverse("dokumen:massal-baru"), data)
    assert r.status_code == 400 and pesan in r.content.decode()
    assert not KelompokTugas.objects.exists()
