"""Scoped reads of wilayah data."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import QuerySet

from core.akses import kecamatan_terlihat
from lkjip.models import Sasaran
from renja.models import Anggaran, Indikator, RkpdReview
from wilayah.models import Kecamatan


def kecamatan_dengan_tahun(user) -> list[tuple[Kecamatan, list[int]]]:
    """The kecamatan the user may see, each with the years that have data (newest first)."""
    kecamatan: QuerySet[Kecamatan] = kecamatan_terlihat(user).order_by("kode")
    tahun: defaultdict[int, set[int]] = defaultdict(set)
    for model in (Anggaran, Indikator, RkpdReview, Sasaran):
        for kec_id, th in model.objects.filter(kecamatan__in=kecamatan).values_list("kecamatan_id", "tahun").distinct():
            tahun[kec_id].add(th)
    return [(kec, sorted(tahun[kec.pk], reverse=True)) for kec in kecamatan]
