"""Writes to realisasi: one service per thing a kecamatan enters, each safe against two people editing the
same row (optimistic versioning: the second save is refused and shown the current values) and against
double submits (saving the same values twice changes nothing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F

from core.angka import AngkaError, format_rupiah, parse_angka
from core.capaian import nilai_tahunan
from core.nilai import KOSONG, Nilai, NilaiError

from .models import TRIWULAN, Anggaran, Indikator, TriwulanDitutup


@dataclass
class GalatRealisasi(Exception):
    """Input that cannot be saved; ``galat`` maps a field name (e.g. ``realisasi_tw2``) to a message."""

    galat: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return "; ".join(self.galat.values())


@dataclass
class KonflikVersi(Exception):
    """Someone else saved this row first. ``sekarang`` holds the values now stored."""

    obj: Any

    def __str__(self) -> str:
        return (
            "Baris ini baru saja diubah oleh pengguna lain. Nilai terbaru ditampilkan; "
            "periksa lalu simpan ulang bila masih perlu diubah."
        )


def triwulan_ditutup(kecamatan_id: int, tahun: int) -> set[int]:
    return set(
        TriwulanDitutup.objects.filter(kecamatan_id=kecamatan_id, tahun=tahun).values_list("triwulan", flat=True)
    )


def _kolom(tw: int) -> str:
    return f"realisasi_tw{tw}"


def _simpan_berversi(model, obj, versi: int, nilai: dict[str, Any], user) -> Any:
    """Claim version ``versi`` atomically, then save through the model (so the audit trail records it).

    Returns the saved object. If the row moved on meanwhile: when it already holds exactly these values
    (a double submit) that's a success; otherwise ``KonflikVersi``.
    """
    with transaction.atomic():
        klaim = model.objects.filter(pk=obj.pk, versi=versi).update(versi=F("versi") + 1)
        if not klaim:
            sekarang = model.objects.get(pk=obj.pk)
            if all(getattr(sekarang, k) == v for k, v in nilai.items()):
                return sekarang
            raise KonflikVersi(sekarang)
        obj.refresh_from_db()
        for k, v in nilai.items():
            setattr(obj, k, v)
        obj.versi = versi + 1
        obj._history_user = user
        obj._change_reason = "Isian realisasi"
        obj.save()
    return obj


def anggaran_set_realisasi(anggaran: Anggaran, *, versi: int, masukan: dict[str, Any], user) -> Anggaran:
    """Set the quarterly realisasi Rp of one anggaran line from user input (Indonesian number text)."""
    galat: dict[str, str] = {}
    baru: dict[str, Decimal | None] = {}
    ditutup = triwulan_ditutup(anggaran.kecamatan_id, anggaran.tahun)
    for tw in TRIWULAN:
        kolom = _kolom(tw)
        if kolom not in masukan:
            continue
        try:
            nilai = parse_angka(masukan[kolom])
        except AngkaError:
            galat[kolom] = f"'{masukan[kolom]}' bukan angka. Tulis misalnya 1.250.000."
            continue
        if nilai is not None and nilai < 0:
            galat[kolom] = "Realisasi tidak boleh negatif."
            continue
        if nilai is not None and nilai != nilai.quantize(Decimal("0.01")):
            galat[kolom] = "Rupiah paling banyak 2 angka di belakang koma."
            continue
        if nilai is not None:
            nilai = nilai.quantize(Decimal("0.01"))
        if tw in ditutup and nilai != getattr(anggaran, kolom):
            galat[kolom] = f"Triwulan {tw} sudah ditutup camat; realisasinya tidak dapat diubah."
            continue
        baru[kolom] = nilai
    if galat:
        raise GalatRealisasi(galat)

    triwulan = [baru.get(_kolom(tw), getattr(anggaran, _kolom(tw))) for tw in TRIWULAN]
    ada = [v for v in triwulan if v is not None]
    total = sum(ada, Decimal(0)) if ada else None
    if total is not None and anggaran.pagu is not None and total > anggaran.pagu:
        raise GalatRealisasi(
            {
                "realisasi": f"Jumlah realisasi Rp {format_rupiah(total)} melebihi pagu Rp {format_rupiah(anggaran.pagu)}."
            }
        )
    if ada:
        baru["realisasi"] = total
    elif any(getattr(anggaran, _kolom(tw)) is not None for tw in TRIWULAN):
        baru["realisasi"] = None  # every quarter was cleared
    return _simpan_berversi(Anggaran, anggaran, versi, baru, user)


def indikator_set_realisasi(indikator: Indikator, *, versi: int, masukan: dict[str, Any], user) -> Indikator:
    """Set the quarterly realisasi of one indicator (number or SAKIP grade); the year value follows its sifat."""
    galat: dict[str, str] = {}
    baru: dict[str, Nilai] = {}
    ditutup = triwulan_ditutup(indikator.kecamatan_id, indikator.tahun)
    for tw in TRIWULAN:
        kolom = _kolom(tw)
        if kolom not in masukan:
            continue
        try:
            nilai = Nilai.parse(masukan[kolom])
        except (NilaiError, AngkaError):
            galat[kolom] = f"'{masukan[kolom]}' bukan angka atau nilai (AA–D). Tulis misalnya 75,5."
            continue
        if nilai.is_angka and nilai.angka < 0:  # type: ignore[operator]  # is_angka: angka is set
            galat[kolom] = "Realisasi tidak boleh negatif."
            continue
        if tw in ditutup and nilai != getattr(indikator, kolom):
            galat[kolom] = f"Triwulan {tw} sudah ditutup camat; realisasinya tidak dapat diubah."
            continue
        baru[kolom] = nilai
    if galat:
        raise GalatRealisasi(galat)
    triwulan = [baru.get(_kolom(tw), getattr(indikator, _kolom(tw)) or KOSONG) for tw in TRIWULAN]
    if any(not v.kosong for v in triwulan):
        baru["realisasi"] = nilai_tahunan(triwulan, indikator.sifat)
    elif any(not (getattr(indikator, _kolom(tw)) or KOSONG).kosong for tw in TRIWULAN):
        baru["realisasi"] = KOSONG
    return _simpan_berversi(Indikator, indikator, versi, baru, user)


def triwulan_tutup(kecamatan, tahun: int, triwulan: int, user) -> TriwulanDitutup:
    """Close a quarter (idempotent: closing it twice keeps the first closing)."""
    if triwulan not in TRIWULAN:
        raise GalatRealisasi({"triwulan": "Triwulan harus 1 sampai 4."})
    obj, _ = TriwulanDitutup.objects.get_or_create(
        kecamatan=kecamatan, tahun=tahun, triwulan=triwulan, defaults={"ditutup_oleh": user}
    )
    return obj


# ------------------------------------------------------------------------------------------------
# Keterangan, bukti dukung and catatan verifikator
# ------------------------------------------------------------------------------------------------
JENIS_BUKTI = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _jenis_berkas(kepala: bytes, nama: str) -> str | None:
    """The file's real type from its first bytes (the extension alone is not trusted)."""
    ekstensi = nama.rsplit(".", 1)[-1].lower() if "." in nama else ""
    if kepala.startswith(b"%PDF-") and ekstensi == "pdf":
        return JENIS_BUKTI["pdf"]
    if kepala.startswith(b"\x89PNG\r\n\x1a\n") and ekstensi == "png":
        return JENIS_BUKTI["png"]
    if kepala.startswith(b"\xff\xd8\xff") and ekstensi in ("jpg", "jpeg"):
        return JENIS_BUKTI["jpg"]
    if kepala.startswith(b"PK\x03\x04") and ekstensi == "xlsx":
        return JENIS_BUKTI["xlsx"]
    return None


