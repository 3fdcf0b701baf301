from django.apps import AppConfig


class WilayahConfig(AppConfig):
    default_auto_field = 'django.db.models.BigAutoField'
    name = "wilayah"
