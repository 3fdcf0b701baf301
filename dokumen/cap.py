"""Whether a standalone report prints as DRAF, and its approved version.

When the camat approves a document, each of its report tables is built once and kept: its fingerprint
(``Dokumen.sidik_tabel``) and the table itself, laid out as the builder gave it (:class:`TabelDisetujui`, JSON
of the :class:`~core.laporan.tabel.Tabel`, :func:`bekukan_dokumen`). A standalone report then has two versions:

- the live one (``versi=terkini``, the default), built from today's data. It is the approved table exactly
  when it has the same fingerprint, and prints without DRAF saying so ("Sesuai Renja 2022 yang disetujui camat
  pada 5 Desember 2022"); after any change since — pagu, realisasi, indicators, master data, anything the
  table shows — it prints DRAF with the reason under its title;
- the approved one (``versi=disetujui``), the frozen table drawn by the same renderers (HTML, PDF, XLSX):
  without DRAF, naming the approval (document, revisi, camat, date), whatever changed since.

The report page offers both while they differ (:func:`versi_laporan`).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field, replace

from core.laporan.beku import GalatBeku, tabel_dari_json, tabel_ke_json
from core.laporan.keluaran import Berkas, gambar
from core.laporan.registry import Cap, Laporan, Opsi
from core.laporan.registry import laporan as cari_laporan
from core.laporan.tabel import Tabel
from wilayah.models import Kecamatan

from .models import Dokumen, StatusDokumen, TabelDisetujui
from .pdf import tanggal_indonesia
from .struktur import STRUKTUR

logger = logging.getLogger(__name__)


def sidik(tabel: Tabel) -> str:
    """A fingerprint of everything a table shows: title, header, rows, values, notes (and charts)."""
    return hashlib.sha256(repr(tabel).encode("utf-8")).hexdigest()


def slug_dokumen(jenis: str) -> list[str]:
    """The report slugs a document prints, in order."""
    return [slug for b in STRUKTUR[jenis].semua_bagian() for slug in b.laporan]


def jenis_laporan(slug: str) -> str | None:
    """The document (``renja``/``lkjip``) whose chapters print this report; None when none does."""
    return next((jenis for jenis in STRUKTUR if slug in slug_dokumen(jenis)), None)


VERSI_TERKINI, VERSI_DISETUJUI = "terkini", "disetujui"
VERSI = (VERSI_TERKINI, VERSI_DISETUJUI)


def tabel_dokumen(kecamatan: Kecamatan, tahun: int, jenis: str) -> dict[str, Tabel]:
    """Every report table of the document, as printed in it (the default options), by slug."""
    hasil = {}
    for slug in slug_dokumen(jenis):
        try:
            lap = cari_laporan(slug)
        except KeyError:
            continue
        hasil[slug] = lap.bangun(kecamatan, tahun)
    return hasil


def bekukan_dokumen(dok: Dokumen) -> None:
    """At approval: keep every report table of the document as it is now (its fingerprint on the Dokumen, the
    table itself as :class:`TabelDisetujui`), and the camat named on the approval. Call inside the approval's
    transaction, with ``dok`` locked; saving ``dok`` is left to the caller."""
    tabel = tabel_dokumen(dok.kecamatan, dok.tahun, dok.jenis)
    dok.sidik_tabel = {slug: sidik(t) for slug, t in tabel.items()}
    pengguna = dok.diputuskan_oleh
    dok.camat_penyetuju = dok.kecamatan.nama_camat or (
        (pengguna.get_full_name() or pengguna.get_username()) if pengguna is not None else ""
    )
    TabelDisetujui.objects.filter(dokumen=dok).delete()  # approved once only; never two sets
    TabelDisetujui.objects.bulk_create(
        TabelDisetujui(dokumen=dok, slug=slug, isi=tabel_ke_json(t), sidik=dok.sidik_tabel[slug])
        for slug, t in tabel.items()
    )


def tabel_beku(dok: Dokumen, slug: str) -> Tabel | None:
    """The approved revision's frozen table of this report (one query); None when it kept none."""
    beku = TabelDisetujui.objects.filter(dokumen=dok, slug=slug).only("isi").first()
    if beku is None:
        return None
    try:
        return tabel_dari_json(beku.isi)
    except GalatBeku:  # kept by an older layout of Tabel that this code no longer reads
        logger.exception("Tabel beku %s dokumen %s tidak terbaca", slug, dok.pk)
        return None


