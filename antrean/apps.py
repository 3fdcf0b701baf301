from django.apps import AppConfig


class AntreanConfig(AppConfig):
    name = "antrean"
    verbose_name = "Antrean tugas"
    default_auto_field = "django.db.models.BigAutoField"
