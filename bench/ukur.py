"""Measurements: wall time and SQL queries of a request, PDF renders, imports against their floor.

Every figure is the median of a few runs taken in turn (run 1 of every item, then run 2 …), because the
machine is shared and noisy: a burst of other work then spreads over all items instead of hitting one.
"""

from __future__ import annotations

import io
import statistics
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape

from django.db import connection, reset_queries, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext


def median(xs: Sequence[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


@dataclass
class Ukuran:
    """Wall and CPU times (s) of the runs of one page and the SQL query count of the last run."""

    detik: list[float]
    kueri: int = 0
    status: int = 200
    cpu: list[float] = field(default_factory=list)
    sql: list[str] = field(default_factory=list)  # the statements of the last run

    @property
    def median(self) -> float:
        return median(self.detik)

    @property
    def minimum(self) -> float:
        return min(self.detik) if self.detik else float("nan")

    @property
    def cpu_median(self) -> float:
        return median(self.cpu)


def minta(klien: Client, url: str) -> tuple[float, list[str], int, bytes]:
    """GET ``url``: (seconds, its SQL statements, status, body)."""
    reset_queries()  # with DEBUG=1 Django keeps at most 9000 queries; a full log would count 0
    with CaptureQueriesContext(connection) as q:
        mulai = time.perf_counter()
        r = klien.get(url)
        isi = b"".join(r.streaming_content) if r.streaming else r.content
        lama = time.perf_counter() - mulai
    return lama, [x["sql"] for x in q.captured_queries], r.status_code, isi


def pakai_basis(nama: str) -> None:
    """Point the default connection at another database of the same server (or another SQLite file)."""
    connection.close()
    connection.settings_dict["NAME"] = nama


def halaman(
    daftar: Sequence[tuple[str, str, str]], ulang: int, basis: Sequence[str | None] = (None,)
) -> list[dict[str, Ukuran]]:
    """Each (name, username, url) page ``ulang`` times after an untimed warm-up, on each database of ``basis``
    in turn *request by request* (None: the current connection, not switched), so a burst of other work on the
    shared machine hits every size alike. Per database: the wall and CPU times of this process (the CPU time
    includes SQLite's work, which runs in the process, but not PostgreSQL's) and the queries of the last run.
    The last database stays in use."""
    from bench.jalan import klien

    pengguna = {u for _, u, _ in daftar}
    klien_basis = []
    for b in basis:
        if b is not None:
            pakai_basis(b)
        klien_basis.append({u: klien(u) for u in pengguna})
    hasil = [{nama: Ukuran([]) for nama, _, _ in daftar} for _ in basis]
    for putaran in range(ulang + 1):
        for nama, user, url in daftar:
            for i, b in enumerate(basis):
                if b is not None and len(basis) > 1:
                    pakai_basis(b)
                mulai_cpu = time.process_time()
                lama, sql, status, _ = minta(klien_basis[i][user], url)
                lama_cpu = time.process_time() - mulai_cpu
                if status != 200:
                    raise RuntimeError(f"{url}: HTTP {status}")
                if putaran:  # run 0 warms the template and connection caches
                    u = hasil[i][nama]
                    u.detik.append(lama)
                    u.cpu.append(lama_cpu)
                    u.kueri, u.sql, u.status = len(sql), sql, status
    return hasil


def tulis_pdf(html: str) -> bytes:
    from django.conf import settings
    from weasyprint import HTML

    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def halaman_pdf(isi: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(isi)).pages)


def html_naif(tabel) -> str:
    """The same rows as one big table with WeasyPrint's automatic layout and no report styling: what a
    report costs drawn the naive way (issue 12, "pages/s vs a naive render of the same rows")."""
    kolom = tabel.kolom
    kepala = "".join(f"<th>{escape(k.judul)}</th>" for k in kolom)
    baris = []
    for b in tabel.baris:
        if b.jenis == "catatan":
            baris.append(f'<tr><td colspan="{len(kolom)}">{escape(b.teks)}</td></tr>')
            continue
        sel = "".join(
            f"<td>{escape('' if b.sel.get(k.kunci) is None else str(b.sel.get(k.kunci)))}</td>" for k in kolom
        )
        baris.append(f"<tr>{sel}</tr>")
    return (
        "<!doctype html><html><head><meta charset='utf-8'><style>@page{size:A4 landscape;margin:15mm}"
        "body{font:9pt sans-serif}table{border-collapse:collapse}td,th{border:1px solid #000;padding:2px}"
        f"</style></head><body><table><thead><tr>{kepala}</tr></thead><tbody>{''.join(baris)}</tbody>"
        "</table></body></html>"
    )


@dataclass
class UkuranPdf:
    kami: list[float]  # the report's PDF as its download draws it (build, cap, HTML, WeasyPrint)
    polos: list[float]  # a bare WeasyPrint render of the same print HTML
    naif: list[float]  # the same rows as one big auto-layout table
    halaman: int = 0
    halaman_naif: int = 0


def pdf(
    daftar: Sequence[tuple[str, Client, str, Callable[[], object], Callable[[], bytes]]], ulang: int
) -> dict[str, UkuranPdf]:
    """(slug, client, report url, table builder, our render): our PDF, the bare render and the naive one,
    interleaved. Our render is called directly (not through the view, which serves a stored render of the
    same data version)."""
    siap = []
    for slug, klien, url, bangun, cetak in daftar:
        _, _, status, isi_html = minta(klien, url + "?format=html")
        if status != 200:
            raise RuntimeError(f"{url}?format=html: HTTP {status}")
        siap.append((slug, cetak, isi_html.decode(), html_naif(bangun())))
    hasil = {slug: UkuranPdf([], [], []) for slug, *_ in siap}
    for _ in range(ulang):
        for slug, cetak, html, naif in siap:
            u = hasil[slug]
            mulai = time.perf_counter()
            isi = cetak()
            u.kami.append(time.perf_counter() - mulai)
            u.halaman = halaman_pdf(isi)
            mulai = time.perf_counter()
            tulis_pdf(html)
            u.polos.append(time.perf_counter() - mulai)
            mulai = time.perf_counter()
            isi_naif = tulis_pdf(naif)
            u.naif.append(time.perf_counter() - mulai)
            u.halaman_naif = halaman_pdf(isi_naif)
    return hasil


# --- import and its floor ---------------------------------------------------------------------------------
@dataclass
class Impor:
    """Imports of the clones: rows per file, seconds of the import and of its floor, peak memory of one."""

    baris: list[int] = field(default_factory=list)
    detik: list[float] = field(default_factory=list)
    lantai: list[float] = field(default_factory=list)
    ulang: list[float] = field(default_factory=list)  # the same file imported again, unchanged
    baca: list[float] = field(default_factory=list)  # a bare openpyxl read of the file
    memori: int = 0
    memori_lantai: int = 0
    kueri: int = 0  # SQL statements of one import (the memory run), and of them savepoints
    savepoint: int = 0

    @property
    def baris_per_detik(self) -> float:
        return median([b / d for b, d in zip(self.baris, self.detik, strict=True)])

    @property
    def lantai_per_detik(self) -> float:
        return median([b / d for b, d in zip(self.baris, self.lantai, strict=True)])


def baca_saja(isi: bytes) -> int:
    """A bare read of every sheet's values (openpyxl, read-only): what re-importing an unchanged workbook
    should cost. Returns the rows read."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(isi), read_only=True, data_only=True)
    baris = 0
    for ws in wb.worksheets:
        baris += sum(1 for r in ws.iter_rows(values_only=True) if any(v is not None for v in r))
    wb.close()
    return baris


def _desimal(v) -> Decimal | None:
    if v is None or v == "":
        return None
    return Decimal(str(v))


def lantai_impor(isi: bytes) -> int:
    """The floor of an import: a bare openpyxl read of every sheet and ``bulk_create`` of its wilayah,
    (missing) nomenklatur, anggaran and indikator rows (no validation, no history, no preview). Run inside a transaction the caller
    rolls back. Returns the rows read."""
    from openpyxl import load_workbook

    from renja.models import Anggaran, Indikator, Nomenklatur
    from wilayah.models import Kecamatan, Kelurahan, Kota

    wb = load_workbook(io.BytesIO(isi), read_only=True, data_only=True)
    lembar = {}
    baris = 0
    for ws in wb.worksheets:
        rows = ws.iter_rows(values_only=True)
        kepala = list(next(rows, ()))
        data = [dict(zip(kepala, r, strict=False)) for r in rows if any(v is not None for v in r)]
        baris += len(data)
        lembar[ws.title] = data
    wb.close()
    kota = {}
    for r in lembar["wilayah"]:
        if r["kode_kota"] not in kota:
            kota[r["kode_kota"]], _ = Kota.objects.get_or_create(
                kode=r["kode_kota"], defaults={"nama": r["nama_kota"]}
            )
    kec: dict[str, Kecamatan] = {}
    for r in lembar["wilayah"]:
        if not r.get("kode_kelurahan") and r["kode_kecamatan"] not in kec:
            kec[r["kode_kecamatan"]] = Kecamatan(
                kota=kota[r["kode_kota"]], kode=r["kode_kecamatan"], nama=r["nama_kecamatan"]
            )
    Kecamatan.objects.bulk_create(kec.values())
    kec = {k.kode: k for k in Kecamatan.objects.filter(kode__in=kec)}
    kel = Kelurahan.objects.bulk_create(
        Kelurahan(kecamatan=kec[r["kode_kecamatan"]], kode=r["kode_kelurahan"], nama=r["nama_kelurahan"])
        for r in lembar["wilayah"]
        if r.get("kode_kelurahan")
    )
    kel_kode = {k.kode: k for k in Kelurahan.objects.filter(kode__in=[k.kode for k in kel])}
    nomen = dict(Nomenklatur.objects.values_list("kode", "pk"))
    # codes the database lacks (an empty one): created flat, without the tree (the floor does not check it)
    Nomenklatur.objects.bulk_create(
        Nomenklatur(
            kode=str(r["kode"]), tingkat=r["tingkat"], uraian=r["uraian"], kelompok=r.get("kelompok") or ""
        )
        for r in lembar.get("nomenklatur", [])
        if str(r["kode"]) not in nomen
    )
    nomen = dict(Nomenklatur.objects.values_list("kode", "pk"))
    Anggaran.objects.bulk_create(
        Anggaran(
            tahun=r["tahun"],
            kecamatan=kec[r["kode_kecamatan"]],
            nomenklatur_id=nomen[str(r["kode"])],
            kelurahan=kel_kode.get(r.get("kode_kelurahan")),
            sumber_dana=r.get("sumber_dana") or "APBD",
            pagu=_desimal(r["pagu"]) or Decimal(0),
            realisasi=_desimal(r["realisasi"]),
            **{f"realisasi_tw{t}": _desimal(r.get(f"realisasi_tw{t}")) for t in (1, 2, 3, 4)},
        )
        for r in lembar.get("anggaran", [])
    )
    nilai = Indikator._meta.get_field("target")
    Indikator.objects.bulk_create(
        Indikator(
            tahun=r["tahun"],
            kecamatan=kec[r["kode_kecamatan"]],
            nomenklatur_id=nomen[str(r["kode"])],
            uraian=r["indikator"],
            satuan=r.get("satuan") or "",
            polaritas=r.get("polaritas") or "positif",
            urutan=i,
            **{
                k: nilai.to_python(r.get(k))
                for k in ("target", "realisasi", *(f"realisasi_tw{t}" for t in (1, 2, 3, 4)))
            },
        )
        for i, r in enumerate(lembar.get("indikator", []), start=1)
    )
    return baris


def dalam_rollback(fungsi: Callable[[], object]) -> object:
    """Run ``fungsi`` in a transaction that is rolled back (a measurement that must leave no rows)."""
    with transaction.atomic():
        hasil = fungsi()
        transaction.set_rollback(True)
    return hasil


def detik(fungsi: Callable[[], object]) -> tuple[float, object]:
    mulai = time.perf_counter()
    hasil = fungsi()
    return time.perf_counter() - mulai, hasil


def hitung_kueri(fungsi: Callable[[], object]) -> tuple[int, int]:
    """(SQL statements, of them SAVEPOINTs) while ``fungsi`` runs."""
    reset_queries()
    with CaptureQueriesContext(connection) as q:
        fungsi()
    sql = [x["sql"] for x in q.captured_queries]
    return len(sql), sum(s.startswith("SAVEPOINT") for s in sql)


def puncak_memori(fungsi: Callable[[], object]) -> int:
    """Peak bytes allocated by Python while ``fungsi`` runs (tracemalloc: slower, so timed separately)."""
    tracemalloc.start()
    try:
        fungsi()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
