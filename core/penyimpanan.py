"""Private file storage: evidence files and approved PDFs live outside the web root and are served only
by views that check scope (never by the web server from a public URL)."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import LazyObject


class _PenyimpananPrivat(LazyObject):
    def _setup(self):
        self._wrapped = FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


penyimpanan_privat = _PenyimpananPrivat()
