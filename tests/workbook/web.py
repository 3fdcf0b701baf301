"""The web import as a user clicks it: upload (the check job runs inline without REDIS_URL) and follow to the
preview page; "Impor sekarang" on that page (the import job runs inline too) and follow to its result."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse


def unggah(client, nama: str, isi: bytes, **data):
    """Upload ``isi`` as ``nama`` with the form's options; the response of the preview page it lands on."""
    berkas = SimpleUploadedFile(nama, isi)
    return client.post(reverse("workbook:impor"), {"berkas": berkas, **data}, follow=True)


def halaman(r) -> str:
    """The path of the page a followed response ended on (the preview page after :func:`unggah`)."""
    return r.request["PATH_INFO"]


def impor_sekarang(client, pratinjau, follow: bool = True, **data):
    """Click "Impor sekarang" on the preview page ``pratinjau`` (a response of :func:`unggah`, or its path)."""
    url = pratinjau if isinstance(pratinjau, str) else halaman(pratinjau)
    return client.post(url, {"aksi": "impor", **data}, follow=follow)
