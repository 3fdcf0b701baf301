from django.apps import AppConfig


class LkjipConfig(AppConfig):
    default_auto_field = 'django.db.models.BigAutoField'
    name = "lkjip"