def _xlsx_sah(berkas) -> bool:
    import zipfile

    try:
        berkas.seek(0)
        with zipfile.ZipFile(berkas) as z:
            nama = set(z.namelist())
        return "[Content_Types].xml" in nama and any(n.startswith("xl/") for n in nama)
    except zipfile.BadZipFile:
        return False
    finally:
        berkas.seek(0)


def _cek_triwulan_terbuka(kecamatan, tahun: int, triwulan: int) -> None:
    if triwulan not in TRIWULAN:
        raise GalatRealisasi({"triwulan": "Triwulan harus 1 sampai 4."})
    if triwulan in triwulan_ditutup(kecamatan.pk, tahun):
        raise GalatRealisasi({"triwulan": f"Triwulan {triwulan} sudah ditutup camat; isiannya tidak dapat diubah."})


def bukti_unggah(kecamatan, tahun: int, nomenklatur, triwulan: int, berkas, user):
    """Store an evidence file after checking its size and real type."""
    from django.conf import settings

    from .models import BuktiDukung

    _cek_triwulan_terbuka(kecamatan, tahun, triwulan)
    if berkas is None:
        raise GalatRealisasi({"berkas": "Pilih berkas yang akan diunggah."})
    maks = settings.BUKTI_UKURAN_MAKS
    if berkas.size > maks:
        raise GalatRealisasi(
            {"berkas": f"Berkas terlalu besar ({berkas.size / 1048576:.1f} MB); paling besar {maks // 1048576} MB.".replace(".", ",")}
        )
    kepala = berkas.read(8)
    berkas.seek(0)
    jenis = _jenis_berkas(kepala, berkas.name)
    if jenis is None or (jenis == JENIS_BUKTI["xlsx"] and not _xlsx_sah(berkas)):
        raise GalatRealisasi({"berkas": "Jenis berkas tidak diterima: unggah PDF, gambar (PNG/JPG) atau XLSX."})
    nama = berkas.name.replace("/", "_").replace("\\", "_")[-200:]
    return BuktiDukung.objects.create(
        kecamatan=kecamatan, tahun=tahun, nomenklatur=nomenklatur, triwulan=triwulan, berkas=berkas,
        nama_asli=nama, jenis=jenis, ukuran=berkas.size, diunggah_oleh=user,
    )


