"""A whole document laid out per part and joined: the front matter (cover, Keputusan, kata pengantar, daftar
isi) and each chapter are WeasyPrint renders of their own, kept per *content* and joined with pypdf.

Why: one render of a whole LKjIP takes 12–16 s of CPU (20–40 s on a busy machine); an operator who fixes one
sentence should not pay for the other chapters again, and two workers should lay out two chapters at once.

- **Cache key = the part's own HTML** (with WeasyPrint's version and :data:`VERSI`): exact by construction,
  a change to the data, the narrative, the templates or the CSS shows in the HTML of exactly the parts it
  touches. A draft's part is kept in private storage under its kecamatan (older versions of the same part
  are removed after a join; an approved revision's parts once its PDF is joined: it is rendered once and
  stored whole); everything else it is used for — page count, page sizes, the page of each anchor,
  its outline — is read back from the PDF itself (:class:`Tercetak`), so nothing else has to be kept.
- **Page numbers are stamped on after the join**: the parts are laid out without "Halaman n dari N"; one
  tiny render of empty pages of the joined document's sizes carries only those numbers, and each of its
  pages is merged onto the document's (pypdf ``merge_page``). Laying a chapter out with its first page
  number instead would make a chapter whose page count changed re-render every chapter after it.
- **The front matter is laid out last**, when the chapters' page counts are known: its daftar isi is given
  each chapter's and section's page (it cannot count pages it does not hold) and links to stand-in anchors
  that the join points at the chapters. Its own page count is guessed from its previous version and
  confirmed (laid out again in the rare case it differs).
- **Parallel**: with a queue (``REDIS_URL``) the parts not in storage but the longest are sent as jobs of
  their own (:func:`tata_bagian`); the document's job lays out the longest, then whatever no worker has
  started yet, and waits for the rest, so with two workers two chapters are laid out at once. Without a
  queue the same code runs them one after another.

The outline (bookmarks), the DRAF watermark and footer of a draft and the signature of an approved revision
are part of each part's own render (the same templates as the single render, :func:`dokumen.pdf.dokumen_html`).
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from antrean.models import StatusTugas, Tugas
from antrean.services import Kemajuan, antrean_redis, tugas_kirim
from core.penyimpanan import penyimpanan_privat

#: Raise when the way parts are laid out or joined changes (stored parts of an older way are not reused).
VERSI = 1
FOLDER = "dokumen-bab"
#: How long the document's job waits for a part a worker is laying out before laying it out itself.
TUNGGU_MAKS = 20 * 60
JEDA = 0.25
#: Anchors given to the daftar isi's links to the chapters (the stand-ins the join points at the chapters).
AWALAN_KE = "ke-"


@dataclass
class Bagian:
    """One part to lay out: ``nama`` ("depan", "bab1", …), its HTML and the storage path of its PDF."""

    nama: str
    judul: str
    html: str
    awalan: str  # storage path up to the key: a newer version of this part replaces older ones

    @cached_property
    def kunci(self) -> str:
        isi = f"{VERSI}\0{_versi_weasyprint()}\0{self.html}".encode()
        return hashlib.sha256(isi).hexdigest()[:32]

    @property
    def berkas(self) -> str:
        return f"{self.awalan}{self.kunci}.pdf"


@cache
def _versi_weasyprint() -> str:
    """Without importing WeasyPrint (seconds) when every part is stored."""
    from importlib.metadata import version

    return version("weasyprint")


@dataclass
class Tercetak:
    """A part's PDF and what the join needs from it, read from the PDF itself."""

    pdf: bytes
    lanskap: list[bool]  # per page: wider than tall
    jangkar: dict[str, int] = field(default_factory=dict)  # anchor (element id) -> page index in the part

    @classmethod
    def dari_pdf(cls, pdf: bytes) -> Tercetak:
        from pypdf import PdfReader

        baca = PdfReader(io.BytesIO(pdf))
        lanskap = [float(p.mediabox.width) > float(p.mediabox.height) for p in baca.pages]
        jangkar = {}
        for nama, tujuan in baca.named_destinations.items():
            halaman = baca.get_destination_page_number(tujuan)
            if halaman is not None and halaman >= 0:
                jangkar[str(nama)] = halaman
        return cls(pdf, lanskap, jangkar)

    @property
    def jumlah(self) -> int:
        return len(self.lanskap)