def _disetujui(kecamatan: Kecamatan, tahun: int, jenis: str) -> Dokumen | None:
    """The newest approved revision of the document (one query)."""
    return (
        Dokumen.objects.untuk(kecamatan, tahun)
        .filter(jenis=jenis, status=StatusDokumen.DISETUJUI)
        .order_by("-revisi")
        .first()
    )


def _nama(dok: Dokumen) -> str:
    """The document's name: "Renja 2022", or "Renja 2022 (revisi 1)"."""
    return f"{STRUKTUR[dok.jenis].singkatan} {dok.tahun}" + (f" (revisi {dok.revisi})" if dok.revisi else "")


def tanggal_disetujui(dok: Dokumen) -> str:
    return tanggal_indonesia(dok.diputuskan_pada) if dok.diputuskan_pada else "-"


def _cap_terkini(
    kecamatan: Kecamatan,
    tahun: int,
    laporan: Laporan,
    tabel: Tabel,
    opsi: Opsi,
    jenis: str | None,
    dok: Dokumen | None,
    ada_beku: bool,
) -> Cap:
    if jenis is None:
        return Cap(True, "DRAF: laporan ini bukan bagian dokumen Renja atau LKjIP yang disetujui camat.")
    if dok is None:
        return Cap(True, f"DRAF: {STRUKTUR[jenis].singkatan} {tahun} belum disetujui camat.")
    nama, tanggal = _nama(dok), tanggal_disetujui(dok)
    if laporan.pakai_triwulan and opsi.triwulan != 4:
        return Cap(True, f"DRAF: {nama} disetujui {tanggal} memuat tabel s/d triwulan IV.")
    tersimpan = (dok.sidik_tabel or {}).get(laporan.slug)
    if tersimpan is None:
        return Cap(
            True,
            f"DRAF: tabel ini tidak tercatat pada {nama} yang disetujui {tanggal}; lihat PDF dokumen.",
        )
    if tersimpan != sidik(tabel):
        lihat = (
            "pilih Versi disetujui untuk mencetak tabel yang disetujui."
            if ada_beku
            else "tabel yang disetujui ada pada PDF dokumen."
        )
        return Cap(True, f"DRAF: data berubah sejak {nama} disetujui {tanggal}; {lihat}")
    return Cap(False, f"Sesuai {nama} yang disetujui camat pada {tanggal}.")


def cap_disetujui(dok: Dokumen) -> Cap:
    """The stamp of a table printed from the approved revision: no DRAF; the document, revisi, camat and date."""
    camat = f"Camat {dok.camat_penyetuju}" if dok.camat_penyetuju else "camat"
    nama = f"{STRUKTUR[dok.jenis].singkatan} {dok.tahun} revisi {dok.revisi} ({dok.judul_revisi})"
    return Cap(False, f"Versi disetujui: {nama}, disetujui {camat} pada {tanggal_disetujui(dok)}.")


class VersiTidakTersedia(Exception):
    """The approved version was asked for and there is none to print (the message is for the user);
    ``status`` is the HTTP answer: 404 (no approved table), 400 (options it does not hold)."""

    def __init__(self, pesan: str, status: int = 404) -> None:
        super().__init__(pesan)
        self.pesan, self.status = pesan, status


@dataclass(frozen=True)
class VersiLaporan:
    """The table to print, its stamp, and the choice the report page offers (empty when there is none to make:
    no approved table kept, or the live table is still the approved one)."""

    tabel: Tabel
    cap: Cap
    versi: str
    pilihan: list[tuple[str, str]] = field(default_factory=list)


