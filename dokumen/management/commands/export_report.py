"""``export_report SLUG --kecamatan KODE --tahun N --format html|pdf|xlsx [--versi disetujui] --output PATH``.

Writes exactly the bytes the report page offers for download (the same :func:`dokumen.cap.berkas_laporan`);
``--versi disetujui``: the table as the camat approved it.
This is an operator's tool: it reads any kecamatan, without a user's scoping.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.laporan import registry
from core.laporan.keluaran import FORMAT
from core.laporan.registry import KERTAS, TRIWULAN, Opsi
from dokumen.cap import VERSI, VERSI_TERKINI, VersiTidakTersedia, berkas_laporan
from wilayah.models import Kecamatan


class Command(BaseCommand):
    help = "Tulis satu laporan (HTML, PDF atau XLSX) satu kecamatan dan satu tahun ke berkas."

    def add_arguments(self, parser):
        parser.add_argument(
            "slug", help="laporan, mis. renja-2.1 (" + ", ".join(lap.slug for lap in registry.semua()) + ")"
        )
        parser.add_argument("--kecamatan", required=True, help="kode kecamatan, mis. 36.73.01")
        parser.add_argument(
            "--tahun", required=True, type=int, help="tahun laporan (tahun rencana untuk Renja)"
        )
        parser.add_argument("--format", dest="format_", choices=FORMAT, default="pdf")
        parser.add_argument("--kertas", choices=tuple(KERTAS), default="a4", help="a4 (bawaan) atau f4")
        parser.add_argument(
            "--triwulan", type=int, choices=TRIWULAN, default=4, help="untuk laporan triwulanan"
        )
        parser.add_argument(
            "--versi",
            choices=VERSI,
            default=VERSI_TERKINI,
            help="terkini (bawaan: data saat ini) atau disetujui (tabel seperti disetujui camat)",
        )
        parser.add_argument("--output", required=True, help="berkas yang ditulis")

    def handle(self, slug, kecamatan, tahun, format_, kertas, triwulan, versi, output, **options):
        try:
            lap = registry.laporan(slug)
        except KeyError:
            raise CommandError(
                f"Laporan '{slug}' tidak dikenal. Pilihan: {', '.join(lap.slug for lap in registry.semua())}"
            ) from None
        kec = Kecamatan.objects.select_related("kota").filter(kode=kecamatan).first()
        if kec is None:
            raise CommandError(f"Kecamatan dengan kode '{kecamatan}' tidak ditemukan.")
        try:
            berkas = berkas_laporan(lap, kec, tahun, format_, Opsi(kertas=kertas, triwulan=triwulan), versi)
        except VersiTidakTersedia as e:
            raise CommandError(e.pesan) from None
        Path(output).write_bytes(berkas.isi)
        self.stdout.write(
            f"Tertulis {output} ({len(berkas.isi):,} byte; nama unduhan {berkas.nama}).".replace(",", ".")
        )
