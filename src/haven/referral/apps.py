from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralConfig(AppConfig):
    name = "haven.referral"
    label = "referral"
    verbose_name = _("Referral")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from haven.referral.case_filters import register_filters

        register_filters()  # the case list's filter behind the dashboard's bars
