"""Opening a household, editing it, and moving it along the pipeline."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from haven.accounts.models import Organisation
from haven.cases.forms.base import HavenForm
from haven.cases.models import Household
from haven.cases.models.household import STAGE_CHOICES
from haven_core.pipeline import ORDER, Stage, allowed_next


class UserChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return obj.get_full_name() or obj.get_username()


class HouseholdCreateForm(HavenForm):
    """The household part of "new household"; the principal's details come from a person form."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.all(), to_field_name="slug"
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, choose_organisation: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not choose_organisation:
            del self.fields["organisation"]  # caseworkers and reviewers open cases for their own organisation


class HouseholdEditForm(HavenForm):
    owner = UserChoiceField(
        label=_("Case owner"),
        queryset=get_user_model().objects.none(),
        to_field_name="username",
        required=False,
        empty_label=_("Nobody"),
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args: Any, household: Household, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"owner": household.owner, "notes": household.notes})
        super().__init__(*args, **kwargs)
        members = get_user_model().objects.filter(
            membership__organisation_id=household.organisation_id, is_active=True
        )
        self.fields["owner"].queryset = members.order_by("first_name", "last_name", "username")  # type: ignore[attr-defined]


class StageForm(HavenForm):
    """Move a household to one of the stages that may follow its current one."""

    stage = forms.ChoiceField(label=_("Move to"))
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when closing a household."),
    )

    def __init__(self, *args: Any, current: Stage, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(STAGE_CHOICES)
        nexts = allowed_next(current)
        self.fields["stage"].choices = [(s.value, labels[s.value]) for s in ORDER if s in nexts]  # type: ignore[attr-defined]

    @property
    def has_moves(self) -> bool:
        return bool(self.fields["stage"].choices)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("stage") == Stage.CLOSED.value and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Say why the household is being closed."))
        return data
