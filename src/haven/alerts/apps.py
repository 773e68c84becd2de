from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "haven.alerts"
    label = "alerts"
    verbose_name = _("Alerts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from haven import events
        from haven.alerts.emergency import emergency_followup
        from haven.alerts.registry_watch import watch_followup

        events.subscribe(events.EmergencyMayHaveStarted, emergency_followup)
        events.subscribe(events.RegistryListedAnew, watch_followup)
