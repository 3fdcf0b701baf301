"""Settings for Rencana & Kinerja Kecamatan, driven by environment variables.

DATABASE_URL (default: SQLite file db.sqlite3), SECRET_KEY, DEBUG, ALLOWED_HOSTS.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ya"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        # Local runs without DEBUG still need a key; production must set its own.
        SECRET_KEY = "insecure-local-key-set-SECRET_KEY-in-production"
    else:
        SECRET_KEY = "insecure-debug-key"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

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
    "core",
    "wilayah",
    "renja",
    "lkjip",
    "dokumen",
    "workbook",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
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
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
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
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
# Evidence files and approved PDFs: never under MEDIA_URL/STATIC_URL, served only through scoped views.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "var" / "privat"))
BUKTI_UKURAN_MAKS = int(os.environ.get("BUKTI_UKURAN_MAKS", 10 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Tingkat capaian for polaritas negatif: "selisih" = (2T - R) / T x 100 (PermenPAN-RB 8/2021),
# "rasio" = T / R x 100.
CAPAIAN_METODE_NEGATIF = os.environ.get("CAPAIAN_METODE_NEGATIF", "selisih")

# --- XLSX written and read by the application ---------------------------------------------------
# Admin exports (django-import-export): a value starting with "=" is not written as a live formula.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True
# Workbook import limits (workbook/berkas.py): the uploaded file, the zip once unpacked, rows/columns per sheet.
WORKBOOK_UKURAN_MAKS = int(os.environ.get("WORKBOOK_UKURAN_MAKS", str(20 * 1024 * 1024)))
WORKBOOK_UKURAN_TERBUKA_MAKS = int(os.environ.get("WORKBOOK_UKURAN_TERBUKA_MAKS", str(200 * 1024 * 1024)))
WORKBOOK_BARIS_MAKS = int(os.environ.get("WORKBOOK_BARIS_MAKS", "200000"))
WORKBOOK_KOLOM_MAKS = int(os.environ.get("WORKBOOK_KOLOM_MAKS", "200"))
