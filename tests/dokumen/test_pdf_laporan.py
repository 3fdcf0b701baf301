"""A single report's PDF as a job (dokumen.cetak_laporan): rendered once per data version and options, then
served from storage; a request while it is queued joins it; with a queue nothing is rendered in the request; a
GET never writes; the job and its file are scoped like the report; the approved version renders the frozen
table. The layout itself is not the subject: ``render_pdf`` is replaced by the table's text (and counted)."""

from __future__ import annotations

from decimal import Decimal
from unittest import mock

import pytest
from django.urls import reverse

from antrean.models import StatusTugas, Tugas
from core.laporan import registry
from core.laporan.registry import Opsi
from dokumen.cetak_laporan import awalan_pdf, kunci_pdf
from dokumen.services import dokumen_ajukan, dokumen_setujui, dokumen_terkini
from renja.models import Anggaran
from renja.services import anggaran_set_realisasi

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db

SLUG = "renja-rencana"
NAMA = "Renja-2020-Kecamatan-Walantaka-Rencana-Program"


@pytest.fixture
def d(monkeypatch):
    # the signed whole document is not the subject: approving does not render it
    monkeypatch.setattr("dokumen.cetak.kirim_disetujui", lambda dok, oleh: None)
    return dua_kecamatan()


@pytest.fixture
def gambar():
    """``render_pdf`` as the table's cells and stamp (fast, and tells which table was drawn); counted."""

    def pdf(laporan, kecamatan, tahun, tabel, opsi, cap):
        return f"%PDF uji {opsi.kertas} {tabel!r} {cap.keterangan}".encode()

    with mock.patch("core.laporan.render_pdf.render_pdf", side_effect=pdf) as m:
        yield m


@pytest.fixture
def antre_redis(settings):
    """A queue is configured: jobs are queued after commit (the test's transaction never commits, so they stay
    queued, as with a busy worker)."""
    settings.REDIS_URL = "redis://127.0.0.1:1/0"


def _url(slug: str = SLUG, kode: str = "36.73.03", **get: str) -> str:
    url = reverse("laporan:laporan", kwargs={"kode": kode, "tahun": 2020, "slug": slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in get.items()) if get else "")


def _susun(slug: str = SLUG, kode: str = "36.73.03") -> str:
    return reverse("laporan:pdf-susun", kwargs={"kode": kode, "tahun": 2020, "slug": slug})


def _isi(r) -> bytes:
    return b"".join(r.streaming_content) if r.streaming else r.content


def _tugas_pdf():
    return Tugas.objects.filter(jenis="laporan.pdf")


def _ubah_realisasi(d, nilai: str) -> None:
    ang = Anggaran.objects.get(pk=d["ang_a"].pk)
    anggaran_set_realisasi(
        ang, versi=ang.versi, masukan={"realisasi_tw1": nilai}, user=d["users"]["operator_a"]
    )


def test_disusun_sekali_lalu_dilayani_dari_penyimpanan(client, d, gambar):
    client.force_login(d["users"]["operator_a"])
    r = client.post(_susun(), {"kertas": "f4"})
    alamat = _url(format="pdf", kertas="f4", triwulan="4")
    assert gambar.call_count == 1
    t = _tugas_pdf().get()
    assert t.status == StatusTugas.SELESAI and t.kecamatan_pk == d["a"].pk
    # the finished render's own download: a save by someone else in between cannot make it "not rendered yet"
    unduh = reverse("antrean:unduh", kwargs={"pk": t.pk})
    assert r.status_code == 302 and r["Location"] == unduh
    assert _isi(client.get(unduh)).startswith(b"%PDF uji f4")
    for _ in range(2):  # the stored file, with the name and headers of a direct download
        r = client.get(alamat)
        assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
        assert r["Content-Disposition"] == f'attachment; filename="{NAMA}.pdf"'
        assert _isi(r).startswith(b"%PDF uji f4")
    r = client.post(_susun(), {"kertas": "f4"})  # asked again: the stored render, no second job
    assert r["Location"] == unduh
    assert gambar.call_count == 1 and _tugas_pdf().count() == 1
    # another paper is another render
    client.post(_susun())
    assert gambar.call_count == 2 and _tugas_pdf().count() == 2


