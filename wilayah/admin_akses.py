"""Admin querysets go through the same scoping as the rest of the app."""

from wilayah.akses import kecamatan_terlihat


class AdminBerlingkup:
    """ModelAdmin mixin: only rows of kecamatan the user may see. ``jalur_kecamatan`` is the lookup
    path from the model to its kecamatan ("" when the model is Kecamatan itself)."""

    jalur_kecamatan = "kecamatan"

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        terlihat = kecamatan_terlihat(request.user)
        if self.jalur_kecamatan:
            return qs.filter(**{f"{self.jalur_kecamatan}__in": terlihat})
        return qs.filter(pk__in=terlihat)
