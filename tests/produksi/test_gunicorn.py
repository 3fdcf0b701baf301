"""The production stack: migrate + collectstatic + gunicorn with DEBUG=0, spoken to over HTTP with urllib;
and the logging configuration that puts every unhandled exception's traceback on stderr."""

from __future__ import annotations

import http.cookiejar
import importlib.util
import json
import logging
import re
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.conf import settings
from django.test import override_settings

from .lingkungan import BIN, KUNCI_RAHASIA, REPO, lingkungan, manage

ADA_GUNICORN = importlib.util.find_spec("gunicorn") is not None


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TanpaRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 3xx comes back as an HTTPError we can look at


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """gunicorn serving the project from a fresh SQLite database and collected static files."""
    tmp = tmp_path_factory.mktemp("produksi")
    env = lingkungan(
        DEBUG="0",
        SECRET_KEY=KUNCI_RAHASIA,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        SECURE_HSTS_SECONDS="0",
        STATIC_ROOT=str(tmp / "static"),
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        PRIVATE_MEDIA_ROOT=str(tmp / "privat"),
        DJANGO_SUPERUSER_PASSWORD="sandi-admin-produksi-123",
    )
    for perintah in (
        ["migrate", "--no-input"],
        ["collectstatic", "--no-input"],
        ["createsuperuser", "--no-input", "--username", "admin", "--email", "admin@example.org"],
    ):
        hasil = manage(*perintah, **env)
        assert hasil.returncode == 0, hasil.stdout + hasil.stderr

    port = port_bebas()
    log = tmp / "gunicorn.log"
    with open(log, "wb") as keluaran:
        proses = subprocess.Popen(
            [str(BIN / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=REPO,
            env=env,
            stdout=keluaran,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):  # up to ~60 s on a busy machine
            if proses.poll() is not None:
                pytest.fail(f"gunicorn stopped ({proses.returncode}):\n{log.read_text()}")
            try:
                urllib.request.urlopen(f"{base}/akun/masuk/", timeout=5).close()
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        else:
            pytest.fail(f"gunicorn did not answer:\n{log.read_text()}")
        yield {"url": base, "static_root": tmp / "static", "log": log}
    finally:
        proses.terminate()
        try:
            proses.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proses.kill()
            proses.wait()


def ambil(url: str, **headers: str):
    """(status, headers, body) of a GET, without following redirects and without raising on 4xx/5xx."""
    pembuka = urllib.request.build_opener(TanpaRedirect)
    try:
        with pembuka.open(urllib.request.Request(url, headers=headers), timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


@pytest.mark.skipif(not ADA_GUNICORN, reason="gunicorn is not installed")
def test_gunicorn_halaman_masuk_dengan_csp_dan_berkas_statis_berhash(server):
    status, headers, isi = ambil(f"{server['url']}/akun/masuk/")
    assert status == 200
    csp = headers["Content-Security-Policy"]
    for arahan in ("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"):
        assert arahan in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert headers["X-Frame-Options"] == "DENY" and headers["X-Content-Type-Options"] == "nosniff"
    assert "Strict-Transport-Security" not in headers  # SECURE_HSTS_SECONDS=0 for this plain-HTTP run

    html = isi.decode()
    css = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    js = re.findall(r'<script src="([^"]+)"', html)
    assert css and js and any("/app." in u for u in js)
    for url, jenis in [(u, "text/css") for u in css] + [(u, "text/javascript") for u in js]:
        assert re.search(r"\.[0-9a-f]{12}\.(css|js)$", url), url  # ManifestStaticFilesStorage name
        status, headers, isi = ambil(server["url"] + url)
        assert status == 200, url
        assert headers["Content-Type"].startswith(jenis)
        assert "immutable" in headers["Cache-Control"]  # hashed: cached for good
        assert isi


@pytest.mark.skipif(not ADA_GUNICORN, reason="gunicorn is not installed")
def test_gunicorn_realisasi_js_di_bawah_nama_berhash_dan_terkompresi(server):
    manifest = json.loads((server["static_root"] / "staticfiles.json").read_text())
    nama = manifest["paths"]["js/realisasi.js"]
    assert nama != "js/realisasi.js" and nama.startswith("js/realisasi.")
    status, headers, isi = ambil(f"{server['url']}/static/{nama}")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    assert isi == (REPO / "static" / "js" / "realisasi.js").read_bytes()

    css = manifest["paths"]["css/app.css"]
    status, headers, _ = ambil(f"{server['url']}/static/{css}", **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"


@pytest.mark.skipif(not ADA_GUNICORN, reason="gunicorn is not installed")
def test_gunicorn_404_halaman_biasa_tanpa_traceback(server):
    for path in ("/tidak-ada/sama-sekali/", "/static/tidak-ada.css"):
        status, _, isi = ambil(server["url"] + path)
        teks = isi.decode(errors="replace")
        assert status == 404, path
        assert "Traceback" not in teks and "DEBUG = True" not in teks and "urlpatterns" not in teks


@pytest.mark.skipif(not ADA_GUNICORN, reason="gunicorn is not installed")
def test_gunicorn_masuk_lewat_formulir_dengan_csrf(server):
    jar = http.cookiejar.CookieJar()
    pembuka = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), TanpaRedirect)
    with pembuka.open(f"{server['url']}/akun/masuk/", timeout=30) as r:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', r.read().decode()).group(1)
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "username": "admin",
            "password": "sandi-admin-produksi-123",
            "next": "",
        }
    ).encode()
    try:
        pembuka.open(f"{server['url']}/akun/masuk/", data=data, timeout=30)
        pytest.fail("expected a redirect after signing in")
    except urllib.error.HTTPError as e:
        assert e.code == 302 and e.headers["Location"] == "/"
    assert {c.name for c in jar} >= {"sessionid", "csrftoken"}
    with pembuka.open(f"{server['url']}/", timeout=30) as r:
        assert r.status == 200 and "Keluar" in r.read().decode()


