"""Production settings (config/settings/base.py) read from the environment, checked in a fresh process each
time as `manage.py` / gunicorn would load them."""

from __future__ import annotations

import json

import pytest

from .lingkungan import KUNCI_RAHASIA, manage, python

CETAK_PENGATURAN = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({
    "DEBUG": s.DEBUG,
    "SECURE_SSL_REDIRECT": s.SECURE_SSL_REDIRECT,
    "SESSION_COOKIE_SECURE": s.SESSION_COOKIE_SECURE,
    "CSRF_COOKIE_SECURE": s.CSRF_COOKIE_SECURE,
    "SECURE_HSTS_SECONDS": s.SECURE_HSTS_SECONDS,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": s.SECURE_HSTS_INCLUDE_SUBDOMAINS,
    "SECURE_HSTS_PRELOAD": s.SECURE_HSTS_PRELOAD,
    "SECURE_PROXY_SSL_HEADER": s.SECURE_PROXY_SSL_HEADER,
    "CSRF_TRUSTED_ORIGINS": s.CSRF_TRUSTED_ORIGINS,
    "ALLOWED_HOSTS": s.ALLOWED_HOSTS,
    "STATIC_ROOT": str(s.STATIC_ROOT),
    "STATICFILES": s.STORAGES["staticfiles"]["BACKEND"],
    "AXES_FAILURE_LIMIT": s.AXES_FAILURE_LIMIT,
    "AXES_COOLOFF_SECONDS": s.AXES_COOLOFF_TIME.total_seconds() if s.AXES_COOLOFF_TIME else None,
    "LOG_LEVEL": s.LOGGING["root"]["level"],
}))
"""


def pengaturan(tmp_path, **env: str) -> dict:
    hasil = python(CETAK_PENGATURAN, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", **env)
    assert hasil.returncode == 0, hasil.stderr
    return json.loads(hasil.stdout.strip().splitlines()[-1])


def test_check_deploy_produksi_tanpa_peringatan(tmp_path):
    hasil = manage(
        "check",
        "--deploy",
        DEBUG="0",
        SECRET_KEY=KUNCI_RAHASIA,
        ALLOWED_HOSTS="example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    keluaran = hasil.stdout + hasil.stderr
    assert hasil.returncode == 0, keluaran
    assert "System check identified no issues" in hasil.stdout
    assert "WARNINGS" not in keluaran and "?: (" not in keluaran


@pytest.mark.parametrize("perintah", [["check"], ["migrate", "--no-input"], ["collectstatic", "--no-input"]])
def test_tanpa_secret_key_produksi_menolak_mulai(tmp_path, perintah):
    hasil = manage(
        *perintah,
        DEBUG="0",
        STATIC_ROOT=str(tmp_path / "static"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert hasil.returncode != 0
    assert "django.core.exceptions.ImproperlyConfigured: SECRET_KEY is not set" in hasil.stderr
    assert not (tmp_path / "db.sqlite3").exists() and not (tmp_path / "static").exists()


def test_tanpa_secret_key_wsgi_menolak_mulai():
    """What gunicorn imports: config.wsgi fails the same way, so the server never serves with a known key."""
    hasil = python("import config.wsgi", DEBUG="0")
    assert hasil.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set" in hasil.stderr


def test_debug_tanpa_secret_key_boleh_dengan_kunci_tetap(tmp_path):
    hasil = python(
        "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)",
        DEBUG="1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.strip().startswith("insecure-")


def test_produksi_keamanan_menyala_secara_bawaan(tmp_path):
    s = pengaturan(tmp_path, DEBUG="0", SECRET_KEY=KUNCI_RAHASIA)
    assert s["DEBUG"] is False
    assert s["SECURE_SSL_REDIRECT"] and s["SESSION_COOKIE_SECURE"] and s["CSRF_COOKIE_SECURE"]
    assert s["SECURE_HSTS_SECONDS"] == 31_536_000
    assert s["SECURE_HSTS_INCLUDE_SUBDOMAINS"] and s["SECURE_HSTS_PRELOAD"]
    assert s["SECURE_PROXY_SSL_HEADER"] is None
    assert s["STATICFILES"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert s["AXES_FAILURE_LIMIT"] == 5 and s["AXES_COOLOFF_SECONDS"] == 15 * 60
    assert s["LOG_LEVEL"] == "INFO"
    assert s["STATIC_ROOT"].endswith("var/static")


def test_intranet_tanpa_tls_saklar_dimatikan_lewat_env(tmp_path):
    s = pengaturan(
        tmp_path,
        DEBUG="0",
        SECRET_KEY=KUNCI_RAHASIA,
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="no",
        SECURE_HSTS_SECONDS="0",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="0",
        SECURE_HSTS_PRELOAD="0",
        ALLOWED_HOSTS="rkk.kantor.lan, 10.0.0.5",
        CSRF_TRUSTED_ORIGINS="http://rkk.kantor.lan,http://10.0.0.5",
        STATIC_ROOT="/srv/rkk/static",
        AXES_FAILURE_LIMIT="10",
        AXES_COOLOFF_MINUTES="30",
        LOG_LEVEL="warning",
    )
    assert not (s["SECURE_SSL_REDIRECT"] or s["SESSION_COOKIE_SECURE"] or s["CSRF_COOKIE_SECURE"])
    assert s["SECURE_HSTS_SECONDS"] == 0
    assert not (s["SECURE_HSTS_INCLUDE_SUBDOMAINS"] or s["SECURE_HSTS_PRELOAD"])
    assert s["ALLOWED_HOSTS"] == ["rkk.kantor.lan", "10.0.0.5"]
    assert s["CSRF_TRUSTED_ORIGINS"] == ["http://rkk.kantor.lan", "http://10.0.0.5"]
    assert s["STATIC_ROOT"] == "/srv/rkk/static"
    assert s["AXES_FAILURE_LIMIT"] == 10 and s["AXES_COOLOFF_SECONDS"] == 30 * 60
    assert s["LOG_LEVEL"] == "WARNING"


@pytest.mark.parametrize(
    "nilai, diharapkan",
    [
        ("HTTP_X_FORWARDED_PROTO", ["HTTP_X_FORWARDED_PROTO", "https"]),
        ("HTTP_X_SCHEME,on", ["HTTP_X_SCHEME", "on"]),
    ],
)
def test_secure_proxy_ssl_header_dari_env(tmp_path, nilai, diharapkan):
    s = pengaturan(tmp_path, DEBUG="0", SECRET_KEY=KUNCI_RAHASIA, SECURE_PROXY_SSL_HEADER=nilai)
    assert s["SECURE_PROXY_SSL_HEADER"] == diharapkan


def test_debug_keamanan_https_mati_dan_statis_biasa(tmp_path):
    s = pengaturan(tmp_path, DEBUG="1")
    assert s["DEBUG"] is True
    assert not (s["SECURE_SSL_REDIRECT"] or s["SESSION_COOKIE_SECURE"] or s["CSRF_COOKIE_SECURE"])
    assert s["SECURE_HSTS_SECONDS"] == 0
    assert s["STATICFILES"] == "django.contrib.staticfiles.storage.StaticFilesStorage"


def test_check_deploy_menyebut_saklar_yang_dimatikan(tmp_path):
    """Turning the HTTPS switches off is allowed, and `check --deploy` still says what is off."""
    hasil = manage(
        "check",
        "--deploy",
        DEBUG="0",
        SECRET_KEY=KUNCI_RAHASIA,
        ALLOWED_HOSTS="example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        SECURE_HSTS_SECONDS="0",
    )
    keluaran = hasil.stdout + hasil.stderr
    for kode in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert kode in keluaran
    assert "security.W009" not in keluaran and "security.W018" not in keluaran


def test_angka_env_tidak_sah_ditolak_dengan_pesan(tmp_path):
    hasil = python(
        "import django; django.setup()",
        DEBUG="0",
        SECRET_KEY=KUNCI_RAHASIA,
        SECURE_HSTS_SECONDS="satu tahun",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert hasil.returncode != 0
    assert (
        "ImproperlyConfigured: SECURE_HSTS_SECONDS must be a whole number, not 'satu tahun'." in hasil.stderr
    )
