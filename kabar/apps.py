from django.apps import AppConfig


class KabarConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kabar"
    verbose_name = "Pemberitahuan"
