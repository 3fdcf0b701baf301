"""Sign-in throttling (django-axes): too many wrong passwords lock the username and the IP address."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

LOGIN = "/akun/masuk/"
SANDI = "sandi-benar-123"
PESAN_TERKUNCI = (
    "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit atau hubungi admin Bappeda."
)


@pytest.fixture
def pengguna(db):
    return get_user_model().objects.create_user("operator_uji", password=SANDI)


@pytest.fixture
def pengguna_lain(db):
    return get_user_model().objects.create_user("camat_uji", password=SANDI)


def masuk(client, username, password, ip="10.1.1.1", **meta):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip, **meta)


def sudah_masuk(client) -> bool:
    return "_auth_user_id" in client.session


def gagal_berkali(client, username, kali, ip="10.1.1.1"):
    return [masuk(client, username, "sandi-salah", ip).status_code for _ in range(kali)]


def test_batas_gagal_lalu_sandi_benar_ditolak_dengan_pesan_indonesia(client, pengguna, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    kode = gagal_berkali(client, "operator_uji", settings.AXES_FAILURE_LIMIT)
    assert kode[:-1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)  # the form again, "sandi salah"

    r = masuk(client, "operator_uji", SANDI)
    assert r.status_code == 429
    teks = r.content.decode()
    assert PESAN_TERKUNCI in teks
    assert "Content-Security-Policy" in r.headers  # the lockout page is an ordinary page of the site
    assert not sudah_masuk(client)
    assert client.get("/").status_code == 302  # still anonymous: home sends to the sign-in page


def test_sebelum_batas_sandi_benar_masih_bisa_masuk(client, pengguna, settings):
    gagal_berkali(client, "operator_uji", settings.AXES_FAILURE_LIMIT - 1)
    r = masuk(client, "operator_uji", SANDI)
    assert r.status_code == 302 and r.url == "/"
    assert sudah_masuk(client)


def test_masuk_berhasil_menghapus_hitungan_gagal(client, pengguna, settings):
    gagal_berkali(client, "operator_uji", settings.AXES_FAILURE_LIMIT - 1)
    assert masuk(client, "operator_uji", SANDI).status_code == 302
    client.logout()
    # a fresh count (AXES_RESET_ON_SUCCESS): the same number of failures again is still below the limit
    gagal_berkali(client, "operator_uji", settings.AXES_FAILURE_LIMIT - 1)
    assert masuk(client, "operator_uji", SANDI).status_code == 302


def test_pengguna_lain_dari_alamat_lain_tetap_bisa_masuk(client, pengguna, pengguna_lain, settings):
    gagal_berkali(client, "operator_uji", settings.AXES_FAILURE_LIMIT, ip="10.1.1.1")

    r = masuk(client, "camat_uji", SANDI, ip="10.2.2.2")
    assert r.status_code == 302 and r.url == "/"
    assert sudah_masuk(client)


def test_nama_pengguna_terkunci_juga_dari_alamat_lain(client, pengguna, settings):
    gagal_berkali(client, "operator_uji", settings.AXES_FAILURE_LIMIT, ip="10.1.1.1")

    r = masuk(client, "operator_uji", SANDI, ip="10.9.9.9")
    assert r.status_code == 429 and PESAN_TERKUNCI in r.content.decode()
    assert not sudah_masuk(client)


def test_alamat_ip_terkunci_setelah_banyak_nama_pengguna(client, pengguna, settings):
    for i in range(settings.AXES_FAILURE_LIMIT):
        masuk(client, f"tebakan{i}", "sandi-salah", ip="10.6.6.6")

    r = masuk(client, "operator_uji", SANDI, ip="10.6.6.6")  # right password, but from the locked address
    assert r.status_code == 429 and PESAN_TERKUNCI in r.content.decode()
    assert not sudah_masuk(client)

    r = masuk(client, "operator_uji", SANDI, ip="10.7.7.7")
    assert r.status_code == 302 and sudah_masuk(client)


def test_admin_membuka_kunci_dengan_axes_reset_username(client, pengguna, settings):
    gagal_berkali(client, "operator_uji", settings.AXES_FAILURE_LIMIT, ip="10.1.1.1")
    assert masuk(client, "operator_uji", SANDI, ip="10.8.8.8").status_code == 429

    call_command("axes_reset_username", "operator_uji")

    r = masuk(client, "operator_uji", SANDI, ip="10.8.8.8")
    assert r.status_code == 302 and sudah_masuk(client)


def test_tanpa_masa_tunggu_pesan_hubungi_admin(client, pengguna, settings):
    settings.AXES_COOLOFF_TIME = None
    gagal_berkali(client, "operator_uji", settings.AXES_FAILURE_LIMIT)
    r = masuk(client, "operator_uji", SANDI)
    assert r.status_code == 429
    assert "Hubungi admin Bappeda untuk membuka kunci" in r.content.decode()


def test_di_belakang_proxy_alamat_klien_dari_header(client, pengguna, pengguna_lain, settings):
    """Behind a reverse proxy every request comes from the proxy's address; AXES_IP_HEADER names the header
    with the client's own, so one office PC's failures do not lock everyone out."""
    settings.AXES_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    proxy = "127.0.0.1"
    for i in range(settings.AXES_FAILURE_LIMIT):
        masuk(client, f"tebakan{i}", "sandi-salah", ip=proxy, HTTP_X_FORWARDED_FOR="192.168.1.10")

    r = masuk(client, "camat_uji", SANDI, ip=proxy, HTTP_X_FORWARDED_FOR="spoofed, 192.168.1.11")
    assert r.status_code == 302 and sudah_masuk(client)
    client.logout()
    r = masuk(client, "operator_uji", SANDI, ip=proxy, HTTP_X_FORWARDED_FOR="192.168.1.10")
    assert r.status_code == 429
