from django import forms


class TandaiDibacaForm(forms.Form):
    """Without ``pk``: every unread notification of the user; with it: that one (only if it is theirs)."""

    pk = forms.IntegerField(
        required=False, min_value=1, error_messages={"invalid": "Pemberitahuan tidak dikenal."}
    )
