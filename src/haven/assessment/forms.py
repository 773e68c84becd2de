"""The override form and the controls of the assessment list."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from haven.accounts.models import Organisation
from haven.assessment.models import DIMENSION_CHOICES, RISK_CHOICES, URGENCY_CHOICES, VULNERABILITY_CHOICES
from haven.cases.forms.base import HavenForm
from haven_core.assessment.review import MIN_JUSTIFICATION, valid_override

LEVELS = [
    (_("Persecution risk"), RISK_CHOICES),
    (_("Vulnerability"), VULNERABILITY_CHOICES),
    (_("Urgency"), URGENCY_CHOICES),
]
SORT_CHOICES = [
    ("risk", _("Persecution risk, highest first")),
    ("vulnerability", _("Vulnerability, highest first")),
    ("urgency", _("Urgency, most urgent first")),
]


class OverrideForm(HavenForm):
    dimension = forms.ChoiceField(label=_("What to override"), choices=DIMENSION_CHOICES)
    level = forms.ChoiceField(
        label=_("Level"),
        choices=[("", _("Withdraw the override: use the computed level")), *LEVELS],
        required=False,
        help_text=_("A level of the dimension chosen above."),
    )
    justification = forms.CharField(
        label=_("Justification"),
        min_length=MIN_JUSTIFICATION,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why the computed level is wrong for this household. Kept, audited and shown beside it."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "dimension" in data and not valid_override(data["dimension"], data.get("level", "")):
            self.add_error("level", _("This is not a level of the dimension chosen."))
        return data


class AssessmentListForm(HavenForm):
    risk = forms.ChoiceField(
        label=_("Persecution risk"), choices=[("", _("Any")), *RISK_CHOICES], required=False
    )
    vulnerability = forms.ChoiceField(
        label=_("Vulnerability"), choices=[("", _("Any")), *VULNERABILITY_CHOICES], required=False
    )
    urgency = forms.ChoiceField(
        label=_("Urgency"), choices=[("", _("Any")), *URGENCY_CHOICES], required=False
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All organisations"),
    )
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORT_CHOICES, required=False)

    def __init__(self, data: Any, *, coalition_wide: bool) -> None:
        super().__init__(data)
        if not coalition_wide:
            del self.fields["organisation"]

    def cleaned(self) -> dict[str, Any]:
        """The valid part of the input; a field with an error filters nothing."""
        self.is_valid()
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}
