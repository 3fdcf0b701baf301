from django.core.management.base import BaseCommand, CommandError

from renja.nomenklatur_resmi import SUMBER, GalatMuat, daftar_resmi, muat_resmi


class Command(BaseCommand):
    help = (
        f"Muat nomenklatur resmi urusan 7.01 Kecamatan ({SUMBER}; renja/data/nomenklatur_7_01.csv) ke "
        "Nomenklatur: yang belum ada dibuat, uraian yang berbeda diganti nama resmi, tidak ada yang dihapus. "
        "Aman dijalankan berulang."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="tunjukkan hasilnya tanpa menyimpan")

    def handle(self, dry_run=False, **options):
        try:
            hitung = muat_resmi(dry_run=dry_run)
        except GalatMuat as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Daftar resmi: {len(daftar_resmi())} kode ({SUMBER}).")
        if dry_run:
            self.stdout.write("Pratinjau: tidak ada yang disimpan.")
        self.stdout.write(
            f"created={hitung['created']} updated={hitung['updated']} unchanged={hitung['unchanged']}"
        )
