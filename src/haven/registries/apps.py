from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistriesConfig(AppConfig):
    name = "haven.registries"
    verbose_name = _("Registries")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from haven import events
        from haven.registries.screening import rescreen

        events.subscribe(events.PersonNamesChanged, rescreen)
