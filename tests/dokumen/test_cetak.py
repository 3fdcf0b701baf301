"""Whole-document PDFs as jobs (inline here: no REDIS_URL): the approval's frozen render, drafts rendered once
per data version and served from storage, a failed render reported and rendered again on request."""

from __future__ import annotations

from unittest import mock

import pytest
from django.urls import reverse

from antrean.models import StatusTugas, Tugas
from dokumen.cetak import jumlah_langkah, sidik_data
from dokumen.models import StatusDokumen
from dokumen.services import dokumen_ajukan, dokumen_setujui, dokumen_terkini, narasi_simpan
from renja.services import anggaran_set_realisasi

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4 uji"


@pytest.fixture
def d():
    return dua_kecamatan()


def _url(pola: str, jenis: str = "lkjip", **kw) -> str:
    return reverse(pola, kwargs={"kode": "36.73.03", "tahun": 2020, "jenis": jenis, **kw})


def test_sidik_data_berubah_bila_data_berubah_dengan_jumlah_query_tetap(d, django_assert_max_num_queries):
    with django_assert_max_num_queries(40) as q:
        awal = sidik_data(d["a"], 2020)
    jumlah = len(q.captured_queries)
    assert sidik_data(d["a"], 2020) == awal
    narasi_simpan(d["a"], 2020, "lkjip", "bab1.latar_belakang", "Teks baru.", d["users"]["operator_a"])
    setelah_narasi = sidik_data(d["a"], 2020)
    assert setelah_narasi != awal
    ang = d["ang_a"]
    anggaran_set_realisasi(
        ang, versi=ang.versi, masukan={"realisasi_tw1": "1.000"}, user=d["users"]["operator_a"]
    )
    assert sidik_data(d["a"], 2020) != setelah_narasi
    # another kecamatan's or another year's change does not touch this version
    kini = sidik_data(d["a"], 2020)
    narasi_simpan(d["b"], 2020, "lkjip", "bab1.latar_belakang", "Lain.", d["users"]["operator_b"])
    narasi_simpan(d["a"], 2021, "lkjip", "bab1.latar_belakang", "Tahun lain.", d["users"]["operator_a"])
    assert sidik_data(d["a"], 2020) == kini
    # the count does not grow with the data
    for i in range(5):
        narasi_simpan(d["a"], 2020, "renja", "bab1.latar_belakang", f"Versi {i}.", d["users"]["operator_a"])
    with django_assert_max_num_queries(jumlah):
        sidik_data(d["a"], 2020)


def test_pdf_draf_disusun_sekali_per_versi_data_lalu_dilayani_dari_penyimpanan(client, d, settings):
    settings.ANTREAN_TENGGANG_VERSI_LAMA = 0  # the older draft is not kept for someone about to download it
    client.force_login(d["users"]["pimpinan"])
    with mock.patch("dokumen.pdf.dokumen_pdf", return_value=PDF) as tulis:
        r = client.get(_url("dokumen:pdf"))
        assert r.status_code == 200 and "Susun PDF draf" in r.content.decode() and not tulis.called
        r = client.post(_url("dokumen:pdf-susun"))
        assert r.status_code == 302 and r["Location"] == _url("dokumen:pdf")
        r = client.get(_url("dokumen:pdf"))
        assert r["Content-Type"] == "application/pdf" and b"".join(r.streaming_content) == PDF
        assert "DRAF" in r["Content-Disposition"]
        # asked again for the same data version: nothing rendered, the same file
        client.post(_url("dokumen:pdf-susun"))
        assert b"".join(client.get(_url("dokumen:pdf")).streaming_content) == PDF
        assert tulis.call_count == 1
        pertama = Tugas.objects.get()
        assert pertama.status == StatusTugas.SELESAI and pertama.langkah_selesai == jumlah_langkah("lkjip")

        # the data changes: the stored draft is no longer served; a new one replaces it
        narasi_simpan(d["a"], 2020, "lkjip", "bab1.latar_belakang", "Baru.", d["users"]["operator_a"])
        assert "Susun PDF draf" in client.get(_url("dokumen:pdf")).content.decode()
        client.post(_url("dokumen:pdf-susun"))
        assert tulis.call_count == 2
        assert list(Tugas.objects.values_list("kunci", flat=True)) != [pertama.kunci]
        assert Tugas.objects.count() == 1 and not pertama.berkas.storage.exists(pertama.berkas.name)
        # F4 is its own render
        client.post(_url("dokumen:pdf-susun"), {"kertas": "f4"})
        assert tulis.call_count == 3 and Tugas.objects.count() == 2


