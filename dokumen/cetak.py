"""Whole documents rendered as jobs (:mod:`antrean`), never inside a request when a queue runs:

- approving enqueues the frozen, signed PDF (``cetak_disetujui``); the document page shows its progress;
- a draft PDF is rendered once per *data version* (``sidik_data``) and kept: a second request for the same
  version joins the running job or is served the stored file (``cetak_draf``);
- ``cetak_massal`` and ``export_dokumen`` print every kecamatan's document / one document (``cetak_satu``).

A job function is called ``fungsi(kemajuan, **argumen)`` and reports one step per report table and one for
the page layout.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Max, Sum
from django.urls import reverse

from antrean.models import KelompokTugas, StatusTugas, Tugas
from antrean.services import Kemajuan, kelompok_buat, tugas_hapus_lama, tugas_hasil, tugas_kirim
from wilayah.models import DataKecamatanQuerySet, Kecamatan

from .models import Dokumen, StatusDokumen
from .struktur import STRUKTUR

KERTAS_BAWAAN = "a4"


# --- data version ---------------------------------------------------------------------------------
def _model_data() -> list:
    """Every model holding a kecamatan's rows per year (its manager is a DataKecamatanQuerySet)."""
    return [
        m
        for m in apps.get_models()
        if isinstance(m._default_manager.all(), DataKecamatanQuerySet)
        and not m._meta.label.startswith("antrean.")
    ]


def sidik_data(kecamatan: Kecamatan, tahun: int) -> str:
    """A short fingerprint of everything a kecamatan's documents for ``tahun`` are printed from: it changes
    when any of that data changes, and costs a constant number of queries (two per data model, plus two).

    Per model: the count, the largest id and (where kept) the sum of the row versions of the live rows, so
    an added or deleted row counts; for a model with an audit trail the newest history date and the number
    of history rows (every change, also an import's bulk write, leaves one); for a model without one, its
    rows' values (few per kecamatan and year). Then the kecamatan's own history (camat's name, NIP) and the
    nomenklatur's (names of programs and kegiatan), and the version of the layout files."""
    bagian: list = []
    for model in _model_data():
        qs = model._default_manager.all().untuk(kecamatan, tahun).order_by()
        ringkas = {"n": Count("pk"), "m": Max("pk")}
        if any(f.name == "versi" for f in model._meta.concrete_fields):
            ringkas["v"] = Sum("versi")
        bagian.append((model._meta.label, sorted(qs.aggregate(**ringkas).items())))
        riwayat = getattr(model, "history", None)
        if riwayat is not None:
            jalur = type(qs)
            saring = {jalur.jalur_kecamatan: kecamatan.pk}
            if not isinstance(qs, _renstra()):
                saring[jalur.jalur_tahun] = tahun
            bagian.append(
                sorted(riwayat.filter(**saring).aggregate(t=Max("history_date"), n=Count("pk")).items())
            )
        else:
            bagian.append(list(qs.order_by("pk").values_list()))
    bagian.append(sorted(kecamatan.history.aggregate(t=Max("history_date"), n=Count("pk")).items()))
    nomenklatur = apps.get_model("renja", "Nomenklatur")
    bagian.append(sorted(nomenklatur.history.aggregate(t=Max("history_date"), n=Count("pk")).items()))
    bagian.append(_versi_tata_letak())
    return hashlib.sha256(repr(bagian).encode()).hexdigest()[:20]


