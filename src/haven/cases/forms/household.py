"""Opening a household, editing it, and moving it along the pipeline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from haven.accounts.models import Organisation
from haven.cases.forms.base import HavenForm, field_of
from haven.cases.models import Household
from haven.cases.models.household import STAGE_CHOICES
from haven_core.pipeline import (
    ORDER,
    Stage,
    allowed_next,
    default_move,
    is_backward,
    needs_confirmation,
    needs_reason,
)


# Generic in django-stubs only (Django's class takes no subscript at runtime): hence the ignore.
class UserChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name() or obj.get_username())


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
        field_of(self, "owner", forms.ModelChoiceField).queryset = members.order_by(
            "first_name", "last_name", "username"
        )


class StageForm(HavenForm):
    """Move a household to one of the stages that may follow its current one.

    The first choice is the next stage forward (never a step back); a step back needs a reason and the
    confirmation box ticked. ``held`` names targets the actor may not move to now (a referral in hand):
    they are left out of the choices, so the household page offers only moves the action will accept.
    """

    stage = forms.ChoiceField(label=_("Move to"))
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when closing a household or moving it back to an earlier stage."),
    )
    confirm_back = forms.BooleanField(
        label=_("I am moving this household back to an earlier stage, and have said why."),
        required=False,
    )

    def __init__(
        self, *args: Any, current: Stage, held: Callable[[Stage], bool] | None = None, **kwargs: Any
    ) -> None:
        first = default_move(current)
        kwargs.setdefault("initial", {"stage": first.value if first else None})
        super().__init__(*args, **kwargs)
        self.current = current
        labels = dict(STAGE_CHOICES)
        nexts = [s for s in ORDER if s in allowed_next(current) and not (held and held(s))]
        field_of(self, "stage", forms.ChoiceField).choices = [(s.value, labels[s.value]) for s in nexts]
        self.backward = [s.value for s in nexts if is_backward(current, s)]

    @property
    def has_moves(self) -> bool:
        return bool(field_of(self, "stage", forms.ChoiceField).choices)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        target = data.get("stage")
        if not target:
            return data
        stage = Stage(target)
        if not (data.get("reason") or "").strip() and needs_reason(self.current, stage):
            if stage is Stage.CLOSED:
                self.add_error("reason", _("Say why the household is being closed."))
            else:
                self.add_error("reason", _("Say why the household is moving back to an earlier stage."))
        if needs_confirmation(self.current, stage) and not data.get("confirm_back"):
            self.add_error("confirm_back", _("Tick this box to confirm the move back to an earlier stage."))
        return data
