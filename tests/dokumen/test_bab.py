"""A whole document laid out per chapter and joined (dokumen/bab.py): a change lays out again only the chapters
it touches, the joined PDF reads as the single render did, its daftar isi names the pages the chapters really
start on, its numbering runs on, and a draft carries DRAF where an approved revision carries the signature."""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from pypdf import PdfReader

from dokumen import bab
from dokumen.pdf import dokumen_pdf, dokumen_pdf_utuh
from dokumen.services import dokumen_ajukan, dokumen_setujui, dokumen_terkini, narasi_simpan

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db

_BAB = re.compile(r'<h1 class="bab" id="(bab\d+)"')
_DAFTAR = re.compile(r"^\s*(\S.*?)\s*\.{4,}\s*(\d+)\s*$")


@pytest.fixture
def d():
    return dua_kecamatan()


@pytest.fixture(autouse=True)
def simpanan_sendiri(settings, tmp_path):
    """Parts stored by this test only (the kept parts are keyed by their HTML, so another test's would be
    reused, rightly, and the counts below would not hold)."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path


@pytest.fixture
def ditata(monkeypatch) -> list[str]:
    """The parts WeasyPrint lays out, in order: "bab1"…, "depan" (front matter), "nomor" (the page numbers)."""
    catatan: list[str] = []
    asli = bab.tata_letak

    def tata_letak(html, kabar=None):
        m = _BAB.search(html)
        catatan.append(m.group(1) if m else "depan" if "DAFTAR ISI" in html else "nomor")
        return asli(html, kabar)

    monkeypatch.setattr(bab, "tata_letak", tata_letak)
    return catatan


def halaman_teks(isi: bytes, mode: str = "-layout") -> list[str]:
    """The text of each page (pdftotext separates pages with a form feed). ``-raw``: in drawing order, which
    keeps the rotated watermark's letters together; "": pdftotext's reading order."""
    opsi = [mode] if mode else []
    teks = subprocess.run(["pdftotext", *opsi, "-", "-"], input=isi, capture_output=True, check=True)
    return teks.stdout.decode().split("\f")[: len(PdfReader(io.BytesIO(isi)).pages)]


def test_perubahan_narasi_satu_bab_hanya_menata_ulang_bab_itu(d, ditata):
    pertama = dokumen_pdf(d["a"], 2020, "lkjip")
    assert sorted(n for n in ditata if n.startswith("bab")) == ["bab1", "bab2", "bab3", "bab4"]
    assert {"depan", "nomor"} <= set(ditata)

    ditata.clear()  # nothing changed: every part is read from storage
    assert dokumen_pdf(d["a"], 2020, "lkjip") == pertama and ditata == []

    narasi_simpan(d["a"], 2020, "lkjip", "bab2.visi", "Visi yang baru ditulis.", d["users"]["operator_a"])
    ditata.clear()
    kedua = dokumen_pdf(d["a"], 2020, "lkjip")
    assert [n for n in ditata if n.startswith("bab")] == ["bab2"]
    assert "Visi yang baru ditulis." in "".join(halaman_teks(kedua))
    # another kecamatan's document is laid out on its own (its parts are its own)
    ditata.clear()
    dokumen_pdf(d["b"], 2020, "lkjip")
    assert sorted(n for n in ditata if n.startswith("bab")) == ["bab1", "bab2", "bab3", "bab4"]


def test_pdf_gabungan_sama_teksnya_dengan_satu_kali_tata_letak(d):
    narasi_simpan(
        d["a"], 2020, "lkjip", "bab1.latar_belakang", "Latar belakang.\n\n" * 40, d["users"]["operator_a"]
    )
    gabungan = dokumen_pdf(d["a"], 2020, "lkjip")
    utuh = dokumen_pdf_utuh(d["a"], 2020, "lkjip")
    assert halaman_teks(gabungan, mode="") == halaman_teks(utuh, mode="")


def test_daftar_isi_menunjuk_halaman_nyata_dan_nomor_halaman_bersambung(d):
    # a long chapter I moves every later chapter's pages: the daftar isi follows
    narasi_simpan(
        d["a"], 2020, "lkjip", "bab1.latar_belakang", "Latar belakang.\n\n" * 60, d["users"]["operator_a"]
    )
    isi = dokumen_pdf(d["a"], 2020, "lkjip")
    halaman = halaman_teks(isi)
    n = len(halaman)
    assert "Halaman" not in halaman[0]  # the cover
    for i, teks in enumerate(halaman[1:], start=2):
        assert re.search(rf"Halaman {i} dari {n}\s*$", teks.rstrip()), f"halaman {i}"

    daftar = next(t for t in halaman if "DAFTAR ISI" in t)
    entri = [m.groups() for m in map(_DAFTAR.match, daftar.splitlines()) if m]
    bab_bab = [(judul, int(h)) for judul, h in entri if judul.startswith("BAB ")]
    assert [j.split()[1] for j, _ in bab_bab] == ["I", "II", "III", "IV"]
    assert bab_bab[1][1] - bab_bab[0][1] > 2  # chapter I is long now
    for judul, h in entri:
        tujuan = halaman[int(h) - 1]
        if judul.startswith("BAB "):
            nomor, _, nama = judul.partition(" ")[2].partition(" ")
            assert re.search(rf"^\s*BAB {nomor}\s*$", tujuan, re.MULTILINE) and nama in tujuan, judul
        else:
            assert " ".join(judul.split()) in " ".join(tujuan.split()), (judul, h)

    # the daftar isi's links and the outline point at the same pages
    baca = PdfReader(io.BytesIO(isi))
    tujuan = {k: baca.get_destination_page_number(v) for k, v in baca.named_destinations.items()}
    assert not any(k.startswith(bab.AWALAN_KE) for k in tujuan)
    halaman_daftar = next(i for i, t in enumerate(halaman) if "DAFTAR ISI" in t)
    tautan = [a.get_object()["/Dest"] for a in baca.pages[halaman_daftar].get("/Annots") or ()]
    assert {"bab1", "bab2", "bab3", "bab4", "kata-pengantar"} <= set(tautan)
    assert [tujuan[f"bab{i}"] + 1 for i in range(1, 5)] == [h for _, h in bab_bab]
    judul_outline = [o.title for o in baca.outline if not isinstance(o, list)]
    assert judul_outline[:2] == ["KATA PENGANTAR", "DAFTAR ISI"] and len(judul_outline) == 6


def test_draf_bertanda_draf_dan_yang_disetujui_bertanda_tangan(d, settings):
    halaman = halaman_teks(dokumen_pdf(d["a"], 2020, "lkjip"), "-raw")
    assert all(
        "DRAF" in "".join(t.split()) for t in halaman
    )  # the watermark (the footer too, past the cover)
    assert not any("NIP." in t for t in halaman)

    dok = dokumen_ajukan(dokumen_terkini(d["a"], 2020, "lkjip"), d["users"]["operator_a"])
    dok = dokumen_setujui(dok, d["users"]["camat_a"])  # its signed PDF is laid out (inline) on approval
    dok.refresh_from_db()
    with dok.pdf.open("rb") as f:
        isi = f.read()
    assert not any("DRAF" in "".join(t.split()) for t in halaman_teks(isi, "-raw"))
    halaman = halaman_teks(isi)
    bertanda = [i for i, t in enumerate(halaman) if "CAMAT WALANTAKA" in t and "NIP." in t]
    kata_pengantar = next(i for i, t in enumerate(halaman) if "KATA PENGANTAR" in t)
    assert bertanda[0] == kata_pengantar and bertanda[-1] == len(halaman) - 1  # and the last chapter's end
    assert re.search(rf"Halaman {len(halaman)} dari {len(halaman)}", halaman[-1])
    # its parts are not kept: the joined PDF is, on the Dokumen
    folder = settings.PRIVATE_MEDIA_ROOT / bab.FOLDER / str(d["a"].pk)
    assert not [p.name for p in folder.iterdir() if "-sah-" in p.name]


def test_bagian_lama_dihapus_setelah_digabung(d, settings):
    dokumen_pdf(d["a"], 2020, "lkjip")
    folder = settings.PRIVATE_MEDIA_ROOT / bab.FOLDER / str(d["a"].pk)
    awal = sorted(p.name for p in folder.iterdir())
    assert len(awal) == 6  # four chapters, the front matter, the page numbers
    narasi_simpan(d["a"], 2020, "lkjip", "bab4.kesimpulan", "Kesimpulan baru.", d["users"]["operator_a"])
    dokumen_pdf(d["a"], 2020, "lkjip")
    kini = sorted(p.name for p in folder.iterdir())
    assert len(kini) == 6 and len(set(kini) - set(awal)) >= 1


@pytest.mark.parametrize("pekerja_lain", [True, False], ids=["pekerja-lain-menata", "antre-tanpa-pekerja"])
def test_dengan_antrean_bab_dikirim_ke_pekerja_dan_tidak_ditata_dua_kali(
    d, ditata, settings, monkeypatch, pekerja_lain
):
    """With a queue the document's job sends every missing chapter but the first as a job of its own
    (:func:`dokumen.bab.tata_bagian`) and lays out whatever no worker has taken; no chapter is laid out twice."""
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # never reached: the jobs go to the stand-in below
    dikirim: list[str] = []

    def kirim(fungsi, kunci, *, argumen, **kw):
        assert fungsi == "dokumen.bab.tata_bagian" and kunci == f"dokumen:bab:{argumen['berkas']}"
        dikirim.append(argumen["judul"])
        if pekerja_lain:  # another worker takes it at once
            bab.tata_bagian(None, **argumen)

    monkeypatch.setattr(bab, "tugas_kirim", kirim)
    isi = dokumen_pdf(d["a"], 2020, "lkjip")
    # every chapter but the longest, which the document's job lays out at once, longest first
    assert sorted(j.split()[1] for j in dikirim) == ["I", "II", "IV"]
    assert sorted(n for n in ditata if n.startswith("bab")) == ["bab1", "bab2", "bab3", "bab4"]
    settings.REDIS_URL = ""
    ditata.clear()
    assert dokumen_pdf(d["a"], 2020, "lkjip") == isi and ditata == []  # the same parts, from storage
