"""Belanja tidak langsung: the model's rules, the services of the per-year pages (``isian_simpan`` with
``BELANJA``: versioned, locked with the year's document) and what its page adds to the pattern tested in
test_isian.py (totals, serapan, its messages)."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from dokumen.models import Dokumen, StatusDokumen
from renja.models import Belanja
from renja.services import BELANJA, GalatRealisasi, KonflikVersi, isian_hapus, isian_simpan, isian_ubah

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db

KOSONG = {"jenis": "belanja pegawai", "kelurahan": None, "pagu": None, "realisasi": None, "keterangan": ""}


@pytest.fixture
def d():
    return dua_kecamatan()


def _url(nama: str, **kw) -> str:
    return reverse(f"renja:{nama}", kwargs={"kode": "36.73.03", "tahun": 2020, **kw})


def _klien(client, d, nama="operator_a"):
    client.force_login(d["users"][nama])
    return client


# ------------------------------------------------------------------------------------------------ model/service
def test_kunci_unik_per_jenis_dan_lokasi(d):
    Belanja.objects.create(tahun=2020, kecamatan=d["a"], jenis="belanja pegawai")
    Belanja.objects.create(tahun=2020, kecamatan=d["a"], jenis="belanja pegawai", kelurahan=d["kel"])
    Belanja.objects.create(tahun=2021, kecamatan=d["a"], jenis="belanja pegawai")
    with pytest.raises(IntegrityError), transaction.atomic():
        Belanja.objects.create(tahun=2020, kecamatan=d["a"], jenis="belanja pegawai")
    with pytest.raises(IntegrityError), transaction.atomic():
        Belanja.objects.create(tahun=2020, kecamatan=d["a"], jenis="belanja modal", pagu=-1)


def test_simpan_baru_dan_ubah_berversi_dengan_riwayat(d):
    op = d["users"]["operator_a"]
    b = isian_simpan(
        BELANJA,
        d["a"],
        2020,
        obj=None,
        versi=None,
        user=op,
        nilai={**KOSONG, "jenis": "  belanja   pegawai "},
    )
    assert (b.jenis, b.pagu, b.realisasi, b.versi) == ("belanja pegawai", None, None, 0)
    b = isian_simpan(BELANJA, d["a"], 2020, obj=b, versi=0, user=op, nilai={"pagu": Decimal(100)})
    assert b.versi == 1 and Belanja.objects.get().pagu == 100
    rekaman = b.history.latest()
    assert rekaman.history_user == op and rekaman.history_change_reason == "Isian belanja tidak langsung"
    # a page opened before the change is refused with the current values
    with pytest.raises(KonflikVersi) as exc:
        isian_simpan(BELANJA, d["a"], 2020, obj=b, versi=0, user=op, nilai={"pagu": Decimal(7)})
    assert exc.value.obj.pagu == 100
    # the same values sent twice: a success, nothing changes
    assert (
        isian_simpan(BELANJA, d["a"], 2020, obj=b, versi=0, user=op, nilai={"pagu": Decimal(100)}).versi == 1
    )
    # the admin's path claims the version too
    with pytest.raises(KonflikVersi):
        isian_ubah(b, versi=0, nilai={"pagu": Decimal(5)}, user=d["users"]["bappeda"])
    assert isian_ubah(b, versi=1, nilai={"pagu": Decimal(5)}, user=d["users"]["bappeda"]).versi == 2


def test_aturan_jenis_ganda_melebihi_pagu_dan_kelurahan_lain(d):
    op = d["users"]["operator_a"]
    isian_simpan(BELANJA, d["a"], 2020, obj=None, versi=None, user=op, nilai={**KOSONG, "pagu": Decimal(10)})
    with pytest.raises(GalatRealisasi) as exc:
        isian_simpan(
            BELANJA, d["a"], 2020, obj=None, versi=None, user=op, nilai={**KOSONG, "jenis": "Belanja Pegawai"}
        )
    assert "sudah tercatat" in exc.value.galat["jenis"]
    with pytest.raises(GalatRealisasi) as exc:
        isian_simpan(
            BELANJA,
            d["a"],
            2020,
            obj=None,
            versi=None,
            user=op,
            nilai={**KOSONG, "jenis": "belanja modal", "pagu": Decimal(10), "realisasi": Decimal(11)},
        )
    assert exc.value.galat == {"realisasi": "Realisasi Rp 11 melebihi pagu Rp 10."}
    kel_b = d["b"].kelurahan_set.create(kode="36.73.01.1001", nama="Cipare")
    with pytest.raises(GalatRealisasi) as exc:
        isian_simpan(
            BELANJA,
            d["a"],
            2020,
            obj=None,
            versi=None,
            user=op,
            nilai={**KOSONG, "jenis": "x", "kelurahan": kel_b},
        )
    assert "kelurahan" in exc.value.galat
    # the double submit of the new-row form keeps one row
    isian_simpan(BELANJA, d["a"], 2020, obj=None, versi=None, user=op, nilai={**KOSONG, "pagu": Decimal(10)})
    assert Belanja.objects.count() == 1


def test_terkunci_selama_dokumen_diajukan_atau_disetujui(d):
    op = d["users"]["operator_a"]
    b = isian_simpan(BELANJA, d["a"], 2020, obj=None, versi=None, user=op, nilai=KOSONG)
    Dokumen.objects.create(kecamatan=d["a"], tahun=2020, jenis="lkjip", status=StatusDokumen.DISETUJUI)
    for aksi in (
        lambda: isian_simpan(BELANJA, d["a"], 2020, obj=b, versi=0, user=op, nilai={"pagu": Decimal(1)}),
        lambda: isian_simpan(
            BELANJA, d["a"], 2020, obj=None, versi=None, user=op, nilai={**KOSONG, "jenis": "x"}
        ),
        lambda: isian_hapus(BELANJA, b, versi=0, user=op),
        lambda: isian_ubah(b, versi=0, nilai={"pagu": Decimal(1)}, user=d["users"]["bappeda"]),
    ):
        with pytest.raises(GalatRealisasi) as exc:
            aksi()
        assert "sudah disetujui; realisasi terkunci" in str(exc.value)
    assert Belanja.objects.get().pagu is None
    # another year is open
    isian_simpan(BELANJA, d["a"], 2021, obj=None, versi=None, user=op, nilai=KOSONG)


def test_hapus_berversi(d):
    op = d["users"]["operator_a"]
    b = isian_simpan(BELANJA, d["a"], 2020, obj=None, versi=None, user=op, nilai=KOSONG)
    isian_simpan(BELANJA, d["a"], 2020, obj=b, versi=0, user=op, nilai={"pagu": Decimal(3)})
    with pytest.raises(KonflikVersi):
        isian_hapus(BELANJA, b, versi=0, user=op)
    isian_hapus(BELANJA, b, versi=1, user=op)
    assert not Belanja.objects.exists()
    assert (
        Belanja.history.filter(history_type="-").get().history_change_reason
        == "Isian belanja tidak langsung: dihapus"
    )


# ------------------------------------------------------------------------------------------------ the page
def test_halaman_dari_halaman_tahun_dan_realisasi(client, d):
    c = _klien(client, d)
    for url in (reverse("laporan:indeks", kwargs={"kode": "36.73.03", "tahun": 2020}), _url("realisasi")):
        assert _url("belanja") in c.get(url).content.decode()
    r = c.get(_url("belanja"))
    assert r.status_code == 200 and "Belum ada baris untuk tahun 2020." in r.content.decode()
    assert 'action="' + _url("belanja-baru") + '"' in r.content.decode()


def test_operator_menambah_mengubah_dan_menghapus(client, d):
    c = _klien(client, d)
    r = c.post(
        _url("belanja-baru"),
        {
            "jenis": "belanja pegawai",
            "kelurahan": "",
            "pagu": "9.633.391.315",
            "realisasi": "",
            "keterangan": "x",
        },
    )
    b = Belanja.objects.get()
    assert r.status_code == 302 and r["Location"] == _url("belanja") + f"#r{b.pk}"
    assert (b.pagu, b.realisasi, b.kelurahan, b.keterangan) == (Decimal(9633391315), None, None, "x")
    isi = c.get(_url("belanja")).content.decode()
    assert 'value="9.633.391.315"' in isi and "(belum lengkap)" in isi  # realisasi not known yet
    r = c.post(
        _url("belanja-simpan", pk=b.pk),
        {
            "versi": "0",
            "jenis": "belanja pegawai",
            "kelurahan": str(d["kel"].pk),
            "pagu": "9.633.391.315",
            "realisasi": "8.772.869.202",
            "keterangan": "formasi",
        },
    )
    assert r.status_code == 302
    b.refresh_from_db()
    assert (b.realisasi, b.kelurahan, b.versi) == (Decimal(8772869202), d["kel"], 1)
    isi = c.get(_url("belanja")).content.decode()
    assert "(belum lengkap)" not in isi and "91,07" in isi
    assert f'<option value="{d["kel"].pk}" selected>Walantaka</option>' in isi
    assert c.post(_url("belanja-hapus", pk=b.pk), {"versi": "1"}).status_code == 302
    assert not Belanja.objects.exists()


def test_isian_salah_400_tanpa_menulis(client, d):
    c = _klien(client, d)
    r = c.post(_url("belanja-baru"), {"jenis": "", "pagu": "1.5", "realisasi": "-3", "kelurahan": "999999"})
    isi = r.content.decode()
    assert r.status_code == 400 and not Belanja.objects.exists()
    for pesan in (
        "Jenis belanja wajib diisi",
        "&#x27;1.5&#x27; ambigu",
        "Rupiah tidak boleh negatif.",
        "Pilih kelurahan dari daftar kecamatan ini.",
    ):
        assert pesan in isi, pesan
    r = c.post(_url("belanja-baru"), {"jenis": "belanja modal", "pagu": "10", "realisasi": "11"})
    assert r.status_code == 400 and "Realisasi Rp 11 melebihi pagu Rp 10." in r.content.decode()
    b = Belanja.objects.create(tahun=2020, kecamatan=d["a"], jenis="belanja pegawai")
    r = c.post(_url("belanja-simpan", pk=b.pk), {"jenis": "belanja pegawai", "pagu": "1"})  # no versi
    assert r.status_code == 400 and "Versi baris tidak dikirim" in r.content.decode()
    assert c.post(_url("belanja-hapus", pk=b.pk), {"versi": "x"}).status_code == 400
    assert Belanja.objects.get().pagu is None


def test_halaman_lama_409_dengan_nilai_terkini(client, d):
    c = _klien(client, d)
    b = Belanja.objects.create(tahun=2020, kecamatan=d["a"], jenis="belanja pegawai", pagu=100)
    isian_simpan(
        BELANJA, d["a"], 2020, obj=b, versi=0, user=d["users"]["camat_a"], nilai={"pagu": Decimal(250)}
    )
    r = c.post(_url("belanja-simpan", pk=b.pk), {"versi": "0", "jenis": "belanja pegawai", "pagu": "999"})
    isi = r.content.decode()
    assert r.status_code == 409 and "baru saja diubah oleh pengguna lain" in isi
    assert 'value="250"' in isi and 'name="versi" value="1"' in isi
    assert Belanja.objects.get().pagu == 250
    assert c.post(_url("belanja-hapus", pk=b.pk), {"versi": "0"}).status_code == 409
    assert Belanja.objects.exists()


def test_terkunci_halaman_hanya_baca_dan_simpan_ditolak(client, d):
    c = _klien(client, d)
    b = Belanja.objects.create(tahun=2020, kecamatan=d["a"], jenis="belanja pegawai", pagu=100)
    Dokumen.objects.create(kecamatan=d["a"], tahun=2020, jenis="lkjip", status=StatusDokumen.DIAJUKAN)
    isi = c.get(_url("belanja")).content.decode()
    assert "sedang diajukan; realisasi terkunci" in isi and _url("belanja-baru") not in isi
    r = c.post(_url("belanja-simpan", pk=b.pk), {"versi": "0", "jenis": "belanja pegawai", "pagu": "1"})
    assert r.status_code == 400 and "realisasi terkunci" in r.content.decode()
    assert c.post(_url("belanja-baru"), {"jenis": "belanja modal"}).status_code == 400
    assert c.post(_url("belanja-hapus", pk=b.pk), {"versi": "0"}).status_code == 400
    assert Belanja.objects.get().pagu == 100 and Belanja.objects.count() == 1


def test_baris_kecamatan_lain_404_dan_pimpinan_hanya_melihat(client, d):
    lain = Belanja.objects.create(tahun=2020, kecamatan=d["b"], jenis="belanja pegawai")
    c = _klien(client, d)
    r = c.post(_url("belanja-simpan", pk=lain.pk), {"versi": "0", "jenis": "x"})
    assert r.status_code == 404
    c = _klien(client, d, "pimpinan")
    Belanja.objects.create(tahun=2020, kecamatan=d["a"], jenis="belanja pegawai", pagu=5)
    isi = c.get(_url("belanja")).content.decode()
    assert "Anda hanya dapat melihat halaman ini." in isi and _url("belanja-baru") not in isi
    assert "/belanja/" + "" not in isi.replace(_url("belanja"), "")  # no save or delete form either


# ------------------------------------------------------------------------------------------------ the admin
def _data_admin(b: Belanja, versi_awal, **ubah) -> dict:
    return {
        "tahun": b.tahun,
        "kecamatan": b.kecamatan_id,
        "jenis": b.jenis,
        "kelurahan": b.kelurahan_id or "",
        "pagu": b.pagu if b.pagu is not None else "",
        "realisasi": b.realisasi if b.realisasi is not None else "",
        "keterangan": b.keterangan,
        "versi_awal": versi_awal,
        "_save": "Simpan",
        **ubah,
    }


def test_admin_berversi_dan_aturan_sama(client, d):
    b = Belanja.objects.create(tahun=2020, kecamatan=d["a"], jenis="belanja pegawai", pagu=100)
    url = f"/admin/renja/belanja/{b.pk}/change/"
    client.force_login(d["users"]["bappeda"])
    assert 'name="versi_awal" value="0"' in client.get(url).content.decode()
    r = client.post(url, _data_admin(b, 0, realisasi="120"))
    assert r.status_code == 200 and "melebihi pagu" in r.content.decode()
    assert client.post(url, _data_admin(b, 0, realisasi="60")).status_code == 302
    b.refresh_from_db()
    assert (b.realisasi, b.versi, b.history.first().history_user) == (60, 1, d["users"]["bappeda"])
    # a page opened at versi 0 is refused afterwards
    r = client.post(url, _data_admin(b, 0, realisasi="70"))
    assert r.status_code == 200 and "sudah diubah pengguna lain" in r.content.decode()
    assert Belanja.objects.get().realisasi == 60
    c = _klien(client, d)
    r = c.post(_url("belanja-simpan", pk=b.pk), {"versi": "0", "jenis": "belanja pegawai", "pagu": "100"})
    assert r.status_code == 409


def test_perubahan_tercatat_di_riwayat_tahun(client, d):
    import io

    from openpyxl import load_workbook

    c = _klien(client, d)
    c.post(_url("belanja-baru"), {"jenis": "belanja pegawai", "kelurahan": str(d["kel"].pk), "pagu": "1.000"})
    b = Belanja.objects.get()
    c.post(
        _url("belanja-simpan", pk=b.pk),
        {"versi": "0", "jenis": "belanja pegawai", "kelurahan": str(d["kel"].pk), "pagu": "1.500"},
    )
    r = c.get(reverse("laporan:riwayat-tahun", kwargs={"kode": "36.73.03", "tahun": 2020}))
    baris = [list(row) for row in load_workbook(io.BytesIO(r.content)).active.iter_rows(values_only=True)]
    pagu = [
        row for row in baris if "Belanja tidak langsung belanja pegawai · Walantaka" in row and "pagu" in row
    ]
    assert pagu and pagu[0][1] == "operator_a" and "1.000" in pagu[0] and "1.500" in pagu[0]
