"""The approval workflow and narrative writes. Each transition locks the document row and checks its status
inside one transaction, so a double submit or two people acting at once cannot skip or repeat a step."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from dokumen.models import BagianNarasi, Dokumen, StatusDokumen
from kabar.models import JenisKabar
from kabar.services import kabar_kirim
from wilayah.akses import wajib_izin
from wilayah.akun import pengguna_bappeda, pengguna_camat, pengguna_operator

from .narasi import kunci_sah, semua_bagian, teks_bagian
from .selectors import dokumen_terkini
from .struktur import STRUKTUR


class KonflikNarasi(Exception):
    """Narrative sections changed by someone else since the page was loaded: nothing was saved.

    ``bentrok``: ``[(kunci, text now stored, text sent)]``."""

    def __init__(self, bentrok: list[tuple[str, str, str]]) -> None:
        super().__init__("Narasi diubah di tab atau oleh pengguna lain sejak halaman dibuka.")
        self.bentrok = bentrok


class GalatDokumen(Exception):
    """A transition that is not allowed now; the message is for the user (Bahasa Indonesia)."""


def _simpan_draf(dokumen: Dokumen, user) -> Dokumen:
    """The stored row of ``dokumen``: an unsaved draf (see ``dokumen_terkini``) is saved now."""
    if dokumen.pk is not None:
        return dokumen
    kunci = {"kecamatan_id": dokumen.kecamatan_id, "tahun": dokumen.tahun, "jenis": dokumen.jenis}
    _catat(dokumen, user, "Dokumen dimulai")
    try:
        with transaction.atomic():
            dokumen.save()
    except IntegrityError:  # someone else started it a moment ago
        return Dokumen.objects.get(**kunci, revisi=dokumen.revisi)
    return dokumen


def _kunci(dokumen: Dokumen) -> Dokumen:
    """The row locked for this transaction; an unsaved draf stays as it is (the status checks refuse it)."""
    if dokumen.pk is None:
        return dokumen
    return Dokumen.objects.select_for_update().get(pk=dokumen.pk)


def _catat(dok: Dokumen, user, alasan: str) -> None:
    dok._history_user = user
    dok._change_reason = alasan


def _kabarkan(dok: Dokumen, jenis: JenisKabar, user) -> None:
    """Tell whom the step concerns: a submitted document its camat; a returned one the kecamatan's operators
    (and who submitted it); an approved one the operators and Admin Bappeda. Not the user who acted."""
    from django.urls import reverse

    kec = dok.kecamatan
    nama = f"{dok.get_jenis_display()} {dok.tahun} Kecamatan {kec.nama}"
    oleh = user.get_full_name() or user.username
    if jenis == JenisKabar.DIAJUKAN:
        penerima = list(pengguna_camat(kec))
        judul, isi = f"{nama} diajukan, menunggu keputusan Anda", f"Diajukan oleh {oleh}."
    elif jenis == JenisKabar.DIKEMBALIKAN:
        penerima = [*pengguna_operator(kec), dok.diajukan_oleh]
        judul, isi = f"{nama} dikembalikan camat", f"Catatan {oleh}: {dok.catatan}"
    else:
        penerima = [*pengguna_operator(kec), *pengguna_bappeda(), dok.diajukan_oleh]
        judul, isi = f"{nama} disetujui", f"Disetujui dan ditandatangani oleh {oleh}."
    tautan = reverse("dokumen:halaman", kwargs={"kode": kec.kode, "tahun": dok.tahun, "jenis": dok.jenis})
    kabar_kirim(penerima, jenis, judul, isi=isi, tautan=tautan, kecamatan=kec, kecuali=user)


@transaction.atomic
def dokumen_ajukan(dokumen: Dokumen, user) -> Dokumen:
    wajib_izin("dokumen.ajukan", user, dokumen.kecamatan_id)
    dok = _kunci(_simpan_draf(dokumen, user))
    if dok.status == StatusDokumen.DIAJUKAN:
        raise GalatDokumen("Dokumen ini sudah diajukan dan sedang menunggu keputusan camat.")
    if dok.status == StatusDokumen.DISETUJUI:
        raise GalatDokumen("Dokumen ini sudah disetujui; perubahan memerlukan revisi yang dibuka Bappeda.")
    dok.status = StatusDokumen.DIAJUKAN
    dok.diajukan_oleh, dok.diajukan_pada = user, timezone.now()
    _catat(dok, user, "Diajukan")
    dok.save()
    _kabarkan(dok, JenisKabar.DIAJUKAN, user)
    return dok


@transaction.atomic
def dokumen_kembalikan(dokumen: Dokumen, user, catatan: str) -> Dokumen:
    wajib_izin("dokumen.kembalikan", user, dokumen.kecamatan_id)
    dok = _kunci(dokumen)
    if dok.status != StatusDokumen.DIAJUKAN:
        raise GalatDokumen(
            f"Dokumen berstatus {dok.get_status_display().lower()}; hanya dokumen yang diajukan dapat dikembalikan."
        )
    if not (catatan or "").strip():
        raise GalatDokumen("Tuliskan catatan: apa yang perlu diperbaiki operator.")
    dok.status = StatusDokumen.DIKEMBALIKAN
    dok.catatan = catatan.strip()
    dok.diputuskan_oleh, dok.diputuskan_pada = user, timezone.now()
    _catat(dok, user, "Dikembalikan")
    dok.save()
    _kabarkan(dok, JenisKabar.DIKEMBALIKAN, user)
    return dok


@transaction.atomic
def dokumen_setujui(dokumen: Dokumen, user) -> Dokumen:
    """Approve and freeze: the signed PDF is rendered by a job (queued when this transaction commits, or run
    now without a queue) and stored on the revision; it is served unchanged afterwards. The job is
    ``dok.tugas_cetak``. Every report table is kept now as approved (dokumen.cap.bekukan_dokumen): a table
    printed later says whether it is still the approved one, and its approved version can still be printed."""
    from .cap import bekukan_dokumen
    from .cetak import kirim_disetujui

    wajib_izin("dokumen.setujui", user, dokumen.kecamatan_id)
    dok = _kunci(dokumen)
    if dok.status != StatusDokumen.DIAJUKAN:
        raise GalatDokumen(
            f"Dokumen berstatus {dok.get_status_display().lower()}; hanya dokumen yang diajukan dapat disetujui."
        )
    dok.status = StatusDokumen.DISETUJUI
    dok.diputuskan_oleh, dok.diputuskan_pada = user, timezone.now()
    dok.catatan = ""
    bekukan_dokumen(dok)
    _catat(dok, user, "Disetujui")
    dok.save()
    _kabarkan(dok, JenisKabar.DISETUJUI, user)
    dok.tugas_cetak = kirim_disetujui(dok, user)
    dok.refresh_from_db(fields=["pdf"])
    return dok


@transaction.atomic
def dokumen_buka_revisi(dokumen: Dokumen, user) -> Dokumen:
    wajib_izin("dokumen.buka_revisi", user, dokumen.kecamatan_id)
    dok = _kunci(dokumen)
    if dok.status != StatusDokumen.DISETUJUI:
        raise GalatDokumen("Revisi hanya dapat dibuka dari dokumen yang sudah disetujui.")
    if Dokumen.objects.filter(
        kecamatan=dok.kecamatan, tahun=dok.tahun, jenis=dok.jenis, revisi__gt=dok.revisi
    ).exists():
        raise GalatDokumen("Revisi yang lebih baru sudah dibuka.")
    baru = Dokumen(kecamatan=dok.kecamatan, tahun=dok.tahun, jenis=dok.jenis, revisi=dok.revisi + 1)
    _catat(baru, user, f"Revisi dibuka dari revisi {dok.revisi}")
    baru.save()
    return baru


@transaction.atomic
def narasi_simpan(
    kecamatan, tahun: int, jenis: str, kunci: str, isi: str, user, versi: int | None = None
) -> BagianNarasi:
    """Save one section. ``versi``: the section's version when the page was loaded; when it has moved on since
    and the text differs from the stored one, the save is refused (KonflikNarasi), never silently overwritten."""
    return narasi_simpan_semua(kecamatan, tahun, jenis, {kunci: (isi, versi)}, user)[kunci]


@transaction.atomic
def narasi_simpan_semua(
    kecamatan, tahun: int, jenis: str, isian: dict[str, tuple[str, int | None]], user
) -> dict[str, BagianNarasi]:
    """Save the page's sections ``{kunci: (text, versi as loaded or None)}`` all or nothing: any stale section
    whose text differs from the stored one refuses the whole save (KonflikNarasi, every such section listed)."""
    wajib_izin("dokumen.ubah_narasi", user, kecamatan)
    if jenis not in STRUKTUR or not set(isian) <= kunci_sah(jenis, kecamatan, tahun):
        raise GalatDokumen("Bagian dokumen tidak dikenal.")
    dok = dokumen_terkini(kecamatan, tahun, jenis)
    if dok.status in (StatusDokumen.DIAJUKAN, StatusDokumen.DISETUJUI):
        raise GalatDokumen(
            f"Dokumen berstatus {dok.get_status_display().lower()}; narasinya tidak dapat diubah sekarang."
        )
    tersimpan = {
        b.kunci: b
        for b in BagianNarasi.objects.select_for_update().filter(
            kecamatan=kecamatan, tahun=tahun, jenis=jenis, kunci__in=list(isian)
        )
    }
    bentrok = [
        (kunci, tersimpan[kunci].isi, isi)
        for kunci, (isi, versi) in isian.items()
        if kunci in tersimpan
        and versi is not None
        and versi != tersimpan[kunci].versi
        and isi != tersimpan[kunci].isi
    ]
    if bentrok:
        raise KonflikNarasi(bentrok)
    _simpan_draf(dok, user)  # writing the narrative starts the document
    hasil = {}
    for kunci, (isi, _versi) in isian.items():
        obj = tersimpan.get(kunci) or BagianNarasi(kecamatan=kecamatan, tahun=tahun, jenis=jenis, kunci=kunci)
        if obj.pk is None or obj.isi != isi:
            obj.isi = isi
            obj.versi += 1
            obj._history_user = user
            obj._change_reason = "Narasi diubah"
            obj.save()
        hasil[kunci] = obj
    return hasil


def narasi_versi(kecamatan, tahun: int, jenis: str) -> dict[str, int]:
    """Each stored section's version, for the page's form (0: not stored yet), one query."""
    return dict(
        BagianNarasi.objects.filter(kecamatan=kecamatan, tahun=tahun, jenis=jenis).values_list(
            "kunci", "versi"
        )
    )


def narasi_dokumen(kecamatan, tahun: int, jenis: str) -> dict[str, str]:
    """Every section's text: what the kecamatan wrote, else the default filled in (two queries: the text and,
    for the LKjIP, the indicators its §3.1.x are written for)."""
    from .struktur import teks_bawaan

    struktur = STRUKTUR[jenis]
    tersimpan = dict(
        BagianNarasi.objects.filter(kecamatan=kecamatan, tahun=tahun, jenis=jenis).values_list("kunci", "isi")
    )
    hasil = {
        "kata_pengantar": tersimpan.get("kata_pengantar")
        or teks_bawaan(struktur.kata_pengantar, kecamatan, tahun)
    }
    for b in semua_bagian(struktur, kecamatan, tahun):
        hasil[b.kunci] = tersimpan.get(b.kunci) or teks_bagian(b, kecamatan, tahun)
    return hasil


def dokumen_per_jenis(kecamatan, tahun: int) -> dict[str, Dokumen | None]:
    """The newest revision of each document for the kecamatan/year page (None: not started), one query."""
    hasil: dict[str, Dokumen | None] = dict.fromkeys(STRUKTUR)
    for dok in Dokumen.objects.filter(kecamatan=kecamatan, tahun=tahun).order_by("jenis", "revisi"):
        hasil[dok.jenis] = dok
    return hasil