@pytest.mark.skipif(not ADA_GUNICORN, reason="gunicorn is not installed")
def test_gunicorn_host_tak_dikenal_ditolak_dan_dicatat_di_stderr(server):
    status, _, isi = ambil(f"{server['url']}/akun/masuk/", Host="penyerang.example")
    assert status == 400 and b"Traceback" not in isi
    for _ in range(50):  # the worker writes the line as it answers; give the file a moment to show it
        if "Invalid HTTP_HOST header: 'penyerang.example'" in server["log"].read_text():
            break
        time.sleep(0.1)
    assert "django.security.DisallowedHost" in server["log"].read_text()


@override_settings(DEBUG=False, ROOT_URLCONF="tests.produksi.urls_galat")
def test_galat_500_dicatat_dengan_traceback(client, caplog):
    client.raise_request_exception = False
    with caplog.at_level(logging.INFO):
        r = client.get("/galat/")
    assert r.status_code == 500
    assert b"galat uji" not in r.content  # the visitor gets the plain 500 page, not the exception

    catatan = [c for c in caplog.records if c.name == "django.request" and c.levelno == logging.ERROR]
    assert len(catatan) == 1
    assert catatan[0].exc_info and catatan[0].exc_info[0] is RuntimeError
    assert "Internal Server Error: /galat/" in catatan[0].getMessage()
    assert "Traceback" in caplog.text and "RuntimeError: galat uji" in caplog.text


def _penangan(logging_dict: dict, nama: str) -> list[dict]:
    """The handlers (their configs) a record of logger ``nama`` reaches under ``logging_dict``, following
    propagation up to the root logger the way the logging module does."""
    loggers = logging_dict.get("loggers", {})
    hasil, bagian = [], nama.split(".")
    for i in range(len(bagian), 0, -1):
        konf = loggers.get(".".join(bagian[:i]))
        if konf is None:
            continue
        hasil += [logging_dict["handlers"][h] for h in konf.get("handlers", [])]
        if not konf.get("propagate", True):
            return hasil
    return hasil + [logging_dict["handlers"][h] for h in logging_dict.get("root", {}).get("handlers", [])]


def test_logging_django_request_ke_streamhandler_pada_tingkat_error():
    penangan = _penangan(settings.LOGGING, "django.request")
    aliran = [h for h in penangan if h["class"] == "logging.StreamHandler"]
    assert aliran, penangan
    assert all(
        h.get("stream", "ext://sys.stderr") in ("ext://sys.stderr", "ext://sys.stdout") for h in aliran
    )
    assert all(logging.getLevelName(h.get("level", "NOTSET")) <= logging.ERROR for h in aliran)
    assert logging.getLevelName(settings.LOGGING["loggers"]["django.request"]["level"]) <= logging.ERROR
    assert logging.getLogger("django.request").isEnabledFor(logging.ERROR)
    # the application's own loggers (and django-axes) reach the same handler at LOG_LEVEL
    assert [h["class"] for h in _penangan(settings.LOGGING, "renja.views")] == ["logging.StreamHandler"]
    assert settings.LOGGING["root"]["level"] == settings.LOG_LEVEL  # INFO in production: test_pengaturan
