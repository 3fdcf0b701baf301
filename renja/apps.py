from django.apps import AppConfig


class RenjaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "renja"

    def ready(self):
        from . import (
            reports,  # noqa: F401  (registers the renja reports with core.laporan.registry)
            rules,  # noqa: F401  (registers the renja.* permissions)
        )