@cache
def _versi_tata_letak() -> list[tuple[str, int, int]]:
    """What the layout is made of besides the data (the print templates, the print CSS, the document
    structure): a deploy that changes them makes every stored draft stale. Read once per process."""
    dasar = Path(settings.BASE_DIR)
    berkas = [
        *sorted((dasar / "templates" / "dokumen").glob("*.html")),
        *sorted((dasar / "templates" / "laporan").glob("*.html")),
        *sorted((dasar / "static" / "css").glob("*.css")),
        dasar / "dokumen" / "struktur.py",
        dasar / "dokumen" / "pdf.py",
        dasar / "dokumen" / "bab.py",
    ]
    return [(p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in berkas if p.exists()]


def _renstra():
    return type(apps.get_model("renja", "RenstraTarget")._default_manager.all())


# --- keys -------------------------------------------------------------------------------------------
def awalan_draf(kecamatan_pk: int, tahun: int, jenis: str, kertas: str) -> str:
    return f"dokumen:draf:{kecamatan_pk}:{tahun}:{jenis}:{kertas}:"


def kunci_disetujui(dok: Dokumen) -> str:
    return f"dokumen:disetujui:{dok.pk}"


def jumlah_langkah(jenis: str) -> int:
    """Report tables of the document, each chapter laid out (or found stored: :mod:`dokumen.bab`), the front
    matter with its daftar isi, the finished PDF."""
    struktur = STRUKTUR[jenis]
    return sum(len(b.laporan) for b in struktur.semua_bagian()) + len(struktur.bab) + 2


def nama_berkas(kecamatan: Kecamatan, tahun: int, jenis: str, akhiran: str = "") -> str:
    nama = "-".join(["Kecamatan", *kecamatan.nama.split()])
    return f"{STRUKTUR[jenis].singkatan}-{tahun}-{nama}{akhiran}.pdf"


def _render(
    kemajuan: Kemajuan | None,
    kecamatan: Kecamatan,
    tahun: int,
    jenis: str,
    disetujui: Dokumen | None = None,
    kertas: str = KERTAS_BAWAAN,
) -> bytes:
    from .pdf import dokumen_pdf

    langkah: Callable[[str], None] | None = None
    kabar: Callable[[str], None] | None = None
    if kemajuan is not None:
        kemajuan.mulai(jumlah_langkah(jenis), "Menyusun tabel")
        langkah, kabar = kemajuan.maju, kemajuan.kabar
    isi = dokumen_pdf(
        kecamatan, tahun, jenis, disetujui=disetujui, kertas=kertas, langkah=langkah, kabar=kabar
    )
    if kemajuan is not None:
        kemajuan.maju("PDF tersusun")
    return isi


# --- job functions (run by antrean, inline or in a worker) ----------------------------------------
def cetak_disetujui(kemajuan: Kemajuan | None, dokumen_pk: int) -> None:
    """The approved revision's signed PDF, stored on the Dokumen and served unchanged from then on."""
    dok = Dokumen.objects.select_related("kecamatan__kota").get(pk=dokumen_pk)
    if dok.status != StatusDokumen.DISETUJUI or dok.pdf:
        return  # approved PDF already stored, or no longer an approval to freeze
    isi = _render(kemajuan, dok.kecamatan, dok.tahun, dok.jenis, disetujui=dok)
    with transaction.atomic():
        dok = Dokumen.objects.select_for_update().get(pk=dokumen_pk)
        if dok.pdf:
            return
        dok.pdf.save(
            f"{dok.jenis}-{dok.kecamatan.kode}-{dok.tahun}-r{dok.revisi}.pdf", ContentFile(isi), save=False
        )
        dok._change_reason = "PDF bertanda tangan disimpan"
        dok.save(update_fields=["pdf"])


def cetak_draf(kemajuan: Kemajuan, kecamatan_pk: int, tahun: int, jenis: str, kertas: str) -> bytes:
    """A draft of the whole document; older cached drafts of the same document and paper are removed."""
    kecamatan = Kecamatan.objects.select_related("kota").get(pk=kecamatan_pk)
    isi = _render(kemajuan, kecamatan, tahun, jenis, kertas=kertas)
    kini = Tugas.objects.filter(pk=kemajuan.tugas_id).first()
    tugas_hapus_lama(awalan_draf(kecamatan_pk, tahun, jenis, kertas), kecuali=kini)
    return isi


def cetak_satu(kemajuan: Kemajuan | None, kecamatan_pk: int, tahun: int, jenis: str, kertas: str) -> bytes:
    """The document as it stands: the newest revision's stored PDF when it is approved, else a draft."""
    kecamatan = Kecamatan.objects.select_related("kota").get(pk=kecamatan_pk)
    dok = Dokumen.objects.filter(kecamatan=kecamatan, tahun=tahun, jenis=jenis).order_by("-revisi").first()
    if dok is not None and dok.status == StatusDokumen.DISETUJUI:
        if not dok.pdf:  # approved a moment ago and its render has not run yet: render it here
            cetak_disetujui(None, dok.pk)
            dok.refresh_from_db()
        with dok.pdf.open("rb") as f:
            isi = f.read()
        if kemajuan is not None:
            kemajuan.mulai(1)
            kemajuan.maju("PDF yang disetujui")
        return isi
    return _render(kemajuan, kecamatan, tahun, jenis, kertas=kertas)


# --- sending -------------------------------------------------------------------------------------------
def kirim_disetujui(dok: Dokumen, oleh) -> Tugas:
    """Queue the frozen render of an approved revision (inside the approval's transaction: queued on
    commit)."""
    return tugas_kirim(
        "dokumen.cetak.cetak_disetujui",
        kunci_disetujui(dok),
        judul=f"PDF bertanda tangan {dok}",
        jenis="dokumen.disetujui",
        argumen={"dokumen_pk": dok.pk},
        kecamatan_pk=dok.kecamatan_id,
        oleh=oleh,
        tautan_hasil=reverse(
            "dokumen:pdf-revisi",
            kwargs={"kode": dok.kecamatan.kode, "tahun": dok.tahun, "jenis": dok.jenis, "revisi": dok.revisi},
        ),
    )


def tugas_disetujui(dok: Dokumen) -> Tugas | None:
    """The newest job that renders this approved revision's PDF."""
    return Tugas.objects.filter(kunci=kunci_disetujui(dok)).order_by("-dibuat_pada").first()


def draf_tersimpan(kecamatan: Kecamatan, tahun: int, jenis: str, kertas: str, sidik: str) -> Tugas | None:
    """The finished draft of this data version, if it is stored (read only: for a GET)."""
    return tugas_hasil(awalan_draf(kecamatan.pk, tahun, jenis, kertas) + sidik)


def draf_aktif(kecamatan: Kecamatan, tahun: int, jenis: str, kertas: str, sidik: str) -> Tugas | None:
    """The queued or running draft job of this data version, if any."""
    kunci = awalan_draf(kecamatan.pk, tahun, jenis, kertas) + sidik
    return Tugas.objects.filter(kunci=kunci, status__in=("antre", "berjalan")).first()


def kirim_draf(kecamatan: Kecamatan, tahun: int, jenis: str, kertas: str, sidik: str, oleh) -> Tugas:
    """The draft of this data version: stored, running (joined) or sent now."""
    return tugas_kirim(
        "dokumen.cetak.cetak_draf",
        awalan_draf(kecamatan.pk, tahun, jenis, kertas) + sidik,
        judul=f"PDF draf {STRUKTUR[jenis].singkatan} {tahun} {kecamatan}",
        jenis="dokumen.draf",
        argumen={"kecamatan_pk": kecamatan.pk, "tahun": tahun, "jenis": jenis, "kertas": kertas},
        kecamatan_pk=kecamatan.pk,
        oleh=oleh,
        nama_berkas=nama_berkas(kecamatan, tahun, jenis, "-DRAF"),
        pakai_hasil=True,
    )


# --- batch printing ---------------------------------------------------------------------------------
JENIS_MASSAL = "dokumen.massal"


def massal_kirim(
    kecamatan: list[Kecamatan],
    tahun: int,
    jenis_dokumen: list[str],
    kertas: str = KERTAS_BAWAAN,
    oleh=None,
    setelah_tiap: Callable[[Tugas], None] | None = None,
) -> KelompokTugas:
    """One batch: a job per kecamatan and document (queued, or run one after another without a queue;
    ``setelah_tiap`` is told of each job once it is sent, so a progress bar moves in both modes)."""
    daftar = ", ".join(STRUKTUR[j].singkatan for j in jenis_dokumen)
    kelompok = kelompok_buat(
        f"Cetak massal {daftar} {tahun} ({len(kecamatan)} kecamatan)",
        JENIS_MASSAL,
        "dokumen.cetak_massal",
        oleh,
    )
    for kec in kecamatan:
        for jenis in jenis_dokumen:
            tugas = tugas_kirim(
                "dokumen.cetak.cetak_satu",
                f"massal:{kelompok.pk}:{kec.pk}:{jenis}",
                judul=f"{STRUKTUR[jenis].singkatan} {tahun} {kec}",
                jenis=JENIS_MASSAL,
                argumen={"kecamatan_pk": kec.pk, "tahun": tahun, "jenis": jenis, "kertas": kertas},
                kecamatan_pk=kec.pk,
                izin="dokumen.cetak_massal",
                oleh=oleh,
                kelompok=kelompok,
                nama_berkas=nama_berkas(kec, tahun, jenis),
            )
            if setelah_tiap is not None:
                setelah_tiap(tugas)
    return kelompok


def massal_baris(kelompok: KelompokTugas) -> list[dict]:
    """The batch per kecamatan (two queries): its kecamatan, the job of each document by jenis (``tugas``)
    and in STRUKTUR's order (``sel``: None where the batch has no job for that document)."""
    tugas = list(kelompok.tugas_set.order_by("dibuat_pada"))
    kecamatan = Kecamatan.objects.in_bulk({t.kecamatan_pk for t in tugas})
    baris: dict[int | None, dict] = {}
    for t in tugas:
        b = baris.setdefault(t.kecamatan_pk, {"kecamatan": kecamatan.get(t.kecamatan_pk), "tugas": {}})
        b["tugas"][t.argumen.get("jenis", "")] = t
    for b in baris.values():
        b["sel"] = [b["tugas"].get(j) for j in STRUKTUR]
    return sorted(baris.values(), key=lambda b: b["kecamatan"].kode if b["kecamatan"] else "")


def massal_zip(kelompok: KelompokTugas, keluaran) -> tuple[int, int]:
    """Write a ZIP of the batch's finished files to ``keluaran`` (a path or a binary file), one folder per
    kecamatan, with ``CATATAN.txt`` naming every job that failed (and why) or has not finished. Returns (files, failed)."""
    import zipfile

    ada = gagal = 0
    catatan = []
    with zipfile.ZipFile(keluaran, "w", compression=zipfile.ZIP_STORED) as z:  # PDFs are compressed already
        for b in massal_baris(kelompok):
            kec = b["kecamatan"]
            folder = f"{kec.kode} {kec.nama}" if kec else "lain"
            for t in b["tugas"].values():
                if t.status == StatusTugas.SELESAI and t.berkas and t.berkas.storage.exists(t.berkas.name):
                    with t.berkas.open("rb") as f:
                        z.writestr(f"{folder}/{t.nama_berkas}", f.read())
                    ada += 1
                elif t.status == StatusTugas.GAGAL:
                    gagal += 1
                    catatan.append(f"{t.judul}: {t.pesan}")
                else:
                    catatan.append(f"{t.judul}: {t.get_status_display().lower()}")
        if catatan:
            z.writestr("CATATAN.txt", "\n".join(catatan) + "\n")
    return ada, gagal
