"""Dated events in a household's history."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from haven.cases.forms.base import DateInput, HavenForm, HavenModelForm, field_of
from haven.cases.models import Household, Person, TimelineEvent
from haven.cases.models.timeline import MANUAL_CHOICES


# Generic in django-stubs only (Django's class takes no subscript at runtime): hence the ignore.
class PersonChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.display_name)


class EventForm(HavenModelForm):
    person = PersonChoiceField(
        label=_("person"),
        queryset=Person.objects.none(),
        to_field_name="public_id",
        required=False,
        empty_label=_("The whole household"),
    )

    class Meta:
        model = TimelineEvent
        fields = ["date", "kind", "person", "note"]
        widgets = {"date": DateInput, "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, household: Household, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field_of(self, "person", forms.ModelChoiceField).queryset = household.people.order_by("id")
        self.fields["kind"].choices = MANUAL_CHOICES  # type: ignore[attr-defined]  # Haven writes moves itself


class WithdrawForm(HavenForm):
    reason = forms.CharField(
        label=_("Why is this event being withdrawn?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The event stays on the timeline, struck through, with your name, the date and this reason."
        ),
    )
