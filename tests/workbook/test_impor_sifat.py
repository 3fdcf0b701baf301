"""A blank sifat gets renja.services.sifat_bawaan (percentage, index, score, grade → akhir; else kumulatif),
said in the preview as a note; the export writes the sifat, so the round trip changes nothing."""

import io

import pytest
from django.core.management import call_command

from renja.models import Indikator
from wilayah.models import Kecamatan
from workbook.ekspor import workbook_ekspor
from workbook.impor import workbook_impor
from workbook.models import RiwayatImpor

from .test_impor_dasar import NOMENKLATUR, WILAYAH

pytestmark = pytest.mark.django_db

KEPALA = ["tahun", "kode_kecamatan", "kode", "indikator", "satuan", "target", "realisasi", "sifat"]
INDIKATOR = [
    KEPALA,
    [2020, "36.73.03", "5001.04", "Persentase pelayanan", "%", "95", None, None],
    [2020, "36.73.03", "5001.04", "Indeks kepuasan", "indeks", "80", None, ""],
    [2020, "36.73.03", "5001.04", "Nilai SAKIP", None, "BB", None, None],
    [2020, "36.73.03", "5001.04", "Jumlah dokumen", "dokumen", "4", None, None],
    [2020, "36.73.03", "5001.04", "Persen tertulis", "%", "90", None, "kumulatif"],  # explicit wins
]


def test_sifat_kosong_diisi_sifat_bawaan_dan_dicatat(xlsx):
    path = xlsx({"wilayah": WILAYAH, "nomenklatur": NOMENKLATUR, "indikator": INDIKATOR})
    pratinjau = workbook_impor(path, dry_run=True)
    assert pratinjau.errors == 0
    assert pratinjau.catatan == [
        (
            "Sheet 'indikator': kolom sifat kosong, diisi sifat bawaan ('akhir' untuk persentase, indeks, nilai "
            "dan predikat; selain itu 'kumulatif'): 'akhir' di baris 2, 3, 4; 'kumulatif' di baris 5."
        )
    ]
    err = io.StringIO()
    call_command("import_workbook", str(path), stdout=io.StringIO(), stderr=err)
    assert "Catatan: Sheet 'indikator': kolom sifat kosong" in err.getvalue()
    assert "Catatan: Sheet 'indikator': kolom sifat kosong" in RiwayatImpor.objects.get().pesan
    sifat = dict(Indikator.objects.values_list("uraian", "sifat"))
    assert sifat == {
        "Persentase pelayanan": "akhir",
        "Indeks kepuasan": "akhir",
        "Nilai SAKIP": "akhir",
        "Jumlah dokumen": "kumulatif",
        "Persen tertulis": "kumulatif",
    }


def test_ekspor_menulis_sifat_sehingga_impor_ulang_tidak_mengubah_apa_pun(xlsx, tmp_path):
    workbook_impor(xlsx({"wilayah": WILAYAH, "nomenklatur": NOMENKLATUR, "indikator": INDIKATOR}))
    ekspor = tmp_path / "ekspor.xlsx"
    ekspor.write_bytes(workbook_ekspor(Kecamatan.objects.get(kode="36.73.03")))
    ulang = workbook_impor(ekspor)
    assert ulang.errors == 0 and ulang.jumlah["created"] == 0 and ulang.jumlah["updated"] == 0
    assert ulang.catatan == []


def test_baris_lama_tanpa_kolom_sifat_tidak_diubah(xlsx):
    workbook_impor(xlsx({"wilayah": WILAYAH, "nomenklatur": NOMENKLATUR, "indikator": INDIKATOR}))
    tanpa_sifat = [row[:7] for row in INDIKATOR]
    hasil = workbook_impor(xlsx({"indikator": tanpa_sifat}))
    assert hasil.errors == 0 and hasil.jumlah["updated"] == 0 and hasil.catatan == []
    assert Indikator.objects.get(uraian="Persen tertulis").sifat == "kumulatif"
