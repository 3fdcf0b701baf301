"""``python -m bench.beban --url http://127.0.0.1:8000 [--pengguna 20] [--detik 30]``: a load test.

N simulated users (threads, urllib, each its own session) sign in as the demo operators and, for T seconds,
mix report pages, the realisasi grid, realisasi saves (POST of the grid's JSON to the same endpoint, with the
CSRF token and the row's ``versi``; a 409 takes the current versi from the answer and tries again) and report
PDFs (the report page's Unduh PDF: a POST that answers with the stored PDF or the render job's progress page,
followed until the PDF arrives, :func:`unduh_pdf`). Two users share each row, so stale saves (409) happen on
purpose. Each save writes a value no other save writes; afterwards every accepted save must be in the row's
history exactly once (read with the ORM, so ``DATABASE_URL`` must name the server's database). Prints throughput, p50/p95/p99 per kind, errors, and the
check; ``--md`` also writes it into docs/BENCHMARKS.md's load-test section.

The server's data must be ``load_demo``'s (users operator_serang / operator_walantaka with password demo).
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import random
import re
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

#: (user, kecamatan, year) of the simulated operators: the demo users and the years their seeds fill.
OPERATOR = [("operator_serang", "36.73.01", 2022), ("operator_walantaka", "36.73.03", 2020)]
#: Share of each kind of request (the rest: report pages).
PELUANG = {"simpan": 0.25, "grid": 0.10, "pdf": 0.05}
HTML_KECIL = ("renja-2.1", "renja-rencana", "lkjip-2.1", "lkjip-rekap", "lkjip-3.2", "renja-evaluasi")
PDF_KECIL = ("renja-2.5", "lkjip-1.1", "lkjip-2.1", "renja-4.1")


@dataclass
class Catatan:
    waktu: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    galat: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    contoh_galat: list[str] = field(default_factory=list)
    konflik: int = 0
    diterima: list[tuple[int, int]] = field(default_factory=list)  # (anggaran pk, value) of each 200 save
    kunci: threading.Lock = field(default_factory=threading.Lock)

    def catat(self, jenis: str, lama: float, galat: str | None = None) -> None:
        with self.kunci:
            self.waktu[jenis].append(lama)
            if galat:
                self.galat[jenis] += 1
                if len(self.contoh_galat) < 10:
                    self.contoh_galat.append(f"{jenis}: {galat}")


class Sesi:
    """One signed-in browser: cookies, the CSRF token."""

    def __init__(self, url: str, username: str, sandi: str) -> None:
        self.url = url.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.minta("GET", "/akun/masuk/")
        status, isi = self.minta(
            "POST",
            "/akun/masuk/",
            urllib.parse.urlencode(
                {"username": username, "password": sandi, "csrfmiddlewaretoken": self.csrf()}
            ).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
        if status != 200 or b'name="password"' in isi:
            raise SystemExit(f"beban: {username} tidak dapat masuk (HTTP {status}).")

    def csrf(self) -> str:
        return next((c.value or "" for c in self.jar if c.name == "csrftoken"), "")

    def minta(self, metode: str, jalur: str, data: bytes | None = None, kepala: dict | None = None):
        kepala = {"Referer": self.url + "/", **(kepala or {})}
        if metode == "POST":
            kepala["X-CSRFToken"] = self.csrf()
        req = urllib.request.Request(self.url + jalur, data=data, headers=kepala, method=metode)
        try:
            with self.opener.open(req, timeout=120) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()


def siapkan_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    os.environ.setdefault("SECRET_KEY", "bench-beban-hanya-membaca-basis-data")
    if not os.environ.get("DATABASE_URL"):
        raise SystemExit(
            "beban: DATABASE_URL harus menunjuk basis data server yang diuji (untuk pemeriksaan)."
        )
    import django

    django.setup()


#: The rows saved to have at least this pagu, so the unique values written (nomor × 1000 + user) stay below it.
PAGU_MIN = 1_000_000


def baris_sasaran() -> dict[str, list[int]]:
    """Per kecamatan code: the anggaran rows of its year that the operators save to."""
    from renja.models import Anggaran

    hasil = {}
    for _, kode, tahun in OPERATOR:
        hasil[kode] = list(
            Anggaran.objects.filter(kecamatan__kode=kode, tahun=tahun, pagu__gte=PAGU_MIN)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if not hasil[kode]:
            raise SystemExit(f"beban: tidak ada anggaran {kode} {tahun}; jalankan load_demo di server.")
    return hasil


def pengguna(no: int, a, baris: dict[str, list[int]], akhir: float, cat: Catatan) -> None:
    username, kode, tahun = OPERATOR[no % len(OPERATOR)]
    sesi = Sesi(a.url, username, a.sandi)
    acak = random.Random(no)
    rows = baris[kode]
    pk = rows[(no // (2 * len(OPERATOR))) % len(rows)]  # two users per row: stale saves happen
    versi: int | None = None
    nomor = 0
    awal = f"/kecamatan/{kode}/{tahun}"
    while time.monotonic() < akhir:
        r = acak.random()
        mulai = time.perf_counter()
        if r < PELUANG["simpan"]:
            for _ in range(5):  # a 409 tells the current versi: the user looks and saves again
                if versi is None:
                    status, isi = sesi.minta("GET", f"{awal}/realisasi/")
                    m = re.search(rf'id="a{pk}" data-jenis="anggaran" data-versi="(\d+)"', isi.decode())
                    versi = int(m.group(1)) if m else 0
                nomor += 1
                # written by this save only (user no < 1000), and far below the row's pagu (>= PAGU_MIN): a save
                # is refused only for what the test is about (a stale versi), never for realisasi over pagu
                nilai = nomor * 1000 + no
                status, isi = sesi.minta(
                    "POST",
                    f"{awal}/realisasi/anggaran/{pk}/",
                    json.dumps({"versi": versi, "realisasi_tw1": str(nilai), "ganti_setahun": True}).encode(),
                    {"Content-Type": "application/json", "Accept": "application/json"},
                )
                jawab = json.loads(isi) if isi.startswith(b"{") else {}
                if status == 200:
                    versi = jawab["versi"]
                    with cat.kunci:
                        cat.diterima.append((pk, nilai))
                    cat.catat("simpan", time.perf_counter() - mulai)
                    break
                if status == 409 and "sekarang" in jawab:
                    versi = jawab["sekarang"]["versi"]
                    with cat.kunci:
                        cat.konflik += 1
                    continue
                cat.catat("simpan", time.perf_counter() - mulai, f"HTTP {status} {isi[:200]!r}")
                versi = None
                break
        elif r < PELUANG["simpan"] + PELUANG["grid"]:
            status, _ = sesi.minta("GET", f"{awal}/realisasi/")
            cat.catat("grid", time.perf_counter() - mulai, None if status == 200 else f"HTTP {status}")
        elif r < sum(PELUANG.values()):
            slug = acak.choice(PDF_KECIL)
            galat = unduh_pdf(sesi, awal, slug)  # before the clock is read: arguments are evaluated in order
            cat.catat("pdf", time.perf_counter() - mulai, galat)
        else:
            slug = acak.choice(HTML_KECIL)
            status, _ = sesi.minta("GET", f"{awal}/laporan/{slug}/")
            cat.catat(
                "laporan", time.perf_counter() - mulai, None if status == 200 else f"HTTP {status} {slug}"
            )


#: Longest wait for one PDF (queued behind others, then rendered by a worker) before it counts as an error.
BATAS_PDF = 120.0


def unduh_pdf(sesi: Sesi, awal: str, slug: str) -> str | None:
    """What a user's Unduh PDF does, until the PDF is in hand: the POST to ``pdf/susun/`` answers with the stored
    PDF (a redirect to it; also when the server runs jobs inline), or with the job's progress page, whose
    status is then polled (as its script does) until the job is done and its file fetched — at most
    ``BATAS_PDF`` seconds. Returns None, or what went wrong."""
    status, isi = sesi.minta(
        "POST",
        f"{awal}/laporan/{slug}/pdf/susun/",
        urllib.parse.urlencode({"kertas": "a4"}).encode(),
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    if status == 200 and isi.startswith(b"%PDF"):
        return None
    m = re.search(rb'data-tugas-status="([^"]+)"', isi)
    if status != 200 or m is None:
        return f"HTTP {status} {slug}"
    alamat_status = m.group(1).decode()
    batas = time.monotonic() + BATAS_PDF
    while time.monotonic() < batas:
        status, isi = sesi.minta("GET", alamat_status, kepala={"Accept": "application/json"})
        keadaan = json.loads(isi) if status == 200 and isi.startswith(b"{") else {}
        if keadaan.get("status") == "selesai" and keadaan.get("tautan"):
            status, isi = sesi.minta("GET", keadaan["tautan"])
            return None if status == 200 and isi.startswith(b"%PDF") else f"HTTP {status} {slug} (unduh)"
        if keadaan.get("status") == "gagal" or status != 200:
            return f"{slug}: tugas {keadaan.get('status', status)} {keadaan.get('pesan', '')}"[:300]
        time.sleep(0.5)
    return f"{slug}: PDF belum selesai setelah {BATAS_PDF:.0f} s"


def periksa(cat: Catatan, sejak) -> tuple[bool, str]:
    """Every accepted save exactly once in its row's history, and no save recorded that was not accepted."""
    from renja.models import Anggaran

    diterima = set(cat.diterima)
    pks = {pk for pk, _ in diterima}
    tercatat = list(
        Anggaran.history.filter(id__in=pks, history_date__gte=sejak).values_list("id", "realisasi_tw1")
    )
    hitung: dict[tuple[int, int], int] = defaultdict(int)
    for pk, nilai in tercatat:
        if nilai is not None:
            hitung[(pk, int(nilai))] += 1
    hilang = [k for k in diterima if hitung.get(k, 0) == 0]
    ganda = [k for k in diterima if hitung.get(k, 0) > 1]
    asing = [k for k in hitung if k not in diterima]
    ok = not hilang and not ganda and not asing and len(diterima) == len(cat.diterima)
    return ok, (
        f"{len(cat.diterima)} simpan diterima, {len(tercatat)} catatan riwayat sejak awal uji: "
        f"hilang {len(hilang)}, ganda {len(ganda)}, tak diterima tapi tercatat {len(asing)}"
    )


