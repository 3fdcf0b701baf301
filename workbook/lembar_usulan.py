"""Sheets 10 ``usulan`` (Renja Tabel 2.5) and 11 ``prioritas`` (Renja §4.1–4.3): import handlers and export rows.

The handlers follow the rules of :mod:`workbook.lembar`: every cell is checked before anything is written, a
``kode`` must exist in the nomenklatur (except the kode akun of a pendapatan row), a kelurahan must belong to the
kecamatan, a second row with the same key is an error, and rows behind a diajukan/disetujui document are refused
unless admin Bappeda confirmed the override. The handlers and export rows are listed in
:mod:`workbook.daftar_lembar`.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from core.choices import SumberDana
from renja.models import JenisPrioritas, Prioritas, Tingkat, Usulan
from wilayah.models import Kecamatan

from .kolom import BarisEkspor
from .lembar import ALASAN, PILIHAN_SUMBER_DANA, Konteks, _alasan, _pilihan, periksa_aturan, simpan
from .sel import ABSEN, PembacaBaris

PILIHAN_JENIS = {**_pilihan(JenisPrioritas), "apbn": JenisPrioritas.KL, "apbd prov": JenisPrioritas.PROVINSI}
#: Sumber dana of a Renja K/L or Renja PD Provinsi row ("Sumber Dana diisi dengan APBD Prov atau APBN").
SUMBER_DANA_43 = (SumberDana.APBN, SumberDana.APBD_PROVINSI)
TINGKAT_USULAN = (Tingkat.PROGRAM, Tingkat.KEGIATAN, Tingkat.SUB_KEGIATAN)


def _ada(value: Any) -> bool:
    return value not in (None, "", ABSEN)


def _urutan_baru(ada: dict) -> int:
    return max((o.urutan for o in ada.values()), default=0) + 1


def usulan(r: PembacaBaris, k: Konteks) -> str | None:
    tahun = r.tahun()
    kode_kec = r.kode("kode_kecamatan", wajib=True)
    kode = r.kode("kode")
    uraian = r.teks("uraian", wajib=True)
    kode_kel = r.kode("kode_kelurahan")
    nilai: dict[str, Any] = {nama: r.teks(nama) for nama in ("indikator", "volume", "catatan")}
    if r.galat:
        return None
    kec = k.cari_kecamatan(r, kode_kec)
    node = k.cari_nomenklatur(r, kode, TINGKAT_USULAN) if _ada(kode) else None
    kel = k.cari_kelurahan(r, kode_kel, kec)
    if r.galat or k.ganda(r, (tahun, kode_kec, uraian, kode_kel or "")):
        return None
    ada = k.data(Usulan, lambda o: (o.uraian, o.kelurahan_id), kecamatan=kec, tahun=tahun)
    kunci = (uraian, kel.pk if kel else None)
    obj = ada.get(kunci)
    if obj is None:
        obj = Usulan(tahun=tahun, kecamatan=kec, uraian=uraian, kelurahan=kel)
        nilai["urutan"] = _urutan_baru(ada)
    nilai["nomenklatur"] = ABSEN if kode is ABSEN else node
    catatan = periksa_aturan(r, k, obj, nilai)
    if catatan is None:
        return None
    status = simpan(obj, nilai, r, k, _alasan(ALASAN, catatan))
    ada[kunci] = obj
    return status


def prioritas(r: PembacaBaris, k: Konteks) -> str | None:
    tahun = r.tahun()
    kode_kec = r.kode("kode_kecamatan", wajib=True)
    jenis = r.pilihan("jenis", PILIHAN_JENIS)
    uraian = r.teks("uraian", wajib=True)
    kode = r.kode("kode")
    nilai: dict[str, Any] = {
        nama: r.teks(nama) for nama in ("fokus", "indikator", "satuan", "target", "instansi", "keterangan")
    }
    nilai["pagu"] = r.uang("pagu")
    sumber = r.pilihan("sumber_dana", PILIHAN_SUMBER_DANA)
    if jenis is None and not r.galat:
        r.salah("jenis", "wajib diisi: unggulan, mendesak, pendapatan, kl atau provinsi.")
    if r.galat:
        return None
    if (
        _ada(sumber)
        and jenis in (JenisPrioritas.KL, JenisPrioritas.PROVINSI)
        and sumber not in SUMBER_DANA_43
    ):
        r.salah(
            "sumber_dana",
            f"'{sumber}' bukan sumber dana Renja K/L atau Renja PD Provinsi; isi APBN atau APBD Prov.",
        )
        return None
    nilai["sumber_dana"] = ABSEN if sumber is ABSEN else (sumber or "")
    kec = k.cari_kecamatan(r, kode_kec)
    node = None
    if jenis == JenisPrioritas.PENDAPATAN:
        nilai["kode_akun"] = ABSEN if kode is ABSEN else (kode or "")
    elif _ada(kode):
        node = k.cari_nomenklatur(r, kode, tuple(Tingkat.values))
    if r.galat or k.ganda(r, (tahun, kode_kec, jenis, uraian)):
        return None
    if jenis != JenisPrioritas.PENDAPATAN and kode is not ABSEN:
        nilai["nomenklatur"] = node
    ada = k.data(Prioritas, lambda o: (o.jenis, o.uraian), kecamatan=kec, tahun=tahun)
    kunci = (jenis, uraian)
    obj = ada.get(kunci)
    if obj is None:
        obj = Prioritas(tahun=tahun, kecamatan=kec, jenis=jenis, uraian=uraian)
        nilai["urutan"] = _urutan_baru(ada)
    catatan = periksa_aturan(r, k, obj, nilai)
    if catatan is None:
        return None
    status = simpan(obj, nilai, r, k, _alasan(ALASAN, catatan))
    ada[kunci] = obj
    return status


# ------------------------------------------------------------------------------------------------
# export
# ------------------------------------------------------------------------------------------------
def baris_usulan(kecamatan: Kecamatan, tahun: int | None) -> BarisEkspor:
    """The ``usulan`` rows of a kecamatan (one year, or all), and the nomenklatur they name."""
    daftar = list(
        Usulan.objects.filter(Q(tahun=tahun) if tahun else Q(), kecamatan=kecamatan)
        .select_related("nomenklatur", "kelurahan")
        .order_by("tahun", "urutan", "id")
    )
    baris = [
        {
            "tahun": u.tahun,
            "kode_kecamatan": kecamatan.kode,
            "kode": u.nomenklatur.kode if u.nomenklatur else "",
            "uraian": u.uraian,
            "kode_kelurahan": u.kelurahan.kode if u.kelurahan else "",
            "indikator": u.indikator,
            "volume": u.volume,
            "catatan": u.catatan,
        }
        for u in daftar
    ]
    return BarisEkspor(baris, [u.nomenklatur for u in daftar if u.nomenklatur_id])


def baris_prioritas(kecamatan: Kecamatan, tahun: int | None) -> BarisEkspor:
    """The ``prioritas`` rows of a kecamatan (one year, or all), and the nomenklatur they name."""
    daftar = list(
        Prioritas.objects.filter(Q(tahun=tahun) if tahun else Q(), kecamatan=kecamatan)
        .select_related("nomenklatur")
        .order_by("tahun", "urutan", "id")
    )
    baris = [
        {
            "tahun": p.tahun,
            "kode_kecamatan": kecamatan.kode,
            "jenis": p.jenis,
            "uraian": p.uraian,
            "kode": p.kode,
            "fokus": p.fokus,
            "indikator": p.indikator,
            "satuan": p.satuan,
            "target": p.target,
            "pagu": p.pagu,
            "sumber_dana": p.sumber_dana,
            "instansi": p.instansi,
            "keterangan": p.keterangan,
        }
        for p in daftar
    ]
    return BarisEkspor(baris, [p.nomenklatur for p in daftar if p.nomenklatur_id])
