"""Writes to realisasi: one service per thing a kecamatan enters, each safe against two people editing the
same row (optimistic versioning: the second save is refused and shown the current values) and against
double submits (saving the same values twice changes nothing).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from core.angka import format_rupiah
from core.capaian import nilai_tahunan
from core.choices import Sifat, label_triwulan
from core.fields import NilaiFormField
from core.forms import RupiahField
from core.nilai import KOSONG, Nilai
from kabar.models import JenisKabar
from kabar.services import kabar_kirim
from wilayah.akses import wajib_izin
from wilayah.akun import pengguna_camat, pengguna_operator

from .kunci import realisasi_terkunci
from .models import TRIWULAN, UANG, Anggaran, Belanja, Indikator, Prioritas, TriwulanDitutup, Usulan


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


#: Units whose year value is a level, not a count: the last quarter reported is the year's value.
SATUAN_AKHIR = frozenset({"%", "persen", "prosen", "indeks", "index", "nilai", "predikat", "skor"})


def sifat_bawaan(satuan: str | None, target: Nilai | str | None = None) -> Sifat:
    """The sifat an indicator gets when none is given: a percentage, an index, a score or a SAKIP grade
    (by its satuan, or a grade as target) is ``akhir`` — adding 95 % and 95 % gives no 190 % —, anything
    counted (dokumen, kegiatan, orang, bulan) is ``kumulatif``. Used on entry (admin) and meant for the
    workbook importer as well."""
    kata = (satuan or "").strip().lower()
    kata = kata.strip("() .")
    if kata in SATUAN_AKHIR or kata.startswith(("persen", "indeks", "nilai", "predikat")) or "%" in kata:
        return Sifat.AKHIR
    if isinstance(target, str):
        try:
            target = Nilai.parse(target)
        except ValueError:
            target = None
    if isinstance(target, Nilai) and target.is_grade:
        return Sifat.AKHIR
    return Sifat.KUMULATIF


def triwulan_ditutup(kecamatan_id: int, tahun: int) -> set[int]:
    return set(
        TriwulanDitutup.objects.filter(kecamatan_id=kecamatan_id, tahun=tahun).values_list(
            "triwulan", flat=True
        )
    )


def _kolom(tw: int) -> str:
    return f"realisasi_tw{tw}"


def _simpan_berversi(
    model, obj, versi: int, nilai: dict[str, Any], user, alasan: str = "Isian realisasi"
) -> Any:
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
        obj._change_reason = alasan
        obj.save()
    return obj


def _cek_kunci(obj, baru: dict[str, Any]) -> None:
    """Refuse any change to realisasi while a document of the row's kecamatan/year is submitted or approved."""
    kecamatan = baru.get("kecamatan")
    kecamatan_id = kecamatan.pk if kecamatan is not None else obj.kecamatan_id
    pesan = realisasi_terkunci(kecamatan_id, baru.get("tahun", obj.tahun))
    if pesan:
        raise GalatRealisasi({"realisasi": pesan})


def _ditutup_untuk(obj, baru: dict[str, Any]) -> set[int]:
    """Closed quarters of the row's kecamatan and year (as they will be after saving ``baru``)."""
    kecamatan = baru.get("kecamatan")
    kecamatan_id = kecamatan.pk if kecamatan is not None else obj.kecamatan_id
    return triwulan_ditutup(kecamatan_id, baru.get("tahun", obj.tahun))


#: The one reading of a typed value, shared with the grid's forms (renja.forms): the limits of the columns.
RUPIAH = RupiahField(required=False, max_digits=UANG["max_digits"], decimal_places=UANG["decimal_places"])
NILAI = NilaiFormField(required=False, panjang_maks=Indikator._meta.get_field("realisasi_tw1").max_length)


def _baca(bidang, masukan: dict[str, Any], galat: dict[str, str]) -> dict[str, Any]:
    """The quarters present in ``masukan``, cleaned by ``bidang``; messages of unreadable ones go to ``galat``."""
    hasil = {}
    for tw in TRIWULAN:
        kolom = _kolom(tw)
        if kolom not in masukan:
            continue
        try:
            hasil[kolom] = bidang.clean(masukan[kolom])
        except ValidationError as exc:
            galat[kolom] = " ".join(exc.messages)
    return hasil


