from django.apps import AppConfig


class DokumenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "dokumen"
    verbose_name = "Dokumen dan laporan"

    def ready(self):
        from . import rules  # noqa: F401  (registers the dokumen.* permissions)
