"""The whole demo documents read as the seeds do: the Renja Kecamatan Serang 2022 and the LKjIP Kecamatan
Walantaka 2020, rendered from the seed workbooks and the seeds' narrative (fixtures/narasi/*.json, what
``load_demo`` loads), read back with pdftotext.

Every chapter and section heading of the seed's daftar isi is printed in the body, in order (the seed's own
names for the perangkat daerah, SKPD / OPD / PD, count as one: the documents write "Perangkat Daerah"); the
Renja opens with the Keputusan Camat that adopts it; the narrative is the seed's; editing a section changes
the PDF. Every table and figure of the seed is printed in its order (Gambar 1.1 before Tabel 1.2, as the seed).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

from dokumen.demo import narasi_muat
from dokumen.narasi import kunci_sah
from dokumen.pdf import dokumen_html, dokumen_pdf
from dokumen.services import narasi_simpan
from lkjip.models import IndikatorSasaran
from wilayah.akun import pengguna_simpan
from wilayah.models import Kecamatan, Peran

from ..conftest import REPO, SANDI, data_modul, impor_seed
from ..laporan.test_usulan_seed import KALIMAT_4_1

pytestmark = pytest.mark.django_db

NARASI = sorted((REPO / "fixtures" / "narasi").glob("*.json"))

# ------------------------------------------------------------------------------------------------------------
# What the seeds print, in order
# ------------------------------------------------------------------------------------------------------------
#: Seed 000 (Renja Kecamatan Serang 2022), daftar isi lines 108-131.
JUDUL_RENJA = [
    "BAB I PENDAHULUAN",
    "1.1 Latar Belakang",
    "1.2 Landasan Hukum",
    "1.3 Maksud dan Tujuan",
    "1.4 Sistematika Penulisan",
    "BAB II EVALUASI PELAKSANAAN RENJA SKPD TAHUN LALU",
    "2.1 Evaluasi Pelaksanaan Renja OPD Tahun Lalu dan Capaian Renstra",
    "2.2 Analisis Kinerja Pelayanan OPD",
    "2.3 Isu-Isu Penting Penyelenggaraan Tugas dan Fungsi OPD",
    "2.4 Review Terhadap Rancangan Awal RKPD",
    "2.5 Penelaahan Usulan Program dan Kegiatan Masyarakat",
    "BAB III TUJUAN, SASARAN, PROGRAM DAN KEGIATAN",
    "3.1 Telaahan Terhadap Kebijakan Nasional dan Provinsi",
    "3.2 Tujuan dan Sasaran Renja Perangkat Daerah",
    "3.3 Program, Kegiatan, dan Sub Kegiatan",
    "BAB IV RENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH",
    "4.1 Rencana perkiraan Pendapatan Perangkat Daerah",
    "4.2 Rencana Program Unggulan dan Mendesak",
    "4.3 Usulan Rencana Program/Kegiatan/Sub Kegiatan pada Renja K/L dan Renja PD Provinsi",
    "BAB V PENUTUP",
]
#: Seed 002 (LKjIP Kecamatan Walantaka 2020), daftar isi lines 37-56.
JUDUL_LKJIP = [
    "BAB I PENDAHULUAN",
    "1.1 Latar Belakang",
    "1.2 Landasan Hukum",
    "1.3 Gambaran Umum",
    "BAB II PERENCANAAN KINERJA",
    "2.1 Rencana Strategis",
    "2.1.1 Visi",
    "2.1.2 Misi",
    "2.2 Strategi dan Kebijakan",
    "2.3 Perjanjian Kinerja",
    "BAB III AKUNTABILITAS KINERJA",
    "3.1 Pengukuran Capaian Kinerja",
    "3.1.1 Indeks Kepuasan Pelayanan",
    "3.1.2 Capaian Kelurahan yang Memenuhi Standar",
    "3.1.3 Hasil Evaluasi LKjIP",
    "3.2 Evaluasi dan Analisis Capaian Kinerja",
    "3.3 Akuntabilitas Keuangan",
    "BAB IV PENUTUP",
    "4.1 Kesimpulan",
    "4.2 Proyeksi Masa Depan",
]
#: The tables of the seed Renja that the documents print today, in order.
TABEL_RENJA = [
    "Tabel 2.1 Rekapitulasi Evaluasi Hasil Pelaksanaan Renja",
    "Tabel 2.4 Review terhadap Rancangan Awal RKPD",
    "Rencana Program, Kegiatan dan Sub Kegiatan",
]
#: The seed Renja's tables that other branches add (renja-2.5, the BAB III keterkaitan table of "cetak",
#: renja-4.1, renja-4.2-unggulan/-mendesak, renja-4.3-kl/-provinsi), with the seed's titles, in order.
TABEL_RENJA_LAIN = [
    "Tabel 2.4 Review terhadap Rancangan Awal RKPD",
    "Tabel 2.5",
    "Usulan Program/Kegiatan/Sub Kegiatan",
    "Keterkaitan",
    "Rencana Program, Kegiatan dan Sub Kegiatan",
    "Tabel 4.1",
    "Rumusan Rencana Pendapatan Perangkat Daerah",
    "Program Unggulan",
    "Program Mendesak",
    "Renja K/L dan Renja PD",
]
#: The tables and figures of the seed LKjIP that the documents print today, in order.
TABEL_LKJIP = [
    "Tabel 1.1 Data Kelurahan",
    "Tabel 2.1 Perjanjian Kinerja",
    "Tabel 2.2 Program Kegiatan dan Pagu Anggaran",
    "Tabel 3.1 Pengukuran Sasaran Strategis",
]
#: Seed 002's daftar gambar dan tabel (lines 58-73) in the order of the body: Gambar 1.1 and Tabel 1.2, 1.3
#: (pegawai), Tabel 2.3, 3.2, 3.4 (another branch); the rekap becomes Tabel 3.3 once Tabel 3.2 is in.
TABEL_LKJIP_LAIN = [
    "Tabel 1.1 Data Kelurahan",
    "Gambar 1.1",
    "Tabel 1.2 Daftar Klasifikasi PNS",
    "Tabel 1.3 Kondisi SDM",
    "Tabel 2.1 Perjanjian Kinerja",
    "Tabel 2.2 Program Kegiatan dan Pagu Anggaran",
    "Tabel 2.3 Rincian Program dan Kegiatan",
    "Tabel 3.1 Pengukuran Sasaran Strategis",
    "Tabel 3.2 Pengukuran Capaian Kinerja",
    "Tabel 3.3 Laporan Rekapitulasi Kemajuan Pelaksanaan Kegiatan",
    "Tabel 3.4 Perbandingan Realisasi dan Capaian Kinerja",
]


def normal(teks: str) -> str:
    """Lower case, one space between words, the perangkat daerah's names (SKPD, OPD, PD) as one."""
    teks = " ".join(teks.lower().split())
    return re.sub(r"\b(skpd|opd|perangkat daerah|pd)\b", "pd", teks)


