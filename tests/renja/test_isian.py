"""The per-year list pages of usulan, prioritas, belanja (Renja), pegawai and tujuan (LKjIP): one pattern (renja.views.isian_views,
renja.services.isian_simpan), checked for each page — add, change, delete, 400, 409 with both values, locked
with the year's document, another kecamatan's row 404, pimpinan read-only (403 on the actions)."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from dokumen.models import Dokumen, StatusDokumen
from lkjip.models import Pegawai, Tujuan
from renja.models import Belanja, Prioritas, Usulan
from renja.services import PRIORITAS, GalatRealisasi, KonflikVersi, isian_simpan, isian_ubah

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Kasus:
    url: str
    model: Any
    isi: dict[str, str]  # a valid new row as the page posts it
    ubah: dict[str, str]  # a change of it
    kunci: str  # the field whose stored value identifies the row
    baru: Any  # the stored value after ``isi``
    diubah: Any  # after ``ubah``


KASUS = {
    "usulan": Kasus(
        "renja:usulan",
        Usulan,
        {"uraian": "Perbaikan jalan lingkungan", "volume": "200 m", "urutan": "1", "kelurahan": ""},
        {"uraian": "Perbaikan jalan lingkungan", "volume": "350 m", "urutan": "1", "nomenklatur": "5001.04"},
        "volume",
        "200 m",
        "350 m",
    ),
    "prioritas": Kasus(
        "renja:prioritas",
        Prioritas,
        {"jenis": "unggulan", "uraian": "Pelayanan PATEN", "pagu": "1.250.000", "urutan": "1"},
        {"jenis": "unggulan", "uraian": "Pelayanan PATEN", "pagu": "2.500.000,50", "urutan": "1"},
        "pagu",
        Decimal(1250000),
        Decimal("2500000.50"),
    ),
    "belanja": Kasus(
        "renja:belanja",
        Belanja,
        {"jenis": "belanja pegawai", "pagu": "1.000", "realisasi": "", "kelurahan": ""},
        {"jenis": "belanja pegawai", "pagu": "2.000", "realisasi": "1.500"},
        "pagu",
        Decimal(1000),
        Decimal(2000),
    ),
    "pegawai": Kasus(
        "lkjip:pegawai",
        Pegawai,
        {"nama": "Drs. Ani", "nip": "19720808 199303 1 006", "pangkat_golongan": "iv / b", "urutan": "1"},
        {"nama": "Drs. Ani", "nip": "19720808 199303 1 006", "pangkat_golongan": "III-c", "urutan": "1"},
        "pangkat_golongan",
        "IV/b",
        "III/c",
    ),
    "tujuan": Kasus(
        "lkjip:tujuan",
        Tujuan,
        {"uraian": "Meningkatnya tata kelola", "indikator": "Indeks A", "urutan": "1"},
        {"uraian": "Meningkatnya tata kelola", "indikator": "Indeks B", "rumus": "x / y", "urutan": "1"},
        "indikator",
        "Indeks A",
        "Indeks B",
    ),
}


@pytest.fixture
def d():
    return dua_kecamatan()


def _url(k: Kasus, akhir: str = "", kode: str = "36.73.03", **kw) -> str:
    return reverse(f"{k.url}{akhir}", kwargs={"kode": kode, "tahun": 2020, **kw})


def _masuk(client, d, nama="operator_a"):
    client.force_login(d["users"][nama])
    return client


@pytest.mark.parametrize("nama", KASUS)
def test_ditautkan_dari_halaman_tahun_dan_kosong(client, d, nama):
    k = KASUS[nama]
    c = _masuk(client, d)
    assert (
        _url(k)
        in c.get(reverse("laporan:indeks", kwargs={"kode": "36.73.03", "tahun": 2020})).content.decode()
    )
    r = c.get(_url(k))
    isi = r.content.decode()
    assert r.status_code == 200 and "Belum ada baris untuk tahun 2020." in isi
    assert f'action="{_url(k, "-baru")}"' in isi


@pytest.mark.parametrize("nama", KASUS)
def test_tambah_ubah_hapus_berversi_dengan_riwayat(client, d, nama):
    k = KASUS[nama]
    c = _masuk(client, d)
    r = c.post(_url(k, "-baru"), k.isi)
    obj = k.model.objects.get()
    assert r.status_code == 302 and r["Location"] == _url(k) + f"#r{obj.pk}"
    assert (getattr(obj, k.kunci), obj.versi, obj.kecamatan, obj.tahun) == (k.baru, 0, d["a"], 2020)
    # the same form sent twice keeps one row
    assert c.post(_url(k, "-baru"), k.isi).status_code == 302 and k.model.objects.count() == 1
    r = c.post(_url(k, "-simpan", pk=obj.pk), {**k.ubah, "versi": "0"})
    assert r.status_code == 302
    obj.refresh_from_db()
    assert (getattr(obj, k.kunci), obj.versi) == (k.diubah, 1)
    rekaman = obj.history.latest()
    assert rekaman.history_user == d["users"]["operator_a"] and rekaman.history_change_reason.startswith(
        "Isian"
    )
    isi = c.get(_url(k)).content.decode()
    assert 'name="versi" value="1"' in isi
    assert c.post(_url(k, "-hapus", pk=obj.pk), {"versi": "1"}).status_code == 302
    assert not k.model.objects.exists()
    assert k.model.history.filter(history_type="-").get().history_change_reason.endswith("dihapus")


@pytest.mark.parametrize("nama", KASUS)
def test_tab_lama_409_menampilkan_kedua_nilai(client, d, nama):
    k = KASUS[nama]
    c = _masuk(client, d)
    c.post(_url(k, "-baru"), k.isi)
    obj = k.model.objects.get()
    # another tab (the camat) saved first
    assert (
        _masuk(client, d, "camat_a").post(_url(k, "-simpan", pk=obj.pk), {**k.ubah, "versi": "0"}).status_code
        == 302
    )
    c = _masuk(client, d)
    r = c.post(_url(k, "-simpan", pk=obj.pk), {**k.isi, "versi": "0"})
    isi = r.content.decode()
    assert r.status_code == 409 and "baru saja diubah oleh pengguna lain" in isi
    assert "Isian Anda (belum tersimpan)" in isi and 'name="versi" value="1"' in isi
    typed = next(v for f, v in k.isi.items() if f in {"volume", "pagu", "pangkat_golongan", "indikator"})
    assert typed in isi  # what the user typed
    obj.refresh_from_db()
    assert getattr(obj, k.kunci) == k.diubah  # nothing overwritten
    assert c.post(_url(k, "-hapus", pk=obj.pk), {"versi": "0"}).status_code == 409
    assert k.model.objects.exists()


@pytest.mark.parametrize("nama", KASUS)
def test_isian_salah_400_tanpa_menulis(client, d, nama):
    k = KASUS[nama]
    c = _masuk(client, d)
    salah = {**k.isi, "kelurahan": "999999", "urutan": "x"}
    r = c.post(_url(k, "-baru"), salah)
    assert r.status_code == 400
    if nama in {"usulan", "belanja", "pegawai"}:  # the kinds with a lokasi
        assert "Pilih kelurahan dari daftar kecamatan ini." in r.content.decode()
    assert not k.model.objects.exists()
    c.post(_url(k, "-baru"), k.isi)
    obj = k.model.objects.get()
    r = c.post(_url(k, "-simpan", pk=obj.pk), k.ubah)  # no versi
    assert r.status_code == 400
    assert c.post(_url(k, "-hapus", pk=obj.pk), {"versi": "x"}).status_code == 400
    assert getattr(k.model.objects.get(), k.kunci) == k.baru


def test_pesan_khusus_isian(client, d):
    c = _masuk(client, d)
    r = c.post(_url(KASUS["usulan"], "-baru"), {"uraian": "", "nomenklatur": "9.99", "urutan": "1"})
    isi = r.content.decode()
    assert (
        r.status_code == 400
        and "Usulan wajib diisi." in isi
        and "Kode 9.99 tidak ada dalam nomenklatur." in isi
    )
    r = c.post(
        _url(KASUS["prioritas"], "-baru"), {"jenis": "unggulan", "uraian": "A", "pagu": "1.5", "urutan": "1"}
    )
    assert r.status_code == 400 and "ambigu" in r.content.decode()
    r = c.post(_url(KASUS["pegawai"], "-baru"), {"nama": "B", "pangkat_golongan": "VII/z", "urutan": "1"})
    assert r.status_code == 400 and not Pegawai.objects.exists()
    # a second row with the same key is refused by name, not as a 500
    c.post(_url(KASUS["prioritas"], "-baru"), {"jenis": "mendesak", "uraian": "A", "urutan": "1"})
    r = c.post(_url(KASUS["prioritas"], "-baru"), {"jenis": "mendesak", "uraian": "A", "urutan": "2"})
    assert r.status_code == 400 and Prioritas.objects.count() == 1
    assert "Baris yang sama sudah tercatat untuk kecamatan dan tahun ini" in r.content.decode()


@pytest.mark.parametrize("nama", KASUS)
def test_terkunci_selama_dokumen_diajukan(client, d, nama):
    k = KASUS[nama]
    c = _masuk(client, d)
    c.post(_url(k, "-baru"), k.isi)
    obj = k.model.objects.get()
    Dokumen.objects.create(kecamatan=d["a"], tahun=2020, jenis="renja", status=StatusDokumen.DIAJUKAN)
    isi = c.get(_url(k)).content.decode()
    assert "sedang diajukan; realisasi terkunci" in isi and _url(k, "-baru") not in isi
    r = c.post(_url(k, "-simpan", pk=obj.pk), {**k.ubah, "versi": "0"})
    assert r.status_code == 400 and "terkunci" in r.content.decode()
    assert c.post(_url(k, "-baru"), {**k.isi, "urutan": "7"}).status_code == 400
    assert c.post(_url(k, "-hapus", pk=obj.pk), {"versi": "0"}).status_code == 400
    obj.refresh_from_db()
    assert getattr(obj, k.kunci) == k.baru and k.model.objects.count() == 1


@pytest.mark.parametrize("nama", KASUS)
def test_kecamatan_lain_404_dan_pimpinan_hanya_melihat(client, d, nama):
    k = KASUS[nama]
    lain = k.model.objects.create(
        tahun=2020,
        kecamatan=d["b"],
        **{{"pegawai": "nama", "belanja": "jenis"}.get(nama, "uraian"): "Baris milik Serang"},
        **({"jenis": "unggulan"} if nama == "prioritas" else {}),
    )
    c = _masuk(client, d)
    assert c.post(_url(k, "-simpan", pk=lain.pk), {**k.ubah, "versi": "0"}).status_code == 404
    assert c.post(_url(k, "-hapus", pk=lain.pk), {"versi": "0"}).status_code == 404
    assert c.get(_url(k, kode="36.73.01")).status_code == 404
    c = _masuk(client, d, "pimpinan")
    isi = c.get(_url(k, kode="36.73.01")).content.decode()
    assert (
        "Anda hanya dapat melihat halaman ini." in isi and "Baris milik Serang" in isi and "Hapus" not in isi
    )
    assert c.post(_url(k, "-baru", kode="36.73.01"), k.isi).status_code == 403
    assert c.post(_url(k, "-hapus", kode="36.73.01", pk=lain.pk), {"versi": "0"}).status_code == 403
    assert k.model.objects.count() == 1


def test_layanan_menolak_versi_lama_dan_admin_ikut_versi(d):
    op = d["users"]["operator_a"]
    p = isian_simpan(
        PRIORITAS, d["a"], 2020, obj=None, versi=None, user=op, nilai={"jenis": "mendesak", "uraian": "A"}
    )
    p = isian_simpan(PRIORITAS, d["a"], 2020, obj=p, versi=0, user=op, nilai={"pagu": Decimal(5)})
    with pytest.raises(KonflikVersi) as exc:
        isian_simpan(PRIORITAS, d["a"], 2020, obj=p, versi=0, user=op, nilai={"pagu": Decimal(9)})
    assert exc.value.obj.pagu == 5
    with pytest.raises(KonflikVersi):
        isian_ubah(p, versi=0, nilai={"pagu": Decimal(7)}, user=d["users"]["bappeda"])
    assert isian_ubah(p, versi=1, nilai={"pagu": Decimal(7)}, user=d["users"]["bappeda"]).versi == 2
    with pytest.raises(GalatRealisasi):
        isian_simpan(
            PRIORITAS, d["b"], 2020, obj=p, versi=2, user=d["users"]["bappeda"], nilai={"pagu": None}
        )


def test_admin_pegawai_ikut_versi_halaman(client, d):
    """The admin's change form carries the version it was loaded with: after a save on the page, an admin
    form opened before is refused and nothing is overwritten."""
    p = Pegawai.objects.create(tahun=2020, kecamatan=d["a"], nama="Ani", pangkat_golongan="III/a")
    data = {
        "tahun": 2020,
        "kecamatan": d["a"].pk,
        "nama": "Ani",
        "nip": "",
        "pangkat_golongan": "III/b",
        "jabatan": "",
        "pendidikan": "",
        "eselon": "",
        "kelurahan": "",
        "urutan": 1,
        "versi_awal": 0,
        "_save": "Simpan",
    }
    isi = dict(KASUS["pegawai"].ubah, nama="Ani", versi="0")
    assert _masuk(client, d).post(_url(KASUS["pegawai"], "-simpan", pk=p.pk), isi).status_code == 302
    c = _masuk(client, d, "bappeda")
    alamat = reverse("admin:lkjip_pegawai_change", args=[p.pk])
    r = c.post(alamat, data)
    assert r.status_code == 200 and "sudah diubah pengguna lain" in r.content.decode()
    p.refresh_from_db()
    assert (p.pangkat_golongan, p.versi) == ("III/c", 1)
    assert c.post(alamat, {**data, "versi_awal": 1}).status_code == 302
    p.refresh_from_db()
    assert (p.pangkat_golongan, p.versi) == ("III/b", 2)


def test_admin_menambah_tujuan_dan_menolak_saat_terkunci(client, d):
    c = _masuk(client, d, "bappeda")
    for model in ("renja/usulan", "renja/prioritas", "lkjip/pegawai", "lkjip/tujuan"):
        assert c.get(f"/admin/{model}/add/").status_code == 200, model
    data = {
        "tahun": 2020,
        "kecamatan": d["a"].pk,
        "uraian": "Meningkatnya tata kelola",
        "indikator": "IKM",
        "satuan": "",
        "rumus": "",
        "keterangan": "",
        "urutan": 1,
        "sasaran_set-TOTAL_FORMS": 0,
        "sasaran_set-INITIAL_FORMS": 0,
        "_save": "Simpan",
    }
    assert c.post("/admin/lkjip/tujuan/add/", data).status_code == 302
    Dokumen.objects.create(kecamatan=d["a"], tahun=2020, jenis="renja", status=StatusDokumen.DISETUJUI)
    r = c.post("/admin/lkjip/tujuan/add/", {**data, "uraian": "Tujuan kedua"})
    assert r.status_code == 200 and "terkunci" in r.content.decode()
    assert list(Tujuan.objects.values_list("uraian", flat=True)) == ["Meningkatnya tata kelola"]


def test_halaman_jumlah_query_tetap(client, d):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    c = _masuk(client, d)

    def hitung() -> int:
        with CaptureQueriesContext(connection) as q:
            assert c.get(_url(KASUS["usulan"])).status_code == 200
        return len(q)

    for i in range(2):
        Usulan.objects.create(
            tahun=2020, kecamatan=d["a"], uraian=f"U{i}", kelurahan=d["kel"], nomenklatur=d["program"]
        )
    sedikit = hitung()
    for i in range(2, 12):
        Usulan.objects.create(
            tahun=2020, kecamatan=d["a"], uraian=f"U{i}", kelurahan=d["kel"], nomenklatur=d["program"]
        )
    assert hitung() == sedikit
