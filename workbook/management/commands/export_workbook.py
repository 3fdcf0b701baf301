from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wilayah.models import Kecamatan
from workbook.ekspor import workbook_ekspor


class Command(BaseCommand):
    help = "Ekspor data satu kecamatan ke workbook perencanaan (.xlsx) sesuai WORKBOOK.md."

    def add_arguments(self, parser):
        parser.add_argument("--kecamatan", required=True, help="kode kecamatan, mis. 36.73.01")
        parser.add_argument("--tahun", type=int, help="hanya satu tahun")
        parser.add_argument("--output", required=True, help="berkas .xlsx yang ditulis")

    def handle(self, kecamatan, tahun=None, output=None, **options):
        kec = Kecamatan.objects.select_related("kota").filter(kode=kecamatan).first()
        if kec is None:
            raise CommandError(f"Kecamatan dengan kode '{kecamatan}' tidak ditemukan.")
        data = workbook_ekspor(kec, tahun=tahun)
        Path(output).write_bytes(data)
        self.stdout.write(f"Tertulis {output} ({len(data):,} byte).".replace(",", "."))
