"""``tugas_bersihkan [--hari 30]``: delete finished and failed jobs older than that, with their files.

Stored drafts are rendered again when next asked for; approved PDFs live on their document, not here. Jobs
still queued or running are never touched. Run it from cron or a systemd timer, e.g. nightly.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from antrean.services import tugas_bersihkan


class Command(BaseCommand):
    help = "Hapus tugas yang selesai atau gagal lebih dari N hari lalu, beserta berkasnya."

    def add_arguments(self, parser):
        parser.add_argument("--hari", type=int, default=30, help="umur minimal dalam hari (bawaan 30)")

    def handle(self, hari, **options):
        if hari < 1:
            raise CommandError("--hari paling sedikit 1.")
        tugas, kelompok = tugas_bersihkan(timezone.now() - timedelta(days=hari))
        self.stdout.write(f"Terhapus {tugas} tugas dan {kelompok} kelompok yang lebih lama dari {hari} hari.")
