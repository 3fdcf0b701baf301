"""Settings for Rencana & Kinerja Kecamatan, driven by environment variables (README: Running in production).

DEBUG=0 (the default) is production: SECRET_KEY is required, HTTPS-only cookies, redirect and HSTS are on
(each switchable for an office intranet without TLS), static files are hashed and served by WhiteNoise,
errors are logged to stderr. DEBUG=1 is local development with a fixed insecure key.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ya"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. In production (DEBUG=0) set SECRET_KEY to a long random value, e.g. from "
            '`python -c "from django.core.management.utils import get_random_secret_key as k; print(k())"`; '
            "for local development run with DEBUG=1."
        )
    SECRET_KEY = "insecure-debug-key-only-for-local-development-with-DEBUG-1"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
# Full origins (scheme and host) a form may be posted from, e.g. https://rkk.serangkota.go.id
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# HTTPS. On by default in production; an office intranet served over plain HTTP turns off SECURE_SSL_REDIRECT,
# SESSION_COOKIE_SECURE, CSRF_COOKIE_SECURE and sets SECURE_HSTS_SECONDS=0 (otherwise nobody can sign in).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
# Behind a reverse proxy that terminates TLS: the header it sets, e.g. HTTP_X_FORWARDED_PROTO (value "https"),
# or "HEADER,value". Only when the proxy always sets (and overwrites) that header.
if os.environ.get("SECURE_PROXY_SSL_HEADER", "").strip():
    _header, _, _nilai = os.environ["SECURE_PROXY_SSL_HEADER"].partition(",")
    SECURE_PROXY_SSL_HEADER = (_header.strip(), _nilai.strip() or "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "import_export",
    "simple_history",
    "django_rq",
    "core",
    "antrean",
    "wilayah",
    "renja",
    "lkjip",
    "dokumen",
    "workbook",
    "kabar",
    "beranda",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kabar.context_processors.kabar",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
    )
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
# Evidence files and approved PDFs: never under MEDIA_URL/STATIC_URL, served only through scoped views.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "var" / "privat"))
BUKTI_UKURAN_MAKS = env_int("BUKTI_UKURAN_MAKS", 10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

# Production serves `collectstatic` output through WhiteNoise under content-hashed names (cached for a year);
# development and tests use the plain storage, so they need no collectstatic.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Notifications (kabar) are also e-mailed when EMAIL_HOST is set (SMTP: EMAIL_PORT, EMAIL_HOST_USER,
# EMAIL_HOST_PASSWORD, EMAIL_USE_TLS, DEFAULT_FROM_EMAIL); without it mail goes to the console (demo).
# SITUS_URL (e.g. https://rkk.serangkota.go.id) prefixes the links in those e-mails.
KABAR_SUREL = env_bool("KABAR_SUREL", bool(os.environ.get("EMAIL_HOST", "").strip()) or DEBUG)
if os.environ.get("EMAIL_HOST", "").strip():
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"].strip()
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "rkk@localhost")
KABAR_ALAMAT_SITUS = os.environ.get("SITUS_URL", "").rstrip("/")

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Tingkat capaian for polaritas negatif: "selisih" = (2T - R) / T x 100 (PermenPAN-RB 8/2021),
# "rasio" = T / R x 100.
CAPAIAN_METODE_NEGATIF = os.environ.get("CAPAIAN_METODE_NEGATIF", "selisih")

# Content Security Policy (django-csp 4): scripts and styles only from our own static files, no inline
# <script>, no on*= handlers (static/js/app.js wires data-konfirmasi, data-kirim-otomatis, data-sekali).
# style-src-attr 'unsafe-inline' allows style="..." attributes only (not <style> elements): the report
# tables size each <col> with a width computed per report (templates/laporan/_tabel.html) and the SVG charts
# carry a max-width (core/grafik.py). A style attribute cannot run script, and img-src keeps it from loading
# anything from elsewhere, so this is a far smaller allowance than 'unsafe-inline' for style-src.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Login throttling (django-axes, attempts kept in the database). After AXES_FAILURE_LIMIT failed sign-ins for
# one username, or from one IP address, that username / address is refused for AXES_COOLOFF_MINUTES
# (0 = until an admin runs `manage.py axes_reset_username <u>` / `axes_reset_ip <ip>` / `axes_reset`).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15)) or None
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one reaching the limit locks
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/terkunci.html"
AXES_HTTP_RESPONSE_CODE = 429
# Behind a reverse proxy REMOTE_ADDR is the proxy's own address, so every failed sign-in would count against
# one address shared by the whole office. Name the header the proxy sets to the client's address
# (AXES_IP_HEADER=HTTP_X_REAL_IP or HTTP_X_FORWARDED_FOR; the right-most entry, the one the proxy added, is
# used). Only behind a proxy that sets it: otherwise a client could choose its own address.
AXES_IP_HEADER = os.environ.get("AXES_IP_HEADER", "").strip()


def _alamat_klien(request) -> str | None:
    from django.conf import settings

    header = settings.AXES_IP_HEADER
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR")


AXES_CLIENT_IP_CALLABLE = _alamat_klien

# Logging to stderr (gunicorn and systemd/docker collect it): every unhandled exception (HTTP 500) from
# django.request with its traceback, the application and django-axes at LOG_LEVEL (INFO by default).
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").strip().upper() or "INFO"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "baris": {"format": "{asctime} {levelname} {name} {process:d} {message}", "style": "{"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "baris"},
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Django's own default sends these to the console only with DEBUG=1 (and to mail_admins, unused here);
        # here they propagate to the root console handler in every mode.
        "django": {"handlers": [], "level": LOG_LEVEL, "propagate": True},
        "django.request": {"handlers": [], "level": "ERROR", "propagate": True},
    },
}

# Audit trail: the reason of a change (an import's override, a replaced year figure) may be longer than the
# 100 characters django-simple-history allows by default.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# --- XLSX written and read by the application ---------------------------------------------------
# Admin exports (django-import-export): a value starting with "=" is not written as a live formula.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True
# Workbook import limits (workbook/berkas.py): the uploaded file, the zip once unpacked, rows/columns per sheet.
WORKBOOK_UKURAN_MAKS = env_int("WORKBOOK_UKURAN_MAKS", 20 * 1024 * 1024)
WORKBOOK_UKURAN_TERBUKA_MAKS = env_int("WORKBOOK_UKURAN_TERBUKA_MAKS", 200 * 1024 * 1024)
WORKBOOK_BARIS_MAKS = env_int("WORKBOOK_BARIS_MAKS", 200_000)
WORKBOOK_KOLOM_MAKS = env_int("WORKBOOK_KOLOM_MAKS", 200)

# --- Job queue (antrean/) ---------------------------------------------------------------------------
# Long renders (whole-document PDFs, batch printing) run as jobs. With REDIS_URL (e.g. redis://127.0.0.1:6379/0)
# they go to RQ on that Redis and a worker runs them (`manage.py rqworker default`, README); without it the
# same code runs them inline, in the process that asked, so the demo and the tests need no Redis.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
ANTREAN_NAMA = os.environ.get("ANTREAN_NAMA", "default").strip() or "default"
# Seconds one job may run before RQ stops it (a 40-kecamatan LKjIP takes under a minute each).
ANTREAN_BATAS_WAKTU = env_int("ANTREAN_BATAS_WAKTU", 30 * 60)
RQ_QUEUES = {
    ANTREAN_NAMA: {
        "URL": REDIS_URL or "redis://127.0.0.1:6379/0",
        "DEFAULT_TIMEOUT": ANTREAN_BATAS_WAKTU,
    }
}
# An older version of a kept render (a draft document, a report PDF) is deleted when a newer one is stored, but
# not before it is this many seconds old: whoever asked for it may be about to download it (antrean.services).
ANTREAN_TENGGANG_VERSI_LAMA = env_int("ANTREAN_TENGGANG_VERSI_LAMA", 30 * 60)
# The worker loads these (and lays out one page) once, before forking a child per job (antrean.pekerja).
RQ = {"WORKER_CLASS": "antrean.pekerja.Pekerja"}
ANTREAN_PANASKAN = ["weasyprint", "core.laporan.render_pdf", "dokumen.pdf", "dokumen.cetak", "workbook.tugas"]
