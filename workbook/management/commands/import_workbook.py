import logging
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from workbook.impor import urai_timpa_baris, workbook_impor
from workbook.riwayat import riwayat_catat


class Command(BaseCommand):
    help = "Impor workbook perencanaan (.xlsx) sesuai WORKBOOK.md: semua atau tidak sama sekali."

    def add_arguments(self, parser):
        parser.add_argument("path", help="berkas .xlsx")
        parser.add_argument(
            "--dry-run", action="store_true", help="pratinjau: tunjukkan hasilnya tanpa menyimpan"
        )
        parser.add_argument(
            "--timpa-versi",
            action="store_true",
            help="timpa baris yang diubah di aplikasi setelah workbook diekspor (dicatat di riwayat perubahan)",
        )
        parser.add_argument(
            "--timpa-baris",
            default=None,
            metavar="SHEET:BARIS,...",
            help="timpa hanya baris-baris ini yang diubah di aplikasi setelah ekspor (mis. anggaran:12,anggaran:15); "
            "baris bentrok lainnya dilewati dan dilaporkan",
        )
        parser.add_argument(
            "--timpa-kunci",
            action="store_true",
            help="ubah triwulan yang sudah ditutup camat dan baris dokumen yang diajukan/disetujui (dicatat)",
        )
        parser.add_argument(
            "--akui-melebihi-pagu",
            action="store_true",
            help="terima realisasi yang melebihi pagu, mis. dokumen historis (dicatat)",
        )

    def handle(
        self,
        path,
        dry_run=False,
        timpa_versi=False,
        timpa_kunci=False,
        akui_melebihi_pagu=False,
        timpa_baris=None,
        **options,
    ):
        try:
            baris = None if timpa_baris is None else urai_timpa_baris(timpa_baris)
        except ValueError as exc:
            raise CommandError(f"--timpa-baris: {exc}") from exc
        # A database failure is logged with its traceback for operators. With no logging configured Python would
        # print that on this terminal, before the summary; show it only when asked for (-v 2 or more).
        log = logging.getLogger("workbook.impor")
        diam = None if log.hasHandlers() or options.get("verbosity", 1) >= 2 else logging.NullHandler()
        if diam:
            log.addHandler(diam)
        try:
            hasil = workbook_impor(
                path,
                dry_run=dry_run,
                timpa_versi=timpa_versi,
                timpa_kunci=timpa_kunci,
                akui_melebihi_pagu=akui_melebihi_pagu,
                timpa_baris=baris,
            )
        finally:
            if diam:
                log.removeHandler(diam)
        if not dry_run and Path(path).is_file():
            riwayat_catat(
                Path(path).read_bytes(),
                path,
                hasil,
                None,
                timpa_versi=timpa_versi,
                timpa_kunci=timpa_kunci,
                akui_melebihi_pagu=akui_melebihi_pagu,
                timpa_baris=bool(baris),
            )
        for pesan in hasil.peringatan:
            self.stderr.write(f"Peringatan: {pesan}")
        for pesan in hasil.catatan:
            self.stderr.write(f"Catatan: {pesan}")
        for pesan in hasil.pesan_galat():
            self.stdout.write(pesan)
        if hasil.berhasil:
            if dry_run:
                self.stdout.write("Pratinjau: tidak ada yang disimpan.")
            else:
                self.stdout.write("Impor selesai dan tersimpan.")
        else:
            self.stdout.write(
                "Impor dibatalkan: tidak ada data yang disimpan. Perbaiki kesalahan di atas lalu ulangi."
            )
        self.stdout.write(hasil.ringkasan())
        if not hasil.berhasil:
            raise SystemExit(1)
