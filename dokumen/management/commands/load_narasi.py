import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from dokumen.demo import GalatNarasi, narasi_muat

NARASI_DEMO = Path(settings.BASE_DIR) / "fixtures" / "narasi"


class Command(BaseCommand):
    help = (
        "Muat narasi dokumen (bagian Renja/LKjIP dan keberhasilan/hambatan/saran per program) dari berkas JSON; "
        "tanpa argumen: narasi dokumen seed di fixtures/narasi/ (data demo)."
    )

    def add_arguments(self, parser):
        parser.add_argument("berkas", nargs="*", help="berkas JSON (bawaan: fixtures/narasi/*.json)")

    def handle(self, berkas, **options):
        daftar = [Path(b) for b in berkas] or sorted(NARASI_DEMO.glob("*.json"))
        for path in daftar:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                n = narasi_muat(data)
            except (OSError, ValueError, KeyError, TypeError, GalatNarasi) as exc:
                raise CommandError(f"{path.name}: {exc}") from exc
            self.stdout.write(f"{path.name}: {n} bagian narasi ditulis")