@dataclass
class TanyaGantiSetahun(Exception):
    """The line holds only a year figure (imported, no quarters) and the input would replace it with
    quarters: nothing is saved until the user confirms (``ganti_setahun=True``)."""

    realisasi: Decimal

    def __str__(self) -> str:
        return (
            f"Realisasi setahun {format_rupiah(self.realisasi)} tercatat tanpa rincian triwulan: "
            "ganti dengan rincian triwulan?"
        )


ALASAN_GANTI_SETAHUN = "Realisasi setahun diganti rincian triwulan"


def anggaran_set_realisasi(
    anggaran: Anggaran, *, versi: int, masukan: dict[str, Any], user, ganti_setahun: bool = False
) -> Anggaran:
    """Set the quarterly realisasi Rp of one anggaran line from user input (Indonesian number text).

    A year figure without quarters is never replaced silently: the first quarter typed over it raises
    ``TanyaGantiSetahun`` unless ``ganti_setahun`` says the user agreed, and the audit trail records why."""
    wajib_izin("renja.ubah_realisasi", user, anggaran.kecamatan_id)
    _cek_kunci(anggaran, {})  # a locked year answers that, not the question below
    galat: dict[str, str] = {}
    baru = _baca(RUPIAH, masukan, galat)
    lama = Anggaran.objects.filter(pk=anggaran.pk).first()
    mengganti = False
    if (
        lama is not None
        and lama.realisasi is not None
        and lama.hanya_setahun
        and any(baru.get(_kolom(tw)) is not None for tw in TRIWULAN)
    ):
        mengganti = True
        if not galat and not ganti_setahun:
            raise TanyaGantiSetahun(lama.realisasi)
    baru = anggaran_periksa(anggaran, baru, galat)
    alasan = ALASAN_GANTI_SETAHUN if mengganti else "Isian realisasi"
    return _simpan_berversi(Anggaran, anggaran, versi, baru, user, alasan)


def anggaran_periksa(
    anggaran: Anggaran, baru: dict[str, Any], galat: dict[str, str] | None = None
) -> dict[str, Any]:
    """The house rules of an anggaran line's realisasi, whoever enters it (grid or admin): closed quarters keep
    their value, the quarters add up to at most the pagu, and the year's realisasi is their sum. Returns the
    values to store (with ``realisasi``); raises ``GalatRealisasi``."""
    _cek_kunci(anggaran, baru)
    galat = dict(galat or {})
    ditutup = _ditutup_untuk(anggaran, baru)
    lama = Anggaran.objects.filter(pk=anggaran.pk).first() if anggaran.pk else None
    for tw in TRIWULAN:
        kolom = _kolom(tw)
        if kolom in baru and tw in ditutup and baru[kolom] != (getattr(lama, kolom) if lama else None):
            galat[kolom] = f"{label_triwulan(tw)} sudah ditutup camat; realisasinya tidak dapat diubah."
    if galat:
        raise GalatRealisasi(galat)
    baru = dict(baru)
    triwulan = [baru.get(_kolom(tw), getattr(anggaran, _kolom(tw))) for tw in TRIWULAN]
    ada = [v for v in triwulan if v is not None]
    total = sum(ada, Decimal(0)) if ada else None
    pagu = baru.get("pagu", anggaran.pagu)
    if total is not None and pagu is not None and total > pagu:
        raise GalatRealisasi(
            {
                "realisasi": f"Jumlah realisasi Rp {format_rupiah(total)} melebihi pagu Rp {format_rupiah(pagu)}."
            }
        )
    if ada:
        baru["realisasi"] = total
    elif "realisasi" not in baru and any(getattr(lama, _kolom(tw), None) is not None for tw in TRIWULAN):
        baru["realisasi"] = None  # every quarter was cleared
    return baru


