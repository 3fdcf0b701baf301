"""``python -m bench.skala [--n 20] [--pg URL] [--nasional]``: what grows with the city, page by page.

Two databases side by side, one with the demo's 2 kecamatan and one with N (the demo plus N−2 clones imported
through ``workbook_impor``, as ``python -m bench`` does); ``--nasional`` adds about 7,500 nodes of other urusan
to the nomenklatur of both, as a real kabupaten's national table has (issue 12 counted 7,933), so a page that
reads the whole table shows it. Every page is requested on both databases in turn, request by request (the
machine is shared: a burst of other work then hits both sizes alike), and the table gives per size the median
and the minimum of the runs, the SQL queries, and the ratio N/2 of the minima — on a loaded machine the minimum
is the page's own cost, the median mostly the neighbours' load; the CPU time of this process (median) is the
steadiest figure when the database is SQLite (in the process), while PostgreSQL's own work is not in it. ``--baris`` lists each query whose number of
returned rows differs between the sizes (the query that reads other kecamatan's rows).

SQLite files live in a temporary directory; with ``--pg`` (the URL of a PostgreSQL server's maintenance
database, e.g. ``postgres://postgres@127.0.0.1:5432/postgres``) two databases ``rkk_skala_<pid>_<n>`` are made
and dropped at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench import lingkungan
from bench.jalan import daftar_halaman
from bench.ukur import halaman as ukur_halaman
from bench.ukur import pakai_basis

#: The national nomenklatur's shape for ``--nasional``: urusan 9.xx, then per level the number of children.
BENTUK_NASIONAL = (("urusan", 6), ("bidang_urusan", 8), ("program", 6), ("kegiatan", 5), ("sub_kegiatan", 4))


def _pg(url: str, perintah: str) -> None:
    import psycopg2

    conn = psycopg2.connect(url)
    conn.autocommit = True
    try:
        with conn.cursor() as c:
            c.execute(perintah)
    finally:
        conn.close()


def nasional() -> int:
    """About 7,500 nodes of urusan 9.xx (bulk, no history: data induk, not a kecamatan's rows)."""
    from renja.models import Nomenklatur

    lapis: list[list[Nomenklatur | None]] = [[None]]
    for tingkat, k in BENTUK_NASIONAL:
        baru = [
            Nomenklatur(
                kode=(f"{induk.kode}." if induk else "9.") + f"{i:02d}",
                tingkat=tingkat,
                uraian=f"Nasional {tingkat} {i}",
                induk=induk,
            )
            for induk in lapis[-1]
            for i in range(1, k + 1)
        ]
        lapis.append(list(Nomenklatur.objects.bulk_create(baru)))
    return sum(len(x) for x in lapis[1:])


def baris_per_kueri(basis: str, daftar_sql: list[str]) -> list[int | None]:
    """Rows each SELECT returns when run again (None for other statements)."""
    from django.db import connection

    pakai_basis(basis)
    hasil: list[int | None] = []
    for s in daftar_sql:
        if not s.lstrip().upper().startswith("SELECT"):
            hasil.append(None)
            continue
        with connection.cursor() as c:
            c.execute(s)
            hasil.append(len(c.fetchall()))
    return hasil


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.skala", description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=20, help="kecamatan of the large database (default 20)")
    p.add_argument("--ulang", type=int, default=7, help="runs per page and size (default 7)")
    p.add_argument("--pg", help="PostgreSQL maintenance database URL (default: SQLite files)")
    p.add_argument("--nasional", action="store_true", help="a national-size nomenklatur in both databases")
    p.add_argument("--baris", action="store_true", help="list the queries whose row counts differ")
    a = p.parse_args(argv)
    if a.n < 3:
        p.error("--n paling sedikit 3")
    tmp = Path(tempfile.mkdtemp(prefix="rkk-skala-"))
    if a.pg:
        nama = [f"rkk_skala_{os.getpid()}_{n}" for n in (2, a.n)]
        for x in nama:
            _pg(a.pg, f'CREATE DATABASE "{x}"')
        os.environ["DATABASE_URL"] = a.pg.rsplit("/", 1)[0] + "/" + nama[0]
    else:
        nama = [str(tmp / f"skala_{n}.sqlite3") for n in (2, a.n)]
        os.environ["DATABASE_URL"] = f"sqlite:///{nama[0]}"
    lingkungan.siapkan(tmp)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench.jalan import klon

    try:
        for i, x in enumerate(nama):
            pakai_basis(x)
            call_command("migrate", verbosity=0)
            call_command("load_demo", force=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
            if a.nasional:
                nasional()
            if i:
                mulai = time.perf_counter()
                klon(a.n - 2, memori=False)
                print(f"{a.n - 2} tiruan diimpor: {time.perf_counter() - mulai:.0f} s", file=sys.stderr)
            if connection.vendor == "postgresql":
                with connection.cursor() as c:
                    c.execute("ANALYZE")
        ukuran = ukur_halaman(daftar_halaman(), a.ulang, nama)
        print(f"{connection.vendor}, 2 vs {a.n} kecamatan, {a.ulang} putaran; ms = median / minimum\n")
        print(
            f"| halaman | 2 kec. | kueri | {a.n} kec. | kueri | rasio minimum | CPU 2 / {a.n} | rasio CPU |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for hal, _, _ in daftar_halaman():
            u2, un = ukuran[0][hal], ukuran[1][hal]
            t2, tn, c2, cn = u2.detik, un.detik, u2.cpu_median, un.cpu_median
            print(
                f"| {hal} | {statistics.median(t2) * 1000:.0f} / {min(t2) * 1000:.0f} ms | {u2.kueri} "
                f"| {statistics.median(tn) * 1000:.0f} / {min(tn) * 1000:.0f} ms | {un.kueri} "
                f"| {min(tn) / min(t2):.2f}× | {c2 * 1000:.0f} / {cn * 1000:.0f} ms | {cn / c2:.2f}× |"
            )
        if a.baris:
            print()
            for hal, _, _ in daftar_halaman():
                s2, sn = ukuran[0][hal].sql, ukuran[1][hal].sql
                b2, bn = baris_per_kueri(nama[0], s2), baris_per_kueri(nama[1], sn)
                for i, (baris2, barisn) in enumerate(zip(b2, bn, strict=False)):
                    if baris2 != barisn:
                        print(f"{hal} kueri {i + 1}: {baris2} → {barisn} baris: {sn[i][:160]}")
    finally:
        connection.close()
        if a.pg:
            for x in nama:
                _pg(a.pg, f'DROP DATABASE IF EXISTS "{x}"')
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
