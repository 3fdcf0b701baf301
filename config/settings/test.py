"""Test settings: the base settings with a fast hasher and temporary media."""

import tempfile
from pathlib import Path

from .base import *

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="rkk-media-"))
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="rkk-privat-"))