def test_realisasi_berubah_memberi_render_baru_dan_yang_lama_dihapus(client, d, gambar, settings):
    settings.ANTREAN_TENGGANG_VERSI_LAMA = 0  # the older version is not kept for someone about to download it
    client.force_login(d["users"]["operator_a"])
    client.post(_susun("renja-evaluasi"))
    lama = _tugas_pdf().get()
    assert b"250000" not in _isi(client.get(_url("renja-evaluasi", format="pdf", kertas="a4", triwulan="4")))
    _ubah_realisasi(d, "250.000")
    r = client.post(_susun("renja-evaluasi"))
    assert gambar.call_count == 2
    baru = _tugas_pdf().get()  # the older render of the same report and paper is removed, with its file
    assert baru.pk != lama.pk and baru.kunci != lama.kunci
    assert not lama.berkas.storage.exists(lama.berkas.name)
    assert b"250000" in _isi(client.get(r["Location"]))


def test_permintaan_kedua_saat_antre_bergabung_dengan_tugas_yang_sama(client, d, gambar):
    client.force_login(d["users"]["operator_a"])
    lap = registry.laporan(SLUG)
    kunci = kunci_pdf(lap, d["a"], 2020, Opsi(), "terkini")
    antre = Tugas.objects.create(
        kunci=kunci, fungsi="dokumen.cetak_laporan.cetak_pdf", judul="PDF uji", jenis="laporan.pdf",
        kecamatan_pk=d["a"].pk, status=StatusTugas.ANTRE,
    )  # fmt: skip
    halaman = reverse("antrean:tugas", kwargs={"pk": antre.pk})
    r = client.post(_susun())
    assert r.status_code == 302 and r["Location"] == halaman
    r = client.get(_url(format="pdf"))  # the download address shows the running job's progress
    assert r.status_code == 302 and r["Location"] == halaman
    assert gambar.call_count == 0 and _tugas_pdf().count() == 1


def test_dengan_antrean_tidak_ada_render_di_dalam_permintaan(client, d, gambar, antre_redis):
    client.force_login(d["users"]["pimpinan"])  # read-only roles print too
    r = client.get(_url(format="pdf"))  # nothing stored: a GET asks, it does not send
    assert r.status_code == 200 and not _tugas_pdf().exists()
    teks = r.content.decode()
    assert "belum disusun" in teks and _susun() in teks and "Susun PDF" in teks
    with mock.patch("antrean.services._antrekan") as antrekan:
        r = client.post(_susun())
    t = _tugas_pdf().get()
    assert r.status_code == 302 and r["Location"] == reverse("antrean:tugas", kwargs={"pk": t.pk})
    assert t.status == StatusTugas.ANTRE and gambar.call_count == 0
    assert not antrekan.called  # handed to RQ on commit only
    halaman = client.get(r["Location"]).content.decode()
    assert "PDF sedang disusun" in halaman
    assert client.get(_url(format="pdf"))["Location"] == r["Location"]
    assert client.post(_susun())["Location"] == r["Location"]  # joined
    assert _tugas_pdf().count() == 1 and gambar.call_count == 0


def test_tanpa_antrean_get_menggambar_langsung_tanpa_menulis(client, d, gambar):
    client.force_login(d["users"]["camat_a"])
    r = client.get(_url(format="pdf"))
    assert r.status_code == 200 and r.content.startswith(b"%PDF uji a4")
    assert r["Content-Disposition"] == f'attachment; filename="{NAMA}.pdf"'
    assert not Tugas.objects.exists()


