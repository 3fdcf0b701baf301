from django import forms
from django.utils.translation import gettext_lazy as _

from lkjip.models import NarasiProgram


class NarasiProgramForm(forms.ModelForm):
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
