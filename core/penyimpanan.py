"""Private file storage: evidence files and approved PDFs live outside the web root and are served only
by views that check scope (never by the web server from a public URL).

A callable, so migrations refer to this function rather than to a machine's path.
"""

from functools import cache

from django.conf import settings
from django.core.files.storage import FileSystemStorage


@cache
def _penyimpanan(lokasi: str) -> FileSystemStorage:
    return FileSystemStorage(location=lokasi, base_url=None)


def penyimpanan_privat() -> FileSystemStorage:
    return _penyimpanan(str(settings.PRIVATE_MEDIA_ROOT))