# --- storage -------------------------------------------------------------------------------------------
def _simpanan():
    return penyimpanan_privat()


def awalan_dokumen(kecamatan_pk: int, tahun: int, jenis: str, kertas: str, disetujui: bool) -> str:
    return f"{FOLDER}/{kecamatan_pk}/{tahun}-{jenis}-{kertas}-{'sah' if disetujui else 'draf'}-"


def baca(bagian: Bagian) -> bytes | None:
    s = _simpanan()
    if not s.exists(bagian.berkas):
        return None
    with s.open(bagian.berkas, "rb") as f:
        return f.read()


def _tulis(nama: str, isi: bytes) -> None:
    """Write atomically (a temporary file renamed into place): another process polling for this part never
    reads half a PDF, and two workers that laid out the same part write the same bytes."""
    jalur = Path(_simpanan().path(nama))
    jalur.parent.mkdir(parents=True, exist_ok=True)
    fd, sementara = tempfile.mkstemp(dir=jalur.parent, prefix=".tulis-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(isi)
        os.replace(sementara, jalur)
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise


def hapus_lama(dipakai: list[Bagian], simpan: bool = True) -> int:
    """Remove the stored versions of these parts other than the ones just used (``simpan=False``: those too),
    and the HTML left for their jobs (a job that has not run yet finds nothing to do and ends). Returns how
    many files were removed."""
    s = _simpanan()
    pakai = {b.berkas for b in dipakai} if simpan else set()
    jumlah = 0
    folder = {b.awalan.rsplit("/", 1)[0] for b in dipakai}
    for d in folder:
        if not s.exists(d):
            continue
        for nama in s.listdir(d)[1]:
            jalur = f"{d}/{nama}"
            if jalur in pakai or not any(jalur.startswith(b.awalan) for b in dipakai):
                continue
            s.delete(jalur)
            jumlah += 1
    return jumlah


# --- laying out -----------------------------------------------------------------------------------------
def tata_letak(html: str, kabar: Callable[[str], None] | None = None) -> bytes:
    """One WeasyPrint render (the only place this module calls it: tests count the calls)."""
    from weasyprint import HTML

    from .pdf import ikuti_weasyprint

    dokumen = HTML(string=html, base_url=str(settings.BASE_DIR))
    if kabar is None:
        return dokumen.write_pdf()
    with ikuti_weasyprint(kabar):
        return dokumen.write_pdf()


def cetak_bagian(bagian: Bagian, kabar: Callable[[str], None] | None = None) -> bytes:
    """The part's PDF: from storage, or laid out now and stored."""
    isi = baca(bagian)
    if isi is None:
        isi = tata_letak(bagian.html, kabar)
        _tulis(bagian.berkas, isi)
    return isi


def tata_bagian(kemajuan: Kemajuan | None, berkas: str, judul: str = "") -> None:
    """Job function: lay out the part whose HTML the document's job left at ``berkas`` + ``.html`` (nothing to
    do when the document's job or another worker got there first)."""
    s = _simpanan()
    html_berkas = berkas.removesuffix(".pdf") + ".html"
    if not s.exists(html_berkas):
        return
    if s.exists(berkas):
        s.delete(html_berkas)
        return
    with s.open(html_berkas, "rb") as f:
        html = f.read().decode()
    if kemajuan is not None:
        kemajuan.mulai(1, f"Menata {judul}")
    pdf = tata_letak(html, kemajuan.kabar if kemajuan is not None else None)
    _tulis(berkas, pdf)
    s.delete(html_berkas)
    if kemajuan is not None:
        kemajuan.maju(f"{judul} tersusun")


def kunci_tugas(bagian: Bagian) -> str:
    return f"dokumen:bab:{bagian.berkas}"


def siapkan(
    daftar: list[Bagian],
    langkah: Callable[[str], None] | None = None,
    kabar: Callable[[str], None] | None = None,
    kecamatan_pk: int | None = None,
) -> dict[str, Tercetak]:
    """Every part's PDF by name: from storage, laid out here, or (with a queue) by other workers meanwhile.
    ``langkah`` is called once per part."""
    hasil: dict[str, Tercetak] = {}
    sisa: list[Bagian] = []
    for b in daftar:
        isi = baca(b)
        if isi is None:
            sisa.append(b)
            continue
        hasil[b.nama] = Tercetak.dari_pdf(isi)
        if langkah is not None:
            langkah(f"{b.judul} (tersimpan, tidak ditata ulang)")
    # Longest first (the HTML's length stands for the layout's cost): the job lays the longest out itself while
    # the workers take the others, so the longest chapter never waits behind a short one.
    sisa.sort(key=lambda b: len(b.html), reverse=True)
    if antrean_redis() and len(sisa) > 1:
        for b in sisa[1:]:
            _tulis(b.berkas.removesuffix(".pdf") + ".html", b.html.encode())
            tugas_kirim(
                "dokumen.bab.tata_bagian",
                kunci_tugas(b),
                judul=f"Menata {b.judul}",
                jenis="dokumen.bab",
                argumen={"berkas": b.berkas, "judul": b.judul},
                kecamatan_pk=kecamatan_pk,
            )
    mulai = time.monotonic()
    while sisa:
        maju = False
        for b in list(sisa):
            isi = baca(b)
            if isi is None and not _ditata_pekerja_lain(b):
                pesan = (lambda teks, j=b.judul: kabar(f"{j}: {teks}")) if kabar is not None else None
                isi = cetak_bagian(b, pesan)
            if isi is None:
                continue
            hasil[b.nama] = Tercetak.dari_pdf(isi)
            sisa.remove(b)
            maju = True
            if langkah is not None:
                langkah(f"{b.judul} tersusun")
        if sisa and not maju:
            if time.monotonic() - mulai > TUNGGU_MAKS:
                for b in sisa:  # a worker that took it is stuck: do it here
                    hasil[b.nama] = Tercetak.dari_pdf(cetak_bagian(b))
                break
            time.sleep(JEDA)
    return hasil


def _ditata_pekerja_lain(bagian: Bagian) -> bool:
    """Whether a worker is laying this part out right now (then wait for it; queued or failed: do it here)."""
    if not antrean_redis():
        return False
    return Tugas.objects.filter(kunci=kunci_tugas(bagian), status=StatusTugas.BERJALAN).exists()


# --- the document ---------------------------------------------------------------------------------------
def _html(konteks: dict, **tambahan) -> str:
    return render_to_string("dokumen/cetak_bagian.html", {**konteks, **tambahan})


def _halaman_depan_lalu(awalan: str) -> int | None:
    """The page count of the front matter's stored version (the guess for its next one), if any."""
    s = _simpanan()
    folder, _, depan = awalan.rpartition("/")
    if not s.exists(folder):
        return None
    for nama in sorted(s.listdir(folder)[1]):
        if nama.startswith(depan) and nama.endswith(".pdf"):
            with s.open(f"{folder}/{nama}", "rb") as f:
                return Tercetak.dari_pdf(f.read()).jumlah
    return None


def dokumen_pdf_bab(
    konteks: dict,
    awalan: str,
    langkah: Callable[[str], None] | None = None,
    kabar: Callable[[str], None] | None = None,
    simpan: bool = True,
) -> bytes:
    """The whole document from ``konteks`` (:func:`dokumen.pdf.konteks_dokumen`), laid out per part and
    joined. ``awalan``: where its parts are stored (:func:`awalan_dokumen`); ``simpan=False``: not kept once
    joined (an approved revision, whose joined PDF is what is kept)."""
    bab = konteks["bab"]
    daftar = [
        Bagian(
            anchor,
            f"{b.nomor} {b.judul}",
            _html(konteks, bab_ini=item, terakhir=i == len(bab) - 1),
            f"{awalan}{anchor}-",
        )
        for i, item in enumerate(bab)
        for b, anchor in [item[:2]]
    ]
    tercetak = siapkan(daftar, langkah, kabar, getattr(konteks.get("kecamatan"), "pk", None))

    # The front matter, given the chapters' pages; laid out again only if its own length turns out other.
    awalan_depan = f"{awalan}depan-"
    di_daftar_isi = {anchor: [anchor, *(c.anchor for c in isi)] for _, anchor, isi, _ in bab}
    # cover, kata pengantar, daftar isi (and the Keputusan of a Renja) take a page each unless they grow
    jumlah_depan = _halaman_depan_lalu(awalan_depan) or 3 + bool(konteks.get("keputusan"))
    for _ in range(4):
        halaman: dict[str, int] = {}
        awal = jumlah_depan + 1
        for b in daftar:
            t = tercetak[b.nama]
            for nama in di_daftar_isi[b.nama]:
                if nama in t.jangkar:
                    halaman[nama] = awal + t.jangkar[nama]
            awal += t.jumlah
        depan = Bagian(
            "depan",
            "Sampul, kata pengantar dan daftar isi",
            _html(konteks, depan=True, halaman=halaman, ke=AWALAN_KE),
            awalan_depan,
        )
        hasil_depan = siapkan([depan], langkah=None, kabar=kabar)["depan"]
        if hasil_depan.jumlah == jumlah_depan:
            break
        jumlah_depan = hasil_depan.jumlah
    if langkah is not None:
        langkah("Daftar isi tersusun")
    bagian = [(depan, hasil_depan), *((b, tercetak[b.nama]) for b in daftar)]
    pdf, nomor = gabung([t for _, t in bagian], konteks, awalan)
    hapus_lama([*(b for b, _ in bagian), nomor], simpan)
    return pdf


def gabung(bagian: list[Tercetak], konteks: dict, awalan: str) -> tuple[bytes, Bagian]:
    """Join the parts (outline and named destinations kept), point the daftar isi's links at the chapters
    and stamp one page numbering over the whole document."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    tulis = PdfWriter()
    for t in bagian:
        tulis.append(PdfReader(io.BytesIO(t.pdf)), import_outline=True)
    # The daftar isi links to stand-ins "ke-<anchor>"; the chapter's own anchor is the real target.
    for i in range(bagian[0].jumlah):
        for a in tulis.pages[i].get("/Annots") or ():
            a = a.get_object()
            tujuan = a.get("/Dest")
            if isinstance(tujuan, str) and tujuan.startswith(AWALAN_KE):
                a[NameObject("/Dest")] = TextStringObject(tujuan.removeprefix(AWALAN_KE))
    _buang_pengganti(tulis)

    lanskap = [x for t in bagian for x in t.lanskap]
    jenis = ["sampul" if i == 0 else ("lanskap" if x else "tegak") for i, x in enumerate(lanskap)]
    nomor = Bagian(
        "nomor",
        "Nomor halaman",
        render_to_string("dokumen/cetak_nomor.html", {**konteks, "halaman": jenis}),
        f"{awalan}nomor-",
    )
    cap = PdfReader(io.BytesIO(cetak_bagian(nomor)))
    for halaman, stempel in zip(tulis.pages, cap.pages, strict=True):
        halaman.merge_page(stempel)
        halaman.compress_content_streams()  # merging leaves the page's content uncompressed (MBs)
    keluar = io.BytesIO()
    tulis.write(keluar)
    return keluar.getvalue(), nomor


def _buang_pengganti(tulis) -> None:
    """Drop the stand-in named destinations ("ke-…") the front matter's render left in the joined PDF."""
    from pypdf.generic import ArrayObject, NameObject

    try:
        nama = tulis._root_object["/Names"]["/Dests"]
    except KeyError:
        return
    simpul = [nama]
    while simpul:
        n = simpul.pop().get_object()
        simpul.extend(n.get("/Kids") or ())
        daftar = n.get("/Names")
        if daftar is None:
            continue
        baru = ArrayObject()
        for i in range(0, len(daftar) - 1, 2):
            if not str(daftar[i]).startswith(AWALAN_KE):
                baru.extend(daftar[i : i + 2])
        n[NameObject("/Names")] = baru
