"""The seed workbooks: they import cleanly, round-trip through export, and add up to what the seeds print.

``seed`` (tests/conftest.py) imports them once for this module; each test is rolled back after it.
"""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Sum

from renja.models import Anggaran
from wilayah.akses import kecamatan_terlihat
from wilayah.models import Kecamatan, Kelurahan
from workbook.ekspor import workbook_ekspor
from workbook.impor import workbook_impor

from ..conftest import SEED

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed")]

SERANG, WALANTAKA = "36.73.01", "36.73.03"


def _jumlah(kode_kec: str, tahun: int, **filter_) -> tuple[Decimal, Decimal]:
    qs = Anggaran.objects.filter(kecamatan__kode=kode_kec, tahun=tahun, **filter_)
    total = qs.aggregate(pagu=Sum("pagu"), realisasi=Sum("realisasi"))
    return total["pagu"], total["realisasi"]


def test_fixture_diimpor_ulang_tidak_mengubah_apa_pun():
    for path in SEED:
        assert workbook_impor(path).ringkasan().startswith("created=0 updated=0 ")


@pytest.mark.parametrize("kode", [SERANG, WALANTAKA])
def test_ekspor_lalu_impor_dry_run_tidak_mengubah_apa_pun(kode, tmp_path):
    path = tmp_path / f"{kode}.xlsx"
    call_command("export_workbook", "--kecamatan", kode, "--output", str(path))
    hasil = workbook_impor(path, dry_run=True)
    assert hasil.berhasil, hasil.pesan_galat()
    assert hasil.ringkasan().startswith("created=0 updated=0 ")
    assert hasil.jumlah["unchanged"] > 100


def test_ekspor_per_tahun_juga_bulat(tmp_path):
    kec = Kecamatan.objects.get(kode=WALANTAKA)
    path = tmp_path / "ekspor.xlsx"
    path.write_bytes(workbook_ekspor(kec, tahun=2020))
    hasil = workbook_impor(path, dry_run=True)
    assert hasil.ringkasan().startswith("created=0 updated=0 ")


@pytest.mark.parametrize("putaran", [1, 2])
def test_perubahan_satu_tes_tidak_terbawa_ke_tes_berikutnya(putaran):
    # the seed is imported once for the module; each test is rolled back, so the second round finds it whole
    assert Kecamatan.objects.filter(kode__in=[SERANG, WALANTAKA]).count() == 2
    assert Anggaran.objects.filter(kecamatan__kode=WALANTAKA).exists()
    Anggaran.objects.all().delete()
    Kecamatan.objects.filter(kode=SERANG).update(nama="Diubah")


def test_wilayah_seed():
    serang = Kecamatan.objects.get(kode=SERANG)
    walantaka = Kecamatan.objects.get(kode=WALANTAKA)
    assert serang.kota.kode == "36.73" and serang.kota.nama == "Kota Serang"
    assert Kelurahan.objects.filter(kecamatan=serang).count() == 12
    assert Kelurahan.objects.filter(kecamatan=walantaka).count() == 14
    assert sum(k.jumlah_rt_rw for k in Kelurahan.objects.filter(kecamatan=walantaka)) == 391
    assert serang.nama_camat and serang.nip_camat == "19810831 199912 1 001"
    assert walantaka.nama_camat and walantaka.nip_camat


def test_walantaka_jumlah_seluruh_program_sama_dengan_seed():
    # "JUMLAH ANGGARAN DAN REALISASI SELURUH PROGRAM" of the rekap table (seed 002, line 1083)
    assert _jumlah(WALANTAKA, 2020) == (Decimal(19213538636), Decimal(19006119144))
    assert _jumlah(WALANTAKA, 2019) == (Decimal(10188581520), Decimal(9608928553))


def test_walantaka_program_pelayanan_administrasi_kelurahan():
    # Tabel 2.2 of seed 002: Program Pelayanan Administrasi Kelurahan 2.872.149.185
    pagu, _ = _jumlah(WALANTAKA, 2020, nomenklatur__induk__kode="5001.04")
    assert pagu == Decimal(2872149185)


def test_serang_program_pelayanan_administrasi_kelurahan_2020():
    # Tabel 2.1 of seed 000: 1.812.154.027 target, 1.754.655.303 realisasi, 96,83 %
    pagu, realisasi = _jumlah(SERANG, 2020, nomenklatur__induk__kode="5001.04")
    assert (pagu, realisasi) == (Decimal(1812154027), Decimal(1754655303))
    assert round(realisasi / pagu * 100, 2) == Decimal("96.83")


def test_load_demo_membuat_pengguna_dan_cakupannya():
    call_command("load_demo", "--force")  # on top of the seed: the import finds nothing to change
    User = get_user_model()
    assert set(User.objects.values_list("username", flat=True)) >= {
        "bappeda",
        "pimpinan",
        "operator_serang",
        "camat_serang",
        "operator_walantaka",
        "camat_walantaka",
    }
    op = User.objects.get(username="operator_walantaka")
    assert op.check_password("demo")
    assert list(kecamatan_terlihat(op).values_list("kode", flat=True)) == [WALANTAKA]
    assert kecamatan_terlihat(User.objects.get(username="pimpinan")).count() == 2
    assert User.objects.get(username="bappeda").is_staff
    call_command("load_demo", "--force")  # idempotent
    assert User.objects.count() == 6


def test_load_demo_ditolak_tanpa_debug(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo")
