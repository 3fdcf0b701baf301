"""Running the project as production does: manage.py / gunicorn in a subprocess with a clean environment."""

from __future__ import annotations

import os
import string
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
BIN = Path(sys.executable).parent

#: A 60-character key with enough distinct characters for `check --deploy` (security.W009).
KUNCI_RAHASIA = (string.ascii_letters + string.digits)[:60]

# What the settings read: none of it may leak in from the test process (config/settings/test.py sets a
# SECRET_KEY default in os.environ, the browser tests DJANGO_ALLOW_ASYNC_UNSAFE, which `check --deploy` flags)
# or from the shell that runs pytest.
_DIBUANG = (
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "DB_CONN_MAX_AGE",
    "STATIC_ROOT",
    "MEDIA_ROOT",
    "PRIVATE_MEDIA_ROOT",
    "LOG_LEVEL",
    "CSRF_TRUSTED_ORIGINS",
)
_AWALAN_DIBUANG = ("DJANGO_", "SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_", "AXES_")


def lingkungan(**env: str) -> dict[str, str]:
    """os.environ without any setting of this project, plus ``env``; base settings unless told otherwise."""
    hasil = {k: v for k, v in os.environ.items() if k not in _DIBUANG and not k.startswith(_AWALAN_DIBUANG)}
    hasil["DJANGO_SETTINGS_MODULE"] = "config.settings.base"
    hasil.update(env)
    return hasil


def manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        check=False,
        cwd=REPO,
        env=lingkungan(**env),
        capture_output=True,
        text=True,
        timeout=300,
    )


def python(kode: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", kode],
        check=False,
        cwd=REPO,
        env=lingkungan(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )
