"""One Django form for every input of the realisasi pages: a row of the grid (JSON from the page's script or a
plain form post), keterangan, bukti dukung, catatan verifikator and its answer. Values are read by the same
fields the services use (``renja.services.RUPIAH``/``NILAI``), with the limits of the model columns."""

from __future__ import annotations

import copy
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q

from core.angka import format_angka
from core.forms import RupiahField
from wilayah.models import Kelurahan

from .models import TRIWULAN, Anggaran, Belanja, Indikator, Nomenklatur, Prioritas, Usulan
from .services import NILAI, RUPIAH, GalatRealisasi, bukti_periksa

KOLOM_TRIWULAN = tuple(f"realisasi_tw{tw}" for tw in TRIWULAN)
PANJANG_TEKS = 4000


def _salin(bidang: forms.Field) -> forms.Field:
    return copy.deepcopy(bidang)


class TriwulanField(forms.TypedChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            choices=[(tw, f"TW {tw}") for tw in TRIWULAN],
            coerce=int,
            error_messages={"required": "Pilih triwulan.", "invalid_choice": "Triwulan harus 1 sampai 4."},
            **kwargs,
        )


class BarisRealisasiForm(forms.Form):
    """A row of the grid: the version the page was loaded with and the quarters sent (only those sent change:
    a closed quarter's read-only cell is not sent)."""

    versi = forms.IntegerField(
        min_value=0,
        max_value=2**31 - 1,
        widget=forms.HiddenInput,
        error_messages={
            "required": "Versi baris tidak dikirim; muat ulang halaman.",
            "invalid": "Versi baris tidak sah; muat ulang halaman.",
            "min_value": "Versi baris tidak sah; muat ulang halaman.",
            "max_value": "Versi baris tidak sah; muat ulang halaman.",
        },
    )

    def masukan(self) -> dict[str, Any]:
        """The cleaned quarters that were in the request."""
        return {k: self.cleaned_data[k] for k in KOLOM_TRIWULAN if k in self.data}

    def opsi(self) -> dict[str, Any]:
        """Further keyword arguments of the row's service (the answers to its questions)."""
        return {}


class RealisasiAnggaranForm(BarisRealisasiForm):
    realisasi_tw1 = _salin(RUPIAH)
    realisasi_tw2 = _salin(RUPIAH)
    realisasi_tw3 = _salin(RUPIAH)
    realisasi_tw4 = _salin(RUPIAH)
    #: the user's answer to "ganti realisasi setahun dengan rincian triwulan?"
    ganti_setahun = forms.BooleanField(required=False)

    def opsi(self) -> dict[str, Any]:
        return {"ganti_setahun": self.cleaned_data["ganti_setahun"]}


class RealisasiIndikatorForm(BarisRealisasiForm):
    realisasi_tw1 = _salin(NILAI)
    realisasi_tw2 = _salin(NILAI)
    realisasi_tw3 = _salin(NILAI)
    realisasi_tw4 = _salin(NILAI)


class KeteranganForm(forms.Form):
    triwulan = TriwulanField()
    keterangan = forms.CharField(
        required=False,
        max_length=PANJANG_TEKS,
        error_messages={"max_length": "Keterangan paling banyak %(limit_value)d karakter."},
    )


class BuktiForm(forms.Form):
    triwulan = TriwulanField()
    berkas = forms.FileField(
        error_messages={"required": "Pilih berkas yang akan diunggah.", "empty": "Berkas kosong."}
    )

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        try:
            bukti_periksa(berkas)
        except GalatRealisasi as exc:
            raise ValidationError(str(exc)) from None
        return berkas


class CatatanVerifikatorForm(forms.Form):
    triwulan = TriwulanField()
    kegiatan = forms.ModelChoiceField(
        queryset=Nomenklatur.objects.none(),
        required=False,
        error_messages={"invalid_choice": "Pilih kegiatan yang ada pada isian tahun ini, atau kosongkan."},
    )
    catatan = forms.CharField(
        max_length=PANJANG_TEKS,
        error_messages={
            "required": "Catatan tidak boleh kosong.",
            "max_length": "Catatan paling banyak %(limit_value)d karakter.",
        },
    )

    def __init__(self, *args: Any, kecamatan: Any = None, tahun: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if kecamatan is not None:  # the kegiatan of this kecamatan's grid for the year
            baris = Q(pk__in=Anggaran.objects.untuk(kecamatan, tahun).values("nomenklatur")) | Q(
                pk__in=Indikator.objects.untuk(kecamatan, tahun).values("nomenklatur")
            )
            self.fields["kegiatan"].queryset = Nomenklatur.objects.filter(baris)


class JawabanCatatanForm(forms.Form):
    jawaban = forms.CharField(
        max_length=PANJANG_TEKS,
        error_messages={
            "required": "Jawaban tidak boleh kosong.",
            "max_length": "Jawaban paling banyak %(limit_value)d karakter.",
        },
    )


# ------------------------------------------------------------------------------------------------
# Rows entered per year on their own page (usulan, prioritas, belanja; lkjip's pegawai and tujuan use the same
# base)
# ------------------------------------------------------------------------------------------------
class IsianForm(forms.ModelForm):
    """Base of the forms of the per-year row pages: the model's own fields and validation, plus the version the
    page was loaded with (required when changing a stored row), kelurahan limited to the kecamatan's (choices
    built once per page, passed in as ``kelurahan``), money read the Indonesian way, and a program/kegiatan
    named by its kode."""

    versi = _salin(BarisRealisasiForm.base_fields["versi"])

    def __init__(self, *args: Any, kelurahan: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kelurahan = {str(pk): pk for pk, _ in kelurahan}
        if "kelurahan" in self.fields:
            self.fields["kelurahan"] = forms.TypedChoiceField(
                label=self.fields["kelurahan"].label,
                required=False,
                choices=[("", "Kecamatan (tanpa kelurahan)"), *kelurahan],
                coerce=int,
                empty_value=None,
                error_messages={"invalid_choice": "Pilih kelurahan dari daftar kecamatan ini."},
            )
        self.fields["versi"].required = self.instance.pk is not None
        if self.instance.pk is not None:
            self.initial["versi"] = self.instance.versi
            for nama, bidang in self.fields.items():
                nilai = getattr(self.instance, nama, None)
                if isinstance(bidang, RupiahField) and nilai is not None:
                    self.initial[nama] = format_angka(nilai)
            if "nomenklatur" in self.fields and self.instance.nomenklatur_id:
                self.initial["nomenklatur"] = self.instance.nomenklatur.kode

    def clean_kelurahan(self) -> Kelurahan | None:
        pk = self.cleaned_data.get("kelurahan")
        # the choices are the kecamatan's own, so the row (with its kecamatan) is read back once
        return None if pk is None else Kelurahan.objects.get(pk=pk)

    def nilai(self) -> dict[str, Any]:
        """The model fields the form edits, cleaned (what the service stores)."""
        return {k: self.cleaned_data[k] for k in self._meta.fields or () if k in self.cleaned_data}

    def nilai_tampil(self) -> list[tuple[str, str]]:
        """What was typed, label by label (shown beside the stored values after a 409)."""
        return [
            (self.fields[k].label or k, str(self.data.get(self.add_prefix(k), "") or "-"))
            for k in self._meta.fields or ()
        ]

    def tampilkan_galat(self, galat: dict[str, str]) -> None:
        for nama, pesan in galat.items():
            self.add_error(nama if nama in self.fields else None, pesan)


class KodeNomenklaturField(forms.CharField):
    """A program, kegiatan or sub kegiatan named by its kode (blank = none)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", Nomenklatur._meta.get_field("kode").max_length)
        kwargs.setdefault("label", "Kode program/kegiatan")
        kwargs.setdefault("help_text", "Mis. 7.01.01.2.01; kosongkan bila tidak ada.")
        super().__init__(**kwargs)

    def clean(self, value: Any) -> Nomenklatur | None:
        kode = (super().clean(value) or "").strip()
        if not kode:
            return None
        node = Nomenklatur.objects.filter(kode=kode).first()
        if node is None:
            raise ValidationError(f"Kode {kode} tidak ada dalam nomenklatur.")
        return node


_TEKS_PENDEK = forms.Textarea(attrs={"rows": 2})


class UsulanForm(IsianForm):
    nomenklatur = KodeNomenklaturField()

    class Meta:
        model = Usulan
        fields = ["uraian", "kelurahan", "nomenklatur", "indikator", "volume", "catatan", "urutan"]
        widgets = {"uraian": _TEKS_PENDEK, "catatan": _TEKS_PENDEK}
        error_messages = {"uraian": {"required": "Usulan wajib diisi."}}


class PrioritasForm(IsianForm):
    nomenklatur = KodeNomenklaturField()
    pagu = _salin(RUPIAH)

    class Meta:
        model = Prioritas
        fields = [
            "jenis",
            "uraian",
            "nomenklatur",
            "kode_akun",
            "fokus",
            "indikator",
            "satuan",
            "target",
            "pagu",
            "sumber_dana",
            "instansi",
            "keterangan",
            "urutan",
        ]
        widgets = {"uraian": _TEKS_PENDEK, "fokus": _TEKS_PENDEK, "keterangan": _TEKS_PENDEK}
        error_messages = {
            "uraian": {"required": "Uraian wajib diisi."},
            "jenis": {"required": "Pilih jenis: unggulan, mendesak, pendapatan, K/L atau provinsi."},
        }


class BelanjaForm(IsianForm):
    """A belanja tidak langsung row: pagu and realisasi blank when not known (never 0)."""

    pagu = _salin(RUPIAH)
    realisasi = _salin(RUPIAH)
    keterangan = forms.CharField(
        required=False,
        max_length=PANJANG_TEKS,
        widget=_TEKS_PENDEK,
        error_messages={"max_length": "Keterangan paling banyak %(limit_value)d karakter."},
    )

    class Meta:
        model = Belanja
        fields = ["jenis", "kelurahan", "pagu", "realisasi", "keterangan"]
        error_messages = {
            "jenis": {
                "required": "Jenis belanja wajib diisi, mis. belanja pegawai.",
                "max_length": "Jenis belanja paling banyak %(limit_value)d karakter.",
            }
        }


class HapusIsianForm(forms.Form):
    versi = _salin(BarisRealisasiForm.base_fields["versi"])


class TampilanGridForm(forms.Form):
    """How the realisasi grid is shown (GET): one triwulan or all, and a search on code or name."""

    tw = TriwulanField(required=False, empty_value=None)
    q = forms.CharField(
        required=False,
        max_length=200,
        error_messages={"max_length": "Kata pencarian paling banyak %(limit_value)d karakter."},
    )
