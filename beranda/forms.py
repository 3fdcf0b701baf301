from django import forms

from wilayah.akses import TAHUN_MAKS, TAHUN_MIN


class PilihTahunForm(forms.Form):
    tahun = forms.IntegerField(
        required=False,
        min_value=TAHUN_MIN,
        max_value=TAHUN_MAKS,
        error_messages={
            "invalid": "Tahun harus berupa angka, mis. 2020.",
            "min_value": f"Tahun harus antara {TAHUN_MIN} dan {TAHUN_MAKS}.",
            "max_value": f"Tahun harus antara {TAHUN_MIN} dan {TAHUN_MAKS}.",
        },
    )
