"""``cetak_massal --tahun N [--kota KODE] [--dokumen renja|lkjip] [--kecamatan KODE ...]``.

Every chosen kecamatan's Renja and/or LKjIP as one batch of jobs (:func:`dokumen.cetak.massal_kirim`): the
approved PDF where the newest revision is approved, else a draft. With ``REDIS_URL`` the jobs go to the
queue and run in parallel in the workers (``--pekerja N`` starts N burst workers for this batch); without it
they run here one after another. A progress bar follows the batch either way; failed jobs (each retried
twice) are listed at the end and make the exit status non-zero. Bappeda sees the batch at /cetak-massal/.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from tqdm import tqdm

from antrean.models import AKTIF, StatusTugas
from antrean.services import antrean_redis
from dokumen.cetak import massal_kirim, massal_zip
from dokumen.struktur import STRUKTUR
from wilayah.models import Kecamatan


class Command(BaseCommand):
    help = "Cetak dokumen utuh (Renja/LKjIP) setiap kecamatan sebagai satu kelompok tugas, dengan kemajuan."

    def add_arguments(self, parser):
        parser.add_argument("--tahun", required=True, type=int)
        parser.add_argument("--kota", help="kode kota/kabupaten, mis. 36.73 (bawaan: semua)")
        parser.add_argument("--dokumen", choices=tuple(STRUKTUR), help="renja atau lkjip (bawaan: keduanya)")
        parser.add_argument("--kecamatan", nargs="+", default=[], help="kode kecamatan (bawaan: semua)")
        parser.add_argument("--kertas", choices=("a4", "f4"), default="a4")
        parser.add_argument(
            "--pekerja",
            type=int,
            default=0,
            help="dengan REDIS_URL: jalankan N pekerja RQ khusus kelompok ini",
        )
        parser.add_argument("--zip", help="tulis hasilnya sebagai ZIP ke berkas ini")
        parser.add_argument(
            "--batas-waktu", type=int, default=3600, help="detik menunggu pekerja (bawaan 3600)"
        )

    def handle(self, tahun, kota, dokumen, kecamatan, kertas, pekerja, zip, batas_waktu, **options):
        if not 2000 <= tahun <= 2100:
            raise CommandError("Tahun harus antara 2000 dan 2100.")
        qs = Kecamatan.objects.select_related("kota").order_by("kode")
        if kota:
            qs = qs.filter(kota__kode=kota)
        if kecamatan:
            tidak_ada = sorted(
                set(kecamatan) - set(qs.filter(kode__in=kecamatan).values_list("kode", flat=True))
            )
            if tidak_ada:
                raise CommandError(f"Kecamatan tidak ditemukan: {', '.join(tidak_ada)}.")
            qs = qs.filter(kode__in=kecamatan)
        daftar = list(qs)
        if not daftar:
            raise CommandError("Tidak ada kecamatan yang cocok.")
        jenis = [dokumen] if dokumen else list(STRUKTUR)
        total = len(daftar) * len(jenis)
        redis = antrean_redis()
        cara = f"antrean Redis '{settings.ANTREAN_NAMA}'" if redis else "langsung (tanpa REDIS_URL)"
        self.stdout.write(f"{total} dokumen dari {len(daftar)} kecamatan, tahun {tahun}, {cara}.")

        bar = tqdm(total=total, unit="dok", file=self.stderr._out, dynamic_ncols=True, disable=None)
        if redis:
            kelompok = massal_kirim(daftar, tahun, jenis, kertas)
            proses = self._pekerja(pekerja)
            if not proses:
                self.stdout.write(f"Menunggu pekerja antrean (manage.py rqworker {settings.ANTREAN_NAMA}).")
            self._tunggu(kelompok, bar, batas_waktu)
            for p in proses:
                p.wait()
        else:
            kelompok = massal_kirim(daftar, tahun, jenis, kertas, setelah_tiap=lambda t: bar.update(1))
        bar.close()

        tugas = list(kelompok.tugas_set.order_by("judul"))
        gagal = [t for t in tugas if t.status == StatusTugas.GAGAL]
        selesai = sum(t.status == StatusTugas.SELESAI for t in tugas)
        belum = len(tugas) - selesai - len(gagal)
        for t in gagal:
            self.stderr.write(f"GAGAL {t.judul} (percobaan {t.percobaan}): {t.pesan}")
        if zip:
            ada, _ = massal_zip(kelompok, Path(zip))
            self.stdout.write(f"ZIP {zip}: {ada} berkas.")
        self.stdout.write(f"Kelompok {kelompok.pk}: selesai={selesai} gagal={len(gagal)} belum={belum}")
        if gagal or belum:
            raise CommandError(f"{len(gagal)} dokumen gagal, {belum} belum selesai.")

    def _pekerja(self, jumlah: int) -> list[subprocess.Popen]:
        manage = Path(settings.BASE_DIR) / "manage.py"
        return [
            subprocess.Popen(
                [sys.executable, str(manage), "rqworker", settings.ANTREAN_NAMA, "--burst"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,  # a failure is in its job row, listed at the end
            )
            for _ in range(max(jumlah, 0))
        ]

    def _tunggu(self, kelompok, bar, batas_waktu: int) -> None:
        akhir = time.monotonic() + batas_waktu
        sudah = 0
        while True:
            hitung = kelompok.tugas_set.filter(~Q(status__in=AKTIF)).count()
            bar.update(hitung - sudah)
            sudah = hitung
            if sudah >= bar.total or time.monotonic() > akhir:
                return
            time.sleep(0.5)
