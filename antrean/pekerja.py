"""The queue's worker: RQ's forking worker with the heavy parts loaded once, in the parent.

RQ forks a child per job, and the child starts from the parent's memory. A plain ``rqworker`` parent has
loaded Django only, so every job's child imports WeasyPrint and the print modules and lays out its first page
with cold font caches (about a second before any real work, issue 12). ``Pekerja`` does that once, when the
worker starts: the modules named in ``ANTREAN_PANASKAN`` are imported and a one-line page is laid out, so each
forked child inherits them warm. Chosen with ``RQ = {"WORKER_CLASS": ...}`` (django-rq's setting), so
``manage.py rqworker`` and the workers ``cetak_massal`` starts are all warm.
"""

from __future__ import annotations

import importlib
import logging
import time

from django.conf import settings
from rq import Worker

logger = logging.getLogger(__name__)


def panaskan() -> float:
    """Import the modules a job needs and lay out one small PDF; returns the seconds it took."""
    mulai = time.perf_counter()
    for nama in getattr(settings, "ANTREAN_PANASKAN", ()):
        importlib.import_module(nama)
    from weasyprint import HTML

    HTML(string="<p style='font-family: sans-serif'>Rencana &amp; Kinerja Kecamatan</p>").write_pdf()
    return time.perf_counter() - mulai


class Pekerja(Worker):
    """:class:`rq.Worker` whose parent process is warmed (:func:`panaskan`) before it takes its first job."""

    def work(self, *args, **kwargs):
        lama = panaskan()
        logger.info("Pekerja antrean siap (%.2f s memuat WeasyPrint dan modul cetak).", lama)
        return super().work(*args, **kwargs)
