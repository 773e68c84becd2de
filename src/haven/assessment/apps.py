from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "haven.assessment"
    label = "assessment"
    verbose_name = _("Assessment")

    def ready(self) -> None:
        from haven import events
        from haven.assessment.reassess_on_change import reassess

        events.subscribe(events.HouseholdChanged, reassess)
