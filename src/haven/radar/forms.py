"""The radar's window and filters, read from the query string."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from haven.accounts.models import Organisation
from haven.cases.forms.base import field_of

DEFAULT_DAYS = 30
MAX_DAYS = 365


class RadarForm(forms.Form):
    days = forms.IntegerField(
        label=_("Next days"),
        min_value=1,
        max_value=MAX_DAYS,
        required=False,
        error_messages={
            "invalid": _("Enter a whole number of days from 1 to 365."),
            "min_value": _("Enter a whole number of days from 1 to 365."),
            "max_value": _("Enter a whole number of days from 1 to 365."),
        },
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name"), required=False
    )
    mine = forms.BooleanField(label=_("Only my cases"), required=False)
    detained = forms.BooleanField(label=_("Only detained people"), required=False)
    # One day of the list, from a column of the chart (never drawn as a field: the chart's link sets it).
    day = forms.DateField(input_formats=["%Y-%m-%d"], required=False)

    def __init__(self, data: QueryDict, *, coalition_wide: bool) -> None:
        if not data.get("days"):
            data = data.copy()
            data["days"] = str(DEFAULT_DAYS)  # shown in the field, so the window in use is visible
        super().__init__(data)
        if coalition_wide:
            field_of(self, "organisation", forms.ModelChoiceField).empty_label = _("All organisations")
        else:
            del self.fields["organisation"]  # a caseworker sees their own organisation only

    def value(self, name: str) -> Any:
        """A filter's value when valid, its default otherwise (a bad window does not empty the page)."""
        self.is_valid()  # cleans once; a field in error is left out of cleaned_data
        return self.cleaned_data.get(name)

    @property
    def window(self) -> int:
        return self.value("days") or DEFAULT_DAYS

    def one_day(self, today: dt.date) -> dt.date | None:
        """The one day listed, if asked for and from ``today`` to :data:`MAX_DAYS` days ahead."""
        day = self.value("day")
        return day if day and today <= day <= today + dt.timedelta(days=MAX_DAYS) else None

    def filters(self) -> list[str]:
        """The names of the filters in use (for the audit entry)."""
        return [name for name in ("organisation", "mine", "detained", "day") if self.value(name)]
