"""Forms of the web import."""

from __future__ import annotations

from django import forms


class KonfirmasiImporForm(forms.Form):
    """The "Impor sekarang" step: which conflicting rows (``sheet:baris``, listed by the preview) admin Bappeda
    confirms to overwrite. Only rows the preview listed can be chosen."""

    timpa_baris = forms.MultipleChoiceField(
        required=False,
        error_messages={
            "invalid_choice": "Baris %(value)s tidak ada di daftar bentrok pratinjau ini; unggah ulang berkasnya."
        },
    )

    def __init__(self, *args, konflik: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["timpa_baris"].choices = [(k, k) for k in konflik]