def urutan_hilang(isi: str, dicari: list[str]) -> list[str]:
    """The entries of ``dicari`` not found in ``isi`` after the previous one (empty: all there, in order)."""
    isi, pos, hilang = normal(isi), 0, []
    for d in dicari:
        i = isi.find(normal(d), pos)
        if i < 0:
            hilang.append(d)
        else:
            pos = i + len(normal(d))
    return hilang


def teks_pdf(pdf: bytes) -> list[str]:
    """The text of each page, without the lines that hold only a letter of the DRAF watermark."""
    keluar = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    return [re.sub(r"(?m)^\s*[DRAF]\s*$\n?", "", h) for h in keluar.stdout.decode().split("\f")]


def teks_html(html: str) -> str:
    """The body text of a document's HTML (without the daftar isi, which names the same headings), one block
    element per line."""
    html = re.sub(r"(?is)<(style|script|head)\b.*?</\1>", "", html)
    html = re.sub(r'(?is)<section class="halaman isi-daftar">.*?</section>', "", html)
    html = re.sub(r"(?i)<br\s*/?>|</(p|div|h[1-6]|li|tr|td|th|section|header)>", "\n", html)
    return unescape(re.sub(r"<[^>]+>", " ", html))


def isi_bab(halaman: list[str]) -> str:
    """The body from BAB I on (the daftar isi before it names the same headings)."""
    for i, h in enumerate(halaman):
        if re.search(r"^\s*BAB I\s*$", h, re.MULTILINE):
            return "\n".join(halaman[i:])
    raise AssertionError("BAB I tidak ditemukan")


