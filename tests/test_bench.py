"""The bench's pieces on a tiny kabupaten (2 clones, no PDF), so ``python -m bench`` does not rot."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from bench import jalan, kabupaten, laporan_md, ukur


def test_klon_workbook_memindahkan_setiap_kode_kecamatan():
    seed = kabupaten.seed_semua()[0]
    isi, baris = kabupaten.klon_workbook(seed, "36.73.42", "Tiruan")
    wb = load_workbook(io.BytesIO(isi))
    nilai = [c for ws in wb.worksheets for row in ws.iter_rows(min_row=2, values_only=True) for c in row]
    assert baris > 100
    assert not [v for v in nilai if isinstance(v, str) and v.startswith(seed.kode)]
    assert "36.73.42" in nilai and "Tiruan" in nilai
    assert any(isinstance(v, str) and v.startswith("36.73.42.") for v in nilai)  # the kelurahan


def test_kode_klon_menolak_lebih_dari_90():
    assert kabupaten.kode_klon("36.73", 0) == "36.73.10"
    with pytest.raises(ValueError):
        kabupaten.kode_klon("36.73", 90)


@pytest.mark.django_db
def test_bench_kecil_mengukur_impor_lantai_dan_halaman():
    from wilayah.akun import pengguna_simpan
    from wilayah.models import Kecamatan, Peran

    impor = jalan.klon(1, memori=False)  # a clone of the first seed (Serang) as 36.73.10
    assert Kecamatan.objects.count() == 1  # the floor's rows were rolled back
    assert len(impor.baris) == 1 and min(impor.detik) > 0 and min(impor.lantai) > 0
    assert impor.baris_per_detik > 0 and impor.lantai_per_detik > 0
    assert len(impor.ulang) == 1 and len(impor.baca) == 1  # re-imported unchanged, and read bare

    kec = Kecamatan.objects.get(kode="36.73.10")
    pengguna_simpan("bappeda", Peran.BAPPEDA)
    pengguna_simpan("operator", Peran.OPERATOR, kec)
    daftar = [
        ("beranda bappeda", "bappeda", "/"),
        ("grid realisasi", "operator", "/kecamatan/36.73.10/2022/realisasi/"),
        ("ringkasan kota", "bappeda", "/kota/36.73/2020/"),
        ("renja-2.1", "bappeda", "/kecamatan/36.73.10/2022/laporan/renja-2.1/"),
    ]
    (dua,) = ukur.halaman(daftar, ulang=1)  # the current connection: not switched
    assert all(u.status == 200 and u.kueri == len(u.sql) > 0 for u in dua.values())
    assert all(len(u.detik) == len(u.cpu) == 1 and u.detik[0] > 0 for u in dua.values())

    hasil = laporan_md.Hasil(
        n=2, quick=True, ulang=1, ulang_pdf=0, mesin=jalan.mesin(), dua=dua, banyak=dua, impor=impor
    )
    assert "| renja-2.1 |" in laporan_md.tabel(hasil)
    assert any("tercapai" in s or "belum" in s for s in laporan_md.sasaran(hasil))
    assert re.fullmatch(
        r"bench: pdf_ratio=nan pdf_naive_speedup=nan import_ratio=[\d.]+ scale_ratio=1\.00 "
        r"max_queries=\d+ import_rows_per_s=\d+",
        laporan_md.baris_akhir(hasil),
    )


def test_bagian_uji_beban_dipertahankan(tmp_path):
    path = tmp_path / "B.md"
    laporan_md.tulis_beban(path, "hasil beban 1")
    assert "hasil beban 1" in laporan_md.bagian_beban(path)
    laporan_md.tulis_beban(path, "hasil beban 2")
    teks = path.read_text()
    assert "hasil beban 2" in teks and "hasil beban 1" not in teks


def test_beban_persentil_dan_catatan_galat():
    from bench import beban

    assert beban.persentil([1.0], 95) == 1.0
    assert beban.persentil([float(i) for i in range(1, 101)], 50) == pytest.approx(50.5)
    cat = beban.Catatan()
    cat.catat("laporan", 0.1)
    cat.catat("laporan", 0.2, "HTTP 500")
    assert len(cat.waktu["laporan"]) == 2 and cat.galat == {"laporan": 1}
    assert cat.contoh_galat == ["laporan: HTTP 500"]


def test_teks_sasaran_dengan_pdf_dan_cetak_massal():
    impor = ukur.Impor(
        baris=[600], detik=[2.0], lantai=[0.2], memori=3, memori_lantai=2, kueri=1500, savepoint=600
    )
    u = ukur.Ukuran([0.1], kueri=8, cpu=[0.05])
    hasil = laporan_md.Hasil(
        n=4,
        quick=True,
        ulang=3,
        ulang_pdf=1,
        mesin={"cpu": "2", "ram": "1", "python": "3", "db": "sqlite", "beban": "1", "os": "x"},
        dua={"ringkasan kota": u, "renja-2.1": u},
        banyak={"ringkasan kota": ukur.Ukuran([0.2], kueri=8, cpu=[0.1]), "renja-2.1": u},
        impor=impor,
        pdf={"renja-2.1": ukur.UkuranPdf([2.0], [1.8], [1.0], halaman=6, halaman_naif=11)},
        massal={"langsung (tanpa Redis)": 40.0, "1 pekerja RQ": 42.0, "2 pekerja RQ": 30.0, "_kecamatan": 2},
    )
    teks = "\n".join(laporan_md.sasaran(hasil))
    assert "ringkasan kota: **belum**, menurut rancangan (2.00×" in teks and "25.0 ms per kecamatan" in teks
    assert (
        "renja-2.1: 1.00× ≤ 1.2×" in teks
        and "1.11×" in teks
        and "1500 pernyataan SQL untuk 600 baris (2.50 per baris)" in teks
    )
    assert "2 pekerja vs 1: **belum** (1.40×)" in teks
    assert "| 2 pekerja RQ | 30.0 s |" in laporan_md.dokumen(hasil, "")
    assert laporan_md.baris_akhir(hasil).startswith(
        "bench: pdf_ratio=1.11 pdf_naive_speedup=0.27 import_ratio=0.10"
    )
