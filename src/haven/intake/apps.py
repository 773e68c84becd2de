from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "haven.intake"
    verbose_name = _("Spreadsheet import and export")
    default_auto_field = "django.db.models.BigAutoField"
