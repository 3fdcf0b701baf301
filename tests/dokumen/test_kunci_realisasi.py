"""A submitted or approved document locks the realisasi it was built from: the grid, the JSON answers and the
admin's services refuse changes with the reason, and the grid shows the cells read-only."""

import re

import pytest
from django.urls import reverse

from dokumen.models import Dokumen, StatusDokumen
from dokumen.services import dokumen_ajukan, dokumen_buka_revisi, dokumen_kembalikan, dokumen_terkini
from renja.kunci import realisasi_terkunci
from renja.models import Anggaran, Indikator
from renja.services import (
    GalatRealisasi,
    anggaran_set_realisasi,
    anggaran_ubah,
    indikator_set_realisasi,
)

from ..data_uji import dua_kecamatan

pytestmark = pytest.mark.django_db

DIAJUKAN = (
    "Dokumen LKjIP 2020 sedang diajukan; realisasi terkunci. "
    "Minta camat mengembalikan dokumen, atau Bappeda membuka revisi setelah disetujui."
)
DISETUJUI = "Dokumen Renja 2020 sudah disetujui; realisasi terkunci. Minta Bappeda membuka revisi."


@pytest.fixture
def d():
    return dua_kecamatan()


@pytest.fixture
def diajukan(d):
    return dokumen_ajukan(dokumen_terkini(d["a"], 2020, "lkjip"), d["users"]["operator_a"])


def test_realisasi_ditolak_selama_dokumen_diajukan(d, diajukan):
    op = d["users"]["operator_a"]
    with pytest.raises(GalatRealisasi) as exc:
        anggaran_set_realisasi(d["ang_a"], versi=0, masukan={"realisasi_tw1": "100.000"}, user=op)
    assert exc.value.galat == {"realisasi": DIAJUKAN}
    with pytest.raises(GalatRealisasi) as exc:
        indikator_set_realisasi(d["ind_a"], versi=0, masukan={"realisasi_tw1": "3"}, user=op)
    assert exc.value.galat == {"realisasi": DIAJUKAN}
    with pytest.raises(GalatRealisasi):  # the admin's path
        anggaran_ubah(d["ang_a"], versi=0, nilai={"realisasi_tw1": 100}, user=d["users"]["bappeda"])
    a = Anggaran.objects.get(pk=d["ang_a"].pk)
    assert a.realisasi_tw1 is None and a.versi == 0
    assert Indikator.objects.get(pk=d["ind_a"].pk).versi == 0
    # the other kecamatan and the other years are not locked
    assert realisasi_terkunci(d["b"].pk, 2020) is None and realisasi_terkunci(d["a"].pk, 2021) is None
    anggaran_set_realisasi(d["ang_b"], versi=0, masukan={"realisasi_tw1": "1"}, user=d["users"]["operator_b"])


def test_dokumen_dikembalikan_membuka_kunci(d, diajukan):
    dokumen_kembalikan(diajukan, d["users"]["camat_a"], "Perbaiki TW I")
    assert realisasi_terkunci(d["a"].pk, 2020) is None
    a = anggaran_set_realisasi(
        d["ang_a"], versi=0, masukan={"realisasi_tw1": "100.000"}, user=d["users"]["operator_a"]
    )
    assert a.realisasi_tw1 == 100_000


def test_dokumen_disetujui_terkunci_sampai_revisi_dibuka(d):
    dok = Dokumen.objects.create(kecamatan=d["a"], tahun=2020, jenis="renja", status=StatusDokumen.DISETUJUI)
    assert realisasi_terkunci(d["a"].pk, 2020) == DISETUJUI
    with pytest.raises(GalatRealisasi):
        anggaran_set_realisasi(
            d["ang_a"], versi=0, masukan={"realisasi_tw1": "1"}, user=d["users"]["operator_a"]
        )
    dokumen_buka_revisi(dok, d["users"]["bappeda"])
    assert realisasi_terkunci(d["a"].pk, 2020) is None


def test_grid_terkunci_hanya_baca_dengan_pemberitahuan_dan_json_400(client, d, diajukan):
    client.force_login(d["users"]["operator_a"])
    r = client.get(reverse("renja:realisasi", kwargs={"kode": d["a"].kode, "tahun": 2020}))
    html = r.content.decode()
    assert DIAJUKAN in html
    baris = re.search(rf'<tr class="baris-anggaran" id="a{d["ang_a"].pk}".*?</tr>', html, re.DOTALL)
    assert baris is not None
    sel = re.findall(r"<input [^>]*>", baris[0])
    assert len(sel) == 4 and all("readonly" in s for s in sel)
    assert "button" not in baris[0]
    url = reverse("renja:simpan-anggaran", kwargs={"kode": d["a"].kode, "tahun": 2020, "pk": d["ang_a"].pk})
    r = client.post(url, {"versi": 0, "realisasi_tw1": "100.000"}, content_type="application/json")
    assert r.status_code == 400 and r.json()["galat"] == {"realisasi": DIAJUKAN}
