"""One handler per sheet: read a row, check it against the database, upsert it.

A handler validates everything before it writes anything, returns "created", "updated" or
"unchanged", and records problems on the row reader (then it returns None and writes nothing).
Lookups go through ``Konteks``, which loads each table once, and writes are queued on its ``penulis``
(workbook.penulis) and sent in bulk at the end of each sheet, so an import costs a fixed number of
statements per sheet, whatever its number of rows.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db.models import ForeignKey

from core.angka import format_angka
from core.choices import Polaritas, Sifat, SumberDana, label_triwulan
from core.nilai import Nilai
from lkjip.models import IndikatorSasaran, Sasaran
from renja.models import (
    KEDALAMAN,
    TINGKAT_ANGGARAN,
    TRIWULAN,
    Anggaran,
    Indikator,
    Nomenklatur,
    RenstraTarget,
    RkpdReview,
    Tingkat,
)
from renja.nomenklatur_resmi import cek_resmi
from renja.services import sifat_bawaan, triwulan_ditutup
from wilayah.models import Kecamatan, Kelurahan, Kota

from .berkas import format_jumlah, normalisasi_nama
from .penulis import Penulis
from .sel import ABSEN, PembacaBaris

ALASAN = "Impor workbook"
_KODE_KOTA = re.compile(r"^\d{2}\.\d{2}$")
_KODE_KECAMATAN = re.compile(r"^\d{2}\.\d{2}\.\d{2}$")
_KODE_KELURAHAN = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$")
_PERIODE = re.compile(r"^(\d{4})\s*[-–/]\s*(\d{4})$")


def _pilihan(choices) -> dict[str, str]:
    peta = {}
    for value, label in choices.choices:
        peta[value] = value
        peta[str(label)] = value
    return peta


PILIHAN_TINGKAT = _pilihan(Tingkat)
PILIHAN_SUMBER_DANA = {
    **_pilihan(SumberDana),
    "DAUT": SumberDana.DAU_T,
    "APBD Prov": SumberDana.APBD_PROVINSI,
}
PILIHAN_POLARITAS = _pilihan(Polaritas)
PILIHAN_SIFAT = _pilihan(Sifat)


@dataclass(frozen=True)
class Perubahan:
    """One cell the import changes: sheet, Excel row, column, old → new (as shown to the user)."""

    sheet: str
    baris: int
    kolom: str
    lama: str
    baru: str


@dataclass(frozen=True)
class Konflik:
    """A row changed in the application after the workbook was exported: what each side holds."""

    sheet: str
    baris: int
    versi_aplikasi: int
    versi_workbook: int
    rincian: tuple[tuple[str, str, str], ...]  # (column, value in the application, value in the workbook)

    @property
    def kunci(self) -> str:
        """How admin Bappeda names the row to overwrite: ``anggaran:12`` (web checkbox, ``--timpa-baris``)."""
        return f"{self.sheet}:{self.baris}"


#: periksa_versi's answer for a conflicting row that was not confirmed while confirming per row: left alone.
LEWATI = "lewati"


def kosong(value: Any) -> bool:
    """No value: what ``tampil`` shows as ``kosong`` (without formatting the value to find out)."""
    if value is None:
        return True
    if isinstance(value, str):
        return value == ""
    return isinstance(value, Nilai) and value.kosong


def tampil(value: Any) -> str:
    """A stored or imported value for a message or the preview: Indonesian numbers, ``kosong`` for no value."""
    if kosong(value):
        return "kosong"
    if isinstance(value, Decimal):
        if value.is_finite() and value == value.to_integral_value():
            # a whole number (most Rupiah), as format_angka shows it, without its rounding context per cell
            return f"{int(value):,}".replace(",", ".")
        return format_angka(value)
    return str(value)


def simpan(
    obj,
    nilai: dict[str, Any],
    r: PembacaBaris | None = None,
    k: Konteks | None = None,
    alasan: str = ALASAN,
) -> str:
    """Create (obj.pk is None) or update obj with the given values; ABSEN values are left alone.

    With the row reader and the context, every changed cell is recorded for the preview (``Konteks.perubahan``)
    and the write is queued on ``Konteks.penulis`` (sent in bulk at the end of the sheet, with one history
    record per written row); without them the object is saved at once. A changed row that carries a ``versi``
    (the browser grid's optimistic lock) moves to the next version, so a page opened before the import is
    refused on save instead of silently undoing it. A foreign key is given as the object it points to, which
    may itself still wait in the queue; it is compared by key, never by fetching the stored object.
    """
    nilai = {k: v for k, v in nilai.items() if v is not ABSEN}
    if r is not None and not _muat(r, obj, nilai):
        return "unchanged"  # the row has an error now: rolled back, nothing counted
    penulis = k.penulis if k is not None and r is not None else None
    if obj.pk is None and not (penulis is not None and penulis.tertunda(obj)):
        for nama, v in nilai.items():
            setattr(obj, nama, v)
        if r is not None and k is not None:
            for nama, v in nilai.items():
                if not kosong(v):
                    k.catat(r, nama, None, v)
        obj._change_reason = alasan
        if penulis is not None and r is not None:
            penulis.buat(obj, r.baris.nomor)
        else:
            obj.save()
        return "created"
    berubah = [nama for nama, v in nilai.items() if _beda(obj, nama, v)]
    if not berubah:
        return "unchanged"
    for nama in berubah:
        if r is not None and k is not None:
            k.catat(r, nama, getattr(obj, nama), nilai[nama])
        setattr(obj, nama, nilai[nama])
    if hasattr(obj, "versi"):
        obj.versi += 1
    obj._change_reason = alasan
    if penulis is not None and r is not None:
        penulis.ubah(obj, berubah, r.baris.nomor)
    else:
        obj.save()
    return "updated"


def _beda(obj, nama: str, nilai: Any) -> bool:
    """Whether setting ``nama`` to ``nilai`` changes the row. A foreign key compares keys (no query); one that
    points to an object still queued for creation is the same only when it is that very object."""
    field = obj._meta.get_field(nama)
    if isinstance(field, ForeignKey) and nama == field.name:
        if nilai is not None and nilai.pk is None:
            return not (field.is_cached(obj) and field.get_cached_value(obj) is nilai)
        return getattr(obj, field.attname) != (nilai.pk if nilai is not None else None)
    return getattr(obj, nama) != nilai


def _muat(r: PembacaBaris, obj, nilai: dict[str, Any]) -> bool:
    """Text longer than its database column is an error naming the cell (never cut, never a database error)."""
    for nama, v in nilai.items():
        if not isinstance(v, str):
            continue
        maks = getattr(obj._meta.get_field(nama), "max_length", None)
        if maks is not None and len(v) > maks:
            r.salah(
                KOLOM_TAMPIL.get(nama, nama),
                f"teks terlalu panjang ({format_jumlah(len(v))} karakter; paling banyak {format_jumlah(maks)}).",
            )
    return not r.galat


def gabung(*status: str | None) -> str:
    for s in ("created", "updated"):
        if s in status:
            return s
    return "unchanged"


class Konteks:
    """Caches of what exists, filled once per import and kept up to date as rows are written."""

    def __init__(
        self,
        timpa_versi: bool = False,
        timpa_kunci: bool = False,
        akui_melebihi_pagu: bool = False,
        timpa_baris: frozenset[tuple[str, int]] | None = None,
        kode: Iterable[str] | None = None,
    ) -> None:
        # The nomenklatur codes the workbook names (``kode_dipakai``): only those and their dotted prefixes
        # (every parent ``induk_terpanjang`` may look for) are read, not the whole national table. None: all.
        self._kode = None if kode is None else _awalan_kode(kode)
        # What admin Bappeda confirmed for this import (each use is a warning and goes into the audit trail):
        self.timpa_versi = timpa_versi  # overwrite rows changed in the application after the export
        # per row: overwrite only these (normalised sheet name, Excel row); other conflicts are skipped.
        # None: no per-row confirmation (a conflict is an error unless timpa_versi).
        self.timpa_baris = timpa_baris
        self.konflik: list[Konflik] = []
        self.timpa_kunci = timpa_kunci  # change closed quarters and rows behind a diajukan/disetujui document
        self.akui_melebihi_pagu = (
            akui_melebihi_pagu  # realisasi above pagu (historical documents hold such rows)
        )
        self._ditutup: dict[tuple[int, int], set[int]] = {}
        self._dokumen: dict[tuple[int, int], str | None] | None = None
        self.perubahan: list[Perubahan] = []
        self.peringatan: list[str] = []
        # indikator rows whose blank sifat got renja.services.sifat_bawaan: (sheet, Excel row, sifat)
        self.sifat_otomatis: list[tuple[str, int, str]] = []
        self.penulis = Penulis()  # the writes of the sheet being imported (sent by the importer at its end)
        self.lupakan()

    def catatan_sifat(self) -> list[str]:
        """The preview's note on blank sifat cells, per sheet: which rows got ``akhir`` and which ``kumulatif``."""
        per_sheet: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        for sheet, baris, sifat in self.sifat_otomatis:
            per_sheet[sheet][sifat].append(baris)

        def daftar(baris: list[int]) -> str:
            teks = ", ".join(str(b) for b in baris[:20])
            return teks + (f" dan {len(baris) - 20} lainnya" if len(baris) > 20 else "")

        return [
            f"Sheet '{sheet}': kolom sifat kosong, diisi sifat bawaan ('akhir' untuk persentase, indeks, nilai "
            "dan predikat; selain itu 'kumulatif'): "
            + "; ".join(f"'{sifat}' di baris {daftar(baris)}" for sifat, baris in sorted(per_sifat.items()))
            + "."
            for sheet, per_sifat in per_sheet.items()
        ]

    def catat(self, r: PembacaBaris, nama: str, lama: Any, baru: Any) -> None:
        kolom = KOLOM_TAMPIL.get(nama, nama)
        if nama in ("induk", "induk_id"):
            lama, baru = (
                v.kode if isinstance(v, Nomenklatur) else self._kode_nomenklatur(v) for v in (lama, baru)
            )
        self.perubahan.append(Perubahan(r.sheet, r.baris.nomor, kolom, tampil(lama), tampil(baru)))

    def ditutup(self, kecamatan_id: int, tahun: int) -> set[int]:
        """Quarters the camat has closed (renja.services, the grid's own reading), read once per kecamatan/year."""
        kunci = (kecamatan_id, tahun)
        if kunci not in self._ditutup:
            self._ditutup[kunci] = triwulan_ditutup(kecamatan_id, tahun)
        return self._ditutup[kunci]

    def dokumen_terkunci(self, kecamatan_id: int, tahun: int) -> str | None:
        """The document (latest revision of a Renja or LKjIP) of that kecamatan and year that is diajukan or
        disetujui, as text for a message; None when its rows may change.

        workbook and dokumen are independent siblings (import-linter): the model is looked up by name, read-only.
        """
        if self._dokumen is None:
            Dokumen = apps.get_model("dokumen", "Dokumen")
            terakhir: dict[tuple[int, int, str], Any] = {}
            for d in Dokumen.objects.order_by("revisi"):
                terakhir[(d.kecamatan_id, d.tahun, d.jenis)] = d
            self._dokumen = {}
            for (kec, th, _), d in sorted(terakhir.items()):
                if d.status in ("diajukan", "disetujui") and (kec, th) not in self._dokumen:
                    self._dokumen[(kec, th)] = f"{d.get_jenis_display()} {th} yang sudah {d.status}"
        return self._dokumen.get((kecamatan_id, tahun))

    def _kode_nomenklatur(self, pk: int | None) -> str:
        if pk is None:
            return ""
        kode = next((n.kode for n in self.nomenklatur.values() if n.pk == pk), None)
        if kode is None:  # a node the workbook does not name (a parent it moves a node away from): rare
            kode = Nomenklatur.objects.filter(pk=pk).values_list("kode", flat=True).first()
        return kode or str(pk)

    def lupakan(self) -> None:
        self.kota = {k.kode: k for k in Kota.objects.order_by()}
        self.kecamatan = {k.kode: k for k in Kecamatan.objects.order_by()}
        self.kelurahan = {k.kode: k for k in Kelurahan.objects.order_by()}
        nomenklatur = Nomenklatur.objects.order_by()
        if self._kode is not None:
            nomenklatur = nomenklatur.filter(kode__in=self._kode)
        self.nomenklatur = {n.kode: n for n in nomenklatur}
        # Each object points to the cached one it belongs to, so reading ``kec.kota`` or a node's ``induk``
        # (the preview's old value) costs no query.
        _kaitkan(self.kecamatan.values(), Kecamatan, "kota", self.kota.values())
        _kaitkan(self.kelurahan.values(), Kelurahan, "kecamatan", self.kecamatan.values())
        _kaitkan(self.nomenklatur.values(), Nomenklatur, "induk", self.nomenklatur.values())
        self._data: dict[tuple, dict] = {}
        self.dipakai: dict[tuple, int] = {}  # natural key -> first Excel row in this workbook
        self.urutan: defaultdict[tuple, int] = defaultdict(int)

    def data(self, model, kunci_baris: Callable[[Any], tuple] | None = None, **filter_) -> dict:
        """Existing rows of a model for one kecamatan (and year), keyed by their natural key (``kunci_baris``,
        for the models of other sheet modules; by default the key of this module's models)."""
        kunci = (model, tuple(sorted(filter_.items())))
        if kunci not in self._data:
            baca = kunci_baris or _kunci
            self._data[kunci] = {baca(obj): obj for obj in model.objects.filter(**filter_).order_by()}
        return self._data[kunci]

    def ganda(self, r: PembacaBaris, kunci: tuple) -> bool:
        """A second row with the same natural key in one workbook is an error, not a silent overwrite."""
        kunci = (r.sheet,) + kunci
        if kunci in self.dipakai:
            r.salah(None, f"baris ganda: kuncinya sama dengan baris {self.dipakai[kunci]}.")
            return True
        self.dipakai[kunci] = r.baris.nomor
        return False

    def induk_terpanjang(self, kode: str) -> Nomenklatur | None:
        """The parent by the contract's rule: the longest known code that ``kode`` starts with, then a dot.

        A Permendagri 90 kegiatan ``7.01.01.2.01`` thus hangs under the program ``7.01.01`` (its own segment
        ``2.01`` holds a dot), and an old code ``5001.13.001`` under ``5001.13``.
        """
        bagian = kode.split(".")
        for n in range(len(bagian) - 1, 0, -1):
            node = self.nomenklatur.get(".".join(bagian[:n]))
            if node is not None:
                return node
        return None

    # -- lookups that report what is missing ---------------------------------------------------
    def cari_kecamatan(self, r: PembacaBaris, kode: str) -> Kecamatan | None:
        kec = self.kecamatan.get(kode)
        if kec is None and kode:
            r.salah("kode_kecamatan", f"kecamatan '{kode}' tidak dikenal; tambahkan dulu di sheet wilayah.")
        return kec

    def cari_kelurahan(self, r: PembacaBaris, kode: Any, kecamatan: Kecamatan | None) -> Kelurahan | None:
        if kode in (None, "", ABSEN):
            return None
        kel = self.kelurahan.get(kode)
        if kel is None:
            r.salah("kode_kelurahan", f"kelurahan '{kode}' tidak dikenal; tambahkan dulu di sheet wilayah.")
        elif kecamatan is not None and kel.kecamatan_id != kecamatan.pk:
            r.salah("kode_kelurahan", f"kelurahan '{kode}' bukan bagian dari {kecamatan}.")
            return None
        return kel

    def cari_nomenklatur(self, r: PembacaBaris, kode: str, boleh: tuple[str, ...]) -> Nomenklatur | None:
        node = self.nomenklatur.get(kode)
        if node is None:
            if kode:
                r.salah(
                    "kode", f"kode '{kode}' tidak ada di nomenklatur; tambahkan dulu di sheet nomenklatur."
                )
            return None
        if node.tingkat not in boleh:
            nama = ", ".join(Tingkat(t).label.lower() for t in boleh)
            r.salah(
                "kode",
                f"kode '{kode}' adalah {node.get_tingkat_display().lower()}; di sheet ini hanya {nama}.",
            )
            return None
        return node


def kode_dipakai(sheets: Iterable[Any]) -> set[str]:
    """Every text in a ``kode…`` column of the workbook's sheets (``berkas.Sheet``): the codes it names."""
    hasil = set()
    for sheet in sheets:
        kolom = [k for k in sheet.kolom if k.startswith("kode")]
        for baris in sheet.baris:
            for k in kolom:
                v = baris.sel.get(k)
                if v not in (None, ""):
                    hasil.add(str(v).strip())
    return hasil


def _awalan_kode(kode: Iterable[str]) -> list[str]:
    """Each code with its dotted prefixes (``7.01.01.2.01`` → ``7``, ``7.01``, ``7.01.01``, ``7.01.01.2``…)."""
    hasil: set[str] = set()
    for k in kode:
        bagian = k.split(".")
        hasil.update(".".join(bagian[:n]) for n in range(1, len(bagian) + 1))
    return sorted(hasil)


def _kaitkan(objs: Iterable[Any], model, nama: str, tujuan: Iterable[Any]) -> None:
    field = model._meta.get_field(nama)
    per_pk = {t.pk: t for t in tujuan}
    for obj in objs:
        pk = getattr(obj, field.attname)
        if pk is not None and pk in per_pk:
            field.set_cached_value(obj, per_pk[pk])


#: Model field -> the workbook column it comes from, where the names differ.
KOLOM_TAMPIL = {
    "induk_id": "kode_induk",
    "induk": "kode_induk",
    "uraian": "uraian",
    "nama": "nama",
    "kota": "kode_kota",
}


def periksa_versi(r: PembacaBaris, k: Konteks, obj, versi: Any, nilai: dict[str, Any]) -> str | None:
    """The change reason to save with, ``LEWATI`` (leave the row alone), or None when the row is refused (the
    error is on the row).

    A row whose workbook ``versi`` is older than the stored one was changed in the application after the export:
    overwriting it would undo someone's newer entry. It is listed as a conflict (``Konteks.konflik``: both
    values) and overwritten only when admin Bappeda confirmed it (all rows: ``timpa_versi``; this row:
    ``timpa_baris``), the override then written into the audit trail's change reason. When confirming per row,
    an unconfirmed conflict is skipped and reported; otherwise it is an error. Rows without a versi (hand-made
    workbooks) and rows that change nothing are imported as before.
    """
    if obj.pk is None or versi in (None, ABSEN) or versi >= obj.versi:
        return ALASAN
    beda = [
        (nama, getattr(obj, nama), v)
        for nama, v in nilai.items()
        if v is not ABSEN and getattr(obj, nama) != v
    ]
    if not beda:
        return ALASAN
    k.konflik.append(
        Konflik(
            r.sheet,
            r.baris.nomor,
            obj.versi,
            versi,
            tuple((KOLOM_TAMPIL.get(nama, nama), tampil(lama), tampil(baru)) for nama, lama, baru in beda),
        )
    )
    sebab = f"diubah di aplikasi setelah workbook ini diekspor (versi {obj.versi}, workbook versi {versi})"
    rincian = "; ".join(
        f"{nama}: {tampil(lama)} di aplikasi, {tampil(baru)} di workbook" for nama, lama, baru in beda
    )
    tempat = f"Sheet '{r.sheet}', baris {r.baris.nomor}"
    per_baris = k.timpa_baris is not None and (normalisasi_nama(r.sheet), r.baris.nomor) in k.timpa_baris
    if k.timpa_versi or per_baris:
        cara = "konfirmasi baris ini" if per_baris and not k.timpa_versi else "konfirmasi"
        k.peringatan.append(f"{tempat}: {sebab}; ditimpa atas {cara} ({rincian}).")
        return (
            f"{ALASAN}: menimpa perubahan yang lebih baru (versi {obj.versi}, workbook versi {versi}; {cara})"
        )
    if k.timpa_baris is not None:
        k.peringatan.append(
            f"{tempat}: {sebab}; tidak dikonfirmasi, jadi dilewati: isi aplikasi dipertahankan ({rincian})."
        )
        return LEWATI
    r.salah(
        "versi",
        f"{sebab}: {rincian}. Ekspor ulang workbook-nya, atau bila isi workbook ini yang benar, centang "
        "baris itu (atau 'timpa perubahan yang lebih baru') di pratinjau web, atau pakai --timpa-baris "
        f"{r.sheet}:{r.baris.nomor} / --timpa-versi (baris perintah).",
    )
    return None


def periksa_aturan(r: PembacaBaris, k: Konteks, obj, nilai: dict[str, Any]) -> list[str] | None:
    """The browser's rules for an anggaran/indikator row: closed quarters and rows behind a diajukan/disetujui
    document are refused, realisasi above pagu needs an acknowledgement. Returns the notes for the audit trail
    (what was overridden or acknowledged), or None when the row is refused (the errors are on the row)."""
    baru = {
        nama: v
        for nama, v in nilai.items()
        if v is not ABSEN and (getattr(obj, nama) != v if obj.pk else not kosong(v))
    }
    if not baru:
        return []
    catatan: list[str] = []

    def langgar(kolom: str | None, sebab: str, boleh: bool, saran: str) -> None:
        if boleh:
            catatan.append(sebab)
            k.peringatan.append(
                f"Sheet '{r.sheet}', baris {r.baris.nomor}: {sebab}; diterima atas konfirmasi."
            )
        else:
            r.salah(kolom, f"{sebab}. {saran}")

    kunci = "Minta camat membuka triwulannya, atau admin Bappeda mencentang 'timpa data yang terkunci' (web) / --timpa-kunci (baris perintah)."
    ditutup = sorted(tw for tw in k.ditutup(obj.kecamatan_id, obj.tahun) if f"realisasi_tw{tw}" in baru)
    if ditutup:
        daftar = ", ".join(label_triwulan(tw) for tw in ditutup)
        langgar(f"realisasi_tw{ditutup[0]}", f"{daftar} sudah ditutup camat", k.timpa_kunci, kunci)
    dokumen = k.dokumen_terkunci(obj.kecamatan_id, obj.tahun)
    if dokumen:
        langgar(
            None,
            f"baris ini termasuk dokumen {dokumen}; isinya tidak dapat diubah",
            k.timpa_kunci,
            "Minta dokumen dikembalikan atau dibuka revisi baru, atau admin Bappeda mencentang 'timpa data yang "
            "terkunci' (web) / --timpa-kunci (baris perintah).",
        )
    if isinstance(obj, Anggaran) and set(baru) & {
        "pagu",
        "realisasi",
        *(f"realisasi_tw{tw}" for tw in TRIWULAN),
    }:
        jadi = {
            nama: (getattr(obj, nama) if nilai.get(nama, ABSEN) is ABSEN else nilai[nama]) for nama in nilai
        }
        triwulan = [jadi[f"realisasi_tw{tw}"] for tw in TRIWULAN if jadi[f"realisasi_tw{tw}"] is not None]
        realisasi = sum(triwulan, Decimal(0)) if triwulan else jadi["realisasi"]
        if realisasi is not None and jadi["pagu"] is not None and realisasi > jadi["pagu"]:
            langgar(
                "realisasi",
                f"realisasi Rp {format_angka(realisasi)} melebihi pagu Rp {format_angka(jadi['pagu'])}",
                k.akui_melebihi_pagu,
                "Bila memang demikian (mis. dokumen historis), centang 'akui realisasi melebihi pagu' (web) atau "
                "pakai --akui-melebihi-pagu (baris perintah).",
            )
    return None if r.galat else catatan


def _alasan(alasan: str, catatan: list[str]) -> str:
    return alasan + "".join(f"; {c}" for c in catatan)


def _kunci(obj) -> tuple:
    if isinstance(obj, Anggaran):
        return (obj.nomenklatur_id, obj.kelurahan_id, obj.sumber_dana)
    if isinstance(obj, Indikator):
        return (obj.nomenklatur_id, obj.uraian)
    if isinstance(obj, RenstraTarget):
        return (obj.periode_awal, obj.periode_akhir, obj.nomenklatur_id, obj.indikator)
    if isinstance(obj, RkpdReview):
        return (obj.nomenklatur_id, obj.kelurahan_id, obj.indikator)
    if isinstance(obj, Sasaran):
        return (obj.uraian,)
    if isinstance(obj, IndikatorSasaran):
        return (obj.sasaran_id, obj.uraian)
    if hasattr(obj, "kunci_impor"):  # models of the later sheets name their own key
        return obj.kunci_impor()
    raise TypeError(obj)


# ------------------------------------------------------------------------------------------------
# wilayah
# ------------------------------------------------------------------------------------------------
def wilayah(r: PembacaBaris, k: Konteks) -> str | None:
    kode_kota = r.kode("kode_kota")
    nama_kota = r.teks("nama_kota")
    kode_kec = r.kode("kode_kecamatan", wajib=True)
    nama_kec = r.teks("nama_kecamatan", wajib=True)
    kode_kel = r.kode("kode_kelurahan")
    nama_kel = r.teks("nama_kelurahan")
    rt_rw = r.bulat("jumlah_rt_rw")
    atribut = {nama: r.teks(nama) for nama in ("alamat_kantor", "nama_camat", "nip_camat")}
    if r.galat:
        return None
    kode_kota, kode_kel, nama_kota, nama_kel = (
        "" if v is ABSEN else v for v in (kode_kota, kode_kel, nama_kota, nama_kel)
    )
    if kode_kota and not _KODE_KOTA.match(kode_kota):
        r.salah(
            "kode_kota", f"kode kota '{kode_kota}' tidak sah; bentuknya 2 angka titik 2 angka, mis. 36.73."
        )
    if not _KODE_KECAMATAN.match(kode_kec):
        r.salah("kode_kecamatan", f"kode kecamatan '{kode_kec}' tidak sah; contoh yang benar: 36.73.01.")
    if kode_kel and not _KODE_KELURAHAN.match(kode_kel):
        r.salah("kode_kelurahan", f"kode kelurahan '{kode_kel}' tidak sah; contoh yang benar: 36.73.01.1001.")
    if r.galat:
        return None

    kec = k.kecamatan.get(kode_kec)
    if not kode_kota:
        if kec is not None:
            kode_kota = kec.kota.kode
        elif len(k.kota) == 1:
            kode_kota = next(iter(k.kota))
        else:
            r.salah(
                "kode_kota",
                "kosong, padahal "
                + ("belum ada kota" if not k.kota else "ada lebih dari satu kota")
                + " di basis data; isi kode_kota.",
            )
            return None
    if not kode_kec.startswith(kode_kota + "."):
        r.salah("kode_kecamatan", f"kecamatan '{kode_kec}' tidak berada di kota '{kode_kota}'.")
    if kode_kel and not kode_kel.startswith(kode_kec + "."):
        r.salah("kode_kelurahan", f"kelurahan '{kode_kel}' tidak berada di kecamatan '{kode_kec}'.")
    kota = k.kota.get(kode_kota)
    if kota is None and not nama_kota:
        r.salah("nama_kota", f"kota '{kode_kota}' belum ada; isi nama_kota untuk menambahkannya.")
    kel = k.kelurahan.get(kode_kel) if kode_kel else None
    if kode_kel and kel is None and not nama_kel:
        r.salah("nama_kelurahan", f"kelurahan '{kode_kel}' belum ada; isi nama_kelurahan.")
    if r.galat or k.ganda(r, (kode_kec, kode_kel)):
        return None

    status = []
    if kota is None:
        kota = Kota(kode=kode_kota)
    status.append(simpan(kota, {"nama": nama_kota or kota.nama}, r, k))
    k.kota[kode_kota] = kota

    if kec is None:
        kec = Kecamatan(kode=kode_kec)
    nilai_kec: dict[str, Any] = {"kota": kota, "nama": nama_kec}
    for nama, value in atribut.items():
        # A kelurahan row never erases the kecamatan's letterhead data; a kecamatan row may.
        if value is ABSEN or (kode_kel and not value):
            continue
        nilai_kec[nama] = value
    status.append(simpan(kec, nilai_kec, r, k))
    k.kecamatan[kode_kec] = kec

    if kode_kel:
        if kel is None:
            kel = Kelurahan(kode=kode_kel)
        status.append(
            simpan(kel, {"kecamatan": kec, "nama": nama_kel or kel.nama, "jumlah_rt_rw": rt_rw}, r, k)
        )
        k.kelurahan[kode_kel] = kel
    return gabung(*status)


# ------------------------------------------------------------------------------------------------
# nomenklatur
# ------------------------------------------------------------------------------------------------
def nomenklatur(r: PembacaBaris, k: Konteks) -> str | None:
    kode = r.kode("kode", wajib=True)
    tingkat = r.pilihan("tingkat", PILIHAN_TINGKAT)
    uraian = r.teks("uraian", wajib=True)
    kode_induk = r.kode("kode_induk")
    kelompok = r.teks("kelompok")
    if tingkat in (None, ABSEN) and not r.galat:
        r.salah("tingkat", "wajib diisi: urusan, bidang_urusan, program, kegiatan atau sub_kegiatan.")
    if r.galat or k.ganda(r, (kode,)):
        return None

    kedalaman = KEDALAMAN[tingkat]
    induk = None
    if kode_induk not in (None, "", ABSEN):
        induk = k.nomenklatur.get(kode_induk)
        if induk is None:
            r.salah("kode_induk", f"induk '{kode_induk}' tidak ada di basis data maupun di baris sebelumnya.")
            return None
    elif "." in kode:
        induk = k.induk_terpanjang(kode)
        if induk is None and tingkat not in (Tingkat.URUSAN, Tingkat.PROGRAM):
            r.salah(
                "kode",
                f"induk kode '{kode}' tidak ditemukan: tidak ada kode yang sudah dikenal (di basis data atau di "
                "baris sebelumnya) yang menjadi awal kode ini diikuti titik; tambahkan induknya lebih dulu "
                "atau isi kode_induk.",
            )
            return None
    elif tingkat not in (Tingkat.URUSAN, Tingkat.PROGRAM):
        r.salah("kode_induk", f"{Tingkat(tingkat).label.lower()} harus punya induk; isi kode_induk.")
        return None
    if induk is not None and induk.kedalaman != kedalaman - 1:
        r.salah(
            "kode_induk",
            f"induk '{induk.kode}' adalah {induk.get_tingkat_display().lower()}; "
            f"{Tingkat(tingkat).label.lower()} harus tepat satu tingkat di bawah induknya.",
        )
        return None

    node = k.nomenklatur.get(kode)
    if node is None:
        node = Nomenklatur(kode=kode)
    elif node.tingkat != tingkat:
        r.salah(
            "tingkat",
            f"kode '{kode}' sudah tercatat sebagai {node.get_tingkat_display().lower()}; tingkat tidak dapat diubah.",
        )
        return None
    status = simpan(
        node,
        {
            "tingkat": tingkat,
            "uraian": uraian,
            "induk": induk,
            "kelompok": kelompok if kelompok is not ABSEN else ABSEN,
        },
        r,
        k,
    )
    k.nomenklatur[kode] = node
    resmi = cek_resmi(kode, uraian)
    if resmi:
        r.peringatan.append(f"Sheet '{r.sheet}', baris {r.baris.nomor}: {resmi}")
    return status


# ------------------------------------------------------------------------------------------------
# anggaran
# ------------------------------------------------------------------------------------------------
def anggaran(r: PembacaBaris, k: Konteks) -> str | None:
    tahun = r.tahun()
    kode_kec = r.kode("kode_kecamatan", wajib=True)
    kode = r.kode("kode", wajib=True)
    kode_kel = r.kode("kode_kelurahan")
    sumber = r.pilihan("sumber_dana", PILIHAN_SUMBER_DANA, bawaan=SumberDana.APBD)
    uang = {nama: r.uang(nama) for nama in ("pagu", "realisasi", *(f"realisasi_tw{tw}" for tw in TRIWULAN))}
    versi = r.bulat("versi")
    if r.galat:
        return None
    kec = k.cari_kecamatan(r, kode_kec)
    node = k.cari_nomenklatur(r, kode, TINGKAT_ANGGARAN)
    kel = k.cari_kelurahan(r, kode_kel, kec)
    if r.galat or k.ganda(r, (tahun, kode_kec, kode, kode_kel or "", sumber)):
        return None

    ada = k.data(Anggaran, kecamatan=kec, tahun=tahun)
    kunci = (node.pk, kel.pk if kel else None, sumber)
    obj = ada.get(kunci) or Anggaran(
        tahun=tahun, kecamatan=kec, nomenklatur=node, kelurahan=kel, sumber_dana=sumber
    )
    # The row as it will be: stored values where this workbook has no such column.
    hasil = {nama: (getattr(obj, nama) if v is ABSEN else v) for nama, v in uang.items()}
    triwulan = [hasil[f"realisasi_tw{tw}"] for tw in TRIWULAN if hasil[f"realisasi_tw{tw}"] is not None]
    if triwulan and hasil["realisasi"] is not None and sum(triwulan, Decimal(0)) != hasil["realisasi"]:
        r.salah(
            "realisasi",
            f"realisasi setahun ({format_angka(hasil['realisasi'])}) tidak sama dengan jumlah realisasi triwulan "
            f"({format_angka(sum(triwulan, Decimal(0)))}); kosongkan kolom realisasi atau samakan.",
        )
        return None
    alasan = periksa_versi(r, k, obj, versi, uang)
    if alasan == LEWATI:
        return "unchanged"
    catatan = periksa_aturan(r, k, obj, uang) if alasan is not None else None
    if alasan is None or catatan is None:
        return None
    status = simpan(obj, uang, r, k, _alasan(alasan, catatan))
    ada[kunci] = obj
    return status


# ------------------------------------------------------------------------------------------------
# indikator
# ------------------------------------------------------------------------------------------------
def indikator(r: PembacaBaris, k: Konteks) -> str | None:
    tahun = r.tahun()
    kode_kec = r.kode("kode_kecamatan", wajib=True)
    kode = r.kode("kode", wajib=True)
    uraian = r.teks("indikator", wajib=True)
    nilai = {
        "satuan": r.teks("satuan"),
        "target": r.nilai("target"),
        "realisasi": r.nilai("realisasi"),
        **{f"realisasi_tw{tw}": r.nilai(f"realisasi_tw{tw}") for tw in TRIWULAN},
        "polaritas": r.pilihan("polaritas", PILIHAN_POLARITAS, bawaan=Polaritas.POSITIF),
        "sifat": r.pilihan("sifat", PILIHAN_SIFAT),
    }
    urutan = r.bulat("urutan", minimum=1)
    versi = r.bulat("versi")
    if r.galat:
        return None
    kec = k.cari_kecamatan(r, kode_kec)
    node = k.cari_nomenklatur(r, kode, (Tingkat.PROGRAM, Tingkat.KEGIATAN, Tingkat.SUB_KEGIATAN))
    if r.galat or k.ganda(r, (tahun, kode_kec, kode, uraian)):
        return None
    ada = k.data(Indikator, kecamatan=kec, tahun=tahun)
    kunci = (node.pk, uraian)
    k.urutan[("indikator", tahun, kec.pk, node.pk)] += 1
    obj = ada.get(kunci)
    if urutan in (None, ABSEN):
        # Default: the row order within the node; an existing row keeps its place.
        urutan = ABSEN if obj is not None else k.urutan[("indikator", tahun, kec.pk, node.pk)]
    if obj is None:
        obj = Indikator(tahun=tahun, kecamatan=kec, nomenklatur=node, uraian=uraian)
    if nilai["sifat"] is None or (nilai["sifat"] is ABSEN and obj.pk is None):
        # Blank (or, for a new row, no sifat column): a percentage, index, score or grade is `akhir`, anything
        # counted `kumulatif` (the issue overrides the contract's plain kumulatif default; README). The export
        # writes the sifat explicitly, so an exported workbook round-trips unchanged.
        satuan = obj.satuan if nilai["satuan"] is ABSEN else nilai["satuan"]
        target = obj.target if nilai["target"] is ABSEN else nilai["target"]
        bawaan = sifat_bawaan(satuan, target)
        nilai["sifat"] = bawaan
        k.sifat_otomatis.append((r.sheet, r.baris.nomor, str(bawaan)))
    nilai["urutan"] = urutan
    alasan = periksa_versi(r, k, obj, versi, nilai)
    if alasan == LEWATI:
        return "unchanged"
    catatan = periksa_aturan(r, k, obj, nilai) if alasan is not None else None
    if alasan is None or catatan is None:
        return None
    status = simpan(obj, nilai, r, k, _alasan(alasan, catatan))
    ada[kunci] = obj
    return status


# ------------------------------------------------------------------------------------------------
# renstra
# ------------------------------------------------------------------------------------------------
def renstra(r: PembacaBaris, k: Konteks) -> str | None:
    periode = r.mentah("periode")
    kode_kec = r.kode("kode_kecamatan", wajib=True)
    kode = r.kode("kode", wajib=True)
    uraian = r.teks("indikator")
    target = r.nilai("target_akhir")
    pagu = r.uang("pagu_akhir")
    cocok = _PERIODE.match(str(periode).strip()) if isinstance(periode, str) else None
    if periode in (None, ABSEN):
        r.salah("periode", "wajib diisi, mis. 2019-2023.")
    elif not cocok or int(cocok.group(2)) < int(cocok.group(1)):
        r.salah(
            "periode",
            f"periode '{periode}' tidak sah; tulis sebagai teks tahun awal-tahun akhir, mis. 2019-2023.",
        )
    if r.galat:
        return None
    awal, akhir = int(cocok.group(1)), int(cocok.group(2))
    uraian = "" if uraian is ABSEN else uraian
    kec = k.cari_kecamatan(r, kode_kec)
    node = k.cari_nomenklatur(r, kode, (Tingkat.PROGRAM, Tingkat.KEGIATAN, Tingkat.SUB_KEGIATAN))
    if r.galat or k.ganda(r, (awal, akhir, kode_kec, kode, uraian)):
        return None
    ada = k.data(RenstraTarget, kecamatan=kec)
    kunci = (awal, akhir, node.pk, uraian)
    obj = ada.get(kunci) or RenstraTarget(
        periode_awal=awal, periode_akhir=akhir, kecamatan=kec, nomenklatur=node, indikator=uraian
    )
    status = simpan(obj, {"target_akhir": target, "pagu_akhir": pagu}, r, k)
    ada[kunci] = obj
    return status


# ------------------------------------------------------------------------------------------------
# sasaran
# ------------------------------------------------------------------------------------------------
def sasaran(r: PembacaBaris, k: Konteks) -> str | None:
    tahun = r.tahun()
    kode_kec = r.kode("kode_kecamatan", wajib=True)
    uraian_sasaran = r.teks("sasaran", wajib=True)
    uraian = r.teks("indikator", wajib=True)
    nilai = {
        "satuan": r.teks("satuan"),
        "target": r.nilai("target"),
        "realisasi": r.nilai("realisasi"),
        "polaritas": r.pilihan("polaritas", PILIHAN_POLARITAS, bawaan=Polaritas.POSITIF),
        "formula": r.teks("formula"),
    }
    if r.galat:
        return None
    kec = k.cari_kecamatan(r, kode_kec)
    if r.galat or k.ganda(r, (tahun, kode_kec, uraian_sasaran, uraian)):
        return None
    semua = k.data(Sasaran, kecamatan=kec, tahun=tahun)
    status = []
    induk = semua.get((uraian_sasaran,))
    if induk is None:
        urutan = len(semua) + 1
        induk = Sasaran(tahun=tahun, kecamatan=kec, uraian=uraian_sasaran)
        status.append(simpan(induk, {"urutan": urutan}, r, k))
        semua[(uraian_sasaran,)] = induk
    anak = k.data(IndikatorSasaran, sasaran__kecamatan=kec, sasaran__tahun=tahun)
    # a sasaran new in this sheet has no key until the sheet is written: its indicators go by the object
    sid = induk.pk if induk.pk is not None else ("baru", id(induk))
    kunci = (sid, uraian)
    obj = anak.get(kunci)
    if obj is None:
        obj = IndikatorSasaran(sasaran=induk, uraian=uraian)
        nilai["urutan"] = sum(1 for (s, _) in anak if s == sid) + 1
    status.append(simpan(obj, nilai, r, k))
    anak[kunci] = obj
    return gabung(*status)


# ------------------------------------------------------------------------------------------------
# rkpd
# ------------------------------------------------------------------------------------------------
def rkpd(r: PembacaBaris, k: Konteks) -> str | None:
    tahun = r.tahun()
    kode_kec = r.kode("kode_kecamatan", wajib=True)
    kode = r.kode("kode", wajib=True)
    kode_kel = r.kode("kode_kelurahan")
    uraian = r.teks("indikator")
    nilai = {
        "target_rancangan": r.teks("target_rancangan"),
        "pagu_rancangan": r.uang("pagu_rancangan"),
        "target_kebutuhan": r.teks("target_kebutuhan"),
        "pagu_kebutuhan": r.uang("pagu_kebutuhan"),
        "catatan": r.teks("catatan"),
    }
    if r.galat:
        return None
    uraian = "" if uraian is ABSEN else uraian
    kec = k.cari_kecamatan(r, kode_kec)
    node = k.cari_nomenklatur(r, kode, (Tingkat.PROGRAM, Tingkat.KEGIATAN, Tingkat.SUB_KEGIATAN))
    kel = k.cari_kelurahan(r, kode_kel, kec)
    if r.galat or k.ganda(r, (tahun, kode_kec, kode, kode_kel or "", uraian)):
        return None
    ada = k.data(RkpdReview, kecamatan=kec, tahun=tahun)
    kunci = (node.pk, kel.pk if kel else None, uraian)
    obj = ada.get(kunci)
    if obj is None:
        # New lines keep the workbook's order, after the lines already stored.
        obj = RkpdReview(tahun=tahun, kecamatan=kec, nomenklatur=node, kelurahan=kel, indikator=uraian)
        nilai["urutan"] = max((o.urutan for o in ada.values()), default=0) + 1
    status = simpan(obj, nilai, r, k)
    ada[kunci] = obj
    return status