def indikator_set_realisasi(indikator: Indikator, *, versi: int, masukan: dict[str, Any], user) -> Indikator:
    """Set the quarterly realisasi of one indicator (number or SAKIP grade); the year value follows its sifat."""
    wajib_izin("renja.ubah_realisasi", user, indikator.kecamatan_id)
    galat: dict[str, str] = {}
    baru = _baca(NILAI, masukan, galat)
    baru = indikator_periksa(indikator, baru, galat)
    return _simpan_berversi(Indikator, indikator, versi, baru, user)


def indikator_periksa(
    indikator: Indikator, baru: dict[str, Any], galat: dict[str, str] | None = None
) -> dict[str, Any]:
    """The house rules of an indicator's realisasi (grid or admin): no negative numbers, closed quarters keep
    their value, the year's value follows the quarters by the indicator's sifat."""
    _cek_kunci(indikator, baru)
    galat = dict(galat or {})
    ditutup = _ditutup_untuk(indikator, baru)
    lama = Indikator.objects.filter(pk=indikator.pk).first() if indikator.pk else None
    for tw in TRIWULAN:
        kolom = _kolom(tw)
        if kolom not in baru or kolom in galat:
            continue
        nilai = baru[kolom] or KOSONG
        if nilai.angka is not None and nilai.angka < 0:
            galat[kolom] = "Realisasi tidak boleh negatif."
        elif tw in ditutup and nilai != ((getattr(lama, kolom) or KOSONG) if lama else KOSONG):
            galat[kolom] = f"{label_triwulan(tw)} sudah ditutup camat; realisasinya tidak dapat diubah."
    if galat:
        raise GalatRealisasi(galat)
    baru = dict(baru)
    triwulan = [baru.get(_kolom(tw), getattr(indikator, _kolom(tw)) or KOSONG) for tw in TRIWULAN]
    sifat = baru.get("sifat", indikator.sifat)
    if any(not v.kosong for v in triwulan):
        baru["realisasi"] = nilai_tahunan(triwulan, sifat)
    elif (
        "realisasi" not in baru
        and lama is not None
        and any(not (getattr(lama, _kolom(tw)) or KOSONG).kosong for tw in TRIWULAN)
    ):
        baru["realisasi"] = KOSONG
    return baru


def _ubah_baris(model, periksa, obj, *, versi: int, nilai: dict[str, Any], user, alasan: str):
    lama = model.objects.filter(pk=obj.pk).values_list("kecamatan_id", flat=True).first()
    for kecamatan in {lama, getattr(nilai.get("kecamatan"), "pk", None) or obj.kecamatan_id}:
        wajib_izin("renja.ubah_realisasi", user, kecamatan)
    return _simpan_berversi(model, obj, versi, periksa(obj, nilai), user, alasan)


def anggaran_ubah(
    anggaran: Anggaran, *, versi: int, nilai: dict[str, Any], user, alasan: str = "Diubah di admin"
) -> Anggaran:
    """Change any fields of an anggaran line (the admin's change form), under the grid's rules: the same
    checks (``anggaran_periksa``), the same version claim (``KonflikVersi`` if the row moved on since
    ``versi`` was read), so an operator's page opened before answers 409 afterwards. Quarters entered over a
    year figure without quarters are recorded as such in the audit trail (the admin's form shows both the
    year figure and the quarters, so it does not ask)."""
    lama = Anggaran.objects.filter(pk=anggaran.pk).first()
    if lama is not None and lama.hanya_setahun and any(nilai.get(_kolom(tw)) is not None for tw in TRIWULAN):
        alasan = f"{ALASAN_GANTI_SETAHUN} ({alasan})"
    return _ubah_baris(
        Anggaran, anggaran_periksa, anggaran, versi=versi, nilai=nilai, user=user, alasan=alasan
    )


def indikator_ubah(
    indikator: Indikator, *, versi: int, nilai: dict[str, Any], user, alasan: str = "Diubah di admin"
) -> Indikator:
    """The indicator counterpart of ``anggaran_ubah``."""
    return _ubah_baris(
        Indikator, indikator_periksa, indikator, versi=versi, nilai=nilai, user=user, alasan=alasan
    )


