"""``python -m bench [--quick] [--n N]``: generate a kabupaten, measure, rewrite docs/BENCHMARKS.md.

Steps (each figure a median of interleaved runs, see :mod:`bench.ukur`):

1. a throwaway database (bench.lingkungan), migrated, with the demo data (the two seed kecamatan and users);
2. every report page (HTML) and the home page, realisasi grid and city overview with 2 kecamatan;
3. N-2 clones of the seed kecamatan imported through ``workbook_impor`` (timed: the import's rows/s), each
   interleaved with the floor (a bare openpyxl read + bulk_create of the same file, rolled back); peak memory
   of one import and of its floor under tracemalloc;
4. the same pages with N kecamatan (ratio N/2, SQL queries);
5. each report's PDF against a bare WeasyPrint render of the same HTML and a naive render of the same rows;
6. batch printing (``cetak_massal``) inline, then with 1 and 2 RQ workers when Redis answers.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import shutil
import sys
import time
from pathlib import Path

from bench import lingkungan

#: The seed kecamatan and year each report family is measured on (the years the seeds fill).
TAHUN_RENJA, KEC_RENJA = 2022, "36.73.01"
TAHUN_LKJIP, KEC_LKJIP = 2020, "36.73.03"
KOTA = "36.73"


def klien(username: str):
    from django.contrib.auth import get_user_model
    from django.test import Client

    c = Client()
    c.force_login(get_user_model().objects.get(username=username))
    return c


def daftar_halaman() -> list[tuple[str, str, str]]:
    """(name, demo username, url): the pages that must not grow with the city (the home page of each role, the
    realisasi grid, both kecamatan dashboards, the city overview), then every report page."""
    from core.laporan import registry

    hasil = [
        ("beranda bappeda", "bappeda", "/"),
        ("beranda pimpinan", "pimpinan", "/"),
        ("beranda operator", "operator_serang", "/"),
        ("beranda camat", "camat_serang", "/"),
        ("grid realisasi", "operator_serang", f"/kecamatan/{KEC_RENJA}/{TAHUN_RENJA}/realisasi/"),
        ("dasbor kecamatan renja", "bappeda", f"/kecamatan/{KEC_RENJA}/{TAHUN_RENJA}/"),
        ("dasbor kecamatan lkjip", "bappeda", f"/kecamatan/{KEC_LKJIP}/{TAHUN_LKJIP}/"),
        ("ringkasan kota", "bappeda", f"/kota/{KOTA}/{TAHUN_LKJIP}/"),
    ]
    return hasil + [(lap.slug, "bappeda", url_laporan(lap.slug)) for lap in registry.semua()]


def url_laporan(slug: str) -> str:
    kode, tahun = (KEC_LKJIP, TAHUN_LKJIP) if slug.startswith("lkjip") else (KEC_RENJA, TAHUN_RENJA)
    return f"/kecamatan/{kode}/{tahun}/laporan/{slug}/"


def pembangun(slug: str):
    from core.laporan import registry
    from wilayah.models import Kecamatan

    kode, tahun = (KEC_LKJIP, TAHUN_LKJIP) if slug.startswith("lkjip") else (KEC_RENJA, TAHUN_RENJA)
    return lambda: registry.laporan(slug).bangun(
        Kecamatan.objects.select_related("kota").get(kode=kode), tahun
    )


def pencetak(slug: str):
    """The report's PDF as a download draws it (build, stamp, HTML, WeasyPrint), without the view's stored
    renders: what a render costs, however often it is asked for."""
    from core.laporan import registry
    from core.laporan.registry import Opsi
    from dokumen.cap import berkas_laporan
    from wilayah.models import Kecamatan

    kode, tahun = (KEC_LKJIP, TAHUN_LKJIP) if slug.startswith("lkjip") else (KEC_RENJA, TAHUN_RENJA)

    def cetak() -> bytes:
        kec = Kecamatan.objects.select_related("kota").get(kode=kode)
        return berkas_laporan(registry.laporan(slug), kec, tahun, "pdf", Opsi()).isi

    return cetak


def klon(jumlah: int, awal: int = 0, memori: bool = True):
    """Import ``jumlah`` clones of the seed kecamatan (codes from ``awal``), each after its floor."""
    from bench import kabupaten, ukur
    from workbook.impor import workbook_impor

    seed = kabupaten.seed_semua()
    hasil = ukur.Impor()
    for i in range(awal, awal + jumlah):
        s = seed[i % len(seed)]
        kode = kabupaten.kode_klon(KOTA, i)
        isi, baris = kabupaten.klon_workbook(s, kode, f"{s.nama} {i + 1}")

        def impor(isi: bytes = isi, kode: str = kode) -> object:
            r = workbook_impor(io.BytesIO(isi), nama_berkas=f"{kode}.xlsx", akui_melebihi_pagu=True)
            if not r.berhasil:
                raise RuntimeError(f"impor {kode} gagal: {r.pesan_galat()[:5]}")
            return r

        def impor_batal(impor=impor) -> object:
            return ukur.dalam_rollback(impor)

        def lantai(isi: bytes = isi) -> object:
            return ukur.dalam_rollback(lambda: ukur.lantai_impor(isi))

        if memori and i == awal:
            hasil.memori = ukur.puncak_memori(impor_batal)
            hasil.kueri, hasil.savepoint = ukur.hitung_kueri(impor_batal)
            hasil.memori_lantai = ukur.puncak_memori(lantai)
        lama, _ = ukur.detik(lantai)
        hasil.lantai.append(lama)
        lama, _ = ukur.detik(impor)
        hasil.detik.append(lama)
        hasil.baris.append(baris)
        # the same file again, unchanged (nothing to write), against a bare read of it
        mulai = time.perf_counter()
        r = workbook_impor(io.BytesIO(isi), nama_berkas=f"{kode}.xlsx", akui_melebihi_pagu=True)
        hasil.ulang.append(time.perf_counter() - mulai)
        if not r.berhasil or r.jumlah["created"] or r.jumlah["updated"]:
            raise RuntimeError(f"impor ulang {kode} tidak tanpa perubahan: {r.ringkasan()}")
        mulai = time.perf_counter()
        ukur.baca_saja(isi)
        hasil.baca.append(time.perf_counter() - mulai)
    return hasil


def bab_bersihkan() -> None:
    """Forget every stored chapter (dokumen.bab), so the next document is laid out cold."""
    from core.penyimpanan import penyimpanan_privat
    from dokumen.bab import FOLDER

    shutil.rmtree(penyimpanan_privat().path(FOLDER), ignore_errors=True)


def dokumen_bab() -> dict[str, float | int]:
    """The whole LKjIP of the measured kecamatan, inline: one WeasyPrint render of the whole document (the
    reference), laid out per chapter cold, again with nothing changed, and after one realisasi value changed
    (one chapter's tables) — seconds each, with the chapters laid out each time."""
    from unittest import mock

    from bench import ukur as ukur_pdf
    from dokumen import bab
    from dokumen.pdf import dokumen_pdf, dokumen_pdf_utuh
    from renja.models import Anggaran
    from wilayah.models import Kecamatan

    kec = Kecamatan.objects.select_related("kota").get(kode=KEC_LKJIP)
    hasil: dict[str, float | int] = {}
    ditata: list[int] = []
    asli = bab.tata_letak

    def hitung(html, kabar=None):
        ditata.append(1)
        return asli(html, kabar)

    def ukur(nama: str, fungsi) -> None:
        ditata.clear()
        mulai = time.perf_counter()
        with mock.patch.object(bab, "tata_letak", hitung):
            isi = fungsi()
        hasil[nama] = time.perf_counter() - mulai
        hasil[f"{nama}:bagian"] = len(ditata)
        hasil["halaman"] = ukur_pdf.halaman_pdf(isi)

    bab_bersihkan()
    ukur("satu render utuh", lambda: dokumen_pdf_utuh(kec, TAHUN_LKJIP, "lkjip"))
    ukur("per bab, dingin", lambda: dokumen_pdf(kec, TAHUN_LKJIP, "lkjip"))
    ukur("per bab, tanpa perubahan", lambda: dokumen_pdf(kec, TAHUN_LKJIP, "lkjip"))
    baris = Anggaran.objects.filter(kecamatan=kec, tahun=TAHUN_LKJIP, realisasi__gt=0).order_by("pk").first()
    if baris is not None:
        baris.realisasi -= 1
        baris.save()
        ukur("per bab, satu realisasi diubah", lambda: dokumen_pdf(kec, TAHUN_LKJIP, "lkjip"))
    return hasil


def massal(kecamatan: list[str], pekerja: int) -> float:
    """Wall time of ``cetak_massal`` (LKjIP) for these kecamatan, cold (no stored chapter): inline (``pekerja``
    0, no Redis) or with that many burst RQ workers on a queue of the bench's own."""
    from django.core.management import call_command

    bab_bersihkan()
    mulai = time.perf_counter()
    call_command(
        "cetak_massal",
        tahun=TAHUN_LKJIP,
        dokumen="lkjip",
        kecamatan=kecamatan,
        pekerja=pekerja,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    return time.perf_counter() - mulai


def redis_ada(url: str) -> bool:
    from redis import Redis
    from redis.exceptions import RedisError

    try:
        return bool(Redis.from_url(url, socket_connect_timeout=1).ping())
    except (RedisError, OSError, ValueError):
        return False


def arahkan_ke_redis(url: str, antrean: str | None) -> None:
    """Jobs to RQ on ``url`` under a queue of our own (None: back to inline); workers started by
    cetak_massal inherit the environment."""
    from django.conf import settings

    settings.REDIS_URL = url if antrean else ""
    os.environ["REDIS_URL"] = settings.REDIS_URL
    if antrean:
        settings.ANTREAN_NAMA = antrean
        os.environ["ANTREAN_NAMA"] = antrean


def mesin() -> dict[str, str]:
    from django.db import connection

    ram = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
        ram = f"{kb / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    db = connection.vendor
    if db == "postgresql":
        with connection.cursor() as c:
            c.execute("SHOW server_version")
            db += " " + c.fetchone()[0]
    else:
        import sqlite3

        db += " " + sqlite3.sqlite_version
    beban = ""
    if hasattr(os, "getloadavg"):
        beban = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return {
        "cpu": f"{os.cpu_count()} core ({platform.processor() or platform.machine()})",
        "ram": ram,
        "python": platform.python_version(),
        "db": db,
        "beban": beban,
        "os": platform.platform(),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="4 kecamatan, fewer runs: a few minutes")
    p.add_argument("--n", type=int, help="kecamatan in the generated kabupaten (default 40, --quick 4)")
    p.add_argument("--ulang", type=int, help="runs per page (median; default 5, --quick 3)")
    p.add_argument("--tanpa-pdf", action="store_true", help="skip the PDF and batch-printing steps")
    p.add_argument(
        "--massal",
        type=int,
        help="kecamatan in the batch-printing step (default 6, --quick 2): each LKjIP is ~15 s of CPU, printed "
        "three times (inline, 1 and 2 workers)",
    )
    p.add_argument(
        "--tanpa-nasional",
        action="store_true",
        help="keep the seeds' small nomenklatur (default: add ~7,500 nodes, as a real national table has)",
    )
    p.add_argument("--keluaran", default=str(lingkungan.REPO / "docs" / "BENCHMARKS.md"))
    p.add_argument("--redis", default="redis://127.0.0.1:6379/0")
    a = p.parse_args(argv)
    n = a.n or (4 if a.quick else 40)
    ulang = a.ulang or (3 if a.quick else 5)
    ulang_pdf = 1 if a.quick else 3
    if n < 3:
        p.error("--n paling sedikit 3 (2 kecamatan seed + tiruan)")
    tmp = lingkungan.siapkan()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench import laporan_md, ukur
    from wilayah.models import Kecamatan

    mulai_semua = time.perf_counter()
    call_command("migrate", verbosity=0)
    if Kecamatan.objects.exists():
        raise SystemExit("bench: basis data tidak kosong; beri DATABASE_URL basis data buangan yang kosong.")
    call_command("load_demo", force=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
    if not a.tanpa_nasional:
        from bench.skala import nasional

        nasional()  # a national-size nomenklatur, shared by both sizes
    halaman = daftar_halaman()

    def log(s: str) -> None:
        print(f"[{time.perf_counter() - mulai_semua:6.0f} s] {s}", file=sys.stderr, flush=True)

    # a copy of the database with 2 kecamatan, so both sizes are measured in the same runs, request by request
    basis_n = str(connection.settings_dict["NAME"])
    pg = connection.vendor == "postgresql"
    connection.close()
    if pg:
        from bench.skala import _pg

        basis_2 = f"{basis_n}_dua"
        induk = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"
        _pg(induk, f'DROP DATABASE IF EXISTS "{basis_2}"')
        _pg(induk, f'CREATE DATABASE "{basis_2}" TEMPLATE "{basis_n}"')
    else:
        basis_2 = str(tmp / "dua.sqlite3")
        shutil.copyfile(basis_n, basis_2)
    try:
        log(f"{n - 2} kecamatan tiruan diimpor (tiap impor bergantian dengan lantainya)")
        impor = klon(n - 2)
        if pg:
            with connection.cursor() as c:
                c.execute("ANALYZE")
        log(f"halaman dengan 2 dan {n} kecamatan, bergantian ({len(halaman)} halaman × {ulang} × 2)")
        dua, banyak = ukur.halaman(halaman, ulang, [basis_2, basis_n])
    finally:
        if pg:
            connection.close()
            ukur.pakai_basis(basis_n)
            _pg(induk, f'DROP DATABASE IF EXISTS "{basis_2}"')
    bappeda = klien("bappeda")
    pdf = {}
    waktu_massal: dict[str, float | str] = {}
    waktu_dokumen: dict[str, float | int] = {}
    if not a.tanpa_pdf:
        from core.laporan import registry

        log(f"PDF setiap laporan ({ulang_pdf}×): kami, WeasyPrint polos, naif")
        pdf = ukur.pdf(
            [
                (lap.slug, bappeda, url_laporan(lap.slug), pembangun(lap.slug), pencetak(lap.slug))
                for lap in registry.semua()
            ],
            ulang_pdf,
        )
        kec_massal = [KEC_LKJIP, *(f"{KOTA}.{10 + i:02d}" for i in range(1, n - 2, 2))]
        kec_massal = kec_massal[: a.massal or (2 if a.quick else 6)]
        log(f"cetak massal LKjIP {len(kec_massal)} kecamatan, langsung")
        waktu_massal["langsung (tanpa Redis)"] = massal(kec_massal, 0)
        if redis_ada(a.redis):
            for pekerja in (1, 2):
                log(f"cetak massal dengan {pekerja} pekerja RQ")
                arahkan_ke_redis(a.redis, f"bench-{os.getpid()}-{pekerja}")
                try:
                    waktu_massal[f"{pekerja} pekerja RQ"] = massal(kec_massal, pekerja)
                finally:
                    arahkan_ke_redis(a.redis, None)
        else:
            waktu_massal["pekerja RQ"] = f"dilewati: Redis di {a.redis} tidak menjawab"
        waktu_massal["_kecamatan"] = len(kec_massal)
        log("dokumen LKjIP utuh: satu render vs per bab (dingin, tanpa perubahan, satu nilai diubah)")
        waktu_dokumen = dokumen_bab()
    hasil = laporan_md.Hasil(
        n=n,
        quick=a.quick,
        ulang=ulang,
        ulang_pdf=ulang_pdf,
        mesin=mesin(),
        dua=dua,
        banyak=banyak,
        impor=impor,
        pdf=pdf,
        massal=waktu_massal,
        dokumen=waktu_dokumen,
        lama=time.perf_counter() - mulai_semua,
        nasional=not a.tanpa_nasional,
    )
    teks = laporan_md.tabel(hasil)
    print(teks)
    if a.keluaran != "-":
        laporan_md.tulis(Path(a.keluaran), hasil)
        log(f"ditulis: {a.keluaran}")
    print(laporan_md.baris_akhir(hasil))
    if lingkungan.BASIS_SENDIRI in os.environ:
        shutil.rmtree(tmp, ignore_errors=True)  # our own SQLite files and media
    return 0
