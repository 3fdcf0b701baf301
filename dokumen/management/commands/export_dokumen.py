"""``export_dokumen --kecamatan K --tahun N --jenis renja|lkjip --output F``: one whole document as PDF.

The document as it stands (:func:`dokumen.cetak.cetak_satu`): the stored PDF when the newest revision is
approved, else a draft of the current data. An operator's tool: it reads any kecamatan, without scoping.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dokumen.cetak import cetak_satu
from dokumen.struktur import STRUKTUR
from wilayah.models import Kecamatan


class Command(BaseCommand):
    help = "Tulis satu dokumen utuh (Renja atau LKjIP) satu kecamatan dan satu tahun sebagai PDF."

    def add_arguments(self, parser):
        parser.add_argument("--kecamatan", required=True, help="kode kecamatan, mis. 36.73.01")
        parser.add_argument("--tahun", required=True, type=int)
        parser.add_argument("--jenis", required=True, choices=tuple(STRUKTUR))
        parser.add_argument("--kertas", choices=("a4", "f4"), default="a4")
        parser.add_argument("--output", required=True, help="berkas PDF yang ditulis")

    def handle(self, kecamatan, tahun, jenis, kertas, output, **options):
        kec = Kecamatan.objects.filter(kode=kecamatan).first()
        if kec is None:
            raise CommandError(f"Kecamatan dengan kode '{kecamatan}' tidak ditemukan.")
        if not 2000 <= tahun <= 2100:
            raise CommandError("Tahun harus antara 2000 dan 2100.")
        isi = cetak_satu(None, kec.pk, tahun, jenis, kertas)
        Path(output).write_bytes(isi)
        self.stdout.write(f"Tertulis {output} ({len(isi):,} byte).".replace(",", "."))