def triwulan_tutup(kecamatan, tahun: int, triwulan: int, user) -> TriwulanDitutup:
    """Close a quarter (idempotent: closing it twice keeps the first closing)."""
    wajib_izin("renja.tutup_triwulan", user, kecamatan)
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
        raise GalatRealisasi(
            {"triwulan": f"{label_triwulan(triwulan)} sudah ditutup camat; isiannya tidak dapat diubah."}
        )


def bukti_periksa(berkas) -> str:
    """The real content type of an evidence file, or ``GalatRealisasi`` when it is missing, too large, or not
    a PDF, PNG/JPG or XLSX by its first bytes (used by the upload form and by ``bukti_unggah``)."""
    from django.conf import settings

    if berkas is None:
        raise GalatRealisasi({"berkas": "Pilih berkas yang akan diunggah."})
    maks = settings.BUKTI_UKURAN_MAKS
    if berkas.size > maks:
        raise GalatRealisasi(
            {
                "berkas": f"Berkas terlalu besar ({berkas.size / 1048576:.1f} MB); paling besar {maks // 1048576} MB.".replace(
                    ".", ","
                )
            }
        )
    kepala = berkas.read(8)
    berkas.seek(0)
    jenis = _jenis_berkas(kepala, berkas.name)
    if jenis is None or (jenis == JENIS_BUKTI["xlsx"] and not _xlsx_sah(berkas)):
        raise GalatRealisasi(
            {"berkas": "Jenis berkas tidak diterima: unggah PDF, gambar (PNG/JPG) atau XLSX."}
        )
    return jenis


def bukti_unggah(kecamatan, tahun: int, nomenklatur, triwulan: int, berkas, user):
    """Store an evidence file after checking its size and real type."""
    from .models import BuktiDukung

    wajib_izin("renja.unggah_bukti", user, kecamatan)
    _cek_triwulan_terbuka(kecamatan, tahun, triwulan)
    jenis = bukti_periksa(berkas)
    nama = berkas.name.replace("/", "_").replace("\\", "_")[-200:]
    return BuktiDukung.objects.create(
        kecamatan=kecamatan,
        tahun=tahun,
        nomenklatur=nomenklatur,
        triwulan=triwulan,
        berkas=berkas,
        nama_asli=nama,
        jenis=jenis,
        ukuran=berkas.size,
        diunggah_oleh=user,
    )


def bukti_hapus(bukti, user) -> None:
    wajib_izin("renja.unggah_bukti", user, bukti.kecamatan_id)
    _cek_triwulan_terbuka(bukti.kecamatan, bukti.tahun, bukti.triwulan)
    simpanan, nama = bukti.berkas.storage, bukti.berkas.name
    with transaction.atomic():
        bukti.delete()
        # the file goes only once the row is gone for good (a rolled back delete keeps both)
        transaction.on_commit(lambda: simpanan.delete(nama))


def keterangan_simpan(kecamatan, tahun: int, nomenklatur, triwulan: int, teks: str, user):
    from .models import CatatanRealisasi

    wajib_izin("renja.ubah_realisasi", user, kecamatan)
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


