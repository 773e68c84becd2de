from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsentConfig(AppConfig):
    name = "haven.consent"
    label = "consent"
    verbose_name = _("Consent to referral")
    default_auto_field = "django.db.models.BigAutoField"
