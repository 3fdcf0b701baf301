from django.apps import AppConfig


class BerandaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "beranda"
    verbose_name = "Beranda"

    def ready(self):
        from . import rules  # noqa: F401  (registers the beranda.* permissions)