def _bangun() -> dict[str, list[str]]:
    impor_seed()
    for path in NARASI:
        narasi_muat(json.loads(Path(path).read_text(encoding="utf-8")))
    serang = Kecamatan.objects.select_related("kota").get(kode="36.73.01")
    walantaka = Kecamatan.objects.select_related("kota").get(kode="36.73.03")
    return {
        "renja": teks_pdf(dokumen_pdf(serang, 2022, "renja")),
        "lkjip": teks_pdf(dokumen_pdf(walantaka, 2020, "lkjip")),
    }


@pytest.fixture(scope="module")
def dokumen(django_db_setup, django_db_blocker):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) tidak terpasang")
    assert NARASI, "fixtures/narasi/*.json tidak ada: jalankan python fixtures/build_fixtures.py"
    yield from data_modul(django_db_blocker, _bangun)


# ------------------------------------------------------------------------------------------------------------
# headings and tables in the seed's order
# ------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("jenis", "judul"), [("renja", JUDUL_RENJA), ("lkjip", JUDUL_LKJIP)])
def test_setiap_judul_bab_dan_bagian_seed_tercetak_berurutan(dokumen, jenis, judul):
    assert urutan_hilang(isi_bab(dokumen[jenis]), judul) == []


@pytest.mark.parametrize(("jenis", "judul"), [("renja", JUDUL_RENJA), ("lkjip", JUDUL_LKJIP)])
def test_daftar_isi_memuat_setiap_judul_berurutan(dokumen, jenis, judul):
    halaman = dokumen[jenis]
    daftar = next(h for h in halaman if "DAFTAR ISI" in h)
    assert urutan_hilang(daftar, judul) == []


@pytest.mark.parametrize(("jenis", "tabel"), [("renja", TABEL_RENJA), ("lkjip", TABEL_LKJIP)])
def test_tabel_seed_yang_ada_tercetak_berurutan(dokumen, jenis, tabel):
    assert urutan_hilang(isi_bab(dokumen[jenis]), tabel) == []


@pytest.mark.parametrize(("jenis", "tabel"), [("renja", TABEL_RENJA_LAIN), ("lkjip", TABEL_LKJIP_LAIN)])
def test_semua_tabel_dan_gambar_seed_tercetak_berurutan(dokumen, jenis, tabel):
    assert urutan_hilang(isi_bab(dokumen[jenis]), tabel) == []


def test_subbagian_3_1_per_indikator_sasaran_berjudul_dari_data(dokumen):
    """One §3.1.x per indicator, headed by the indicator as the workbook names it, after Tabel 3.1."""
    isi = isi_bab(dokumen["lkjip"])
    assert (
        urutan_hilang(
            isi,
            [
                "Tabel 3.1 Pengukuran Sasaran Strategis",
                "3.1.1 Indeks Kepuasan Pelayanan Kecamatan Walantaka",
                "3.1.2 Capaian Kelurahan yang memenuhi standard kelurahan (berkembang)",
                "3.1.3 Hasil evaluasi LKjIP",
                "3.1.4 Nilai capaian kinerja penyelenggaraan pemerintahan",
                "3.2 Evaluasi dan Analisis Capaian Kinerja",
            ],
        )
        == []
    )
    # each formula prints in its own section (as the seed's §3.1.2), not once more under the table
    assert "Formulasi perhitungan capaian indikator" not in isi
    bagian = re.split(r"\n\s*3\.1\.\d ", isi.split("3.2 Evaluasi dan Analisis Capaian Kinerja")[0])[-4:]
    assert ["103,25 %" in b for b in bagian] == [True, False, False, False]
    assert ["166,67 %" in b and "Jumlah kelurahan berkembang" in b for b in bagian] == [
        False,
        True,
        False,
        False,
    ]
    assert ["87,57 %" in b for b in bagian] == [False, False, True, False]


