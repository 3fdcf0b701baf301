"""The realisasi grid and the audit trail cost a fixed number of queries whatever the number of rows."""

from decimal import Decimal

import pytest
from django.urls import reverse

from renja.models import Anggaran, Indikator, Nomenklatur
from renja.services import anggaran_set_realisasi

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db


def _tambah(d, n: int) -> None:
    for i in range(n):
        node = Nomenklatur.objects.create(
            kode=f"5001.500105.04.{100 + i}", tingkat="kegiatan", uraian=f"Kegiatan {i}", induk=d["program"]
        )
        a = Anggaran.objects.create(
            tahun=2020, kecamatan=d["a"], nomenklatur=node, kelurahan=d["kel"], pagu=Decimal(1000)
        )
        Indikator.objects.create(
            tahun=2020, kecamatan=d["a"], nomenklatur=node, uraian=f"Indikator {i}", target="5"
        )
        anggaran_set_realisasi(a, versi=0, masukan={"realisasi_tw1": "10"}, user=d["users"]["operator_a"])


@pytest.mark.parametrize("n", [2, 20])
def test_halaman_realisasi_dan_riwayat_kueri_tetap(client, django_assert_max_num_queries, n):
    d = dua_kecamatan()
    _tambah(d, n)
    client.force_login(d["users"]["operator_a"])
    with django_assert_max_num_queries(16):
        assert (
            client.get(reverse("renja:realisasi", kwargs={"kode": "36.73.03", "tahun": 2020})).status_code
            == 200
        )
    with django_assert_max_num_queries(
        17
    ):  # session, user, groups, profile, kecamatan + one per audited model (12)
        r = client.get(reverse("laporan:riwayat-tahun", kwargs={"kode": "36.73.03", "tahun": 2020}))
        assert r.status_code == 200