def test_tugas_dan_unduhannya_404_bagi_kecamatan_lain(client, d, gambar):
    client.force_login(d["users"]["operator_a"])
    client.post(_susun())
    t = _tugas_pdf().get()
    alamat = [reverse(f"antrean:{n}", kwargs={"pk": t.pk}) for n in ("tugas", "status", "unduh")]
    for pengguna in ("operator_b", "camat_b"):
        client.force_login(d["users"][pengguna])
        for url in alamat:
            assert client.get(url).status_code == 404
        assert client.post(_susun()).status_code == 404
        assert client.get(_url(format="pdf")).status_code == 404
    for pengguna in ("pimpinan", "bappeda", "camat_a"):
        client.force_login(d["users"][pengguna])
        for url in alamat:
            assert client.get(url).status_code == 200
        assert _isi(client.get(alamat[2])).startswith(b"%PDF uji")
    assert gambar.call_count == 1


def test_pilihan_tidak_sah_400_dan_laporan_tak_ada_404(client, d, gambar):
    client.force_login(d["users"]["operator_a"])
    assert client.post(_susun(), {"kertas": "a3"}).status_code == 400
    assert client.post(_susun("renja-evaluasi"), {"triwulan": "5"}).status_code == 400
    assert client.post(_susun(), {"versi": "kemarin"}).status_code == 400
    assert client.post(_susun(), {"versi": "disetujui"}).status_code == 404  # none approved yet
    assert client.post(_susun("tidak-ada")).status_code == 404
    assert client.get(_susun()).status_code == 405
    assert not Tugas.objects.exists() and gambar.call_count == 0


def test_versi_disetujui_menggambar_tabel_beku(client, d, gambar):
    dok = dokumen_ajukan(dokumen_terkini(d["a"], 2020, "renja"), d["users"]["operator_a"])
    dokumen_setujui(dok, d["users"]["camat_a"])
    Anggaran.objects.filter(pk=d["ang_a"].pk).update(pagu=Decimal(2345678))
    client.force_login(d["users"]["operator_a"])
    r = client.post(_susun(), {"versi": "disetujui"})
    assert r["Location"] == reverse("antrean:unduh", kwargs={"pk": _tugas_pdf().get().pk})
    r = client.get(_url(format="pdf", kertas="a4", triwulan="4", versi="disetujui"))  # the same stored file
    assert r["Content-Disposition"] == f'attachment; filename="{NAMA}-disetujui.pdf"'
    isi = _isi(r)
    assert b"1000000" in isi and b"2345678" not in isi and b"Versi disetujui: Renja 2020" in isi
    # the live table is another render, with the new figures
    langsung = _isi(client.get(_url(format="pdf")))
    assert b"2345678" in langsung and b"DRAF" in langsung
    # the approved render does not depend on the live data: a change keeps it
    with mock.patch("dokumen.cetak_laporan.sidik_data", return_value="data-lain"):
        lokasi = client.post(_susun(), {"versi": "disetujui"})["Location"]
        assert lokasi == reverse(
            "antrean:unduh", kwargs={"pk": _tugas_pdf().get(kunci__contains=":disetujui:").pk}
        )
    assert gambar.call_count == 2
    assert (
        _tugas_pdf().filter(kunci__startswith=awalan_pdf(d["a"].pk, 2020, SLUG, Opsi(), "disetujui")).count()
        == 1
    )


def test_halaman_laporan_mengirim_unduh_pdf_lewat_post(client, d):
    client.force_login(d["users"]["pimpinan"])
    teks = client.get(_url(kertas="f4")).content.decode()
    assert f'action="{_susun()}"' in teks and 'form="unduh-pdf"' in teks
    assert 'name="kertas" value="f4"' in teks and "csrfmiddlewaretoken" in teks


class _SesiUji:
    """bench.beban's Sesi on the test client (same answers, redirects followed, as urllib does)."""

    def __init__(self, client) -> None:
        self.client = client

    def minta(self, metode: str, jalur: str, data: bytes | None = None, kepala: dict | None = None):
        if metode == "POST":
            jenis = (kepala or {}).get("Content-Type", "application/octet-stream")
            r = self.client.post(jalur, data=data or b"", content_type=jenis, follow=True)
        else:
            r = self.client.get(jalur, follow=True)
        return r.status_code, _isi(r)


