"""The normalisers of pangkat/golongan, eselon and pendidikan: every way a person writes a valid value gives the
stored form, and anything else is refused with a message that names the accepted forms (no database)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkjip.kepegawaian import (
    ESELON,
    GOLONGAN,
    IsianTidakSah,
    Pendidikan,
    normalisasi_eselon,
    normalisasi_pangkat,
    normalisasi_pendidikan,
)

_SPASI = st.sampled_from(["", " ", "  ", "\u00a0"])


def _acak_huruf(data, teks: str) -> str:
    return "".join(c.upper() if data.draw(st.booleans()) else c.lower() for c in teks)


@given(st.data())
def test_pangkat_ditulis_bagaimanapun_menjadi_bentuk_baku(data):
    gol = data.draw(st.sampled_from(GOLONGAN))
    ruang, _, huruf = gol.partition("/")
    pemisah = data.draw(st.sampled_from(["/", " / ", "/ ", " /", "-", "."]))
    tulis = (
        data.draw(_SPASI) + _acak_huruf(data, ruang) + pemisah + _acak_huruf(data, huruf) + data.draw(_SPASI)
    )
    assert normalisasi_pangkat(tulis) == gol


@given(st.data())
def test_eselon_ditulis_bagaimanapun_menjadi_bentuk_baku(data):
    eselon = data.draw(st.sampled_from(ESELON))
    tingkat, _, huruf = eselon.partition(".")
    pemisah = data.draw(st.sampled_from([".", " ", "/", ""]))
    assert normalisasi_eselon(_acak_huruf(data, tingkat) + pemisah + _acak_huruf(data, huruf)) == eselon


@given(st.sampled_from(Pendidikan.values), st.booleans())
def test_pendidikan_baku_tetap(nilai, kecil):
    assert normalisasi_pendidikan(nilai.lower() if kecil else nilai) == nilai


@given(st.text(max_size=12))
def test_isian_lain_ditolak_dengan_pesan_atau_diterima_baku(teks):
    for fungsi, sah in (
        (normalisasi_pangkat, {"", *GOLONGAN}),
        (normalisasi_eselon, {"", *ESELON}),
        (normalisasi_pendidikan, {"", *Pendidikan.values}),
    ):
        try:
            hasil = fungsi(teks)
        except IsianTidakSah as exc:
            assert "tidak dikenal" in str(exc)
        else:
            assert hasil in sah


@pytest.mark.parametrize("teks", ["V/a", "IV/f", "IV", "4/b", "IV//b"])
def test_pangkat_tidak_sah(teks):
    with pytest.raises(IsianTidakSah, match="IV/b, III/c, II/a"):
        normalisasi_pangkat(teks)
