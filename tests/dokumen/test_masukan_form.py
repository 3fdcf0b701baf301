"""The document and report pages read their input through forms: narrative sections, the catatan of a
document sent back, and the paper/quarter/format options — bad input is 400 with an Indonesian message."""

from __future__ import annotations

from unittest import mock

import pytest
from django.urls import reverse

from dokumen.models import BagianNarasi, Dokumen, StatusDokumen
from dokumen.services import dokumen_ajukan, dokumen_terkini

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db


@pytest.fixture
def d():
    return dua_kecamatan()


def _dok(pola: str, jenis: str = "renja", **kw) -> str:
    return reverse(f"dokumen:{pola}", kwargs={"kode": "36.73.03", "tahun": 2020, "jenis": jenis, **kw})


def test_narasi_disimpan_lewat_form_dan_dipangkas(client, d):
    client.force_login(d["users"]["operator_a"])
    r = client.post(
        _dok("narasi"), {"narasi:bab1.latar_belakang": "  Latar.  ", "narasi:kata_pengantar": "Pengantar"}
    )
    assert r.status_code == 302
    assert dict(BagianNarasi.objects.values_list("kunci", "isi")) == {
        "bab1.latar_belakang": "Latar.",
        "kata_pengantar": "Pengantar",
    }


@pytest.mark.parametrize(
    "data, kata",
    [
        ({"narasi:bab9.tidak_ada": "x"}, "Bagian dokumen tidak dikenal: bab9.tidak_ada"),
        ({"narasi:bab1.latar_belakang": "x" * 20001}, "paling banyak 20000 karakter"),
    ],
)
def test_narasi_tidak_sah_400_tanpa_menyimpan_satu_bagian_pun(client, d, data, kata):
    client.force_login(d["users"]["operator_a"])
    r = client.post(_dok("narasi"), {"narasi:kata_pengantar": "Pengantar", **data})
    assert r.status_code == 400 and kata in r.content.decode()
    assert not BagianNarasi.objects.exists() and not Dokumen.objects.exists()


@pytest.mark.parametrize(
    "catatan, kata", [("  ", "Tuliskan catatan"), ("x" * 2001, "paling banyak 2000 karakter")]
)
def test_kembalikan_tanpa_catatan_yang_sah_400(client, d, catatan, kata):
    dokumen_ajukan(dokumen_terkini(d["a"], 2020, "renja"), d["users"]["operator_a"])
    client.force_login(d["users"]["camat_a"])
    r = client.post(_dok("aksi", nama="kembalikan"), {"catatan": catatan})
    assert r.status_code == 400 and kata in r.content.decode()
    assert Dokumen.objects.get().status == StatusDokumen.DIAJUKAN


@pytest.mark.parametrize(
    "query, kata",
    [
        ({"kertas": "a3"}, "Kertas harus a4 atau f4"),
        ({"kertas": ""}, None),
        ({"kertas": "F4"}, None),
    ],
)
def test_opsi_pdf_dokumen_seperti_halaman_laporan(client, d, query, kata):
    client.force_login(d["users"]["pimpinan"])
    with (
        mock.patch("weasyprint.HTML.write_pdf", return_value=b"%PDF-1.4 uji"),
        mock.patch("dokumen.pdf.dokumen_pdf", return_value=b"%PDF-1.4 uji") as tulis,
    ):
        r = client.get(_dok("pdf"), query)
        if not kata:  # not rendered yet: the page offers to; asked for, it is rendered (inline) and served
            assert r.status_code == 200 and "Susun PDF draf" in r.content.decode()
            r = client.post(_dok("pdf-susun"), query, follow=True)
    if kata:
        assert r.status_code == 400 and kata in r.content.decode() and not tulis.called
    else:
        assert r.status_code == 200 and b"".join(r.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize(
    "query, kata",
    [
        ({"kertas": "a3"}, "Kertas harus a4 atau f4"),
        ({"triwulan": "5"}, "Triwulan harus 1, 2, 3 atau 4"),
        ({"triwulan": "dua"}, "Triwulan harus 1, 2, 3 atau 4"),
        ({"format": "docx"}, "Format harus html, pdf atau xlsx"),
        ({"format": "docx", "kertas": "b5"}, "Kertas harus a4 atau f4"),
    ],
)
def test_opsi_laporan_tidak_sah_400_dengan_pesan_indonesia(client, d, query, kata):
    client.force_login(d["users"]["operator_a"])
    url = reverse("laporan:laporan", kwargs={"kode": "36.73.03", "tahun": 2020, "slug": "renja-evaluasi"})
    r = client.get(url, query)
    assert r.status_code == 400 and kata in r.content.decode()


def test_opsi_laporan_sah_dipakai(client, d):
    client.force_login(d["users"]["operator_a"])
    url = reverse("laporan:laporan", kwargs={"kode": "36.73.03", "tahun": 2020, "slug": "renja-evaluasi"})
    assert client.get(url, {"kertas": "F4", "triwulan": "2"}).status_code == 200
    r = client.get(url, {"format": "xlsx", "triwulan": "2"})
    assert r.status_code == 200 and "sd-TW2" in r["Content-Disposition"]
