"""Choices shared by the models and the formulas (values are stored; labels are Bahasa Indonesia)."""

from django.db import models

__all__ = ["ROMAWI", "TRIWULAN_LABEL", "MetodeNegatif", "Polaritas", "Sifat", "SumberDana", "label_triwulan"]


class Polaritas(models.TextChoices):
    """Whether a higher realisasi is better (positif) or worse (negatif)."""

    POSITIF = "positif", "Positif (makin tinggi makin baik)"
    NEGATIF = "negatif", "Negatif (makin rendah makin baik)"


class Sifat(models.TextChoices):
    """How the year value of an indicator follows from its quarters (triwulan)."""

    KUMULATIF = "kumulatif", "Kumulatif (jumlah TW I–IV)"
    AKHIR = "akhir", "Akhir (triwulan terakhir yang dilaporkan)"


class MetodeNegatif(models.TextChoices):
    """Formula for the capaian of a negatif indicator (setting ``CAPAIAN_METODE_NEGATIF``)."""

    SELISIH = "selisih", "(2 × target − realisasi) / target × 100, minimal 0 (PermenPAN-RB 8/2021)"
    RASIO = "rasio", "target / realisasi × 100"


class SumberDana(models.TextChoices):
    APBD = "APBD", "APBD"
    DAU_T = "DAU-T", "DAU-T"
    APBD_PROVINSI = "APBD Provinsi", "APBD Provinsi"
    APBN = "APBN", "APBN"


#: Quarter numbers in Roman numerals, as the documents write them.
ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


def label_triwulan(tw: int | str) -> str:
    """The one way a quarter is named on screen and in messages: ``TW III`` (never "TW 3" or "Triwulan 3")."""
    return f"TW {ROMAWI[int(tw)]}"


#: ``[(1, "TW I"), …, (4, "TW IV")]`` for select boxes and table headers.
TRIWULAN_LABEL = [(tw, label_triwulan(tw)) for tw in ROMAWI]
