"""Two people saving the same row at the same moment on PostgreSQL: exactly one wins, the other is told."""

import threading
from decimal import Decimal

import pytest
from django.db import connection, connections

from renja.models import Anggaran
from renja.services import KonflikVersi, anggaran_set_realisasi

from ..data_uji import dua_kecamatan

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are tested on PostgreSQL"),
]


def test_dua_simpan_serentak_satu_menang_satu_diberi_tahu():
    d = dua_kecamatan()
    pk = d["ang_a"].pk
    pengguna = [d["users"]["operator_a"], d["users"]["camat_a"]]
    nilai = ["100.000", "200.000"]
    mulai = threading.Barrier(2)
    hasil: list[str] = [""] * 2

    def simpan(i: int) -> None:
        try:
            baris = Anggaran.objects.get(pk=pk)  # both read version 0
            mulai.wait(timeout=10)
            anggaran_set_realisasi(baris, versi=0, masukan={"realisasi_tw1": nilai[i]}, user=pengguna[i])
            hasil[i] = "menang"
        except KonflikVersi as exc:
            hasil[i] = f"ditolak:{exc.obj.realisasi_tw1}"
        finally:
            connections.close_all()

    utas = [threading.Thread(target=simpan, args=(i,)) for i in range(2)]
    for u in utas:
        u.start()
    for u in utas:
        u.join(timeout=30)

    assert sorted(h.split(":")[0] for h in hasil) == ["ditolak", "menang"], hasil
    pemenang = hasil.index("menang")
    akhir = Anggaran.objects.get(pk=pk)
    assert akhir.realisasi_tw1 == Decimal(nilai[pemenang].replace(".", "")) and akhir.versi == 1
    # the loser was shown the winner's value, not its own
    assert hasil[1 - pemenang] == f"ditolak:{akhir.realisasi_tw1}"
