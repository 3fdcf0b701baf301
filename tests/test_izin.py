"""Permissions as data: every role rule is a django-rules permission (wilayah/rules.py and each app's rules.py),
read by the view decorator, the services and the templates — so a role that may look but not act gets 403 on
the action, whichever way it tries."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rules
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from dokumen.models import Dokumen, StatusDokumen
from dokumen.services import dokumen_ajukan, dokumen_terkini
from renja.models import Anggaran
from renja.services import anggaran_set_realisasi, triwulan_tutup

from .data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db
REPO = Path(__file__).resolve().parent.parent

PERSONA = ["operator_a", "camat_a", "operator_b", "camat_b", "bappeda", "pimpinan"]
# Who holds each permission on kecamatan A (a set of personas), written once here as the expected table.
STAF_A = {"operator_a", "camat_a"}
IZIN = {
    "wilayah.lihat_kecamatan": STAF_A | {"bappeda", "pimpinan"},
    "wilayah.ubah_kecamatan": STAF_A | {"bappeda"},
    "wilayah.lihat_kota": {"bappeda", "pimpinan"},
    "renja.ubah_realisasi": STAF_A | {"bappeda"},
    "renja.tutup_triwulan": {"camat_a"},
    "renja.tulis_catatan_verifikator": {"bappeda"},
    "renja.jawab_catatan": STAF_A,
    "renja.unggah_bukti": STAF_A | {"bappeda"},
    "renja.ubah_belanja": STAF_A | {"bappeda"},
    "renja.ubah_usulan": STAF_A | {"bappeda"},
    "lkjip.ubah_pegawai": STAF_A | {"bappeda"},
    "lkjip.ubah_tujuan": STAF_A | {"bappeda"},
    "lkjip.ubah_narasi": STAF_A | {"bappeda"},
    "dokumen.ubah_narasi": STAF_A | {"bappeda"},
    "dokumen.ajukan": {"operator_a"},
    "dokumen.setujui": {"camat_a"},
    "dokumen.kembalikan": {"camat_a"},
    "dokumen.buka_revisi": {"bappeda"},
    "dokumen.cetak_ulang": {"camat_a", "bappeda"},
    "dokumen.cetak_massal": {"bappeda"},
    "workbook.impor": {"bappeda"},
    "beranda.ringkasan_kecamatan": STAF_A,
    "beranda.ringkasan_kota": {"bappeda", "pimpinan"},
}


@pytest.fixture
def d():
    return dua_kecamatan()


def test_setiap_izin_diberikan_tepat_kepada_peran_dalam_tabel(d):
    salah = [
        (izin, p)
        for izin, boleh in IZIN.items()
        for p in PERSONA
        if rules.has_perm(izin, d["users"][p], d["a"]) != (p in boleh)
    ]
    assert salah == []


def test_superuser_mendapat_izin_bappeda_bukan_semua_izin(d, django_user_model):
    su = django_user_model.objects.create_superuser("akar", password="x")
    assert rules.has_perm("dokumen.buka_revisi", su, d["a"])
    assert not rules.has_perm("dokumen.setujui", su, d["a"])  # approving is the camat's, whoever else asks


def _aksi(nama: str, jenis: str = "lkjip") -> str:
    return reverse("dokumen:aksi", kwargs={"kode": "36.73.03", "tahun": 2020, "jenis": jenis, "nama": nama})


@pytest.mark.parametrize(
    "persona, nama",
    [
        ("pimpinan", "setujui"),
        ("pimpinan", "ajukan"),
        ("pimpinan", "kembalikan"),
        ("pimpinan", "revisi"),
        ("operator_a", "setujui"),
        ("operator_a", "kembalikan"),
        ("camat_a", "ajukan"),
        ("bappeda", "ajukan"),
        ("bappeda", "setujui"),
        ("operator_a", "revisi"),
    ],
)
def test_aksi_dokumen_oleh_peran_tanpa_izin_403_dan_tidak_mengubah_apa_pun(client, d, persona, nama):
    dokumen_ajukan(dokumen_terkini(d["a"], 2020, "lkjip"), d["users"]["operator_a"])  # a submitted document
    sebelum = (Dokumen.objects.count(), Dokumen.history.count())
    client.force_login(d["users"][persona])
    r = client.post(_aksi(nama), {"catatan": "Perbaiki"})
    assert r.status_code == 403
    assert (Dokumen.objects.count(), Dokumen.history.count()) == sebelum
    assert Dokumen.objects.get().status == StatusDokumen.DIAJUKAN


def test_aksi_yang_ditolak_karena_status_tetap_pesan_dan_kembali(client, d):
    """The camat may approve, but not a draf: that is a message and a redirect, not a 403."""
    client.force_login(d["users"]["camat_a"])
    r = client.post(_aksi("setujui"), follow=True)
    assert r.redirect_chain and r.redirect_chain[-1][1] == 302
    assert "hanya dokumen yang diajukan dapat disetujui" in r.content.decode()
    assert not Dokumen.objects.filter(status=StatusDokumen.DISETUJUI).exists()


def test_aksi_tak_dikenal_404(client, d):
    client.force_login(d["users"]["camat_a"])
    assert client.post(_aksi("hapus")).status_code == 404


def test_layanan_menolak_peran_tanpa_izin_dengan_predikat_yang_sama(d):
    with pytest.raises(PermissionDenied):
        anggaran_set_realisasi(
            d["ang_a"], versi=0, masukan={"realisasi_tw1": "1"}, user=d["users"]["pimpinan"]
        )
    with pytest.raises(PermissionDenied):
        anggaran_set_realisasi(
            d["ang_a"], versi=0, masukan={"realisasi_tw1": "1"}, user=d["users"]["operator_b"]
        )
    with pytest.raises(PermissionDenied):
        triwulan_tutup(d["a"], 2020, 1, d["users"]["operator_a"])
    with pytest.raises(PermissionDenied):
        dokumen_ajukan(dokumen_terkini(d["a"], 2020, "renja"), d["users"]["camat_a"])
    assert Anggaran.objects.get(pk=d["ang_a"].pk).versi == 0


def test_catatan_verifikator_bukan_bappeda_403(client, d):
    url = reverse("renja:catatan", kwargs={"kode": "36.73.03", "tahun": 2020})
    for persona in ("operator_a", "camat_a", "pimpinan"):
        client.force_login(d["users"][persona])
        assert client.post(url, {"triwulan": 1, "catatan": "x"}).status_code == 403, persona


def test_jawaban_catatan_hanya_staf_kecamatan(client, d):
    from renja.models import CatatanVerifikator

    c = CatatanVerifikator.objects.create(
        kecamatan=d["a"], tahun=2020, triwulan=1, catatan="?", ditulis_oleh=d["users"]["bappeda"]
    )
    url = reverse("renja:catatan-jawab", kwargs={"kode": "36.73.03", "tahun": 2020, "pk": c.pk})
    for persona in ("bappeda", "pimpinan"):
        client.force_login(d["users"][persona])
        assert client.post(url, {"jawaban": "x"}).status_code == 403, persona
    c.refresh_from_db()
    assert c.jawaban == ""


def test_tautan_bappeda_di_menu_mengikuti_izin_bukan_is_staff(client, d):
    staf = d["users"]["operator_a"]
    staf.is_staff = True  # staff flag alone (e.g. set by hand in the admin) is not the Bappeda role
    staf.save()
    client.force_login(staf)
    isi = client.get(reverse("home")).content.decode()
    assert "Impor workbook" not in isi and "Data induk" not in isi
    client.force_login(d["users"]["bappeda"])
    isi = client.get(reverse("home")).content.decode()
    assert "Impor workbook" in isi and "Data induk" in isi


def test_tombol_halaman_dokumen_mengikuti_izin(client, d):
    url = reverse("dokumen:halaman", kwargs={"kode": "36.73.03", "tahun": 2020, "jenis": "lkjip"})
    dokumen_ajukan(dokumen_terkini(d["a"], 2020, "lkjip"), d["users"]["operator_a"])
    for persona, terlihat in (
        ("camat_a", True),
        ("pimpinan", False),
        ("operator_a", False),
        ("bappeda", False),
    ):
        client.force_login(d["users"][persona])
        isi = client.get(url).content.decode()
        assert ("Setujui dan tanda tangani" in isi) == terlihat, persona
        assert ("Kembalikan dengan catatan" in isi) == terlihat, persona


def test_tidak_ada_logika_peran_di_view_layanan_atau_templat():
    """Roles are compared only in wilayah (the predicates); views, services and templates ask for permissions."""
    salah = []
    for app in ("renja", "lkjip", "dokumen", "workbook", "kabar", "beranda"):
        for path in (REPO / app).glob("*.py"):
            if path.name in ("views.py", "views_laporan.py", "services.py", "selectors.py"):
                teks = path.read_text(encoding="utf-8")
                salah += [
                    f"{path.name}: {m}"
                    for m in re.findall(r"\bPeran\.\w+|\bperan\(|adalah_camat_dari|boleh_ubah\(", teks)
                ]
    for path in (REPO / "templates").rglob("*.html"):
        if "is_staff" in path.read_text(encoding="utf-8"):
            salah.append(f"{path.relative_to(REPO)}: is_staff")
    assert salah == []
    from wilayah import akses

    assert not any(hasattr(akses, n) for n in ("boleh_ubah", "adalah_camat_dari", "kecamatan_boleh_ubah"))
