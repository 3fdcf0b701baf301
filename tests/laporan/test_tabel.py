"""The report table shape and the registry."""

from __future__ import annotations

import pytest

from core.laporan import registry
from core.laporan.registry import Opsi
from core.laporan.tabel import Baris, Kepala, Kolom, Tabel
from wilayah.models import Kecamatan, Kota


def test_kolom_dan_baris_menolak_jenis_tak_dikenal():
    with pytest.raises(ValueError):
        Kolom("x", "X", "uang")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Baris("grup")  # type: ignore[arg-type]


def test_kepala_tunggal_dan_sub_kolom():
    kepala = [
        Kepala("Kode", (Kolom("kode", ""),), "(1)"),
        Kepala("Target", (Kolom("k", "K", "nilai"), Kolom("rp", "Rp", "rupiah")), "(4)"),
    ]
    tabel = Tabel(["Judul"], kepala, [Baris("program", {"kode": "1"})])
    assert kepala[0].tunggal and not kepala[1].tunggal
    assert [k.kunci for k in tabel.kolom] == ["kode", "k", "rp"]
    assert tabel.ada_sub_kolom and tabel.ada_nomor
    assert tabel.cari(kode="1").jenis == "program"
    ((_baris, sel),) = list(tabel.sel())
    assert [v for _k, v in sel] == ["1", None, None]


def test_registry_berisi_empat_laporan_renja():
    slugs = [lap.slug for lap in registry.semua()]
    assert {"renja-2.1", "renja-2.4", "renja-rencana", "renja-evaluasi"} <= set(slugs)
    with pytest.raises(KeyError):
        registry.laporan("tidak-ada")


def test_nama_berkas():
    kec = Kecamatan(nama="Serang", kode="36.73.01", kota=Kota(nama="Kota Serang"))
    lap = registry.laporan("renja-2.1")
    assert lap.berkas(kec, 2022, "pdf") == "Renja-2022-Kecamatan-Serang-Tabel-2.1.pdf"
    ev = registry.laporan("renja-evaluasi")
    assert (
        ev.berkas(kec, 2022, "xlsx", Opsi(triwulan=2))
        == "Renja-2022-Kecamatan-Serang-Evaluasi-Triwulan-sd-TW2.xlsx"
    )
