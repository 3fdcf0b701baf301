from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lkjip.models import NarasiProgram, Pegawai, Tujuan
from lkjip.services import narasi_versi
from renja.forms import IsianForm


class NarasiProgramForm(forms.ModelForm):
    """One program's part of the page's single narrative form (prefix ``p<program pk>``); ``versi`` is the
    fingerprint of the text the page was loaded with."""

    versi = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
    #: on a conflict: the narrative stored now (shown under what the user typed)
    sekarang: Any = None

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["versi"].initial = narasi_versi(self.instance if self.instance.pk else None)

    class Meta:
        model = NarasiProgram
        fields = ["keberhasilan", "hambatan", "saran"]
        widgets = {
            f: forms.Textarea(attrs={"rows": 3, "maxlength": 4000})
            for f in ("keberhasilan", "hambatan", "saran")
        }
        help_texts = {"saran": _("Langkah perbaikan untuk tahun berikutnya.")}

    def clean(self):
        data = super().clean()
        for f in ("keberhasilan", "hambatan", "saran"):
            if len(data.get(f) or "") > 4000:
                self.add_error(f, _("Paling banyak 4.000 karakter."))
        return data


class PegawaiForm(IsianForm):
    """A person of Tabel 1.2; pangkat/golongan, pendidikan and eselon are normalised by the model
    (lkjip/kepegawaian.py: ``IV / b`` → ``IV/b``)."""

    class Meta:
        model = Pegawai
        fields = ["urutan", "nama", "nip", "pangkat_golongan", "jabatan", "pendidikan", "eselon", "kelurahan"]
        error_messages = {"nama": {"required": "Nama pegawai wajib diisi."}}


class TujuanForm(IsianForm):
    class Meta:
        model = Tujuan
        fields = ["urutan", "uraian", "indikator", "satuan", "rumus", "keterangan"]
        widgets = {
            "uraian": forms.Textarea(attrs={"rows": 2}),
            "rumus": forms.Textarea(attrs={"rows": 2}),
            "keterangan": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {"uraian": {"required": "Tujuan wajib diisi."}}
