"""Who gets what, for every URL of the project: personas × URL × method, against a table written as data.

Personas: operator and camat of kecamatan A (36.73.03) and of B (36.73.01), Admin Bappeda, pimpinan, and an
anonymous visitor. Every URL pattern outside ``admin/`` is walked from the URL conf; one that the table does
not name fails the test, so a new URL cannot ship without its rule.

The order of the answers on a kecamatan URL: anonymous → 302 to the sign-in page; a kecamatan the user may
not see → 404 (as if it did not exist); a role without the URL's permission → 403, whatever the method;
then the method (a GET on a POST-only action → 405) and the action's own answer. Every POST sends a valid
body, so a permitted persona gets the action's success code, and runs inside a rolled-back savepoint so each
request starts from the same data. Every GET is checked to leave every table's row count unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from unittest import mock

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from antrean.models import KelompokTugas, Tugas
from dokumen.models import Dokumen, StatusDokumen
from lkjip.models import Pegawai, Tujuan
from renja.models import Belanja, BuktiDukung, CatatanVerifikator, Prioritas, Usulan

from .data_uji import dua_kecamatan
from .test_izin import IZIN

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ANONIM = "anonim"
PERSONA = [ANONIM, "operator_a", "camat_a", "operator_b", "camat_b", "bappeda", "pimpinan"]
MASUK = frozenset(PERSONA) - {ANONIM}
KECAMATAN_LAIN = frozenset({"operator_b", "camat_b"})


@dataclass(frozen=True)
class Aturan:
    """The rule of one URL. ``izin``: the permission checked on kecamatan A (whose holders are in
    tests/test_izin.IZIN), or ``None`` for a page outside a kecamatan, open to ``boleh``. ``kode``: the answer
    for a persona allowed in, per method. ``anonim``: the answer for an anonymous visitor (default 302 to
    sign-in). ``data``: the POST body (a callable for one that cannot be reused, like an upload). ``tolak``:
    the answer for a signed-in persona outside ``boleh`` (404 where an object of another kecamatan must look
    like one that does not exist, e.g. a job)."""

    izin: str | None
    get: int
    post: int
    boleh: frozenset[str] = MASUK
    anonim: dict[str, int] | None = None
    data: dict[str, Any] | Callable[[dict], dict[str, Any]] = field(default_factory=dict)
    kwargs: dict[str, Any] = field(default_factory=dict)
    tolak: int = 403

    def pemegang(self) -> frozenset[str]:
        return frozenset(IZIN[self.izin]) if self.izin else self.boleh


LIHAT = "wilayah.lihat_kecamatan"
LIHAT_A = frozenset(IZIN[LIHAT])

#: Every URL by name (``dokumen:aksi`` by action), written as data.
TABEL: dict[str, Aturan | dict[str, Aturan]] = {
    # sign-in pages: open to everyone
    "login": Aturan(None, 200, 200, anonim={"get": 200, "post": 200}),
    "logout": Aturan(None, 405, 302, anonim={"get": 405, "post": 302}),
    "password_change": Aturan(None, 200, 200),
    "password_change_done": Aturan(None, 200, 405),
    "home": Aturan(None, 200, 405),
    # notifications: every signed-in user, only their own
    "kabar:daftar": Aturan(None, 200, 405),
    "kabar:baca": Aturan(None, 405, 302),
    # the kecamatan/year page, reports, audit trail
    "laporan:indeks": Aturan(LIHAT, 200, 405),
    # the city overview: Bappeda and pimpinan; anyone else 404, as if it did not exist
    "kota:ringkasan": Aturan(
        None, 200, 405, boleh=frozenset({"bappeda", "pimpinan"}), kwargs={"kode": "36.73"}, tolak=404
    ),
    "laporan:laporan": Aturan(LIHAT, 200, 405),
    # a report's PDF: sends (or joins) its render job, so POST; read-only roles may print too
    "laporan:pdf-susun": Aturan(LIHAT, 405, 302),
    "laporan:riwayat-tahun": Aturan(LIHAT, 200, 405),
    # realisasi grid and one kegiatan
    "renja:realisasi": Aturan(LIHAT, 200, 405),
    "renja:simpan-anggaran": Aturan(
        "renja.ubah_realisasi",
        405,
        302,
        data={"versi": "0", "realisasi_tw1": "1.000"},
        kwargs={"pk": "ang_a"},
    ),
    "renja:simpan-indikator": Aturan(
        "renja.ubah_realisasi", 405, 302, data={"versi": "0", "realisasi_tw1": "3"}, kwargs={"pk": "ind_a"}
    ),
    # the row's figures while typing: a GET that reads the typed values, never a write
    "renja:hitung-anggaran": Aturan("renja.ubah_realisasi", 200, 405, kwargs={"pk": "ang_a"}),
    "renja:hitung-indikator": Aturan("renja.ubah_realisasi", 200, 405, kwargs={"pk": "ind_a"}),
    "renja:tutup-triwulan": Aturan("renja.tutup_triwulan", 405, 302),
    "renja:kegiatan": Aturan(LIHAT, 200, 405),
    "renja:keterangan": Aturan(
        "renja.ubah_realisasi", 405, 302, data={"triwulan": "2", "keterangan": "Rapat"}
    ),
    "renja:bukti-baru": Aturan(
        "renja.unggah_bukti",
        405,
        302,
        data=lambda d: {"triwulan": "2", "berkas": SimpleUploadedFile("b.pdf", PDF)},
    ),
    "renja:riwayat-kegiatan": Aturan(LIHAT, 200, 405),
    "renja:bukti": Aturan(LIHAT, 200, 405, kwargs={"pk": "bukti"}),
    "renja:bukti-hapus": Aturan("renja.unggah_bukti", 405, 302, kwargs={"pk": "bukti"}),
    "renja:catatan": Aturan(
        "renja.tulis_catatan_verifikator", 405, 302, data={"triwulan": "1", "catatan": "Cek"}
    ),
    "renja:catatan-jawab": Aturan(
        "renja.jawab_catatan", 405, 302, data={"jawaban": "Sudah"}, kwargs={"pk": "catatan"}
    ),
    # belanja tidak langsung of the year
    "renja:belanja": Aturan(LIHAT, 200, 405),
    "renja:belanja-baru": Aturan(
        "renja.ubah_belanja", 405, 302, data={"jenis": "belanja barang", "pagu": "1.000", "realisasi": ""}
    ),
    "renja:belanja-simpan": Aturan(
        "renja.ubah_belanja",
        405,
        302,
        data={"versi": "0", "jenis": "belanja pegawai", "pagu": "2.000", "realisasi": "1.000"},
        kwargs={"pk": "belanja"},
    ),
    "renja:belanja-hapus": Aturan(
        "renja.ubah_belanja", 405, 302, data={"versi": "0"}, kwargs={"pk": "belanja"}
    ),
    # usulan, prioritas (Renja) and pegawai (LKjIP) of the year: one pattern
    **{
        f"{app}:{nama}{akhir}": aturan
        for app, nama, izin, isi in (
            ("renja", "usulan", "renja.ubah_usulan", {"uraian": "Jalan lingkungan", "urutan": "1"}),
            (
                "renja",
                "prioritas",
                "renja.ubah_usulan",
                {"jenis": "unggulan", "uraian": "Program A", "pagu": "1.000", "urutan": "1"},
            ),
            ("lkjip", "pegawai", "lkjip.ubah_pegawai", {"nama": "Ani", "urutan": "2"}),
            ("lkjip", "tujuan", "lkjip.ubah_tujuan", {"uraian": "Meningkatnya tata kelola", "urutan": "2"}),
        )
        for akhir, aturan in (
            ("", Aturan(LIHAT, 200, 405)),
            ("-baru", Aturan(izin, 405, 302, data=isi)),
            ("-simpan", Aturan(izin, 405, 302, data={**isi, "versi": "0"}, kwargs={"pk": nama})),
            ("-hapus", Aturan(izin, 405, 302, data={"versi": "0"}, kwargs={"pk": nama})),
        )
    },
    # documents
    "dokumen:halaman": Aturan(LIHAT, 200, 405),
    "dokumen:narasi": Aturan("dokumen.ubah_narasi", 405, 302, data={"narasi:bab1.latar_belakang": "Latar."}),
    "dokumen:aksi": {
        "ajukan": Aturan("dokumen.ajukan", 405, 302),
        "setujui": Aturan("dokumen.setujui", 405, 302),  # a draf: refused by status, with a message
        "kembalikan": Aturan("dokumen.kembalikan", 405, 302, data={"catatan": "Lengkapi BAB II"}),
        "revisi": Aturan("dokumen.buka_revisi", 405, 302),
        "cetak-ulang": Aturan("dokumen.cetak_ulang", 405, 302),  # a draf: refused by status, with a message
    },
    "dokumen:pdf": Aturan(LIHAT, 200, 405),
    "dokumen:pdf-susun": Aturan(LIHAT, 405, 302),
    "dokumen:pdf-revisi": Aturan(LIHAT, 200, 405, kwargs={"jenis": "lkjip", "revisi": 0}),
    "dokumen:riwayat": Aturan(LIHAT, 200, 405),
    # batch printing: Bappeda only
    "dokumen:massal": Aturan(None, 200, 405, boleh=frozenset({"bappeda"})),
    "dokumen:massal-baru": Aturan(
        None, 405, 302, boleh=frozenset({"bappeda"}), data={"tahun": "2020", "dokumen": "renja"}
    ),
    "dokumen:massal-rinci": Aturan(None, 200, 405, boleh=frozenset({"bappeda"}), kwargs={"pk": "kelompok"}),
    "dokumen:massal-zip": Aturan(None, 200, 405, boleh=frozenset({"bappeda"}), kwargs={"pk": "kelompok"}),
    # LKjIP narrative
    "lkjip:narasi": Aturan(LIHAT, 200, 405),
    "lkjip:narasi-simpan": Aturan(
        "lkjip.ubah_narasi",
        405,
        302,
        data=lambda d: {f"p{d['program'].pk}-{k}": "Teks" for k in ("keberhasilan", "hambatan", "saran")},
    ),
    # workbook
    "workbook:templat": Aturan(None, 200, 405),
    "workbook:impor": Aturan(None, 200, 200, boleh=frozenset({"bappeda"})),
    # the check of an upload (a job; here a refused preview: 400 with its errors; "Batal" answers 302), its
    # error report, and the import job's outcome: Bappeda only
    "workbook:periksa": Aturan(
        None, 400, 302, boleh=frozenset({"bappeda"}), kwargs={"pk": "periksa"}, data={"aksi": "batal"}
    ),
    "workbook:laporan_galat": Aturan(None, 200, 405, boleh=frozenset({"bappeda"}), kwargs={"pk": "periksa"}),
    "workbook:hasil": Aturan(None, 200, 405, boleh=frozenset({"bappeda"}), kwargs={"pk": "impor"}),
    "workbook:riwayat": Aturan(None, 200, 405, boleh=frozenset({"bappeda"})),
    "workbook:riwayat_berkas": Aturan(None, 404, 405, boleh=frozenset({"bappeda"}), kwargs={"pk": 999999}),
    "workbook:ekspor": Aturan(LIHAT, 200, 405),
    # a job of kecamatan A (its page, its status for the poller, its file): whoever may see A; others 404
    "antrean:tugas": Aturan(None, 200, 405, boleh=LIHAT_A, tolak=404, kwargs={"pk": "tugas"}),
    "antrean:status": Aturan(None, 200, 405, boleh=LIHAT_A, tolak=404, kwargs={"pk": "tugas"}),
    "antrean:unduh": Aturan(None, 200, 405, boleh=LIHAT_A, tolak=404, kwargs={"pk": "tugas"}),
}

#: URL parameters, unless the rule names its own (a name of a row built below, or a value).
NILAI = {
    "kode": "36.73.03",
    "tahun": 2020,
    "jenis": "renja",
    "node": "kegiatan",
    "triwulan": 1,
    "slug": "lkjip-rekap",
}


def _pola(patterns=None, awal: str = "", ruang: str = "") -> list[tuple[str, str]]:
    """(name with namespace, route) of every URL pattern, recursively."""
    hasil = []
    for p in get_resolver().url_patterns if patterns is None else patterns:
        route = awal + str(p.pattern)
        if isinstance(p, URLResolver):
            ns = f"{ruang}{p.namespace}:" if p.namespace else ruang
            hasil += _pola(p.url_patterns, route, ns)
        elif isinstance(p, URLPattern):
            hasil.append((f"{ruang}{p.name}", route))
    return hasil


POLA = [(nama, route) for nama, route in _pola() if not route.startswith("admin/")]


def _kasus() -> list[tuple[str, str, Aturan]]:
    kasus = []
    for nama, _ in POLA:
        aturan = TABEL.get(nama)
        if isinstance(aturan, dict):
            kasus += [(nama, aksi, a) for aksi, a in aturan.items()]
        elif aturan is not None:
            kasus.append((nama, "", aturan))
    return kasus


def test_setiap_url_non_admin_ada_di_tabel_dan_sebaliknya():
    nama_url = {nama for nama, _ in POLA}
    assert all(
        ":" in n or n in {"login", "logout", "password_change", "password_change_done", "home"}
        for n in nama_url
    )
    assert sorted(nama_url - set(TABEL)) == [], "URL tanpa aturan: tambahkan ke TABEL"
    assert sorted(set(TABEL) - nama_url) == [], "aturan untuk URL yang tidak ada"
    assert len(_kasus()) >= 34


def _tugas_workbook() -> tuple[Tugas, Tugas]:
    """A finished check of an upload (refused, with its error report) and a finished import, as the workbook
    jobs leave them."""
    import json

    from workbook.impor import HasilImpor
    from workbook.sel import Galat
    from workbook.tugas import IZIN, JENIS_IMPOR, JENIS_PERIKSA, hasil_ke_data, penyimpanan_privat

    ditolak = HasilImpor(dry_run=True, galat=[Galat("anggaran", 2, "pagu", "D", "bukan angka yang sah.")])
    laporan = penyimpanan_privat().save("impor/laporan-uji.xlsx", ContentFile(b"PK uji"))
    data = {**hasil_ke_data(ditolak), "konflik_kunci": [], "laporan": laporan}
    periksa = Tugas.objects.create(
        kunci="workbook-periksa:uji",
        fungsi="workbook.tugas.periksa_jalankan",
        jenis=JENIS_PERIKSA,
        judul="Pemeriksaan workbook uji.xlsx",
        izin=IZIN,
        status="selesai",
        argumen={"path": "impor/uji.xlsx", "nama": "uji.xlsx", "opsi": {}},
        berkas=ContentFile(json.dumps(data).encode(), name="pratinjau.json"),
    )
    data = {**hasil_ke_data(HasilImpor()), "nama": "uji.xlsx", "riwayat": None}
    impor = Tugas.objects.create(
        kunci=f"workbook-impor:{periksa.pk}",
        fungsi="workbook.tugas.impor_jalankan",
        jenis=JENIS_IMPOR,
        judul="Impor workbook uji.xlsx",
        izin=IZIN,
        status="selesai",
        argumen={"nama": "uji.xlsx"},
        berkas=ContentFile(json.dumps(data).encode(), name="hasil.json"),
    )
    return periksa, impor


# ------------------------------------------------------------------------------------------------
# Data, once for the module (rolled back at its end)
# ------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def dunia(django_db_setup, django_db_blocker):
    with (
        django_db_blocker.unblock(),
        mock.patch("weasyprint.HTML.write_pdf", return_value=b"%PDF-1.4 uji"),
        mock.patch("dokumen.pdf.dokumen_pdf", return_value=b"%PDF-1.4 uji"),
    ):
        blok = transaction.atomic()
        blok.__enter__()
        try:
            d = dua_kecamatan()
            u = d["users"]
            d["bukti"] = BuktiDukung.objects.create(
                kecamatan=d["a"],
                tahun=2020,
                nomenklatur=d["kegiatan"],
                triwulan=1,
                berkas=ContentFile(PDF, name="bukti.pdf"),
                nama_asli="bukti.pdf",
                jenis="application/pdf",
                ukuran=len(PDF),
                diunggah_oleh=u["operator_a"],
            )
            d["belanja"] = Belanja.objects.create(
                tahun=2020, kecamatan=d["a"], jenis="belanja pegawai", pagu=1000
            )
            d["usulan"] = Usulan.objects.create(tahun=2020, kecamatan=d["a"], uraian="Drainase")
            d["prioritas"] = Prioritas.objects.create(
                tahun=2020, kecamatan=d["a"], jenis="mendesak", uraian="Program B"
            )
            d["pegawai"] = Pegawai.objects.create(tahun=2020, kecamatan=d["a"], nama="Budi")
            d["tujuan"] = Tujuan.objects.create(tahun=2020, kecamatan=d["a"], uraian="Tujuan 1")
            d["catatan"] = CatatanVerifikator.objects.create(
                kecamatan=d["a"],
                tahun=2020,
                triwulan=1,
                catatan="Lampirkan bukti.",
                ditulis_oleh=u["bappeda"],
            )
            setuju = Dokumen(
                kecamatan=d["a"], tahun=2020, jenis="lkjip", revisi=0, status=StatusDokumen.DISETUJUI
            )
            setuju.pdf.save("lkjip-uji.pdf", ContentFile(PDF), save=False)
            setuju.save()
            # a revision opened after the approval: the year's realisasi is open again (renja.kunci)
            Dokumen.objects.create(kecamatan=d["a"], tahun=2020, jenis="lkjip", revisi=1)
            d["kelompok"] = KelompokTugas.objects.create(
                judul="Cetak massal uji", jenis="dokumen.massal", izin="dokumen.cetak_massal"
            )
            Tugas.objects.create(
                kunci="massal-uji",
                fungsi="dokumen.cetak.cetak_satu",
                judul="LKjIP 2020 Walantaka",
                kecamatan_pk=d["a"].pk,
                izin="dokumen.cetak_massal",
                kelompok=d["kelompok"],
                status="selesai",
                argumen={"jenis": "lkjip"},
                berkas=ContentFile(PDF, name="massal-uji.pdf"),
                nama_berkas="LKjIP-2020.pdf",
            )
            d["periksa"], d["impor"] = _tugas_workbook()
            d["tugas"] = Tugas.objects.create(
                kunci="uji",
                fungsi="dokumen.cetak.cetak_draf",
                judul="PDF draf uji",
                kecamatan_pk=d["a"].pk,
                status="selesai",
                berkas=ContentFile(PDF, name="tugas-uji.pdf"),
                nama_berkas="uji.pdf",
            )
            d["klien"] = {}
            for p in PERSONA:
                k = Client()
                if p != ANONIM:
                    k.force_login(u[p])
                d["klien"][p] = k
            yield d
        finally:
            transaction.set_rollback(True)
            blok.__exit__(None, None, None)


def _url(d: dict, nama: str, aksi: str, aturan: Aturan) -> str:
    route = dict(POLA)[nama]
    kwargs = {}
    for param in re.findall(r"<(?:\w+:)?(\w+)>", route):
        nilai = aturan.kwargs.get(param, {"nama": aksi}.get(param, NILAI.get(param)))
        assert nilai is not None, (
            f"no value for URL parameter '{param}' of {nama}: add it to NILAI or the rule"
        )
        kwargs[param] = d[nilai].pk if isinstance(nilai, str) and nilai in d else nilai
    return reverse(nama, kwargs=kwargs)


def harapan(aturan: Aturan, persona: str, metode: str, kecamatan: bool) -> int:
    if persona == ANONIM:
        return (aturan.anonim or {}).get(metode, 302)
    if kecamatan and persona in KECAMATAN_LAIN:
        return 404
    if persona not in aturan.pemegang():
        return aturan.tolak
    return getattr(aturan, metode)


def _jumlah_baris() -> dict[str, int]:
    return {
        m._meta.label: m.objects.count() for m in apps.get_models() if m is not Session and m._meta.managed
    }


def _minta(d: dict, persona: str, metode: str, url: str, data: dict):
    k = Client()  # a copy of the persona's session: a logout must not sign the persona out for the next URL
    k.cookies = SimpleCookie()
    for kunci, morsel in d["klien"][persona].cookies.items():
        k.cookies[kunci] = morsel.value
    return k.get(url) if metode == "get" else k.post(url, data)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "nama, aksi, aturan", _kasus(), ids=[f"{n}{'/' + a if a else ''}" for n, a, _ in _kasus()]
)
def test_matriks_persona_url_metode(dunia, nama, aksi, aturan):
    d = dunia
    url = _url(d, nama, aksi, aturan)
    kecamatan = "kode" in resolve(url).kwargs
    salah = []
    with (
        mock.patch("weasyprint.HTML.write_pdf", return_value=b"%PDF-1.4 uji"),
        mock.patch("dokumen.pdf.dokumen_pdf", return_value=b"%PDF-1.4 uji"),
    ):
        sebelum = _jumlah_baris()
        for persona in PERSONA:
            try:
                r = _minta(d, persona, "get", url, {})
                kode = r.status_code
            except Exception as exc:  # noqa: BLE001 - reported with the table below
                kode, r = f"{type(exc).__name__}: {exc}", None
            if kode != harapan(aturan, persona, "get", kecamatan):
                salah.append(("GET", persona, kode, harapan(aturan, persona, "get", kecamatan)))
            if persona == ANONIM and kode == 302 and r is not None:
                assert r["Location"].startswith(reverse("login") + "?next="), (nama, r["Location"])
        sesudah = _jumlah_baris()
        berubah = {m: (sebelum[m], sesudah[m]) for m in sebelum if sebelum[m] != sesudah[m]}
        assert berubah == {}, f"GET {url} wrote rows: {berubah}"
        for persona in PERSONA:
            data = aturan.data(d) if callable(aturan.data) else aturan.data
            with transaction.atomic():
                try:
                    kode = _minta(d, persona, "post", url, data).status_code
                except Exception as exc:  # noqa: BLE001
                    kode = f"{type(exc).__name__}: {exc}"
                transaction.set_rollback(True)
            if kode != harapan(aturan, persona, "post", kecamatan):
                salah.append(("POST", persona, kode, harapan(aturan, persona, "post", kecamatan)))
    assert salah == [], f"{url}: (method, persona, got, expected) {salah}"


def test_view_kecamatan_menyebut_izin_yang_sama_dengan_tabel(dunia):
    """The permission a view's decorator checks (``perlu_akses``) is the one this table expects."""
    beda = []
    for nama, aksi, aturan in _kasus():
        if aturan.izin is None:
            continue
        view = resolve(_url(dunia, nama, aksi, aturan)).func
        izin = view.perlu_akses if isinstance(view.perlu_akses, str) else view.perlu_akses[aksi]
        if izin != aturan.izin:
            beda.append((nama, aksi, izin, aturan.izin))
    assert beda == []
