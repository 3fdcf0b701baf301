"""Downloads name their file through core.unduhan: a kecamatan name cannot inject a second file name or break
the response with CR/LF, and the name keeps no path separator or control character."""

from __future__ import annotations

import email.message

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from core.unduhan import nama_berkas_aman, respons_unduhan
from dokumen.models import Dokumen, StatusDokumen
from renja.models import Nomenklatur
from wilayah.akun import pengguna_simpan
from wilayah.models import Peran

from .. import factories as f

TAHUN = 2022
NAMA_JAHAT = ["Serang\";filename*=UTF-8''evil.exe", "Sera\r\nng", "Serang/../..\\x\x00"]


def _nama(header: str) -> str:
    """The one file name of a Content-Disposition header (asserting there is exactly one)."""
    pesan = email.message.Message()
    pesan["Content-Disposition"] = header
    parameter = [k.lower() for k, _ in pesan.get_params(header="content-disposition")[1:]]
    assert parameter in (["filename"], ["filename*"]), header
    nama = pesan.get_filename()
    assert nama and not any(c in nama for c in "\"';/\\\r\n\x00*="), nama
    return nama


@pytest.mark.parametrize(
    "masuk, keluar",
    [
        ("Renja-2022-Kecamatan-Serang-Tabel-2.1.xlsx", "Renja-2022-Kecamatan-Serang-Tabel-2.1.xlsx"),
        ("Riwayat-2022-Kecamatan-Cipocok Jaya.xlsx", "Riwayat-2022-Kecamatan-Cipocok Jaya.xlsx"),
        (
            "Kecamatan-Serang\";filename*=UTF-8''evil.exe.xlsx",
            "Kecamatan-Serang-filename-UTF-8-evil.exe.xlsx",
        ),
        ("Sera\r\nng.pdf", "Sera-ng.pdf"),
        ("../../etc/passwd", "etc-passwd"),
        ("Kecamatan-Cibeber–Ñusa_Dua é.xlsx", "Kecamatan-Cibeber-Ñusa_Dua é.xlsx"),
        ('";\r\n', "unduhan"),
    ],
)
def test_nama_berkas_aman_hanya_huruf_angka_titik_strip(masuk, keluar):
    assert nama_berkas_aman(masuk) == keluar


def test_nama_berkas_aman_dipotong_dengan_ekstensi_tetap():
    nama = nama_berkas_aman("A" * 400 + ".xlsx")
    assert len(nama) <= 150 and nama.endswith("A.xlsx")


def test_respons_unduhan_satu_nama_berkas_lampiran_atau_inline():
    r = respons_unduhan(b"isi", NAMA_JAHAT[0] + ".xlsx", "application/octet-stream")
    assert r["Content-Disposition"].startswith("attachment; ") and _nama(r["Content-Disposition"]).endswith(
        ".xlsx"
    )
    r = respons_unduhan(b"%PDF", "Sera\r\nng.pdf", "application/pdf", lampiran=False)
    assert r["Content-Disposition"] == 'inline; filename="Sera-ng.pdf"'
    r = respons_unduhan(b"x", "Ñusa é.pdf", "application/pdf")
    assert _nama(r["Content-Disposition"]) == "Ñusa é.pdf"


@pytest.mark.django_db
@pytest.mark.parametrize("nama_kec", NAMA_JAHAT[:2])
def test_semua_unduhan_nama_kecamatan_jahat_satu_nama_berkas_tanpa_500(client, nama_kec):
    kec = f.kecamatan("36.73.01", nama_kec)
    f.data_renja(kec, 1, tahun=TAHUN)
    sub = Nomenklatur.objects.get(kode="7.01.01.1.0001")
    dok = Dokumen.objects.create(
        kecamatan=kec, tahun=TAHUN, jenis="renja", revisi=0, status=StatusDokumen.DISETUJUI
    )
    dok.pdf.save("disetujui.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    client.force_login(pengguna_simpan("bappeda", Peran.BAPPEDA, password="sandi-uji-123"))
    kt = {"kode": kec.kode, "tahun": TAHUN}
    alamat = [
        (reverse("laporan:laporan", kwargs={**kt, "slug": "renja-2.1"}) + "?format=xlsx", ".xlsx"),
        (reverse("laporan:laporan", kwargs={**kt, "slug": "renja-2.1"}) + "?format=pdf", ".pdf"),
        (reverse("laporan:riwayat-tahun", kwargs=kt), ".xlsx"),
        (reverse("dokumen:pdf", kwargs={**kt, "jenis": "renja"}), ".pdf"),
        (reverse("dokumen:pdf-revisi", kwargs={**kt, "jenis": "renja", "revisi": 0}), ".pdf"),
        (reverse("dokumen:riwayat", kwargs={**kt, "jenis": "renja"}), ".xlsx"),
        (reverse("workbook:ekspor", kwargs=kt), ".xlsx"),
        (reverse("renja:riwayat-kegiatan", kwargs={**kt, "node": sub.pk}), ".xlsx"),
    ]
    client.raise_request_exception = False
    for url, ekstensi in alamat:
        r = client.get(url)
        assert r.status_code == 200, url
        nama = _nama(r["Content-Disposition"])
        assert nama.endswith(ekstensi) and ("Sera" in nama or "7.01.01.1.0001" in nama), (url, nama)