def persentil(xs: list[float], p: float) -> float:
    if not xs:
        return float("nan")
    if len(xs) == 1:
        return xs[0]
    return statistics.quantiles(xs, n=100, method="inclusive")[int(p) - 1]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.beban", description=__doc__.splitlines()[0])
    p.add_argument("--url", default="http://127.0.0.1:8000")
    p.add_argument("--pengguna", type=int, default=20)
    p.add_argument("--detik", type=float, default=30)
    p.add_argument("--sandi", default="demo")
    p.add_argument("--md", help="tulis hasilnya ke bagian uji beban berkas ini (mis. docs/BENCHMARKS.md)")
    p.add_argument("--catatan", default="", help="satu baris keterangan (server, basis data) untuk --md")
    a = p.parse_args(argv)
    if not 1 <= a.pengguna <= 500 or not 1 <= a.detik <= 3600:
        p.error("--pengguna 1..500, --detik 1..3600")
    siapkan_django()
    from django.utils import timezone

    baris = baris_sasaran()
    sejak = timezone.now()
    cat = Catatan()
    mulai = time.monotonic()
    akhir = mulai + a.detik
    with ThreadPoolExecutor(max_workers=a.pengguna) as ex:
        hasil = [ex.submit(pengguna, i, a, baris, akhir, cat) for i in range(a.pengguna)]
        for h in hasil:
            h.result()
    lama = time.monotonic() - mulai
    ok, teks_periksa = periksa(cat, sejak)
    jumlah = sum(len(v) for v in cat.waktu.values())
    galat = sum(cat.galat.values())
    b = [
        f"{a.pengguna} pengguna, {a.detik:.0f} s (selesai {lama:.1f} s), {a.url}",
        (
            f"permintaan: {jumlah}, {jumlah / lama:.1f}/s; galat: {galat}; konflik versi (409, dicoba ulang): "
            f"{cat.konflik}"
        ),
        "",
        "| jenis | n | p50 | p95 | p99 | galat |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for jenis in ("laporan", "grid", "simpan", "pdf"):
        xs = cat.waktu.get(jenis, [])
        ms = [f"{persentil(xs, q) * 1000:.0f} ms" if xs else "-" for q in (50, 95, 99)]
        b.append(f"| {jenis} | {len(xs)} | {' | '.join(ms)} | {cat.galat.get(jenis, 0)} |")
    b += [
        "",
        (
            "simpan: dari permintaan pertama sampai jawaban 200 (termasuk memuat grid untuk versi bila belum "
            "diketahui, dan percobaan ulang dengan versi dari jawaban 409); dua pengguna berbagi satu baris."
        ),
        (
            "pdf: dari Unduh PDF (POST pdf/susun/) sampai PDF diterima: yang tersimpan untuk versi data ini, atau "
            f"setelah tugasnya selesai di pekerja antrean (status dipantau, paling lama {BATAS_PDF:.0f} s)."
        ),
        "",
        f"Pemeriksaan simpan: {'OK' if ok else 'GAGAL'} — {teks_periksa}.",
    ]
    b += [f"- {g}" for g in cat.contoh_galat]
    teks = "\n".join(b)
    print(teks)
    if a.md:
        from bench.laporan_md import tulis_beban

        tulis_beban(Path(a.md), (a.catatan + "\n\n" if a.catatan else "") + teks)
    print(
        f"beban: users={a.pengguna} seconds={a.detik:.0f} requests={jumlah} rps={jumlah / lama:.1f} "
        f"errors={galat} saves={len(cat.diterima)} saves_ok={'yes' if ok else 'no'}"
    )
    return 0 if ok and not galat else 1


if __name__ == "__main__":
    sys.exit(main())