def bukti_hapus(bukti, user) -> None:
    _cek_triwulan_terbuka(bukti.kecamatan, bukti.tahun, bukti.triwulan)
    bukti.berkas.delete(save=False)
    bukti.delete()


def keterangan_simpan(kecamatan, tahun: int, nomenklatur, triwulan: int, teks: str, user):
    from .models import CatatanRealisasi

    _cek_triwulan_terbuka(kecamatan, tahun, triwulan)
    with transaction.atomic():
        obj, _ = CatatanRealisasi.objects.select_for_update().get_or_create(
            kecamatan=kecamatan, tahun=tahun, nomenklatur=nomenklatur, triwulan=triwulan
        )
        teks = (teks or "").strip()
        if obj.keterangan != teks:
            obj.keterangan = teks
            obj._history_user = user
            obj.save()
    return obj


def catatan_verifikator_tulis(kecamatan, tahun: int, triwulan: int, catatan: str, user):
    from wilayah.akses import Peran, peran

    from .models import CatatanVerifikator

    if peran(user) != Peran.BAPPEDA:
        raise GalatRealisasi({"catatan": "Hanya verifikator Bappeda yang dapat menulis catatan verifikator."})
    if triwulan not in TRIWULAN:
        raise GalatRealisasi({"triwulan": "Triwulan harus 1 sampai 4."})
    if not (catatan or "").strip():
        raise GalatRealisasi({"catatan": "Catatan tidak boleh kosong."})
    obj = CatatanVerifikator(kecamatan=kecamatan, tahun=tahun, triwulan=triwulan, catatan=catatan.strip(), ditulis_oleh=user)
    obj._history_user = user
    obj.save()
    return obj


def catatan_verifikator_jawab(catatan, jawaban: str, user):
    from django.utils import timezone

    if not (jawaban or "").strip():
        raise GalatRealisasi({"jawaban": "Jawaban tidak boleh kosong."})
    catatan.jawaban = jawaban.strip()
    catatan.dijawab_oleh, catatan.dijawab_pada = user, timezone.now()
    catatan._history_user = user
    catatan.save()
    return catatan