@transaction.atomic
def catatan_verifikator_tulis(kecamatan, tahun: int, triwulan: int, catatan: str, user, kegiatan=None):
    """A note on the quarter, or on one kegiatan row of the kecamatan's grid for that year (``kegiatan``)."""
    from .models import Anggaran, CatatanVerifikator, Indikator

    wajib_izin("renja.tulis_catatan_verifikator", user, kecamatan)
    if triwulan not in TRIWULAN:
        raise GalatRealisasi({"triwulan": "Triwulan harus 1 sampai 4."})
    if not (catatan or "").strip():
        raise GalatRealisasi({"catatan": "Catatan tidak boleh kosong."})
    if kegiatan is not None and not (
        Anggaran.objects.untuk(kecamatan, tahun).filter(nomenklatur=kegiatan).exists()
        or Indikator.objects.untuk(kecamatan, tahun).filter(nomenklatur=kegiatan).exists()
    ):
        raise GalatRealisasi({"kegiatan": f"Kegiatan {kegiatan.kode} tidak ada pada isian tahun {tahun}."})
    obj = CatatanVerifikator(
        kecamatan=kecamatan,
        tahun=tahun,
        triwulan=triwulan,
        kegiatan=kegiatan,
        catatan=catatan.strip(),
        ditulis_oleh=user,
    )
    obj._history_user = user
    obj.save()
    kabar_kirim(
        [*pengguna_operator(kecamatan), *pengguna_camat(kecamatan)],
        JenisKabar.CATATAN,
        f"Catatan verifikator {label_triwulan(triwulan)} {tahun} untuk Kecamatan {kecamatan.nama}",
        isi=obj.catatan,
        tautan=_tautan_catatan(obj, kecamatan),
        kecamatan=kecamatan,
        kecuali=user,
    )
    return obj


def _tautan_catatan(catatan, kecamatan) -> str:
    from django.urls import reverse

    return (
        reverse("renja:realisasi", kwargs={"kode": kecamatan.kode, "tahun": catatan.tahun})
        + f"#catatan-{catatan.pk}"
    )


@transaction.atomic
def catatan_verifikator_jawab(catatan, jawaban: str, user):
    from django.utils import timezone

    wajib_izin("renja.jawab_catatan", user, catatan.kecamatan_id)
    if not (jawaban or "").strip():
        raise GalatRealisasi({"jawaban": "Jawaban tidak boleh kosong."})
    catatan.jawaban = jawaban.strip()
    catatan.dijawab_oleh, catatan.dijawab_pada = user, timezone.now()
    catatan._history_user = user
    catatan.save()
    kec = catatan.kecamatan
    kabar_kirim(
        [catatan.ditulis_oleh],
        JenisKabar.DIJAWAB,
        f"Catatan {label_triwulan(catatan.triwulan)} {catatan.tahun} dijawab Kecamatan {kec.nama}",
        isi=catatan.jawaban,
        tautan=_tautan_catatan(catatan, kec),
        kecamatan=kec,
        kecuali=user,
    )
    return catatan


# ------------------------------------------------------------------------------------------------
# Rows a kecamatan enters per year on a list page (usulan, prioritas, belanja; lkjip adds pegawai and tujuan):
# one pattern
# ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class JenisIsian:
    """One kind of yearly row entered on its own page: its model (with ``tahun``, ``kecamatan``, ``versi`` and
    history), the permission that allows changing it, the reason recorded in its history and a noun for
    messages (``"usulan"``)."""

    model: Any
    izin: str
    alasan: str
    nama: str


def _galat_validasi(exc: ValidationError) -> dict[str, str]:
    """A model's ValidationError as ``GalatRealisasi`` messages by field; a duplicate key in our own words
    (Django's Indonesian catalogue words it poorly)."""
    galat: dict[str, str] = {}
    for nama, daftar in exc.update_error_dict({}).items():
        for e in daftar:
            pesan = (
                "Baris yang sama sudah tercatat untuk kecamatan dan tahun ini; ubah baris itu."
                if e.code in {"unique", "unique_together"}
                else " ".join(e.messages)
            )
            galat[nama] = f"{galat[nama]} {pesan}" if nama in galat else pesan
    return galat