def tabel_disetujui(kecamatan: Kecamatan, tahun: int, laporan: Laporan, opsi: Opsi) -> tuple[Dokumen, Tabel]:
    """The newest approved revision that holds this report and its frozen table (two queries). Raises
    :class:`VersiTidakTersedia` when there is none for these options."""
    jenis = jenis_laporan(laporan.slug)
    dok = _disetujui(kecamatan, tahun, jenis) if jenis is not None else None
    if dok is not None and laporan.pakai_triwulan and opsi.triwulan != 4:
        raise VersiTidakTersedia(
            f"{_nama(dok)} yang disetujui memuat tabel ini s/d triwulan IV; pilih triwulan IV.", 400
        )
    beku = tabel_beku(dok, laporan.slug) if dok is not None else None
    if dok is None or beku is None:
        raise VersiTidakTersedia("Tabel ini tidak memiliki versi yang disetujui camat.")
    return dok, beku


def versi_laporan(
    kecamatan: Kecamatan,
    tahun: int,
    laporan: Laporan,
    opsi: Opsi,
    versi: str = VERSI_TERKINI,
    pilihan: bool = True,
) -> VersiLaporan:
    """The report in the asked version, in a constant number of queries (two besides the builder's).

    ``pilihan=False``: the choice is not needed (a download), so the approved version is printed without building the live one. Raises
    :class:`VersiTidakTersedia` when ``versi`` is the approved one and there is none for these options."""
    if versi not in VERSI:
        raise VersiTidakTersedia("Versi harus terkini atau disetujui.", 400)
    jenis = jenis_laporan(laporan.slug)
    tw_dokumen = not laporan.pakai_triwulan or opsi.triwulan == 4
    beku: Tabel | None = None
    dok: Dokumen | None
    if versi == VERSI_DISETUJUI:
        dok, beku = tabel_disetujui(kecamatan, tahun, laporan, opsi)
        ada_beku = True
    else:  # only whether there is one to offer: the kept table is not read
        dok = _disetujui(kecamatan, tahun, jenis) if jenis is not None else None
        ada_beku = (
            dok is not None
            and tw_dokumen
            and TabelDisetujui.objects.filter(dokumen=dok, slug=laporan.slug).exists()
        )
    terkini = laporan.bangun(kecamatan, tahun, opsi) if versi == VERSI_TERKINI or pilihan else None
    cap = (
        _cap_terkini(kecamatan, tahun, laporan, terkini, opsi, jenis, dok, ada_beku)
        if terkini is not None
        else None
    )
    daftar: list[tuple[str, str]] = []
    if dok is not None and ada_beku and cap is not None and cap.draf:
        daftar = [
            (VERSI_DISETUJUI, f"Versi disetujui ({tanggal_disetujui(dok)})"),
            (VERSI_TERKINI, "Versi terkini (DRAF)"),
        ]
    if versi == VERSI_DISETUJUI:
        assert dok is not None and beku is not None
        return VersiLaporan(beku, cap_disetujui(dok), versi, daftar)
    assert terkini is not None and cap is not None
    return VersiLaporan(terkini, cap, versi, daftar)


def berkas_laporan(
    laporan: Laporan,
    kecamatan: Kecamatan,
    tahun: int,
    format: str,
    opsi: Opsi,
    versi: str = VERSI_TERKINI,
) -> Berkas:
    """The report's download (what the report page and ``export_report`` send) in the asked version, stamped
    by :func:`versi_laporan`; the approved version's file name ends in ``-disetujui``."""
    v = versi_laporan(kecamatan, tahun, laporan, opsi, versi, pilihan=False)
    berkas = gambar(laporan, kecamatan, tahun, v.tabel, format, opsi, v.cap)
    return replace(berkas, nama=nama_berkas_laporan(laporan, kecamatan, tahun, format, opsi, versi))


def nama_berkas_laporan(
    laporan: Laporan, kecamatan: Kecamatan, tahun: int, format: str, opsi: Opsi, versi: str = VERSI_TERKINI
) -> str:
    """The download's file name (also of a stored render, served without drawing it again)."""
    nama = laporan.berkas(kecamatan, tahun, format, opsi)
    if versi == VERSI_DISETUJUI:
        dasar, _, ekstensi = nama.rpartition(".")
        nama = f"{dasar}-disetujui.{ekstensi}"
    return nama
