"""Loading a kecamatan's narrative from a file (the seeds' text for the demo, fixtures/narasi/*.json): the
document sections (``BagianNarasi``) and the per-program keberhasilan / hambatan / saran (``NarasiProgram``).

Format::

    {"kode_kecamatan": "36.73.03",
     "dokumen": [{"tahun": 2020, "jenis": "lkjip", "bagian": {"<kunci>": "<teks>", ...}}],
     "program": [{"tahun": 2020, "kode": "5001.04", "keberhasilan": "…", "hambatan": "…", "saran": "…"}],
     "tujuan": [{"tahun": 2022, "uraian": "…", "indikator": "…", "satuan": "", "rumus": "", "keterangan": "",
                 "urutan": 1, "sasaran": ["<sasaran as in the workbook>", ...]}]}

``tujuan`` (optional) are the Renstra's tujuan of Renja §3.3 (the workbook has no column for them), each tying
the named sasaran of that year to it.

A section written per sasaran indicator is named ``bab3.capaian:<indicator as in the workbook>``; its key with
the indicator's id is looked up here. All or nothing: an unknown kecamatan, section, indicator or program is an
error and nothing is written. Writing again replaces the text (idempotent)."""

from __future__ import annotations

from django.db import transaction

from lkjip.models import IndikatorSasaran, NarasiProgram, Sasaran, Tujuan
from renja.models import Nomenklatur
from wilayah.models import Kecamatan

from .models import BagianNarasi
from .narasi import kunci_sah

ALASAN = "Narasi dari dokumen seed (data demo)"


class GalatNarasi(Exception):
    pass


def _kunci(kunci: str, kecamatan: Kecamatan, tahun: int) -> str:
    if ":" not in kunci:
        return kunci
    awal, uraian = kunci.split(":", 1)
    ind = IndikatorSasaran.objects.untuk(kecamatan, tahun).filter(uraian=uraian).first()
    if ind is None:
        raise GalatNarasi(f"Indikator sasaran '{uraian}' tahun {tahun} tidak ada di {kecamatan}.")
    return f"{awal}.{ind.pk}"


def _simpan(obj, user) -> None:
    obj._history_user = user
    obj._change_reason = ALASAN
    obj.save()


@transaction.atomic
def narasi_muat(data: dict, user=None) -> int:
    """Write the narrative of ``data`` (see the module docstring); returns the number of rows written."""
    kecamatan = Kecamatan.objects.select_related("kota").filter(kode=data.get("kode_kecamatan")).first()
    if kecamatan is None:
        raise GalatNarasi(f"Kecamatan {data.get('kode_kecamatan')!r} tidak ada.")
    n = 0
    for dok in data.get("dokumen", []):
        tahun, jenis = int(dok["tahun"]), dok["jenis"]
        sah = kunci_sah(jenis, kecamatan, tahun)
        for kunci, isi in dok["bagian"].items():
            kunci = _kunci(kunci, kecamatan, tahun)
            if kunci not in sah:
                raise GalatNarasi(f"Bagian '{kunci}' tidak dikenal dalam {jenis} {tahun}.")
            baris = {"kecamatan": kecamatan, "tahun": tahun, "jenis": jenis, "kunci": kunci}
            obj = BagianNarasi.objects.filter(**baris).first() or BagianNarasi(**baris)
            if obj.pk is None or obj.isi != isi:
                obj.isi = isi
                _simpan(obj, user)
                n += 1
    for p in data.get("program", []):
        tahun = int(p["tahun"])
        program = Nomenklatur.objects.filter(kode=p["kode"]).first()
        if program is None:
            raise GalatNarasi(f"Program {p['kode']} tidak ada dalam nomenklatur.")
        baris = {"kecamatan": kecamatan, "tahun": tahun, "nomenklatur": program}
        obj = NarasiProgram.objects.filter(**baris).first() or NarasiProgram(**baris)
        baru = {k: p.get(k, "") for k in ("keberhasilan", "hambatan", "saran")}
        if obj.pk is None or any(getattr(obj, k) != v for k, v in baru.items()):
            for k, v in baru.items():
                setattr(obj, k, v)
            _simpan(obj, user)
            n += 1
    for t in data.get("tujuan", []):
        n += _tujuan_muat(kecamatan, t, user)
    return n


def _tujuan_muat(kecamatan: Kecamatan, t: dict, user) -> int:
    tahun = int(t["tahun"])
    baris = {"kecamatan": kecamatan, "tahun": tahun, "uraian": t["uraian"]}
    obj = Tujuan.objects.filter(**baris).first() or Tujuan(**baris)
    baru = {k: t.get(k, "") for k in ("indikator", "satuan", "rumus", "keterangan")}
    baru["urutan"] = int(t.get("urutan", 1))
    n = 0
    if obj.pk is None or any(getattr(obj, k) != v for k, v in baru.items()):
        for k, v in baru.items():
            setattr(obj, k, v)
        if obj.pk is not None:
            obj.versi += 1  # a page opened before answers 409
        _simpan(obj, user)
        n += 1
    for uraian in t.get("sasaran", []):
        sasaran = Sasaran.objects.untuk(kecamatan, tahun).filter(uraian=uraian).first()
        if sasaran is None:
            raise GalatNarasi(f"Sasaran '{uraian}' tahun {tahun} tidak ada di {kecamatan}.")
        if sasaran.tujuan_id != obj.pk:
            sasaran.tujuan = obj
            sasaran.save(update_fields=["tujuan"])
            n += 1
    return n
