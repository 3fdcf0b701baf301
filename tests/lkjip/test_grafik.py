"""core.grafik: well-formed SVG, Indonesian numbers, black-and-white patterns, unique ids."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import grafik

D = Decimal
NS = {"s": "http://www.w3.org/2000/svg"}


def test_capaian_chart_has_target_line_labels_and_dash_for_missing():
    svg = grafik.capaian(["Indeks <kepuasan> & mutu", "Belum diukur"], [D("103.2533"), None], judul="Capaian")
    root = ET.fromstring(svg)  # escaped and well formed
    teks = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "103,25 %" in teks and "-" in teks and "Target 100 %" in teks
    assert any("Indeks <kepuasan> & mutu" == (t or "") for t in teks)
    assert root.findall(".//s:line[@stroke-dasharray]", NS)


def test_series_get_distinct_patterns_and_rupiah_axis_in_miliar():
    svg = grafik.batang(
        ["A", "B"],
        [
            grafik.Seri("Pagu", [D(19_213_538_636), D(10**9)]),
            grafik.Seri("Realisasi", [D(19_006_119_144), None]),
        ],
        judul="Pagu",
        satuan="rupiah",
    )
    root = ET.fromstring(svg)
    fills = {r.get("fill") for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.get("stroke")}
    assert "#4d4d4d" in fills and any(f.startswith("url(#") for f in fills)  # grey + hatching, not colour
    teks = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "19,21" in teks and "rupiah (miliar)" in teks


def _ids(svg: str) -> set[str]:
    return {e.get("id") for e in ET.fromstring(svg).iter() if e.get("id")}


def test_two_different_charts_never_share_pattern_ids_even_under_the_same_title():
    seri = [grafik.Seri("x", [1]), grafik.Seri("y", [2])]
    a = grafik.batang(["A"], seri, judul="Sama")
    for lain in (
        grafik.batang(["A"], [grafik.Seri("x", [1]), grafik.Seri("y", [3])], judul="Sama"),
        grafik.batang(["B"], seri, judul="Sama"),
        grafik.batang(["A"], [grafik.Seri("x", [1]), grafik.Seri("z", [2])], judul="Sama"),
        grafik.batang(["A"], seri, judul="Sama", satuan="rupiah"),
    ):
        assert _ids(a) and not _ids(a) & _ids(lain)


def test_the_same_chart_gives_the_same_bytes():
    # ids come from the content, not from a counter: a report renders to the same bytes every time
    def buat() -> str:
        return grafik.batang(
            ["A", "B"], [grafik.Seri("x", [1, None]), grafik.Seri("y", [2, 3])], judul="Sama"
        )

    assert buat() == buat()
    assert grafik.capaian(["A"], [D("98.5")], judul="C") == grafik.capaian(["A"], [D("98.5")], judul="C")


def test_series_length_must_match():
    with pytest.raises(ValueError):
        grafik.batang(["A", "B"], [grafik.Seri("x", [1])], judul="x")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(st.none(), st.decimals(min_value=0, max_value=10**13, places=2)), min_size=0, max_size=12
    )
)
def test_any_values_give_well_formed_svg(values):
    svg = grafik.batang(
        [f"K{i}" for i in range(len(values))], [grafik.Seri("x", values)], judul="x", satuan="rupiah"
    )
    ET.fromstring(svg)
