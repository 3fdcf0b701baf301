from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wilayah.akun import pengguna_simpan, peran_buat
from wilayah.models import Kecamatan, Peran
from workbook.impor import workbook_impor

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
SANDI_DEMO = "demo"
PENGGUNA_DEMO = [
    ("bappeda", Peran.BAPPEDA, None, "Admin", "Bappeda"),
    ("pimpinan", Peran.PIMPINAN, None, "Pimpinan", "Kota Serang"),
    ("operator_serang", Peran.OPERATOR, "36.73.01", "Operator", "Kecamatan Serang"),
    ("camat_serang", Peran.CAMAT, "36.73.01", "Camat", "Serang"),
    ("operator_walantaka", Peran.OPERATOR, "36.73.03", "Operator", "Kecamatan Walantaka"),
    ("camat_walantaka", Peran.CAMAT, "36.73.03", "Camat", "Walantaka"),
]


class Command(BaseCommand):
    help = "Muat data demo (workbook di fixtures/) dan pengguna demo dengan sandi 'demo'. Hanya untuk lokal."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="jalankan walau DEBUG mati (jangan di produksi)"
        )

    def handle(self, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "load_demo membuat pengguna dengan sandi 'demo' dan hanya untuk pemakaian lokal: "
                "jalankan dengan DEBUG=1, atau tambahkan --force bila Anda yakin."
            )
        berkas = sorted(FIXTURES.glob("*.xlsx"))
        if not berkas:
            raise CommandError(f"Tidak ada workbook di {FIXTURES}.")
        with transaction.atomic():
            for path in berkas:
                # The seed documents hold realisasi above pagu (Walantaka 2019): kept, acknowledged, named.
                hasil = workbook_impor(path, akui_melebihi_pagu=True)
                if not hasil.berhasil:
                    for pesan in hasil.pesan_galat():
                        self.stderr.write(pesan)
                    raise CommandError(f"Impor {path.name} gagal: {hasil.ringkasan()}")
                for pesan in hasil.peringatan:
                    self.stdout.write(f"{path.name}: {pesan}")
                self.stdout.write(f"{path.name}: {hasil.ringkasan()}")
            # The seeds' narrative (document sections, per-program text): dokumen's command, called by name
            # because workbook and dokumen do not import each other.
            call_command("load_narasi", stdout=self.stdout)
            peran_buat()
            for username, peran, kode_kec, depan, belakang in PENGGUNA_DEMO:
                kecamatan = Kecamatan.objects.get(kode=kode_kec) if kode_kec else None
                pengguna_simpan(
                    username, peran, kecamatan, password=SANDI_DEMO, first_name=depan, last_name=belakang
                )
        self.stdout.write("Pengguna demo (sandi 'demo'): " + ", ".join(u for u, *_ in PENGGUNA_DEMO))