def _isian_kandidat(obj, baru: dict[str, Any]):
    """A copy of ``obj`` with ``baru`` applied and normalised by the model's own ``clean`` (fields, choices,
    e.g. ``IV / b`` → ``IV/b``), not yet checked against the other rows."""
    kandidat = copy.copy(obj)
    for k, v in baru.items():
        setattr(kandidat, k, v.strip() if isinstance(v, str) else v)
    try:
        kandidat.full_clean(exclude=["versi"], validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        raise GalatRealisasi(_galat_validasi(exc)) from None
    kelurahan = getattr(kandidat, "kelurahan", None)
    if kelurahan is not None and kelurahan.kecamatan_id != kandidat.kecamatan_id:
        raise GalatRealisasi({"kelurahan": "Kelurahan itu bukan bagian dari kecamatan ini."})
    return kandidat


def isian_periksa(obj, baru: dict[str, Any]) -> dict[str, Any]:
    """The house rules of such a row, whoever enters it (page or admin): nothing changes while a document of
    the kecamatan/year is diajukan/disetujui (the lock of the realisasi), the model's validation and its
    uniqueness (a second row with the same key is refused, by name). Returns the normalised values to store;
    raises ``GalatRealisasi``."""
    _cek_kunci(obj, baru)
    kandidat = _isian_kandidat(obj, baru)
    try:
        kandidat.validate_constraints(exclude={"versi"})
    except ValidationError as exc:
        raise GalatRealisasi(_galat_validasi(exc)) from None
    return {k: getattr(kandidat, k) for k in baru}


def isian_simpan(
    jenis: JenisIsian,
    kecamatan,
    tahun: int,
    *,
    obj: Any | None,
    versi: int | None,
    nilai: dict[str, Any],
    user,
) -> Any:
    """Create (``obj`` None) or change a row of the kecamatan and year from its page's form: a change claims
    ``versi`` like the realisasi grid (``KonflikVersi`` when someone saved the row since the page was opened);
    submitting the same values twice (new row or change) is a success."""
    wajib_izin(jenis.izin, user, kecamatan)
    if obj is None:
        baru = jenis.model(kecamatan=kecamatan, tahun=tahun)
        _cek_kunci(baru, {})
        bersih = {k: getattr(_isian_kandidat(baru, nilai), k) for k in nilai}
        sama = jenis.model.objects.untuk(kecamatan, tahun).filter(**bersih).first()
        if sama is not None:
            return sama  # the same row submitted twice
        for k, v in isian_periksa(baru, nilai).items():
            setattr(baru, k, v)
        baru._history_user = user
        baru._change_reason = jenis.alasan
        with transaction.atomic():
            baru.save()
        return baru
    if obj.kecamatan_id != kecamatan.pk or obj.tahun != tahun:
        raise GalatRealisasi({"__all__": f"Baris {jenis.nama} bukan milik kecamatan dan tahun ini."})
    return _simpan_berversi(jenis.model, obj, versi or 0, isian_periksa(obj, nilai), user, jenis.alasan)


def isian_ubah(obj, *, versi: int, nilai: dict[str, Any], user, alasan: str = "Diubah di admin") -> Any:
    """The admin's change of such a row: the page's rules and version claim (see ``anggaran_ubah``)."""
    return _ubah_baris(type(obj), isian_periksa, obj, versi=versi, nilai=nilai, user=user, alasan=alasan)


def isian_hapus(jenis: JenisIsian, obj, *, versi: int, user) -> None:
    """Delete such a row (recorded in its history), refused while the year is locked or when the row changed
    since the page was opened; a row already gone (double submit) is a success."""
    wajib_izin(jenis.izin, user, obj.kecamatan_id)
    _cek_kunci(obj, {})
    with transaction.atomic():
        sekarang = jenis.model.objects.select_for_update().filter(pk=obj.pk).first()
        if sekarang is None:
            return
        if sekarang.versi != versi:
            raise KonflikVersi(sekarang)
        sekarang._history_user = user
        sekarang._change_reason = f"{jenis.alasan}: dihapus"
        sekarang.delete()


USULAN = JenisIsian(Usulan, "renja.ubah_usulan", "Isian usulan masyarakat", "usulan")
PRIORITAS = JenisIsian(Prioritas, "renja.ubah_usulan", "Isian prioritas dan pendanaan", "prioritas")
#: Belanja tidak langsung (spending outside the program tree); its own rules are the model's (``Belanja.clean``).
BELANJA = JenisIsian(Belanja, "renja.ubah_belanja", "Isian belanja tidak langsung", "belanja")