# ------------------------------------------------------------------------------------------------------------
# nothing internal on paper
# ------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("jenis", ["renja", "lkjip"])
def test_tanpa_catatan_transkripsi(dokumen, jenis):
    assert "[transkripsi]" not in "\n".join(dokumen[jenis])


# ------------------------------------------------------------------------------------------------------------
# the Keputusan Camat
# ------------------------------------------------------------------------------------------------------------
def test_keputusan_camat_sebelum_kata_pengantar_dengan_camat_nip_dan_tahun(dokumen):
    halaman = dokumen["renja"]
    sk = next(i for i, h in enumerate(halaman) if "KEPUTUSAN CAMAT SERANG" in h)
    kata = next(i for i, h in enumerate(halaman) if "KATA PENGANTAR" in h and "DAFTAR ISI" not in h)
    assert sk < kata
    teks = "\n".join(halaman[sk:kata])
    assert (
        urutan_hilang(
            teks,
            [
                "KEPUTUSAN CAMAT SERANG",
                "NOMOR : 800/072/Kec.Serang/IX/2021",
                "TENTANG",
                "PENETAPAN RENCANA KERJA (RENJA) KECAMATAN SERANG TAHUN 2022",
                "Menimbang",
                "a. bahwa Rencana Kerja",
                "Mengingat",
                "r. RKPD Kota Serang Tahun 2022",
                "MEMUTUSKAN",
                "Menetapkan",
                "KESATU",
                "KEDUA",
                "KETIGA",
                "KEEMPAT",
                "KELIMA",
                "Ditetapkan di",
                "CAMAT SERANG,",
                "FARACH RICHI",
                "NIP. 19810831 199912 1 001",
            ],
        )
        == []
    )


def test_keputusan_bawaan_dari_kecamatan_tahun_dan_camat(dokumen):
    """Without any narrative the keputusan is generated: the kecamatan, kota, year and camat filled in."""
    kec = Kecamatan.objects.select_related("kota").get(kode="36.73.01")
    kec.nama_camat, kec.nip_camat = "Drs. Contoh Camat", "19700101 199001 1 001"
    kec.save()
    html = dokumen_html(kec, 2031, "renja")
    teks = re.sub(r"<[^>]+>", " ", html[html.index("<body") :])
    assert (
        urutan_hilang(
            teks,
            [
                "KEPUTUSAN CAMAT SERANG",
                "/Kec.Serang/",
                "/2030",
                "PENETAPAN RENCANA KERJA (RENJA) KECAMATAN SERANG TAHUN 2031",
                "Menimbang",
                "Mengingat",
                "RKPD Kota Serang Tahun 2031",
                "KESATU",
                "KELIMA",
                "Drs. Contoh Camat",
                "NIP. 19700101 199001 1 001",
                "KATA PENGANTAR",
            ],
        )
        == []
    )
    assert "{" not in teks  # every placeholder filled


def test_landasan_hukum_renja_bawaan_lima_belas_butir(dokumen):
    from dokumen.narasi import butir
    from dokumen.services import narasi_dokumen

    kec = Kecamatan.objects.select_related("kota").get(kode="36.73.01")
    landasan = narasi_dokumen(kec, 2031, "renja")["bab1.landasan_hukum"]
    daftar = [b for p in landasan.split("\n\n") for b in (butir(p) or [])]
    assert [label for label, _ in daftar] == [f"{n}." for n in range(1, 16)]
    assert "Rencana Kerja Pemerintah Kota Serang Tahun 2031" in landasan


