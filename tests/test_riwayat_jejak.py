"""Every change leaves a trace: evidence uploads and deletions appear in the audit trail, and master data
(kecamatan, kelurahan, nomenklatur, user profiles) keeps its history, also when edited in the admin."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from renja.models import BuktiDukung, Nomenklatur
from wilayah.models import Kecamatan, Kelurahan

from .data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _baris_riwayat(respons) -> list[tuple]:
    ws = load_workbook(io.BytesIO(respons.content)).active
    return [tuple(r) for r in ws.iter_rows(min_row=3, values_only=True)]


def test_unggah_dan_hapus_bukti_tercatat_di_riwayat_kegiatan_dan_tahun(client):
    d = dua_kecamatan()
    client.force_login(d["users"]["operator_a"])
    kw = {"kode": d["a"].kode, "tahun": 2020}
    berkas = SimpleUploadedFile(
        "foto kegiatan.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20, content_type="image/png"
    )
    assert (
        client.post(
            reverse("renja:bukti-baru", kwargs={**kw, "node": d["kegiatan"].pk}),
            {"triwulan": 2, "berkas": berkas},
        ).status_code
        == 302
    )
    bukti = BuktiDukung.objects.get()
    assert client.post(reverse("renja:bukti-hapus", kwargs={**kw, "pk": bukti.pk})).status_code == 302
    assert not BuktiDukung.objects.exists()

    riwayat = bukti.history.order_by("history_date")
    assert [h.history_type for h in riwayat] == ["+", "-"]
    assert all(h.history_user == d["users"]["operator_a"] for h in riwayat)

    for url in (
        reverse("renja:riwayat-kegiatan", kwargs={**kw, "node": d["kegiatan"].pk}),
        reverse("laporan:riwayat-tahun", kwargs=kw),
    ):
        baris = _baris_riwayat(client.get(url))
        bukti_baris = [b for b in baris if b[2] and "Bukti dukung" in b[2] and "foto kegiatan.png" in b[2]]
        assert {b[6] for b in bukti_baris} == {"dibuat", "dihapus"}, baris


def test_data_induk_punya_riwayat_juga_dari_admin(admin_client):
    d = dua_kecamatan()
    kec = d["a"]
    r = admin_client.post(
        reverse("admin:wilayah_kecamatan_change", args=[kec.pk]),
        {
            "kota": kec.kota_id,
            "kode": kec.kode,
            "nama": kec.nama,
            "alamat_kantor": "Jl. Baru 1",
            "nama_camat": "Camat Baru",
            "nip_camat": kec.nip_camat,
            "pangkat_camat": "",
            "kelurahan_set-TOTAL_FORMS": 0,
            "kelurahan_set-INITIAL_FORMS": 0,
        },
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    kec.refresh_from_db()
    assert kec.nama_camat == "Camat Baru"
    perubahan = kec.history.order_by("-history_date").first()
    assert perubahan.history_type == "~" and perubahan.history_user.username == "admin"
    assert perubahan.prev_record.nama_camat == "Camat W"

    kel = d["kel"]
    kel.nama = "Walantaka Baru"
    kel.save()
    assert Kelurahan.history.filter(id=kel.pk).count() >= 1
    node = Nomenklatur.objects.get(pk=d["kegiatan"].pk)
    node.uraian = "Uraian diganti"
    node.save()
    assert [h.uraian for h in node.history.order_by("history_date")][-1] == "Uraian diganti"
    assert Kecamatan.history.filter(id=kec.pk, history_type="~").exists()
