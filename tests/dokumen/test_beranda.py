import pytest
from django.urls import reverse

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db


def test_beranda_menampilkan_kecamatan_dan_tahunnya_sesuai_cakupan(client):
    d = dua_kecamatan()
    assert client.get(reverse("home")).status_code == 302  # anonymous: to login
    client.force_login(d["users"]["pimpinan"])
    isi = client.get(reverse("home")).content.decode()
    assert "Walantaka" in isi and "Serang" in isi and "2020" in isi
    client.force_login(d["users"]["operator_a"])
    isi = client.get(reverse("home")).content.decode()
    assert "Walantaka" in isi and "36.73.01" not in isi


def test_halaman_masuk_berbahasa_indonesia(client):
    isi = client.get(reverse("login")).content.decode()
    assert "Masuk" in isi and "Sandi" in isi