# ------------------------------------------------------------------------------------------------------------
# the seeds' narrative in the demo
# ------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("jenis", "kutipan"),
    [
        ("renja", "I. Program Penyediaan Sarana dan Prasarana Infrastruktur (DAU-T)"),
        ("renja", "15. Surat Edaran Walikota Nomor 050/ -Bapp/2021"),
        ("renja", "Kecamatan Serang sebagai SKPD Pembantu"),
        ("renja", "Terwujudnya Kota Peradaban yang Berdaya dan Berbudaya"),
        ("lkjip", "TERWUJUDNYA KOTA PERADABAN YANG BERDAYA DAN BERBUDAYA"),
        ("lkjip", "4. MENINGKATKAN TATA KELOLA PEMERINTAHAN YANG BAIK."),
        ("lkjip", "7. Peningkatan pemantauan terhadap daerah rawan konflik maupun rawan bencana."),
        ("lkjip", "universitas sultan ageng tirtayasa indeks kepuasan pelayanan"),
        ("lkjip", "Suatu pelaporan akuntabilitas kinerja tidak hanya berisikan"),
        ("lkjip", "7) Mantapnya pengelolaan dan pemanfaatan data"),
        ("lkjip", "10) Penyediaan Sarana dan Prasarana Kelurahan"),
        ("lkjip", "Usulan kepada OPD teknis untuk mengakomodir peningkat gedung kantor"),
    ],
)
def test_narasi_demo_adalah_teks_seed(dokumen, jenis, kutipan):
    assert normal(kutipan) in normal("\n".join(dokumen[jenis]))


def test_narasi_per_program_untuk_sepuluh_program_walantaka(dokumen):
    from lkjip.models import NarasiProgram

    kode = set(
        NarasiProgram.objects.filter(tahun=2020, kecamatan__kode="36.73.03").values_list(
            "nomenklatur__kode", flat=True
        )
    )
    assert kode == {f"5001.{n:02d}" for n in (1, 2, 3, 4, 11, 12, 13, 14, 15, 16)}


# ------------------------------------------------------------------------------------------------------------
# editing
# ------------------------------------------------------------------------------------------------------------
def test_mengubah_bagian_per_indikator_mengubah_dokumen(dokumen):
    """The edited text reaches the document's HTML, which WeasyPrint lays out unchanged (``dokumen_pdf`` renders
    ``dokumen_html``); the PDF of the unedited demo is read by the tests above, so the layout is not paid twice."""
    walantaka = Kecamatan.objects.select_related("kota").get(kode="36.73.03")
    operator = pengguna_simpan("op_uji_narasi", Peran.OPERATOR, walantaka, password=SANDI)
    ind = IndikatorSasaran.objects.untuk(walantaka, 2020).get(uraian="Hasil evaluasi LKjIP")
    kunci = f"bab3.capaian.{ind.pk}"
    assert kunci in kunci_sah("lkjip", walantaka, 2020)
    narasi_simpan(
        walantaka, 2020, "lkjip", kunci, "Skor evaluasi naik berkat pendampingan kelurahan.", operator
    )
    narasi_simpan(
        walantaka, 2020, "lkjip", "bab4.kesimpulan", "Kesimpulan yang baru ditulis operator.", operator
    )
    isi = teks_html(dokumen_html(walantaka, 2020, "lkjip"))
    assert (
        urutan_hilang(
            isi,
            [
                "3.1.3 Hasil evaluasi LKjIP",
                "Skor evaluasi naik berkat pendampingan kelurahan.",
                "3.1.4 Nilai capaian kinerja",
                "4.1 Kesimpulan",
                "Kesimpulan yang baru ditulis operator.",
                "4.2 Proyeksi Masa Depan",
            ],
        )
        == []
    )
    teks = normal(isi)
    assert "suatu pelaporan akuntabilitas kinerja tidak hanya berisikan" not in teks
    assert "evaluasi dokumen lkjip dilaksanakan pada awal tahun 2020" not in teks


