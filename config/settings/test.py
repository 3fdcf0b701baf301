"""Test settings: the base settings with a fast hasher, temporary media and plain HTTP.

They need no environment: the key below is only a default for the test run. Everything else stays as in
production; only the HTTPS-only switches are off because the test client and the browser test's live server
speak plain HTTP.
"""

import os
import tempfile
from pathlib import Path

# Quiet logs in the test run (warnings and errors still show; tests that read a log use caplog).
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("SECRET_KEY", "insecure-test-key-only-for-the-test-suite-" + "x" * 20)

from .base import *
from .base import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="rkk-media-"))
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="rkk-privat-"))

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
# Static files straight from the source tree: no collectstatic before the tests (an empty STATIC_ROOT keeps
# WhiteNoise from warning that it has no directory).
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="rkk-static-"))

# Jobs run inline unless a test points them at Redis itself (tests/antrean/test_redis.py).
REDIS_URL = ""
