from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RadarConfig(AppConfig):
    name = "haven.radar"
    label = "radar"
    verbose_name = _("Deadline radar")
    default_auto_field = "django.db.models.BigAutoField"
