"""The override form and the controls of the assessment list."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from haven.accounts.models import Organisation
from haven.assessment.models import (
    DIMENSION_CHOICES,
    LEVEL_CHOICES,
    RISK_CHOICES,
    URGENCY_CHOICES,
    VULNERABILITY_CHOICES,
)
from haven.cases.forms.base import HavenForm, field_of
from haven_core.assessment.review import MIN_JUSTIFICATION, valid_override

SORT_CHOICES = [
    ("risk", _("Persecution risk, highest first")),
    ("vulnerability", _("Vulnerability, highest first")),
    ("urgency", _("Urgency, most urgent first")),
]


WITHDRAW = "withdraw"


class OverrideForm(HavenForm):
    """One dimension at a time: the page chooses the dimension (``?dimension=``), the form offers only
    that dimension's levels. Nothing is chosen until the reviewer chooses, and withdrawing an override
    is offered, last, only when there is one to withdraw."""

    dimension = forms.ChoiceField(
        label=_("What to override"), choices=DIMENSION_CHOICES, widget=forms.HiddenInput
    )
    level = forms.ChoiceField(label=_("Level"))
    justification = forms.CharField(
        label=_("Justification"),
        min_length=MIN_JUSTIFICATION,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why the computed level is wrong for this household. Kept, audited and shown beside it."),
    )

    def __init__(self, *args: Any, dimension: str = "risk", overridden: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        posted = self.data.get("dimension") if self.is_bound else None
        chosen = posted if posted in LEVEL_CHOICES else dimension if dimension in LEVEL_CHOICES else "risk"
        # The form's metaclass moves declared fields off the class, so the name is free for the chosen
        # dimension; the stubs still see the class attribute ``dimension`` (a ChoiceField).
        self.dimension = chosen  # type: ignore[assignment]
        self.initial.setdefault("dimension", chosen)
        level = field_of(self, "level", forms.ChoiceField)
        level.label = dict(DIMENSION_CHOICES)[chosen]
        withdraw = [(WITHDRAW, _("Withdraw the override: use the computed level"))] if overridden else []
        level.choices = [("", _("Choose a level")), *LEVEL_CHOICES[chosen], *withdraw]

    def clean_level(self) -> str:
        level = self.cleaned_data.get("level", "")
        return "" if level == WITHDRAW else str(level)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "dimension" in data and "level" in data and not valid_override(data["dimension"], data["level"]):
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
