"""Forms of the document pages and report pages: the narrative, sending a document back, and the options of a
report or document PDF in the query string (``?kertas=a4|f4&triwulan=1..4&format=…``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from core.laporan.keluaran import FORMAT
from core.laporan.registry import KERTAS, TRIWULAN, Opsi
from wilayah.models import Kota

#: Longest text of one narrative section (a few pages).
PANJANG_NARASI = 20000
AWALAN = "narasi:"
AWALAN_VERSI = "versi:"  # the section's version as the page was loaded (hidden), for the conflict check


class NarasiDokumenForm(forms.Form):
    """The document's narrative sections, one field ``narasi:<kunci>`` each; only the sections sent are saved."""

    def __init__(self, kunci_sah: Iterable[str], *args: Any, **kwargs: Any) -> None:
        """``kunci_sah``: the document's section keys (dokumen.narasi.kunci_sah)."""
        super().__init__(*args, **kwargs)
        for kunci in sorted(kunci_sah):
            self.fields[AWALAN + kunci] = forms.CharField(
                required=False,
                max_length=PANJANG_NARASI,
                widget=forms.Textarea,
                error_messages={"max_length": "Narasi satu bagian paling banyak %(limit_value)d karakter."},
            )
            self.fields[AWALAN_VERSI + kunci] = forms.IntegerField(
                required=False,
                min_value=0,
                widget=forms.HiddenInput,
                error_messages={"invalid": "Versi narasi tidak sah; muat ulang halamannya."},
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        asing = sorted(
            k.removeprefix(AWALAN) for k in self.data if k.startswith(AWALAN) and k not in self.fields
        ) + sorted(
            k.removeprefix(AWALAN_VERSI)
            for k in self.data
            if k.startswith(AWALAN_VERSI) and k not in self.fields
        )
        if asing:
            raise ValidationError(f"Bagian dokumen tidak dikenal: {', '.join(asing)}.")
        return data

    def isian(self) -> dict[str, str]:
        """``{kunci: teks}`` of the sections that were sent."""
        return {
            k.removeprefix(AWALAN): v
            for k, v in self.cleaned_data.items()
            if k.startswith(AWALAN) and k in self.data
        }

    def isian_berversi(self) -> dict[str, tuple[str, int | None]]:
        """``{kunci: (teks, versi as loaded or None)}`` of the sections that were sent."""
        return {k: (v, self.cleaned_data.get(AWALAN_VERSI + k)) for k, v in self.isian().items()}


class KembalikanForm(forms.Form):
    catatan = forms.CharField(
        max_length=2000,
        error_messages={
            "required": "Tuliskan catatan: apa yang perlu diperbaiki operator.",
            "max_length": "Catatan paling banyak %(limit_value)d karakter.",
        },
    )


class _PilihanHurufKecil(forms.ChoiceField):
    def to_python(self, value: Any) -> str:
        return super().to_python(value).strip().lower()


class OpsiPdfForm(forms.Form):
    """``?kertas=a4|f4`` (A4 when absent)."""

    kertas = _PilihanHurufKecil(
        choices=[(k, k.upper()) for k in KERTAS],
        required=False,
        error_messages={"invalid_choice": "Kertas harus a4 atau f4."},
    )

    def clean_kertas(self) -> str:
        return self.cleaned_data["kertas"] or "a4"


class OpsiLaporanForm(OpsiPdfForm):
    """``?kertas=a4|f4&triwulan=1..4&format=html|pdf|xlsx&versi=terkini|disetujui`` (A4, triwulan IV, the web
    page and the live table when absent)."""

    triwulan = forms.TypedChoiceField(
        choices=[(str(t), str(t)) for t in TRIWULAN],
        coerce=int,
        required=False,
        empty_value=4,
        error_messages={"invalid_choice": "Triwulan harus 1, 2, 3 atau 4."},
    )
    format = _PilihanHurufKecil(
        choices=[("", "halaman"), *((f, f) for f in FORMAT)],
        required=False,
        error_messages={"invalid_choice": "Format harus html, pdf atau xlsx."},
    )
    versi = _PilihanHurufKecil(
        choices=[("", "terkini"), ("terkini", "terkini"), ("disetujui", "disetujui")],
        required=False,
        error_messages={"invalid_choice": "Versi harus terkini atau disetujui."},
    )

    def clean_versi(self) -> str:
        return self.cleaned_data["versi"] or "terkini"

    def opsi(self) -> Opsi:
        return Opsi(kertas=self.cleaned_data["kertas"], triwulan=self.cleaned_data["triwulan"])


class CetakMassalForm(forms.Form):
    """Start a batch from Bappeda's page: the year, optionally one document and one kota."""

    tahun = forms.IntegerField(
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": "Isi tahun.",
            "invalid": "Tahun harus berupa angka.",
            "min_value": "Tahun harus antara 2000 dan 2100.",
            "max_value": "Tahun harus antara 2000 dan 2100.",
        },
    )
    dokumen = forms.ChoiceField(
        choices=[("", "Renja dan LKjIP"), ("renja", "Renja"), ("lkjip", "LKjIP")],
        required=False,
        error_messages={"invalid_choice": "Dokumen harus renja atau lkjip."},
    )
    kota = forms.ModelChoiceField(
        queryset=Kota.objects.order_by("kode"),
        required=False,
        to_field_name="kode",
        empty_label="Semua kota/kabupaten",
        error_messages={"invalid_choice": "Kota/kabupaten tidak dikenal."},
    )


class RingkasanKotaForm(forms.Form):
    """``?urut=<kolom>|-<kolom>&format=pdf|xlsx`` of the city overview (kode order and the web page when absent)."""

    urut = forms.ChoiceField(
        choices=[],
        required=False,
        error_messages={"invalid_choice": "Urutan tidak dikenal: pilih salah satu tautan di kepala tabel."},
    )
    format = _PilihanHurufKecil(
        choices=[("", "halaman"), ("pdf", "pdf"), ("xlsx", "xlsx")],
        required=False,
        error_messages={"invalid_choice": "Format harus pdf atau xlsx."},
    )

    def __init__(self, *args, **kwargs) -> None:
        from .kota import URUTAN

        super().__init__(*args, **kwargs)
        pilihan = [("", "")] + [(k, k) for nama in URUTAN for k in (nama, f"-{nama}")]
        self.fields["urut"].choices = pilihan

    def clean_urut(self) -> str:
        from .kota import URUT_BAWAAN

        return self.cleaned_data["urut"] or URUT_BAWAAN
