"""Sheet 9 ``pegawai``: normalised values, keys, malformed rows named per cell, the document lock, the round
trip through export and the blank template."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from dokumen.models import Dokumen
from lkjip.kepegawaian import normalisasi_eselon, normalisasi_pangkat, normalisasi_pendidikan
from lkjip.models import Pegawai
from workbook.ekspor import workbook_ekspor, workbook_templat
from workbook.impor import workbook_impor
from workbook.kolom import SHEETS

from .. import factories as f

pytestmark = pytest.mark.django_db

KOLOM = SHEETS["pegawai"]["kolom"]


@pytest.fixture
def kec(db):
    k = f.kecamatan("36.73.03", "Walantaka")
    f.kelurahan(k, "Pipitan", "36.73.03.1013")
    f.kelurahan(f.kecamatan("36.73.01", "Serang"), "Cipare", "36.73.01.1001")
    return k


def _baris(**isi) -> list:
    bawaan = {"tahun": 2020, "kode_kecamatan": "36.73.03"}
    return [{**bawaan, **isi}.get(k) for k in KOLOM]


def _impor(xlsx, *baris, **opsi):
    return workbook_impor(xlsx({"pegawai": [KOLOM, *baris]}), **opsi)


@pytest.mark.parametrize(
    ("fungsi", "masuk", "keluar"),
    [
        (normalisasi_pangkat, "IV / b", "IV/b"),
        (normalisasi_pangkat, "iii/C", "III/c"),
        (normalisasi_pangkat, "III/ c", "III/c"),
        (normalisasi_pangkat, "II-a", "II/a"),
        (normalisasi_pangkat, "", ""),
        (normalisasi_pendidikan, "SLTA", "SMA"),
        (normalisasi_pendidikan, "SLT A", "SMA"),
        (normalisasi_pendidikan, "sltp", "SMP"),
        (normalisasi_pendidikan, "s 2", "S2"),
        (normalisasi_eselon, "IV b", "IV.b"),
        (normalisasi_eselon, "iii/A", "III.a"),
        (normalisasi_eselon, "Non Eselon", ""),
        (normalisasi_eselon, "-", ""),
    ],
)
def test_normalisasi(fungsi, masuk, keluar):
    assert fungsi(masuk) == keluar


def test_impor_menormalkan_dan_mengikuti_urutan_baris(kec, xlsx):
    hasil = _impor(
        xlsx,
        _baris(
            nama="KARSONO. S.Sos. M.Si",
            nip="19720808 199303 1 006",
            pangkat_golongan="IV / b",
            jabatan="Camat",
            pendidikan="S2",
            eselon="III a",
        ),
        _baris(
            nama="WULAN FITRIA, SE",
            nip="19840918 200502 2 002",
            pangkat_golongan="III / a",
            jabatan="Kasubag Keuangan & PEP",
            pendidikan="SLTA",
            eselon="IV.b",
        ),
        _baris(
            nama="TUTI SUMIYATI, S.Pd",
            nip="19680222 200701 2 010",
            pangkat_golongan="III/d",
            jabatan="Lurah Pipitan",
            kode_kelurahan="36.73.03.1013",
            eselon="IV/a",
        ),
        _baris(nama="HUDARI", pangkat_golongan="II/a", jabatan="Pelaksana"),  # no NIP: keyed by name
    )
    assert hasil.berhasil, hasil.pesan_galat()
    assert hasil.jumlah["created"] == 4
    p = list(Pegawai.objects.order_by("urutan"))
    assert [(x.urutan, x.pangkat_golongan, x.pendidikan, x.eselon) for x in p] == [
        (1, "IV/b", "S2", "III.a"),
        (2, "III/a", "SMA", "IV.b"),
        (3, "III/d", "", "IV.a"),
        (4, "II/a", "", ""),
    ]
    assert p[2].kelurahan.nama == "Pipitan" and p[0].kelurahan is None
    assert p[0].history.first().history_change_reason == "Impor workbook"


def test_impor_ulang_tidak_mengubah_apa_pun_dan_nama_berubah_jadi_update(kec, xlsx):
    a = _baris(nama="A", nip="1", pangkat_golongan="III/c")
    b = _baris(nama="B", pangkat_golongan="III/b")
    assert _impor(xlsx, a, b).jumlah["created"] == 2
    assert _impor(xlsx, a, b).ringkasan().startswith("created=0 updated=0 unchanged=2")
    # same NIP, new name (a corrected title): the same person, updated in place
    hasil = _impor(xlsx, _baris(nama="A, S.Sos", nip="1", pangkat_golongan="III / d"), dry_run=True)
    assert hasil.jumlah["updated"] == 1
    assert {(c.kolom, c.lama, c.baru) for c in hasil.perubahan} == {
        ("nama", "A", "A, S.Sos"),
        ("pangkat_golongan", "III/c", "III/d"),
    }
    assert Pegawai.objects.get(nip="1").nama == "A"  # a preview writes nothing


@pytest.mark.parametrize(
    ("isi", "kolom", "pesan"),
    [
        ({"pangkat_golongan": "V/x"}, "pangkat_golongan", "pangkat/golongan 'V/x' tidak dikenal"),
        ({"pendidikan": "S5"}, "pendidikan", "pendidikan 'S5' tidak dikenal"),
        ({"eselon": "VI.a"}, "eselon", "eselon 'VI.a' tidak dikenal"),
        ({"nama": None}, "nama", "wajib diisi"),
        ({"tahun": "dua ribu"}, "tahun", ""),
        ({"kode_kelurahan": "36.73.01.1001"}, "kode_kelurahan", "bukan bagian dari"),
        ({"kode_kecamatan": "36.73.09"}, "kode_kecamatan", "tidak dikenal"),
        ({"urutan": 0}, "urutan", "tidak boleh kurang dari 1"),
    ],
)
def test_baris_salah_ditolak_per_sel_dan_tidak_ada_yang_ditulis(kec, xlsx, isi, kolom, pesan):
    hasil = _impor(xlsx, _baris(nama="BENAR", nip="9"), _baris(**{"nama": "X", "nip": "2", **isi}))
    assert not hasil.berhasil
    (g,) = hasil.galat
    assert (g.sheet, g.baris, g.kolom) == ("pegawai", 3, kolom)
    assert pesan in g.pesan
    assert not Pegawai.objects.exists()  # all or nothing


def test_baris_ganda_ditolak(kec, xlsx):
    hasil = _impor(
        xlsx, _baris(nama="A", nip="1"), _baris(nama="A lagi", nip="1"), _baris(nama="B"), _baris(nama="B")
    )
    assert [(g.baris, "baris ganda" in g.pesan) for g in hasil.galat] == [(3, True), (5, True)]


def test_nip_sebagai_angka_ditolak(kec, xlsx):
    hasil = _impor(xlsx, _baris(nama="A", nip=197208081993031006))
    (g,) = hasil.galat
    assert g.kolom == "nip" and "Format kolom nip sebagai Teks" in g.pesan
    assert not Pegawai.objects.exists()


@pytest.mark.parametrize("status", ["diajukan", "disetujui"])
def test_dokumen_terkunci_menolak_kecuali_timpa_kunci(kec, xlsx, status):
    Dokumen.objects.create(kecamatan=kec, tahun=2020, jenis="lkjip", status=status)
    baris = _baris(nama="A", nip="1", pangkat_golongan="III/c")
    hasil = _impor(xlsx, baris)
    assert not hasil.berhasil and "sudah " + status in hasil.galat[0].pesan
    assert not Pegawai.objects.exists()
    hasil = _impor(xlsx, baris, timpa_kunci=True)
    assert hasil.berhasil and any("diterima atas konfirmasi" in p for p in hasil.peringatan)
    assert "termasuk dokumen" in Pegawai.objects.get().history.first().history_change_reason


def test_ekspor_lalu_impor_tidak_mengubah_apa_pun(kec, xlsx, tmp_path):
    _impor(
        xlsx,
        _baris(
            nama="A <b>&",
            nip="1",
            pangkat_golongan="IV / a",
            pendidikan="SLTP",
            eselon="IV b",
            kode_kelurahan="36.73.03.1013",
            jabatan="Lurah",
        ),
    )
    Pegawai.objects.update(jabatan="=SUM(A1)")
    isi = workbook_ekspor(kec, tahun=2020)
    ws = load_workbook(io.BytesIO(isi))["pegawai"]
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == KOLOM
    data = dict(zip(KOLOM, rows[1], strict=True))
    assert (data["pangkat_golongan"], data["pendidikan"], data["eselon"], data["jabatan"]) == (
        "IV/a",
        "SMP",
        "IV.b",
        "=SUM(A1)",  # user text stays text
    )
    assert ws.cell(row=2, column=KOLOM.index("jabatan") + 1).data_type == "s"
    (tmp_path / "e.xlsx").write_bytes(isi)
    assert workbook_impor(tmp_path / "e.xlsx").ringkasan().startswith("created=0 updated=0 ")


def test_templat_memuat_sheet_pegawai():
    wb = load_workbook(io.BytesIO(workbook_templat()))
    assert [c.value for c in wb["pegawai"][1]] == KOLOM
    assert wb["pegawai"].max_row == 1


def test_model_clean_menormalkan_isian_admin(kec):
    p = Pegawai(
        tahun=2020, kecamatan=kec, nama="A", pangkat_golongan="IV / b", pendidikan="S2", eselon="IV.b"
    )
    p.full_clean()  # the admin form: pangkat typed freely, pendidikan and eselon chosen from a list
    assert (p.pangkat_golongan, p.pendidikan, p.eselon) == ("IV/b", "S2", "IV.b")
    p = Pegawai(tahun=2020, kecamatan=kec, nama="A", pendidikan="SLTA", eselon="IV b")
    p.clean()
    assert (p.pendidikan, p.eselon) == ("SMA", "IV.b")
    with pytest.raises(ValidationError) as e:
        Pegawai(tahun=2020, kecamatan=kec, nama="B", pangkat_golongan="X").full_clean()
    assert "pangkat_golongan" in e.value.message_dict
