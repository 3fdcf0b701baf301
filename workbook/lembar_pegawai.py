"""Sheet 9 ``pegawai`` (WORKBOOK.md): the staff list of a report year (LKjIP Tabel 1.2), import and export.

Same rules as the other sheets: every cell checked before anything is written, errors per cell, the preview
lists every changed cell, and a row behind a diajukan/disetujui document of that kecamatan and year is refused
unless admin Bappeda confirmed the override. Key: (tahun, kode_kecamatan, nip), or (tahun, kode_kecamatan,
nama) when nip is blank. Its handler and export rows are listed in :mod:`workbook.daftar_lembar`.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from lkjip.kepegawaian import (
    IsianTidakSah,
    normalisasi_eselon,
    normalisasi_pangkat,
    normalisasi_pendidikan,
)
from lkjip.models import Pegawai
from wilayah.models import Kecamatan

from .kolom import BarisEkspor
from .lembar import ALASAN, Konteks, gabung, simpan
from .sel import ABSEN, PembacaBaris

__all__ = ["baris_pegawai", "pegawai"]


def _normal(r: PembacaBaris, kolom: str, fungsi) -> Any:
    teks = r.teks(kolom)
    if teks is ABSEN:
        return ABSEN
    try:
        return fungsi(teks)
    except IsianTidakSah as exc:
        r.salah(kolom, str(exc))
        return ABSEN


def pegawai(r: PembacaBaris, k: Konteks) -> str | None:
    tahun = r.tahun()
    kode_kec = r.kode("kode_kecamatan", wajib=True)
    nama = r.teks("nama", wajib=True)
    nip = r.teks("nip")
    if isinstance(r.mentah("nip"), int | float) and not r.galat:
        # an 18-digit NIP typed into a number cell has already lost its last digits in Excel
        r.salah(
            "nip",
            f"NIP tersimpan sebagai angka ({nip}); Excel hanya menyimpan 15 angka pertama. Format kolom nip "
            "sebagai Teks lalu ketik ulang NIP-nya seperti tercetak, mis. 19720808 199303 1 006.",
        )
    kode_kel = r.kode("kode_kelurahan")
    nilai: dict[str, Any] = {
        "pangkat_golongan": _normal(r, "pangkat_golongan", normalisasi_pangkat),
        "jabatan": r.teks("jabatan"),
        "pendidikan": _normal(r, "pendidikan", normalisasi_pendidikan),
        "eselon": _normal(r, "eselon", normalisasi_eselon),
    }
    urutan = r.bulat("urutan", minimum=1)
    if r.galat:
        return None
    nip = "" if nip is ABSEN else " ".join(nip.split())
    nama = " ".join(nama.split())
    kec = k.cari_kecamatan(r, kode_kec)
    kel = k.cari_kelurahan(r, kode_kel, kec)
    if r.galat or kec is None:
        return None
    kunci = ("nip", nip) if nip else ("nama", nama)
    if k.ganda(r, (tahun, kode_kec, *kunci)):
        return None
    dokumen = k.dokumen_terkunci(kec.pk, tahun)

    ada: dict[tuple, Pegawai] = k.data(Pegawai, kecamatan=kec, tahun=tahun)
    k.urutan[("pegawai", tahun, kec.pk)] += 1
    obj = ada.get(kunci)
    if urutan in (None, ABSEN):
        # Default: the row order; an existing row keeps its place.
        urutan = ABSEN if obj is not None else k.urutan[("pegawai", tahun, kec.pk)]
    if obj is None:
        obj = Pegawai(tahun=tahun, kecamatan=kec, nip=nip)
    nilai.update(nama=nama, urutan=urutan)
    if kode_kel is not ABSEN:
        nilai["kelurahan"] = kel

    alasan = ALASAN
    if dokumen and (obj.pk is None or any(v is not ABSEN and getattr(obj, n) != v for n, v in nilai.items())):
        sebab = f"baris ini termasuk dokumen {dokumen}; isinya tidak dapat diubah"
        if not k.timpa_kunci:
            r.salah(
                None,
                f"{sebab}. Minta dokumen dikembalikan atau dibuka revisi baru, atau admin Bappeda mencentang "
                "'timpa data yang terkunci' (web) / --timpa-kunci (baris perintah).",
            )
            return None
        k.peringatan.append(f"Sheet '{r.sheet}', baris {r.baris.nomor}: {sebab}; diterima atas konfirmasi.")
        alasan = f"{ALASAN}; {sebab}"
    status = simpan(obj, nilai, r, k, alasan)
    ada[kunci] = obj
    return gabung(status)


def baris_pegawai(kecamatan: Kecamatan, tahun: int | None = None) -> BarisEkspor:
    """The kecamatan's staff rows (one year, or every year) for the export, in list order."""
    baris = [
        {
            "tahun": p.tahun,
            "kode_kecamatan": kecamatan.kode,
            "nama": p.nama,
            "nip": p.nip,
            "pangkat_golongan": p.pangkat_golongan,
            "jabatan": p.jabatan,
            "pendidikan": p.pendidikan,
            "eselon": p.eselon,
            "kode_kelurahan": p.kelurahan.kode if p.kelurahan else "",
            "urutan": p.urutan,
        }
        for p in Pegawai.objects.untuk(kecamatan)
        .filter(Q(tahun=tahun) if tahun else Q())
        .select_related("kelurahan")
        .order_by("tahun", "urutan", "id")
    ]
    return BarisEkspor(baris)
