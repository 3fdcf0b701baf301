from django.apps import AppConfig


class LkjipConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "lkjip"

    def ready(self):
        from . import (
            reports,  # noqa: F401  (registers the lkjip reports with core.laporan.registry)
            rules,  # noqa: F401  (registers the lkjip.* permissions)
        )
