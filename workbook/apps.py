from django.apps import AppConfig


class WorkbookConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "workbook"
    verbose_name = "Workbook Excel"

    def ready(self):
        from . import rules  # noqa: F401  (registers the workbook.* permissions)