def test_halaman_dokumen_menyunting_bagian_keputusan_dan_per_indikator(dokumen, client):
    """The document page lists the Keputusan's parts and one field per indicator; both save through the form,
    and a key of no indicator of the kecamatan's year is refused (400), nothing saved."""
    from django.urls import reverse

    from dokumen.models import BagianNarasi

    walantaka = Kecamatan.objects.get(kode="36.73.03")
    client.force_login(pengguna_simpan("op_uji_halaman", Peran.OPERATOR, walantaka, password=SANDI))
    kw = {"kode": "36.73.03", "tahun": 2020}
    ind = IndikatorSasaran.objects.untuk(walantaka, 2020).get(
        uraian="Indeks Kepuasan Pelayanan Kecamatan Walantaka"
    )
    halaman = client.get(reverse("dokumen:halaman", kwargs={**kw, "jenis": "lkjip"})).content.decode()
    assert f'name="narasi:bab3.capaian.{ind.pk}"' in halaman
    assert "3.1.1 Indeks Kepuasan Pelayanan Kecamatan Walantaka" in " ".join(halaman.split())
    renja = client.get(reverse("dokumen:halaman", kwargs={**kw, "jenis": "renja"})).content.decode()
    assert 'name="narasi:sk.mengingat"' in renja and "Keputusan Camat: Menimbang" in renja

    r = client.post(
        reverse("dokumen:narasi", kwargs={**kw, "jenis": "lkjip"}),
        {f"narasi:bab3.capaian.{ind.pk}": "Survei mandiri tiap triwulan.", "aksi": "simpan"},
    )
    assert r.status_code == 302
    assert BagianNarasi.objects.get(kecamatan=walantaka, tahun=2020, kunci=f"bab3.capaian.{ind.pk}").isi == (
        "Survei mandiri tiap triwulan."
    )
    r = client.post(
        reverse("dokumen:narasi", kwargs={**kw, "jenis": "renja"}),
        {"narasi:sk.nomor": "800/123/Kec.Walantaka/X/2019", "aksi": "simpan"},
    )
    assert r.status_code == 302
    assert BagianNarasi.objects.get(kecamatan=walantaka, tahun=2020, kunci="sk.nomor").isi.startswith(
        "800/123"
    )

    asing = f"bab3.capaian.{ind.pk + 100000}"  # no indicator of this kecamatan and year
    r = client.post(reverse("dokumen:narasi", kwargs={**kw, "jenis": "lkjip"}), {f"narasi:{asing}": "x"})
    assert r.status_code == 400
    assert not BagianNarasi.objects.filter(kunci=asing).exists()


def test_keuangan_walantaka_dalam_lkjip_utuh(dokumen):
    """Akuntabilitas keuangan in the whole demo LKjIP: belanja langsung + tidak langsung as the seed states them,
    the computed points, and the demo narrative's refocusing figures."""
    teks = " ".join(" ".join(dokumen["lkjip"]).split())
    bagian = teks[teks.index("Akuntabilitas Keuangan Tahun 2020") - 3000 :]
    for angka in (
        "28.846.929.951",
        "27.778.988.346",
        "96,30",
        "9.633.391.315",
        "19.213.538.636",
        "1.067.941.605",
        "860.522.113",
        "17.442.927.972",
        "183.950.329",
        "1.770.610.664",
        "23.469.163",
        "426.653.000",
        "254.591.114",
        "411.769.419",
    ):
        assert angka in bagian, angka
    assert re.search(r"Realisasi anggaran belanja total sebesar Rp 27\.778\.988\.346 atau 96,30 %", teks)
    assert "Jumlah belanja tidak langsung" in teks and "belum lengkap" not in bagian


# ------------------------------------------------------------------------------------------------------------
# numbering and layout of the whole LKjIP: figures and tables numbered per chapter as the seed does (Gambar 1.1,
# Tabel 3.2), and a chapter that opens with a landscape table does not leave its opening alone on a page
# ------------------------------------------------------------------------------------------------------------
@pytest.fixture
def halaman(dokumen) -> list[str]:
    return dokumen["lkjip"]


def test_gambar_bernomor_per_bab_tanpa_berulang(halaman):
    gambar = [m for h in halaman for m in re.findall(r"^\s*Gambar (\S+)", h, re.MULTILINE)]
    assert len(gambar) >= 3
    assert len(set(gambar)) == len(gambar), gambar  # "Gambar 1" printed three times before
    assert all(re.fullmatch(r"\d+\.\d+", g) for g in gambar), gambar
    bab3 = [g for g in gambar if g.startswith("3.")]
    assert bab3 == [f"3.{i}" for i in range(1, len(bab3) + 1)]