def test_pdf_draf_yang_sedang_disusun_menampilkan_kemajuannya(client, d):
    from dokumen.cetak import awalan_draf

    kunci = awalan_draf(d["a"].pk, 2020, "lkjip", "a4") + sidik_data(d["a"], 2020)
    t = Tugas.objects.create(
        kunci=kunci,
        fungsi="dokumen.cetak.cetak_draf",
        judul="PDF draf",
        kecamatan_pk=d["a"].pk,
        status="berjalan",
    )
    client.force_login(d["users"]["operator_a"])
    with mock.patch("dokumen.pdf.dokumen_pdf", return_value=PDF) as tulis:
        isi = client.get(_url("dokumen:pdf")).content.decode()
        assert "sedang disusun" in isi and reverse("antrean:status", kwargs={"pk": t.pk}) in isi
        client.post(_url("dokumen:pdf-susun"))  # joins the running job
        assert not tulis.called and Tugas.objects.count() == 1


def test_persetujuan_menyusun_pdf_bertanda_tangan_sebagai_tugas(d):
    dok = dokumen_ajukan(dokumen_terkini(d["a"], 2020, "lkjip"), d["users"]["operator_a"])
    with mock.patch("dokumen.pdf.dokumen_pdf", return_value=PDF):
        dok = dokumen_setujui(dok, d["users"]["camat_a"])
    t = dok.tugas_cetak
    assert (
        t.status == StatusTugas.SELESAI
        and t.kecamatan_pk == d["a"].pk
        and t.dibuat_oleh == d["users"]["camat_a"]
    )
    assert t.langkah_selesai == t.langkah_total == jumlah_langkah("lkjip")
    assert t.tautan_hasil == _url("dokumen:pdf-revisi", revisi=0)
    assert dok.pdf.open("rb").read() == PDF
    assert dok.history.first().history_change_reason == "PDF bertanda tangan disimpan"


def test_pdf_persetujuan_yang_gagal_dilaporkan_lalu_disusun_ulang(client, d):
    dok = dokumen_ajukan(dokumen_terkini(d["a"], 2020, "lkjip"), d["users"]["operator_a"])
    client.force_login(d["users"]["camat_a"])
    with mock.patch("dokumen.pdf.dokumen_pdf", side_effect=OSError("font hilang")):
        r = client.post(_url("dokumen:aksi", nama="setujui"), follow=True)
    isi = r.content.decode()
    assert "PDF bertanda tangan gagal disusun" in isi and "font hilang" in isi
    assert "Susun ulang PDF bertanda tangan" in isi
    dok.refresh_from_db()
    assert dok.status == StatusDokumen.DISETUJUI and not dok.pdf  # the approval stands
    t = Tugas.objects.get()
    assert t.status == StatusTugas.GAGAL and t.percobaan == 3
    r = client.get(_url("dokumen:pdf"))
    assert r.status_code == 200 and "belum tersimpan" in r.content.decode()

    client.force_login(d["users"]["operator_a"])  # may look, may not re-render
    assert client.post(_url("dokumen:aksi", nama="cetak-ulang")).status_code == 403
    client.force_login(d["users"]["bappeda"])
    with mock.patch("dokumen.pdf.dokumen_pdf", return_value=PDF):
        r = client.post(_url("dokumen:aksi", nama="cetak-ulang"), follow=True)
    assert "PDF bertanda tangan tersimpan" in r.content.decode()
    dok.refresh_from_db()
    assert dok.pdf.open("rb").read() == PDF
    assert Tugas.objects.filter(status=StatusTugas.SELESAI).count() == 1
    r = client.get(_url("dokumen:pdf"))
    assert b"".join(r.streaming_content) == PDF


def test_kemajuan_tata_letak_weasyprint_diteruskan_per_halaman(d, settings, tmp_path):
    from dokumen.pdf import dokumen_pdf

    settings.PRIVATE_MEDIA_ROOT = tmp_path  # no chapter kept by another test: each is laid out here

    kabar: list[str] = []
    isi = dokumen_pdf(d["a"], 2020, "renja", kabar=kabar.append)
    assert isi.startswith(b"%PDF")
    # per part laid out (dokumen/bab.py), named
    assert "BAB I PENDAHULUAN: Menata halaman 1" in kabar and "BAB I PENDAHULUAN: Menata halaman 2" in kabar
    assert kabar[-1] == "Sampul, kata pengantar dan daftar isi: Menulis berkas PDF"
    logger = __import__("logging").getLogger("weasyprint.progress")
    assert not logger.handlers and logger.propagate  # left as it was
