"""Hostile workbooks cost nothing: a sheet claiming the whole grid is read as what it really holds; millions
of tiny rows, zip bombs, too many columns and an oversized upload are refused. buka(), the web import and import_workbook all
answer with a clear message (web: 400, CLI: non-zero exit and the summary line)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from wilayah.akun import pengguna_simpan
from wilayah.models import Peran
from workbook.berkas import BerkasError, buka, format_ukuran
from workbook.impor import workbook_impor

from .web import unggah

RINGKASAN_GAGAL = "created=0 updated=0 unchanged=0 errors=1"
SHEET = "xl/worksheets/sheet1.xml"


def _dasar() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "anggaran"
    ws.append(["tahun", "kode_kecamatan", "kode", "pagu"])
    ws.append([2020, "36.73.03", "5001.04", 1])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _tulis_ulang(path: Path, ganti_sheet, tambahan: dict[str, bytes] | None = None) -> Path:
    """The small workbook above with its sheet XML rewritten (streamed) by ``ganti_sheet(xml, berkas)``."""
    with (
        zipfile.ZipFile(io.BytesIO(_dasar())) as masuk,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as keluar,
    ):
        for info in masuk.infolist():
            if info.filename == SHEET:
                with keluar.open(SHEET, "w", force_zip64=True) as f:
                    ganti_sheet(masuk.read(SHEET), f)
            else:
                keluar.writestr(info.filename, masuk.read(info.filename))
        for nama, isi in (tambahan or {}).items():
            keluar.writestr(nama, isi)
    return path


def _dimensi_raksasa(xml: bytes, f) -> None:
    f.write(re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:XFD1048576"/>', xml))


def _dua_juta_baris(xml: bytes, f) -> None:
    awal, _, akhir = xml.partition(b"</sheetData>")
    f.write(awal[: awal.index(b'<row r="2"')])
    n, blok = 2_000_000, 50_000
    for mulai in range(2, n + 2, blok):
        akhir_blok = min(mulai + blok, n + 2)
        f.write(
            "".join(f'<row r="{i}"><c r="A{i}"><v>1</v></c></row>' for i in range(mulai, akhir_blok)).encode()
        )
    f.write(b"</sheetData>" + akhir)


@pytest.fixture(scope="module")
def bom_dimensi(tmp_path_factory) -> Path:
    return _tulis_ulang(tmp_path_factory.mktemp("bom") / "dimensi.xlsx", _dimensi_raksasa)


@pytest.fixture(scope="module")
def bom_baris(tmp_path_factory) -> Path:
    """About 10 MB holding 2,000,000 one-cell rows (100 MB of XML), written in about a second."""
    return _tulis_ulang(tmp_path_factory.mktemp("bom") / "baris.xlsx", _dua_juta_baris)


@pytest.fixture
def bappeda(db):
    return pengguna_simpan("bappeda", Peran.BAPPEDA, password="sandi-uji-123")


def test_bom_dimensi_diabaikan_hanya_baris_nyata_yang_dibaca(bom_dimensi):
    """A sheet claiming A1:XFD1048576 is read as what it really holds (one header, one row), not padded to
    the claimed 17 billion cells: the claim is ignored, not trusted and not refused."""
    assert bom_dimensi.stat().st_size < 10_000
    sheet = buka(bom_dimensi)["anggaran"]
    assert list(sheet.kolom) == ["tahun", "kodekecamatan", "kode", "pagu"]
    assert [b.sel for b in sheet.baris] == [
        {"tahun": 2020, "kodekecamatan": "36.73.03", "kode": "5001.04", "pagu": 1}
    ]


def test_bom_dua_juta_baris_ditolak_buka(bom_baris):
    with pytest.raises(
        BerkasError, match=r"Sheet 'anggaran' berisi lebih dari 200\.000 baris; pecah workbook"
    ):
        buka(bom_baris)


@pytest.mark.django_db
def test_bom_dimensi_impor_web_menjawab_isi_nyata_tanpa_500(client, bappeda, bom_dimensi):
    client.force_login(bappeda)
    client.raise_request_exception = False
    r = unggah(client, "bom.xlsx", bom_dimensi.read_bytes())
    isi = r.content.decode()
    assert r.status_code in (200, 400) and "Traceback" not in isi
    assert "berisi lebih dari" not in isi  # judged on its one real row, not on the claim


@pytest.mark.django_db
@pytest.mark.parametrize("bom", ["bom_baris"])
def test_bom_impor_web_400_dengan_pesan(client, bappeda, request, bom):
    path = request.getfixturevalue(bom)
    client.force_login(bappeda)
    client.raise_request_exception = False
    r = unggah(client, "bom.xlsx", path.read_bytes())
    isi = r.content.decode()
    assert r.status_code == 400
    assert "berisi lebih dari 200.000 baris" in isi and RINGKASAN_GAGAL in isi
    assert "Traceback" not in isi and "Impor sekarang" not in isi


@pytest.mark.django_db
@pytest.mark.parametrize("bom", ["bom_baris"])
def test_bom_perintah_impor_keluar_nonzero_dengan_ringkasan(capsys, request, bom):
    path = request.getfixturevalue(bom)
    with pytest.raises(SystemExit) as exc:
        call_command("import_workbook", str(path))
    assert exc.value.code != 0
    keluaran = capsys.readouterr()
    baris = keluaran.out.strip().splitlines()
    assert baris[-1] == RINGKASAN_GAGAL
    assert any("berisi lebih dari 200.000 baris" in b for b in baris)
    assert "Traceback" not in keluaran.out + keluaran.err


def test_bom_zip_rasio_tinggi_ditolak_sebelum_dibuka(tmp_path):
    path = _tulis_ulang(
        tmp_path / "rasio.xlsx", lambda xml, f: f.write(xml), {"xl/media/nol.bin": b"\0" * (5 << 20)}
    )
    with pytest.raises(BerkasError, match=r"bom zip: bagian 'xl/media/nol.bin' berukuran 5 MB bila dibuka"):
        buka(path)


def test_bom_zip_total_terbuka_ditolak(tmp_path, settings):
    settings.WORKBOOK_UKURAN_TERBUKA_MAKS = 1 << 20
    acak = bytes(range(256)) * 4096 * 2  # 2 MB that does not compress
    path = _tulis_ulang(tmp_path / "total.xlsx", lambda xml, f: f.write(xml), {"xl/media/acak.bin": acak})
    with pytest.raises(BerkasError, match=r"bom zip: isinya 2 MB bila dibuka \(batas 1 MB\)"):
        buka(path)


def test_terlalu_banyak_anggota_zip_ditolak(tmp_path, settings):
    settings.WORKBOOK_ANGGOTA_MAKS = 20
    lain = {f"xl/media/{i}.bin": b"x" for i in range(30)}
    path = _tulis_ulang(tmp_path / "anggota.xlsx", lambda xml, f: f.write(xml), lain)
    with pytest.raises(BerkasError, match=r"memuat \d+ bagian"):
        buka(path)


def test_baris_melebihi_batas_berhenti_membaca(xlsx, settings):
    settings.WORKBOOK_BARIS_MAKS = 5
    baris = [["tahun", "kode_kecamatan", "kode"]] + [[2020, "36.73.03", f"5001.{i:02d}"] for i in range(6)]
    with pytest.raises(BerkasError, match=r"Sheet 'anggaran' berisi lebih dari 5 baris"):
        buka(xlsx({"anggaran": baris}))
    assert buka(xlsx({"anggaran": baris[:6]}))["anggaran"].baris[-1].nomor == 6  # exactly at the limit: fine


def test_kolom_melebihi_batas_ditolak(xlsx, settings):
    settings.WORKBOOK_KOLOM_MAKS = 10
    lebar = [["tahun"] + [None] * 10 + ["kode"], [2020] + [None] * 10 + ["1.01"]]
    with pytest.raises(BerkasError, match=r"Sheet 'anggaran' berisi lebih dari 10 kolom"):
        buka(xlsx({"anggaran": lebar}))
    # cells right of the named columns (within the limit) are not read at all
    sempit = [["tahun", "kode"], [2020, "1.01"] + [None] * 6 + ["catatan jauh di kanan"]]
    assert buka(xlsx({"anggaran": sempit}))["anggaran"].baris[0].sel == {"tahun": 2020, "kode": "1.01"}


def _dimensi_kecil(path: Path) -> Path:
    """The same workbook with its sheet claiming to be one cell (A1) whatever it really holds."""
    isi = path.read_bytes()
    keluar = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(isi)) as masuk, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        for info in masuk.infolist():
            data = masuk.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                data, n = re.subn(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1"/>', data)
                assert n == 1
            z.writestr(info.filename, data)
    path.write_bytes(keluar.getvalue())
    return path


def test_dimensi_yang_mengaku_kecil_tidak_dipercaya(xlsx, settings):
    settings.WORKBOOK_BARIS_MAKS, settings.WORKBOOK_KOLOM_MAKS = 5, 10
    baris = [["tahun", "kode_kecamatan", "kode"]] + [[2020, "36.73.03", f"5001.{i:02d}"] for i in range(6)]
    with pytest.raises(BerkasError, match=r"lebih dari 5 baris"):
        buka(_dimensi_kecil(xlsx({"anggaran": baris})))
    lebar = [["tahun"] + [None] * 10 + ["kode"], [2020] + [None] * 10 + ["1.01"]]
    with pytest.raises(BerkasError, match=r"lebih dari 10 kolom"):
        buka(_dimensi_kecil(xlsx({"anggaran": lebar})))
    terbaca = buka(_dimensi_kecil(xlsx({"anggaran": baris[:6]})))["anggaran"]
    assert [b.sel["kode"] for b in terbaca.baris] == [f"5001.{i:02d}" for i in range(5)]


@pytest.mark.django_db
def test_unggahan_terlalu_besar_ditolak_400(client, bappeda, settings, xlsx):
    settings.WORKBOOK_UKURAN_MAKS = 1024
    isi = xlsx(
        {"anggaran": [["tahun", "kode"]] + [[2020, f"kode panjang {i}"] for i in range(300)]}
    ).read_bytes()
    assert len(isi) > 1024
    client.force_login(bappeda)
    r = unggah(client, "besar.xlsx", isi)
    assert r.status_code == 400
    assert f"Berkas terlalu besar ({format_ukuran(len(isi))}); batasnya 1 KB" in r.content.decode()


@pytest.mark.parametrize(
    "n, teks", [(0, "0 byte"), (4812, "4,7 KB"), (20 << 20, "20 MB"), (int(1.2 * (1 << 30)), "1,2 GB")]
)
def test_format_ukuran(n, teks):
    assert format_ukuran(n) == teks


@pytest.mark.django_db
def test_workbook_benih_tetap_terbaca():
    folder = Path(__file__).resolve().parents[2] / "fixtures"
    for path in sorted(folder.glob("*.xlsx")):
        hasil = workbook_impor(path, dry_run=True, akui_melebihi_pagu=True)  # the seed keeps five such rows
        assert hasil.errors == 0, (path.name, hasil.pesan_galat()[:3])
