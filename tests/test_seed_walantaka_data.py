"""Checks of the Walantaka LKjIP 2020 transcription (fixtures/seed/walantaka.py), no database.

Run: .venv/bin/python -m pytest tests/test_seed_walantaka_data.py -p no:django
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from statistics import mean

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "fixtures"))

from seed import common, walantaka

KEC = "36.73.03"
SHEETS = walantaka.SHEETS
NOMENKLATUR = {r["kode"]: r for r in SHEETS["nomenklatur"]}
KEGIATAN_INDUK = {r["kode"]: r["kode_induk"] for r in SHEETS["nomenklatur"] if r["tingkat"] == "kegiatan"}
PROGRAMS = [
    "5001.01",
    "5001.02",
    "5001.03",
    "5001.04",
    "5001.11",
    "5001.12",
    "5001.13",
    "5001.14",
    "5001.15",
    "5001.16",
]
NON_URUSAN = PROGRAMS[:4]
KEWILAYAHAN = PROGRAMS[4:]
GRADES = {"AA", "A", "BB", "B", "CC", "C", "D"}

KEYS = {
    "wilayah": ("kode_kecamatan", "kode_kelurahan"),
    "nomenklatur": ("kode",),
    "anggaran": ("tahun", "kode_kecamatan", "kode", "kode_kelurahan", "sumber_dana"),
    "indikator": ("tahun", "kode_kecamatan", "kode", "indikator"),
    "sasaran": ("tahun", "kode_kecamatan", "sasaran", "indikator"),
    "belanja": ("tahun", "kode_kecamatan", "jenis", "kode_kelurahan"),
    "pegawai": ("tahun", "kode_kecamatan", "nip"),  # every one of the 69 has a NIP
}


# ----------------------------------------------------------------------------------------------- helpers
def idn(text: str) -> Decimal:
    """Indonesian number as printed ('1.051.756.000', '95,59', 'Skor 48') -> Decimal."""
    s = re.sub(r"[^\d.,]", "", text)
    return Decimal(s.replace(".", "").replace(",", "."))


def places(text: str) -> int:
    s = re.sub(r"[^\d.,]", "", text)
    return len(s.split(",")[1]) if "," in s else 0


def rounded(value: Decimal, n: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-n), rounding=ROUND_HALF_UP)


def anggaran(kode: str, tahun: int):
    rows = [r for r in SHEETS["anggaran"] if r["kode"] == kode and r["tahun"] == tahun]
    return rows[0] if rows else None


def kegiatan_of(program: str) -> list[str]:
    return [k for k, induk in KEGIATAN_INDUK.items() if induk == program]


def program_sum(program: str, tahun: int, exclude: tuple = ()) -> tuple[int, int]:
    pagu = realisasi = 0
    for kode in kegiatan_of(program):
        row = anggaran(kode, tahun)
        if row and kode not in exclude:
            pagu += row["pagu"] or 0
            realisasi += row["realisasi"] or 0
    return pagu, realisasi


def capaian(target, realisasi):
    """realisasi / target × 100; '-' (None) for 0/blank/'-' targets, grades or missing realisasi."""
    if (
        target in (None, "-", 0)
        or realisasi in (None, "-")
        or isinstance(target, str)
        or isinstance(realisasi, str)
    ):
        return None
    return Decimal(realisasi) / Decimal(target) * 100


def serapan(pagu, realisasi):
    return None if not pagu or realisasi is None else Decimal(realisasi) / Decimal(pagu) * 100


def indikator_capaian(kode: str, tahun: int) -> list[Decimal]:
    values = [
        capaian(r["target"], r["realisasi"])
        for r in SHEETS["indikator"]
        if r["kode"] == kode and r["tahun"] == tahun
    ]
    return [v for v in values if v is not None]


def rata_kegiatan_k(program: str, tahun: int):
    """Mean over kegiatan that have a capaian K (a kegiatan's capaian = mean of its indicators')."""
    values = [mean(c) for c in (indikator_capaian(k, tahun) for k in kegiatan_of(program)) if c]
    return mean(values) if values else None


def rata_kegiatan_rp(program: str, tahun: int):
    values = []
    for kode in kegiatan_of(program):
        row = anggaran(kode, tahun)
        if row and serapan(row["pagu"], row["realisasi"]) is not None:
            values.append(serapan(row["pagu"], row["realisasi"]))
    return mean(values) if values else None


def program_k(program: str, tahun: int):
    values = indikator_capaian(program, tahun)
    return mean(values) if values else None


def program_rp(program: str, tahun: int):
    return serapan(*program_sum(program, tahun))


def mean_over(programs, fn, tahun):
    values = [v for v in (fn(p, tahun) for p in programs) if v is not None]
    return mean(values)


def sasaran(indikator: str) -> dict:
    return next(r for r in SHEETS["sasaran"] if r["indikator"] == indikator)


# ----------------------------------------------------------------------------------------------- structure
@pytest.mark.parametrize("sheet", sorted(KEYS))
def test_unique_keys(sheet):
    keys = Counter(tuple(row.get(c) or "" for c in KEYS[sheet]) for row in SHEETS[sheet])
    assert [k for k, n in keys.items() if n > 1] == []


def test_only_workbook_columns():
    import build_fixtures  # (imports seed.serang too)

    for sheet, rows in SHEETS.items():
        for row in rows:
            assert set(row) <= set(build_fixtures.COLUMNS[sheet]), (sheet, row)


def test_codes_are_text_and_money_is_int():
    for sheet, rows in SHEETS.items():
        for row in rows:
            for column, value in row.items():
                if column.startswith("kode") or column in ("nip_camat", "nip"):
                    assert isinstance(value, str), (sheet, column, value)
                if column in ("pagu", "realisasi") and sheet == "anggaran":
                    assert value is None or isinstance(value, int), (column, value)
                if column in ("target", "realisasi") and sheet != "anggaran":
                    assert value in (None, "-") or isinstance(value, (int, Decimal)) or value in GRADES, (
                        column,
                        value,
                    )
                    assert value != "####"


def test_every_kode_in_nomenklatur():
    for sheet in ("anggaran", "indikator"):
        for row in SHEETS[sheet]:
            assert row["kode"] in NOMENKLATUR, (sheet, row["kode"])
            assert row["kode_kecamatan"] == KEC


def test_parents_exist_one_level_up():
    levels = ["urusan", "bidang_urusan", "program", "kegiatan", "sub_kegiatan"]
    for row in SHEETS["nomenklatur"]:
        if row["tingkat"] == "program":
            assert row["kode_induk"] == "" and row["kelompok"] in (
                common.NON_URUSAN,
                common.URUSAN_KEWILAYAHAN,
            )
            continue
        assert row["tingkat"] == "kegiatan"
        parent = NOMENKLATUR[row["kode_induk"]]  # explicit, never derived
        assert levels.index(parent["tingkat"]) == levels.index(row["tingkat"]) - 1
        # the program segment of the kegiatan code matches its parent (5001.500105.16.043 -> 5001.16)
        assert row["kode"].split(".")[2] == parent["kode"].split(".")[1], row["kode"]


def test_programs_and_kelompok():
    assert sorted(r["kode"] for r in SHEETS["nomenklatur"] if r["tingkat"] == "program") == PROGRAMS
    for row in common.PROGRAM_BERSAMA:
        assert row in SHEETS["nomenklatur"]  # unchanged
    for kode in NON_URUSAN:
        assert NOMENKLATUR[kode]["kelompok"] == common.NON_URUSAN
    for kode in KEWILAYAHAN:
        assert NOMENKLATUR[kode]["kelompok"] == common.URUSAN_KEWILAYAHAN


def test_kegiatan_counts_per_program():
    counts = {p: len(kegiatan_of(p)) for p in PROGRAMS}
    assert counts == {
        "5001.01": 8,
        "5001.02": 2,
        "5001.03": 5,
        "5001.04": 14,
        "5001.11": 5,
        "5001.12": 7,
        "5001.13": 14,
        "5001.14": 14,
        "5001.15": 14,
        "5001.16": 14,
    }
    # Tabel 2.2 lists 90 kegiatan for 2020 (88 with a pagu + 2 printed "-"); §3.3 line 742 says 90.
    assert len({r["kode"] for r in SHEETS["anggaran"] if r["tahun"] == 2020}) == 88


def test_disambiguated_codes():
    # 5001.16 kegiatan are printed with 5001.15 codes (and 14.046); ours are .16.043….056
    assert kegiatan_of("5001.16") == [f"5001.500105.16.{n:03d}" for n in range(43, 57)]
    assert kegiatan_of("5001.15") == [f"5001.500105.15.{n:03d}" for n in range(43, 57)]
    assert walantaka.KODE_TERCETAK["5001.500105.15.046"] == "5001.500105.14.046"
    assert walantaka.KODE_TERCETAK["5001.500105.16.046"] == "5001.500105.14.046"
    assert walantaka.KODE_TERCETAK["5001.500105.16.043"] == "5001.500105.15.043"
    assert len(walantaka.KODE_TERCETAK) == 15


# ----------------------------------------------------------------------------------------------- wilayah
def test_wilayah():
    rows = SHEETS["wilayah"]
    kecamatan = [r for r in rows if not r.get("kode_kelurahan")]
    kelurahan = [r for r in rows if r.get("kode_kelurahan")]
    assert len(kecamatan) == 1 and kecamatan[0]["nip_camat"] == "19720808 199303 1 006"
    assert all(r["kode_kota"] == "36.73" and r["kode_kecamatan"] == KEC for r in rows)
    assert len(kelurahan) == 14
    assert [r["kode_kelurahan"] for r in kelurahan] == [f"{KEC}.{1001 + i}" for i in range(14)]
    assert [r["nama_kelurahan"] for r in kelurahan][:4] == ["Walantaka", "Cigoong", "Nyapah", "Pangampelan"]
    assert sum(r["jumlah_rt_rw"] for r in kelurahan) == 391


def test_kode_kelurahan_of_kegiatan():
    kelurahan = {r["kode_kelurahan"] for r in SHEETS["wilayah"] if r.get("kode_kelurahan")}
    for row in SHEETS["anggaran"]:
        program = KEGIATAN_INDUK[row["kode"]]
        if program in ("5001.04", "5001.13", "5001.14", "5001.15", "5001.16"):
            # .043 … .056 follow the Tabel 1.1 order
            assert row["kode_kelurahan"] == f"{KEC}.{1001 + int(row['kode'][-3:]) - 43}"
            assert row["kode_kelurahan"] in kelurahan
        else:
            assert row["kode_kelurahan"] == ""
    assert anggaran("5001.500105.04.044", 2020)["kode_kelurahan"] == "36.73.03.1002"  # Cigoong


def test_sumber_dana():
    for row in SHEETS["anggaran"]:
        expected = "DAU-T" if KEGIATAN_INDUK[row["kode"]] in ("5001.14", "5001.15") else "APBD"
        assert row["sumber_dana"] == expected


def test_no_program_money_and_no_empty_anggaran():
    for row in SHEETS["anggaran"]:
        assert NOMENKLATUR[row["kode"]]["tingkat"] == "kegiatan"
        assert not (row["pagu"] is None and row["realisasi"] is None)


# ----------------------------------------------------------------------------------------------- totals
@pytest.mark.parametrize("tahun", [2019, 2020])
def test_grand_totals(tahun):
    pagu = sum(r["pagu"] or 0 for r in SHEETS["anggaran"] if r["tahun"] == tahun)
    realisasi = sum(r["realisasi"] or 0 for r in SHEETS["anggaran"] if r["tahun"] == tahun)
    assert (pagu, realisasi) == walantaka.TOTAL_TERCETAK["seluruh"][tahun]
    assert (pagu, realisasi) == {
        2019: (10_188_581_520, 9_608_928_553),
        2020: (19_213_538_636, 19_006_119_144),
    }[tahun]


def test_belanja_tidak_langsung_2020_matches_section_3_1():
    # seed lines 745–752: total 28.846.929.951 = BTL 9.633.391.315 + BL 19.213.538.636; realisasi total
    # 27.778.988.346 = 96,30 %; saldo 1.067.941.605 (3,7 %); BTL tidak terserap 860.522.113
    [btl] = SHEETS["belanja"]
    bl_pagu = sum(r["pagu"] or 0 for r in SHEETS["anggaran"] if r["tahun"] == 2020)
    bl_real = sum(r["realisasi"] or 0 for r in SHEETS["anggaran"] if r["tahun"] == 2020)
    assert btl["pagu"] + bl_pagu == 28_846_929_951
    assert btl["realisasi"] + bl_real == 27_778_988_346
    assert btl["pagu"] - btl["realisasi"] == 860_522_113
    assert 28_846_929_951 - 27_778_988_346 == 1_067_941_605
    assert rounded(serapan(28_846_929_951, 27_778_988_346), 2) == Decimal("96.30")
    assert rounded(serapan(28_846_929_951, 1_067_941_605), 1) == Decimal("3.7")


def test_grand_total_serapan_2020():
    assert rounded(serapan(19_213_538_636, 19_006_119_144), 2) == Decimal("98.92")


@pytest.mark.parametrize("tahun", [2019, 2020])
@pytest.mark.parametrize(
    "kelompok,programs", [(common.NON_URUSAN, NON_URUSAN), (common.URUSAN_KEWILAYAHAN, KEWILAYAHAN)]
)
def test_group_totals(tahun, kelompok, programs):
    sums = [program_sum(p, tahun) for p in programs]
    assert (sum(s[0] for s in sums), sum(s[1] for s in sums)) == walantaka.TOTAL_TERCETAK[kelompok][tahun]


@pytest.mark.parametrize("program", PROGRAMS)
@pytest.mark.parametrize("tahun", [2019, 2020])
def test_program_rows(program, tahun):
    printed = walantaka.PROGRAM_TERCETAK[program][tahun]
    assert program_sum(program, tahun) == tuple(v or 0 for v in printed)


def test_program_5001_04_pagu_2020():
    assert program_sum("5001.04", 2020) == (2_872_149_185, 2_827_647_140)


@pytest.mark.parametrize("program", PROGRAMS)
def test_tabel_2_2_pagu(program):
    assert program_sum(program, 2020)[0] == walantaka.PAGU_TABEL_2_2[program]


def test_kecamatan_and_kelurahan_pagu_2020():
    # §3.3 lines 750–751: pagu 14 kelurahan 17.442.927.972 (efisiensi 183.950.329), kecamatan 1.770.610.664
    # (23.469.163)
    kelurahan = [program_sum(p, 2020) for p in ("5001.04", "5001.13", "5001.14", "5001.15", "5001.16")]
    kecamatan = [program_sum(p, 2020) for p in ("5001.01", "5001.02", "5001.03", "5001.11", "5001.12")]
    assert sum(p for p, _ in kelurahan) == 17_442_927_972
    assert sum(p - r for p, r in kelurahan) == 183_950_329
    assert sum(p for p, _ in kecamatan) == 1_770_610_664
    assert sum(p - r for p, r in kecamatan) == 23_469_163


# ----------------------------------------------------------------------------------------------- values
def test_indikator_values():
    rows = {(r["tahun"], r["kode"], r["indikator"]): r for r in SHEETS["indikator"]}
    assert rows[(2019, "5001.01", "Evaluasi SAKIP")]["target"] == "CC"
    assert rows[(2020, "5001.12", "Cakupan Pembinaan Masyarakat Kecamatan")]["realisasi"] == Decimal("57.142")
    assert (
        rows[(2019, "5001.500105.11.004", "Jumlah SPPT PBB yang terdistribusi ke WP")]["realisasi"] == 40577
    )
    assert rows[(2020, "5001.500105.11.001", "Pelayanan PATEN")]["target"] == "-"
    assert rows[(2020, "5001.500105.11.001", "Pelayanan PATEN")]["realisasi"] == 0
    assert rows[(2019, "5001.16", walantaka._CAPAIAN_SARPRAS)]["target"] == 0
    kendaraan = rows[(2020, "5001.500105.01.002", "kendaraan dinas roda 4")]
    assert (kendaraan["target"], kendaraan["realisasi"], kendaraan["urutan"]) == (1, 1, 2)
    assert (2020, "5001.500105.01.004", "Rehabilitasi Rumah Dinas") not in rows  # 2020 printed "-" only
    # every kegiatan and program has at least one indicator in some year
    assert {r["kode"] for r in SHEETS["indikator"]} == set(NOMENKLATUR)


def test_urutan_in_printed_order():
    by_node = defaultdict(list)
    for row in SHEETS["indikator"]:
        by_node[(row["tahun"], row["kode"])].append(row["urutan"])
    for urutan in by_node.values():
        assert urutan == sorted(urutan) and len(set(urutan)) == len(urutan)


def test_sasaran():
    rows = SHEETS["sasaran"]
    assert len(rows) == 4 and all(r["tahun"] == 2020 and r["kode_kecamatan"] == KEC for r in rows)
    assert sasaran("Hasil evaluasi LKjIP")["target"] == 46
    assert sasaran("Nilai capaian kinerja penyelenggaraan pemerintahan")["target"] == "CC"
    assert rounded(
        capaian(75, sasaran("Indeks Kepuasan Pelayanan Kecamatan Walantaka")["realisasi"]), 1
    ) == Decimal("103.3")


def test_per_program_rata_rata_rows_are_consistent():
    # printed 2020 "Rata-rata capaian Kinerja Kegiatan" Rp (lines 801, 809, 821, 845, 865, 883, 951, 980,
    # 1019, 1079)
    printed = {
        "5001.01": "98,91",
        "5001.02": "100,00",
        "5001.03": "99,27",
        "5001.04": "98,48",
        "5001.11": "99,89",
        "5001.12": "100",
        "5001.13": "100",
        "5001.14": "95",
        "5001.15": "99,96",
        "5001.16": "98,18",
    }
    for program, text in printed.items():
        assert rounded(rata_kegiatan_rp(program, 2020), places(text)) == idn(text), program
        assert rata_kegiatan_k(program, 2020) == 100
    assert rounded(mean_over(NON_URUSAN, rata_kegiatan_rp, 2020), 2) == Decimal("99.17")  # line 846


# ----------------------------------------------------------------------------------------------- ERRATA
def _compute(entry: dict) -> Decimal:
    """Recompute the 'hitung' of an ERRATA entry from the transcribed data (or from the fractions printed)."""
    baris, uraian = entry["baris"], entry["uraian"]
    if baris == "262–272":
        return Decimal(47 + 19 + 1 + 1 + 2)  # Tabel 1.3 eselon column
    if baris == "166":  # aparatur kecamatan: the staff of Tabel 1.2 without a kelurahan
        return Decimal(sum(1 for r in SHEETS["pegawai"] if not r["kode_kelurahan"]))
    if entry["tabel"].startswith("Tabel 1.3"):  # one level of Tabel 1.3, counted from Tabel 1.2
        kolom, _, jenjang = uraian.partition(": ")
        field, tercetak = {
            "Kolom Eselon": ("eselon", {"IV b": "IV.b"}),
            "Kolom Pangkat": (
                "pangkat_golongan",
                {
                    "Penata Tk. 1/ III d": "III/d",
                    "Penata/ III c": "III/c",
                    "Penata Muda Tk. 1/ III b": "III/b",
                    "Penata Muda/ III a": "III/a",
                },
            ),
            "Kolom Pendidikan": ("pendidikan", {"S2": "S2", "SI": "S1", "DIPLOMA": "D3", "SMA": "SLTA"}),
        }[kolom]
        return Decimal(sum(1 for r in SHEETS["pegawai"] if r[field].replace(" ", "") == tercetak[jenjang]))
    if baris == "372, 511, 545":
        return rounded(sasaran("Hasil evaluasi LKjIP")["realisasi"] / Decimal("0.8757"), 0)
    if baris == "510":
        row = sasaran("Capaian Kelurahan yang memenuhi standard kelurahan (berkembang)")
        return capaian(row["target"], row["realisasi"])
    if baris == "513":
        return mean(
            capaian(r["target"], r["realisasi"]) for r in SHEETS["sasaran"] if r["realisasi"] is not None
        )
    if baris == "604":
        return Decimal(11) / 12 * 100
    if baris == "659, 866":
        return Decimal(4) / 7 * 100
    if baris == "660, 867":
        return Decimal(3) / 14 * 100
    if baris == "661, 868":
        return Decimal(2) / 14 * 100
    if baris == "776":
        row = next(
            r
            for r in SHEETS["indikator"]
            if r["tahun"] == 2019
            and r["kode"] == "5001.01"
            and r["indikator"] == "Capaian Kepuasan Pelayanan Kesekretariatan"
        )
        return capaian(row["target"], row["realisasi"])
    if baris == "775, 779–800":
        pagu, realisasi = program_sum("5001.01", 2020, exclude=("5001.500105.01.002",))
        return Decimal(pagu if "pagu" in uraian else realisasi)
    if baris == "847" and "Rp 2019" in uraian:
        return mean_over(NON_URUSAN, program_rp, 2019)
    if baris == "847" and "K 2020" in uraian:
        return mean_over(NON_URUSAN, program_k, 2020)
    if baris == "1080":
        return mean_over(KEWILAYAHAN, rata_kegiatan_k if "K 2020" in uraian else rata_kegiatan_rp, 2020)
    if baris == "1081" and "Rp 2019" in uraian:
        return mean_over(KEWILAYAHAN, program_rp, 2019)
    if baris == "1081":
        return mean_over(KEWILAYAHAN, program_k if "K 2020" in uraian else program_rp, 2020)
    if baris == "1082":
        return mean_over(PROGRAMS, rata_kegiatan_k if "K 2020" in uraian else rata_kegiatan_rp, 2020)
    if baris == "1083":
        pagu, realisasi = walantaka.TOTAL_TERCETAK["seluruh"][2019]
        assert (pagu, realisasi) == tuple(
            map(sum, zip(*(program_sum(p, 2019) for p in PROGRAMS), strict=True))
        )
        return serapan(pagu, realisasi)
    if baris == "1084":
        return mean_over(PROGRAMS, program_k if "K 2020" in uraian else program_rp, 2020)
    raise AssertionError(f"no check for ERRATA entry {baris}: {uraian}")


def test_errata_shape():
    assert len(walantaka.ERRATA) == 33
    for entry in walantaka.ERRATA:
        assert set(entry) == {"tabel", "baris", "uraian", "tercetak", "hitung", "catatan"}
        assert all(isinstance(v, str) and v for v in entry.values())


@pytest.mark.parametrize("entry", walantaka.ERRATA, ids=lambda e: f"{e['baris']}:{e['uraian'][:40]}")
def test_errata_computed_differs_from_printed(entry):
    computed = _compute(entry)
    assert rounded(computed, places(entry["hitung"])) == idn(entry["hitung"])
    printed = idn(entry["tercetak"])
    assert rounded(computed, places(entry["tercetak"])) != printed


# ----------------------------------------------------------------------------------------------- pegawai
def test_pegawai_tabel_1_2_has_69_staff_in_printed_order():
    rows = SHEETS["pegawai"]
    assert [r["urutan"] for r in rows] == list(range(1, 70))  # NO 1–69, lines 171–256
    assert all(r["nip"] and r["nama"] and r["jabatan"] for r in rows)
    assert rows[0]["nip"] == walantaka.WILAYAH[0]["nip_camat"] and rows[0]["jabatan"] == "Camat"
    # the narrative's 69 (line 166); the kelurahan staff are those whose jabatan names a kelurahan
    assert sum(1 for r in rows if r["kode_kelurahan"]) == sum(
        1 for r in rows if "Kelurahan" in r["jabatan"] or r["jabatan"].startswith("Lurah")
    )
