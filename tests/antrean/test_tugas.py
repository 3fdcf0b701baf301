"""Jobs without Redis (inline): the same rows, progress, de-duplication and retries as with a worker."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from antrean.models import MAKS_ULANG, StatusTugas, Tugas
from antrean.services import tugas_hapus_lama, tugas_kirim

from ..data_uji import dua_kecamatan
from . import fungsi_uji

pytestmark = pytest.mark.django_db
F = "tests.antrean.fungsi_uji."


@pytest.fixture
def d():
    return dua_kecamatan()


def test_tugas_tanpa_redis_dijalankan_langsung_dengan_kemajuan_dan_berkas(d):
    t = tugas_kirim(F + "berhasil", "k1", judul="Uji", argumen={"teks": "halo"}, nama_berkas="hasil.pdf")
    assert t.status == StatusTugas.SELESAI and t.bergabung is False
    assert (t.langkah_selesai, t.langkah_total, t.percobaan, t.pesan) == (2, 2, 1, "Selesai.")
    assert t.berkas.name.endswith(".pdf") and t.berkas.open("rb").read() == b"halo"
    assert t.selesai_pada is not None and t.dimulai_pada is not None


def test_kunci_sama_bergabung_dengan_tugas_yang_masih_antre(d):
    antre = Tugas.objects.create(kunci="k2", fungsi=F + "berhasil", judul="Uji")
    t = tugas_kirim(F + "berhasil", "k2", judul="Uji")
    assert t.pk == antre.pk and t.bergabung is True and t.status == StatusTugas.ANTRE
    assert Tugas.objects.filter(kunci="k2").count() == 1


def test_hasil_yang_tersimpan_dipakai_lagi_hanya_bila_diminta(d):
    pertama = tugas_kirim(F + "berhasil", "k3", judul="Uji", nama_berkas="a.pdf")
    lagi = tugas_kirim(F + "berhasil", "k3", judul="Uji", nama_berkas="a.pdf", pakai_hasil=True)
    assert lagi.pk == pertama.pk and lagi.bergabung
    baru = tugas_kirim(F + "berhasil", "k3", judul="Uji", nama_berkas="a.pdf")
    assert baru.pk != pertama.pk
    # the stored file gone (cleaned up): the cache does not answer with it
    baru.berkas.storage.delete(baru.berkas.name)
    Tugas.objects.filter(pk=pertama.pk).delete()
    ketiga = tugas_kirim(F + "berhasil", "k3", judul="Uji", nama_berkas="a.pdf", pakai_hasil=True)
    assert ketiga.pk not in (pertama.pk, baru.pk) and ketiga.berkas


def test_tugas_gagal_diulang_lalu_berhasil(d):
    t = tugas_kirim(
        F + "gagal_dulu", "k4", judul="Uji", argumen={"kunci": "k4", "kali": 2}, nama_berkas="x.bin"
    )
    assert t.status == StatusTugas.SELESAI and t.percobaan == 3 and fungsi_uji.PANGGILAN["k4"] == 3


def test_tugas_yang_selalu_gagal_dicatat_gagal_setelah_dua_ulangan(d):
    t = tugas_kirim(F + "selalu_gagal", "k5", judul="Uji")
    assert t.status == StatusTugas.GAGAL and t.percobaan == MAKS_ULANG + 1
    assert "Percobaan 3 gagal: data tidak dapat dibaca" in t.pesan and "Tidak diulang lagi" in t.pesan
    assert not t.berkas and t.selesai_pada is not None
    # a failed job does not block a new request with the same key
    assert tugas_kirim(F + "berhasil", "k5", judul="Uji").status == StatusTugas.SELESAI


def test_hapus_lama_menyisakan_yang_aktif_dan_yang_dikecualikan(d, settings):
    settings.ANTREAN_TENGGANG_VERSI_LAMA = 0
    a = tugas_kirim(F + "berhasil", "draf:1:v1", judul="Uji", nama_berkas="a.pdf")
    b = tugas_kirim(F + "berhasil", "draf:1:v2", judul="Uji", nama_berkas="a.pdf")
    aktif = Tugas.objects.create(kunci="draf:1:v3", fungsi=F + "berhasil", judul="Uji")
    berkas_a = a.berkas.name
    assert tugas_hapus_lama("draf:1:", kecuali=b) == 1
    assert set(Tugas.objects.values_list("pk", flat=True)) == {b.pk, aktif.pk}
    assert not a.berkas.storage.exists(berkas_a)


def test_versi_lama_yang_baru_selesai_tetap_dapat_diunduh(d, settings):
    """A newer version does not pull the file from under someone about to download the older one: it is
    deleted only once it is older than the grace period."""
    settings.ANTREAN_TENGGANG_VERSI_LAMA = 600
    a = tugas_kirim(F + "berhasil", "draf:2:v1", judul="Uji", nama_berkas="a.pdf")
    b = tugas_kirim(F + "berhasil", "draf:2:v2", judul="Uji", nama_berkas="a.pdf")
    assert tugas_hapus_lama("draf:2:", kecuali=b) == 0 and a.berkas.storage.exists(a.berkas.name)
    Tugas.objects.filter(pk=a.pk).update(selesai_pada=timezone.now() - timedelta(seconds=601))
    assert tugas_hapus_lama("draf:2:", kecuali=b) == 1
    assert not Tugas.objects.filter(pk=a.pk).exists()


@pytest.mark.parametrize(
    "persona, kode", [("operator_a", 200), ("pimpinan", 200), ("bappeda", 200), ("operator_b", 404)]
)
def test_status_json_hanya_untuk_yang_boleh_melihat_kecamatannya(client, d, persona, kode):
    t = tugas_kirim(F + "berhasil", "k6", judul="Uji", kecamatan_pk=d["a"].pk, nama_berkas="h.pdf")
    client.force_login(d["users"][persona])
    r = client.get(reverse("antrean:status", kwargs={"pk": t.pk}))
    assert r.status_code == kode
    if kode == 200:
        s = r.json()
        assert s["status"] == "selesai" and s["persen"] == 100 and s["selesai"] == s["total"] == 2
        assert s["tautan"] == reverse("antrean:unduh", kwargs={"pk": t.pk})
        r = client.get(s["tautan"])
        assert r.status_code == 200 and b"".join(r.streaming_content) == b"isi"
        halaman = client.get(reverse("antrean:tugas", kwargs={"pk": t.pk})).content.decode()
        assert "data-tugas-status" in halaman and "Unduh hasil" in halaman
    else:
        assert client.get(reverse("antrean:unduh", kwargs={"pk": t.pk})).status_code == 404


def test_tugas_yang_antre_menampilkan_kemajuan_tanpa_tautan(client, d):
    t = Tugas.objects.create(
        kunci="k7",
        fungsi=F + "berhasil",
        judul="Uji",
        kecamatan_pk=d["a"].pk,
        langkah_selesai=1,
        langkah_total=4,
    )
    client.force_login(d["users"]["camat_a"])
    s = client.get(reverse("antrean:status", kwargs={"pk": t.pk})).json()
    assert (s["status"], s["persen"], s["tautan"]) == ("antre", 25, "")
    assert client.get(reverse("antrean:unduh", kwargs={"pk": t.pk})).status_code == 404
    halaman = client.get(reverse("antrean:tugas", kwargs={"pk": t.pk})).content.decode()
    assert 'data-tugas-aktif="1"' in halaman and "(1/4)" in halaman


def test_tugas_yang_berjalan_jauh_melewati_batas_waktu_tidak_diikuti_lagi(d, settings):
    from datetime import timedelta

    from django.utils import timezone

    settings.ANTREAN_BATAS_WAKTU = 60
    macet = Tugas.objects.create(
        kunci="k8",
        fungsi=F + "berhasil",
        judul="Uji",
        status="berjalan",
        dimulai_pada=timezone.now() - timedelta(minutes=5),
    )
    t = tugas_kirim(F + "berhasil", "k8", judul="Uji", nama_berkas="a.pdf")
    assert t.pk != macet.pk and t.status == StatusTugas.SELESAI and not t.bergabung
    macet.refresh_from_db()
    assert macet.status == StatusTugas.GAGAL and "batas waktu" in macet.pesan
    # one still within its time is joined
    baru = Tugas.objects.create(
        kunci="k9", fungsi=F + "berhasil", judul="Uji", status="berjalan", dimulai_pada=timezone.now()
    )
    assert tugas_kirim(F + "berhasil", "k9", judul="Uji").pk == baru.pk


def test_tugas_bersihkan_menghapus_yang_lama_beserta_berkasnya(d):
    import io
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from antrean.models import KelompokTugas

    lama = tugas_kirim(F + "berhasil", "lama", judul="Uji", nama_berkas="a.pdf")
    baru = tugas_kirim(F + "berhasil", "baru", judul="Uji", nama_berkas="a.pdf")
    aktif = Tugas.objects.create(kunci="aktif", fungsi=F + "berhasil", judul="Uji")
    kelompok = KelompokTugas.objects.create(judul="Lama", jenis="dokumen.massal", izin="dokumen.cetak_massal")
    dulu = timezone.now() - timedelta(days=40)
    Tugas.objects.filter(pk=lama.pk).update(selesai_pada=dulu)
    KelompokTugas.objects.filter(pk=kelompok.pk).update(dibuat_pada=dulu)
    keluar = io.StringIO()
    call_command("tugas_bersihkan", "--hari", "30", stdout=keluar)
    assert "Terhapus 1 tugas dan 1 kelompok" in keluar.getvalue()
    assert set(Tugas.objects.values_list("pk", flat=True)) == {baru.pk, aktif.pk}
    assert not lama.berkas.storage.exists(lama.berkas.name) and baru.berkas.storage.exists(baru.berkas.name)
