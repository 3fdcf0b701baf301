"""Sheet 8 ``belanja`` (WORKBOOK.md): spending outside the program tree, one row per (tahun, kecamatan, jenis,
kelurahan). Same rules as the other sheets: every changed cell in the preview, ``versi`` conflicts, rows behind a
diajukan/disetujui document refused (or overridden and audited), realisasi above pagu acknowledged.

Its handler :func:`belanja` and export rows :func:`baris_ekspor` are listed in :mod:`workbook.daftar_lembar`;
its columns in :data:`workbook.kolom.SHEETS`.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from django.db.models import F

from core.angka import format_angka
from renja.models import Belanja
from wilayah.models import Kecamatan

from .kolom import BarisEkspor
from .lembar import Konteks, _alasan, periksa_aturan, periksa_versi, simpan
from .sel import ABSEN, PembacaBaris

__all__ = ["baris_ekspor", "belanja"]

_Kunci = tuple[str, int | None]  # (jenis in lower case, kelurahan pk)

#: Stored rows per import context and (kecamatan, tahun), read once and kept up to date as rows are written.
_TERSIMPAN: WeakKeyDictionary[Konteks, dict[tuple[int, int], dict[_Kunci, Belanja]]] = WeakKeyDictionary()


def _tersimpan(k: Konteks, kecamatan: Kecamatan, tahun: int) -> dict[_Kunci, Belanja]:
    per_konteks = _TERSIMPAN.setdefault(k, {})
    if (kecamatan.pk, tahun) not in per_konteks:
        per_konteks[(kecamatan.pk, tahun)] = {
            (b.jenis.lower(), b.kelurahan_id): b for b in Belanja.objects.untuk(kecamatan, tahun)
        }
    return per_konteks[(kecamatan.pk, tahun)]


def belanja(r: PembacaBaris, k: Konteks) -> str | None:
    tahun = r.tahun()
    kode_kec = r.kode("kode_kecamatan", wajib=True)
    jenis = r.teks("jenis", wajib=True)
    kode_kel = r.kode("kode_kelurahan")
    nilai: dict[str, Any] = {
        "pagu": r.uang("pagu"),
        "realisasi": r.uang("realisasi"),
        "keterangan": r.teks("keterangan"),
    }
    versi = r.bulat("versi")
    if r.galat:
        return None
    jenis = " ".join(jenis.split())
    maks = Belanja._meta.get_field("jenis").max_length or 0
    if len(jenis) > maks:
        r.salah("jenis", f"teks terlalu panjang ({len(jenis)} karakter; paling banyak {maks}).")
        return None
    kec = k.cari_kecamatan(r, kode_kec)
    kel = k.cari_kelurahan(r, kode_kel, kec)
    if r.galat or kec is None or k.ganda(r, (tahun, kode_kec, jenis.lower(), kode_kel or "")):
        return None

    ada = _tersimpan(k, kec, tahun)
    kunci = (jenis.lower(), kel.pk if kel else None)
    obj = ada.get(kunci) or Belanja(tahun=tahun, kecamatan=kec, jenis=jenis, kelurahan=kel)
    alasan = periksa_versi(r, k, obj, versi, nilai)
    catatan = periksa_aturan(r, k, obj, nilai) if alasan is not None else None
    if alasan is None or catatan is None:
        return None
    jadi = {n: (getattr(obj, n) if v is ABSEN else v) for n, v in nilai.items()}
    berubah = any(v is not ABSEN and getattr(obj, n) != v for n, v in nilai.items()) or obj.pk is None
    pagu, realisasi = jadi["pagu"], jadi["realisasi"]
    if berubah and pagu is not None and realisasi is not None and realisasi > pagu:
        sebab = f"realisasi Rp {format_angka(realisasi)} melebihi pagu Rp {format_angka(pagu)}"
        if not k.akui_melebihi_pagu:
            r.salah(
                "realisasi",
                f"{sebab}. Bila memang demikian (mis. dokumen historis), centang 'akui realisasi melebihi "
                "pagu' (web) atau pakai --akui-melebihi-pagu (baris perintah).",
            )
            return None
        catatan.append(sebab)
        k.peringatan.append(f"Sheet '{r.sheet}', baris {r.baris.nomor}: {sebab}; diterima atas konfirmasi.")
    status = simpan(obj, nilai, r, k, _alasan(alasan, catatan))
    ada[kunci] = obj
    return status


def baris_ekspor(kecamatan: Kecamatan, tahun: int | None = None) -> BarisEkspor:
    """The kecamatan's belanja rows (one year, or all) as sheet rows, with their ``versi``."""
    qs = Belanja.objects.untuk(kecamatan, tahun).select_related("kelurahan")
    baris = [
        {
            "tahun": b.tahun,
            "kode_kecamatan": kecamatan.kode,
            "jenis": b.jenis,
            "kode_kelurahan": b.kelurahan.kode if b.kelurahan else "",
            "pagu": b.pagu,
            "realisasi": b.realisasi,
            "keterangan": b.keterangan,
            "versi": b.versi,
        }
        for b in qs.order_by(
            "tahun", "jenis", F("kelurahan__kode").asc(nulls_first=True)
        )  # same on every database
    ]
    return BarisEkspor(baris)
