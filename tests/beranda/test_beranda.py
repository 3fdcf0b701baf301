"""The home page per role: what each sees, who may act there, and a constant number of queries."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from beranda.selectors import ringkasan_kecamatan
from core.capaian import capaian_anggaran
from dokumen.models import Dokumen, StatusDokumen
from renja.models import Anggaran, BuktiDukung, CatatanVerifikator
from workbook.models import RiwayatImpor

from .. import factories as f
from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db


@pytest.fixture
def d():
    d = dua_kecamatan()
    a, u = d["a"], d["users"]
    # TW I reported on Walantaka's line (no evidence yet); a second line over its pagu
    Anggaran.objects.filter(pk=d["ang_a"].pk).update(realisasi_tw1=Decimal(250_000))
    d["lewat"] = Anggaran.objects.create(
        tahun=2020, kecamatan=a, nomenklatur=d["kegiatan"], pagu=Decimal(100), realisasi=Decimal(150)
    )
    d["catatan"] = CatatanVerifikator.objects.create(
        kecamatan=a, tahun=2020, triwulan=1, catatan="Lengkapi bukti TW I.", ditulis_oleh=u["bappeda"]
    )
    CatatanVerifikator.objects.create(
        kecamatan=a, tahun=2020, triwulan=1, catatan="Sudah dijawab", ditulis_oleh=u["bappeda"], jawaban="ya"
    )
    return d


def _isi(client, user, **get):
    client.force_login(user)
    r = client.get(reverse("home"), get)
    assert r.status_code == 200
    return r.content.decode()


def test_anonim_diarahkan_ke_halaman_masuk(client):
    r = client.get(reverse("home"))
    assert r.status_code == 302 and "/akun/masuk/" in r["Location"]


def test_ringkasan_memakai_angka_laporan(d):
    (r,) = ringkasan_kecamatan([d["a"]], 2020)
    assert r.pagu == Decimal(1_000_100)
    assert r.realisasi == Decimal(250_150)  # realisasi_tahun: quarters when reported, else the year figure
    assert r.serapan == capaian_anggaran(Decimal(1_000_100), Decimal(250_150))
    tw1 = r.triwulan[0]
    assert (tw1.label, tw1.terisi, tw1.jumlah_baris, tw1.realisasi) == ("TW I", 1, 2, Decimal(250_000))
    assert r.triwulan[1].terisi == 0 and r.triwulan[1].kumulatif == Decimal(250_000)
    assert r.melebihi_pagu == [d["lewat"]]
    assert {i.pk for i in r.indikator_kosong} == {d["ind_a"].pk, d["ind_prog"].pk}
    assert [(b.kegiatan.pk, b.triwulan) for b in r.bukti_kurang] == [(d["kegiatan"].pk, 1)]
    assert r.catatan_terbuka == [d["catatan"]]
    assert [s.status for s in r.dokumen] == ["draf", "draf"]


def test_bukti_yang_diunggah_tidak_lagi_kurang(d):
    BuktiDukung.objects.create(
        kecamatan=d["a"],
        tahun=2020,
        nomenklatur=d["kegiatan"],
        triwulan=1,
        berkas="x.pdf",
        nama_asli="x.pdf",
        jenis="application/pdf",
        ukuran=1,
        diunggah_oleh=d["users"]["operator_a"],
    )
    assert ringkasan_kecamatan([d["a"]], 2020)[0].bukti_kurang == []


def test_beranda_operator(client, d):
    isi = _isi(client, d["users"]["operator_a"])
    assert "Kecamatan Walantaka — 2020" in isi and "Kemajuan per triwulan" in isi
    assert "Rp 1.000.100" in isi and "1 / 2 baris" in isi
    assert "Realisasi melebihi pagu: 1 baris" in isi and f"#a{d['lewat'].pk}" in isi
    assert "Indikator belum berisi realisasi: 2 dari 2" in isi
    assert "Bukti dukung belum diunggah: 1 kegiatan-triwulan" in isi
    assert f"/kecamatan/36.73.03/2020/realisasi/#catatan-{d['catatan'].pk}" in isi
    assert "Belum dimulai</span>" in isi and "Berikutnya: operator melengkapi realisasi" in isi
    assert "Menunggu keputusan Anda" not in isi and "Impor workbook terakhir" not in isi
    assert "<td>Serang</td>" not in isi and "36.73.01" not in isi  # only his own kecamatan


def test_beranda_camat_dokumen_diajukan_lebih_dulu_dengan_setujui_dan_kembalikan(client, d):
    dok = Dokumen.objects.create(
        kecamatan=d["a"],
        tahun=2020,
        jenis="lkjip",
        status=StatusDokumen.DIAJUKAN,
        diajukan_oleh=d["users"]["operator_a"],
    )
    isi = _isi(client, d["users"]["camat_a"])
    assert isi.index("Menunggu keputusan Anda") < isi.index("Kemajuan per triwulan")
    assert f'id="menunggu-{dok.pk}"' in isi
    assert reverse("dokumen:aksi", args=["36.73.03", 2020, "lkjip", "setujui"]) in isi
    assert reverse("dokumen:aksi", args=["36.73.03", 2020, "lkjip", "kembalikan"]) in isi
    assert 'data-konfirmasi="Setujui dan tanda tangani LKjIP 2020?' in isi
    assert "Berikutnya: camat menyetujui" in isi  # the document's next step
    # the other kecamatan's camat has nothing waiting
    assert "Tidak ada dokumen yang menunggu keputusan Anda." in _isi(client, d["users"]["camat_b"])


def test_camat_mengembalikan_dari_beranda_kembali_ke_beranda(client, d):
    dok = Dokumen.objects.create(kecamatan=d["a"], tahun=2020, jenis="renja", status=StatusDokumen.DIAJUKAN)
    client.force_login(d["users"]["camat_a"])
    url = reverse("dokumen:aksi", args=["36.73.03", 2020, "renja", "kembalikan"])
    r = client.post(url, {"catatan": "Lengkapi bab II.", "kembali": "beranda"})
    assert r.status_code == 302 and r["Location"] == reverse("home")
    dok.refresh_from_db()
    assert dok.status == StatusDokumen.DIKEMBALIKAN
    assert client.post(url, {"catatan": "x", "kembali": "beranda"}, follow=True).redirect_chain[-1][0] == "/"
    # the operator's home says what happened and what to do next
    isi = _isi(client, d["users"]["operator_a"])
    assert (
        "Berikutnya: operator memperbaiki sesuai catatan camat" in isi
        and "Catatan camat: Lengkapi bab II." in isi
    )


def test_beranda_bappeda_ringkasan_kota_catatan_dan_impor(client, d):
    RiwayatImpor.objects.create(
        pengguna=d["users"]["bappeda"],
        nama_berkas="walantaka-2020.xlsx",
        ukuran=10,
        sha256="0" * 64,
        created=3,
        updated=1,
        berhasil=True,
    )
    isi = _isi(client, d["users"]["bappeda"])
    assert "Kota Serang — 2020" in isi and 'href="/kota/36.73/2020/"' in isi
    assert "Walantaka</a></th>" in isi and "Serang</a></th>" in isi
    assert "1.500.100" in isi  # city pagu: 1.000.100 + 500.000
    assert "Catatan verifikator terbuka (1)" in isi and "Lengkapi bukti TW I." in isi
    assert "Impor workbook terakhir" in isi and "walantaka-2020.xlsx" in isi


def test_beranda_pimpinan_hanya_membaca(client, d):
    isi = _isi(client, d["users"]["pimpinan"])
    assert "Kota Serang — 2020" in isi and "Catatan verifikator terbuka (1)" in isi
    assert "Impor workbook terakhir" not in isi and 'method="post" action="/kecamatan' not in isi


def test_tahun_dipilih_dan_tahun_salah_400(client, d):
    isi = _isi(client, d["users"]["operator_a"], tahun=2019)
    assert "Kecamatan Walantaka — 2019" in isi and "Belum ada data tahun 2019" in isi
    client.force_login(d["users"]["operator_a"])
    for salah in ("abc", "1999", "2101"):
        r = client.get(reverse("home"), {"tahun": salah})
        assert r.status_code == 400 and "Tahun" in r.content.decode()


def _kecamatan_berdata(n: int):
    kota = f.kota()
    for i in range(n):
        kec = f.kecamatan(f"36.73.{i + 1:02d}", f"Kecamatan {i + 1}", kota)
        f.data_renja(kec, 1 + i % 2, awalan=f"7.{i + 1:02d}")


@pytest.mark.parametrize("persona", ["bappeda", "pimpinan"])
def test_jumlah_query_tetap_berapa_pun_kecamatannya(klien, persona, django_assert_max_num_queries):
    _kecamatan_berdata(2)
    c = klien(persona)
    hitung = []
    for tambah in (0, 3):
        for i in range(tambah):
            kec = f.kecamatan(f"36.73.{10 + i}", f"Tambahan {i}")
            f.data_renja(kec, 2, awalan=f"8.{i + 1:02d}")
        with django_assert_max_num_queries(20), CaptureQueriesContext(connection) as q:
            isi = c.get(reverse("home"), {"tahun": 2022}).content.decode()
        assert "Kecamatan 2</a>" in isi
        hitung.append(len(q))
    assert hitung[0] == hitung[1]


def test_jumlah_query_operator_tetap_berapa_pun_barisnya(klien, kec, django_assert_max_num_queries):
    hitung = []
    c = klien("operator")
    for n in (1, 4):
        f.data_renja(kec, n, tahun=2022 + n, awalan=f"7.0{n}")
        with django_assert_max_num_queries(20), CaptureQueriesContext(connection) as q:
            assert c.get(reverse("home"), {"tahun": 2022 + n}).status_code == 200
        hitung.append(len(q))
    assert hitung[0] == hitung[1]


def test_angka_beranda_sama_dengan_laporan_keuangan_lkjip(db):
    """Pagu, realisasi and serapan on the home page equal the LKjIP keuangan report's kecamatan total."""
    from lkjip.reports import lkjip_keuangan

    from ..lkjip import factories as lf

    kec = lf.kecamatan()
    kel = lf.kelurahan(kec, 1)
    keg = lf.kegiatan(lf.program("9.01"), 1)
    f.anggaran(kec, keg, 2020, 1_000_000, None, tw=(100_000, 250_500, None, None), kelurahan_=kel)
    f.anggaran(kec, keg, 2020, 500_000, 480_000, sumber_dana="DAU-T")  # a year figure only
    f.anggaran(kec, lf.kegiatan(lf.program("9.02"), 1), 2020, 300_000, None)  # nothing spent yet
    (r,) = ringkasan_kecamatan([kec], 2020)
    total = {b.sel["unit"]: b for b in lkjip_keuangan(kec, 2020).baris}["Jumlah Kecamatan Uji"]
    assert (r.pagu, r.realisasi, r.serapan) == (
        total.get("p_jumlah"),
        total.get("r_jumlah"),
        total.get("c_jumlah"),
    )
    assert r.realisasi == Decimal(830_500) and r.setahun_saja == 1
