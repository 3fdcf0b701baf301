from django.apps import AppConfig


class DokumenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "dokumen"
    verbose_name = "Dokumen dan laporan"

    def ready(self):
        from renja.kunci import kunci_daftarkan

        from . import rules  # noqa: F401  (registers the dokumen.* permissions)
        from .kunci import kunci_dokumen

        kunci_daftarkan(kunci_dokumen)  # a submitted or approved document locks its realisasi
