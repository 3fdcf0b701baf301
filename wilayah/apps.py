from django.apps import AppConfig


class WilayahConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "wilayah"
    verbose_name = "Wilayah dan pengguna"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import rules  # noqa: F401  (registers the permissions)

        # Every app's post_migrate: the permissions of later apps exist only after their own post_migrate.
        post_migrate.connect(_peran_setelah_migrate)


def _peran_setelah_migrate(sender, using="default", **kwargs):
    """After every migrate the role groups exist and Admin Bappeda has the admin permissions."""
    from .akun import peran_buat

    peran_buat()