def test_uji_beban_mengikuti_pdf_sampai_diterima(client, d, gambar, settings, monkeypatch):
    from antrean.services import tugas_jalankan
    from bench import beban

    client.force_login(d["users"]["operator_a"])
    sesi = _SesiUji(client)
    awal = "/kecamatan/36.73.03/2020"
    assert beban.unduh_pdf(sesi, awal, SLUG) is None  # no queue: rendered at once, then the stored file
    assert beban.unduh_pdf(sesi, awal, "tidak-ada") == "HTTP 404 tidak-ada"

    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    monkeypatch.setattr("antrean.services._antrekan", lambda tugas_id: None)
    monkeypatch.setattr(beban, "BATAS_PDF", 0.0)  # never done in time
    assert "belum selesai" in beban.unduh_pdf(sesi, awal, "lkjip-1.1")
    t = _tugas_pdf().get(status=StatusTugas.ANTRE)
    # the worker runs the job while the load generator waits between two polls
    monkeypatch.setattr(beban, "BATAS_PDF", 30.0)
    monkeypatch.setattr(beban.time, "sleep", lambda detik: tugas_jalankan(str(t.pk)))
    assert beban.unduh_pdf(sesi, awal, "lkjip-1.1") is None
    assert _tugas_pdf().get(pk=t.pk).status == StatusTugas.SELESAI


def _redis_ada() -> bool:
    from redis import Redis
    from redis.exceptions import RedisError

    try:
        return bool(Redis.from_url(REDIS, socket_connect_timeout=1).ping())
    except (RedisError, OSError):
        return False


REDIS = "redis://127.0.0.1:6379/0"


@pytest.mark.skipif(not _redis_ada(), reason="Redis di 127.0.0.1:6379 tidak dapat dihubungi")
def test_pekerja_redis_menyusun_pdf_laporan_di_luar_permintaan(
    client, d, settings, django_capture_on_commit_callbacks
):
    """On the real Redis, with a queue of this test only: the request answers at once with the progress page,
    an RQ worker lays the PDF out (WeasyPrint, for real), then ``?format=pdf`` serves it from storage."""
    import io
    import uuid

    from pypdf import PdfReader
    from rq import SimpleWorker

    from antrean.services import antrean

    settings.REDIS_URL = REDIS
    settings.ANTREAN_NAMA = f"uji-rkk-laporan-{uuid.uuid4().hex}"
    q = antrean()
    try:
        client.force_login(d["users"]["camat_a"])
        with mock.patch("core.laporan.render_pdf.render_pdf") as gambar:
            with django_capture_on_commit_callbacks(execute=True):
                r = client.post(_susun())
            assert gambar.call_count == 0  # nothing rendered in the request
        t = _tugas_pdf().get()
        assert r["Location"] == reverse("antrean:tugas", kwargs={"pk": t.pk}) and q.job_ids == [str(t.pk)]
        assert client.get(_url(format="pdf"))["Location"] == r["Location"]

        SimpleWorker([q], connection=q.connection).work(burst=True)

        t.refresh_from_db()
        assert t.status == StatusTugas.SELESAI and t.langkah_selesai == t.langkah_total == 2
        s = client.get(reverse("antrean:status", kwargs={"pk": t.pk})).json()
        assert s["tautan"] == reverse("antrean:unduh", kwargs={"pk": t.pk})
        r = client.get(_url(format="pdf"))
        assert r.status_code == 200 and r["Content-Disposition"] == f'attachment; filename="{NAMA}.pdf"'
        teks = "\n".join(h.extract_text() for h in PdfReader(io.BytesIO(_isi(r))).pages)
        assert "Walantaka" in teks and "DRAF" in teks
    finally:
        from rq.registry import FailedJobRegistry, FinishedJobRegistry

        for daftar in (FailedJobRegistry(queue=q), FinishedJobRegistry(queue=q)):
            for job_id in daftar.get_job_ids():
                daftar.remove(job_id, delete_job=True)
        q.delete(delete_jobs=True)
