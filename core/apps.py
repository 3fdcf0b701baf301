from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app stands on (numbers, formulas, the report machinery); no models of its own."""

    name = "core"
    verbose_name = "Inti"