def test_tabel_bernomor_per_bab(halaman):
    judul = [m for h in halaman for m in re.findall(r"^\s*(Tabel \d+\.\d+) ", h, re.MULTILINE)]
    assert judul[:6] == ["Tabel 1.1", "Tabel 1.2", "Tabel 1.3", "Tabel 2.1", "Tabel 2.2", "Tabel 2.3"]
    assert [f"Tabel 3.{i}" for i in range(1, 6)] == [j for j in judul if j.startswith("Tabel 3.")]
    teks = "\n".join(halaman)
    # the seed's list of tables: 2.3 Rincian Program dan Kegiatan, 3.2 Pengukuran Capaian Kinerja,
    # 3.3 Laporan Rekapitulasi Kemajuan Pelaksanaan Kegiatan, 3.4 Perbandingan Realisasi dan Capaian Kinerja
    assert "Tabel 2.3 Rincian Program dan Kegiatan" in teks
    assert "Tabel 3.2 Pengukuran Capaian Kinerja" in teks
    assert "Tabel 3.3 Laporan Rekapitulasi Kemajuan Pelaksanaan Kegiatan" in teks
    assert "Tabel 3.4 Perbandingan Realisasi dan Capaian Kinerja" in teks
    assert "Tabel 3.5 Akuntabilitas Keuangan" in teks


def test_pembuka_bab_tidak_sendirian_sebelum_tabel_lanskap(halaman):
    """BAB III opens straight into the landscape Tabel 3.1: heading and table share the page."""
    buka = [h for h in halaman if re.search(r"^\s*BAB III\s*$", h, re.MULTILINE)]
    assert buka, "BAB III tidak ditemukan"
    assert "AKUNTABILITAS KINERJA" in buka[0] and "Tabel 3.1 Pengukuran Sasaran Strategis" in buka[0]


def test_bab_1_memuat_struktur_organisasi_dan_tabel_sdm(halaman):
    """BAB I 1.3 as the seed: Tabel 1.1, Gambar 1.1 Struktur Organisasi (drawn from the staff list) before
    the staff list Tabel 1.2, and Tabel 1.3 computed from it."""
    teks = "\n".join(halaman)
    urutan = [
        "Tabel 1.1 Data Kelurahan",
        "Gambar 1.1",
        "STRUKTUR ORGANISASI KECAMATAN WALANTAKA",
        "Tabel 1.2 Daftar Klasifikasi PNS Kecamatan Walantaka",
        "Tabel 1.3 Kondisi SDM Aparatur berdasarkan Pendidikan, Pangkat dan Eselon",
        "BAB II",
    ]
    mulai = teks.find("Tabel 1.1 Data Kelurahan")  # after the daftar isi
    for t in urutan:
        ketemu = teks.find(t, mulai)
        assert ketemu >= mulai >= 0, f"{t!r} tidak ada setelah posisi {mulai}"
        mulai = ketemu
    assert "KARSONO. S.Sos. M.Si" in teks and "19780126 201408 1 002" in teks


def test_renja_tabel_2_5_dan_bab_iv_berurutan(dokumen):
    """Renja §2.5 and BAB IV with their tables (usulan and prioritas sheets), in the seed's order."""
    urut = [
        "2.5 Penelaahan Usulan Program dan Kegiatan Masyarakat",
        "Tabel 2.5",
        "dari Para Pemangku Kepentingan Tahun 2022",
        "BAB III",
        "BAB IV",
        "4.1 Rencana perkiraan Pendapatan Perangkat Daerah",
        "Tabel 4.1",
        "Rumusan Rencana Pendapatan Perangkat Daerah Tahun 2022",
        KALIMAT_4_1,
        "4.2 Rencana Program Unggulan dan Mendesak",
        "Tabel 4.2",
        "Rumusan Rencana Indikasi Kegiatan/Sub Kegiatan pada Program Unggulan Tahun 2022",
        "Pengembangan Serang Smart City",
        "Tabel 4.3",
        "Rumusan Rencana Indikasi Kegiatan/Sub Kegiatan pada Program Mendesak Tahun 2022",
        "Pencegahan penyebaran",  # a table cell: the layout text wraps it among other columns
        "4.3 Usulan Rencana Program/Kegiatan/Sub Kegiatan pada Renja K/L dan Renja PD Provinsi",
        "Tabel 4.4",
        "Tabel 4.5",
        "BAB V",
    ]
    assert urutan_hilang(isi_bab(dokumen["renja"]), urut) == []
