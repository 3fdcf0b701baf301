from django.core.management.base import BaseCommand

from workbook.impor import impor_workbook


class Command(BaseCommand):
    help = "Impor workbook perencanaan (.xlsx) sesuai WORKBOOK.md: semua atau tidak sama sekali."

    def add_arguments(self, parser):
        parser.add_argument("path", help="berkas .xlsx")
        parser.add_argument("--dry-run", action="store_true", help="pratinjau: tunjukkan hasilnya tanpa menyimpan")

    def handle(self, path, dry_run=False, **options):
        hasil = impor_workbook(path, dry_run=dry_run)
        for pesan in hasil.peringatan:
            self.stderr.write(f"Peringatan: {pesan}")
        for pesan in hasil.pesan_galat():
            self.stdout.write(pesan)
        if hasil.berhasil:
            if dry_run:
                self.stdout.write("Pratinjau: tidak ada yang disimpan.")
            else:
                self.stdout.write("Impor selesai dan tersimpan.")
        else:
            self.stdout.write("Impor dibatalkan: tidak ada data yang disimpan. Perbaiki kesalahan di atas lalu ulangi.")
        self.stdout.write(hasil.ringkasan())
        if not hasil.berhasil:
            raise SystemExit(1)
