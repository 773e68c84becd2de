"""The search, filter and sort controls of the case list."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from haven.accounts.models import Organisation
from haven.cases import list_filters
from haven.cases.caselist import CaseQuery
from haven.cases.forms.base import HavenForm
from haven.cases.models.household import STAGE_CHOICES

SORT_CHOICES = [
    ("updated", _("Last updated")),
    ("reference", _("Reference")),
    ("removal", _("Soonest removal")),
    ("hearing", _("Soonest hearing")),
    ("status", _("Status")),
]
DETAINED_CHOICES = [("", _("Detained or not")), ("yes", _("Detained")), ("no", _("Not detained"))]


class CaseListForm(HavenForm):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("A name in any spelling, Cyrillic or Latin, or an A-number."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All organisations"),
    )
    stage = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any status")), *STAGE_CHOICES], required=False
    )
    detained = forms.ChoiceField(label=_("Detention"), choices=DETAINED_CHOICES, required=False)
    removal_within = forms.IntegerField(
        label=_("Removal within (days)"), min_value=0, max_value=3650, required=False
    )
    hearing_within = forms.IntegerField(
        label=_("Hearing within (days)"), min_value=0, max_value=3650, required=False
    )
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORT_CHOICES, required=False)

    def __init__(self, data: Any, *, coalition_wide: bool) -> None:
        super().__init__(data)
        if not coalition_wide:
            del self.fields["organisation"]  # everyone else sees only their own organisation
        self.extra = self._extra(data)

    @staticmethod
    def _extra(data: Any) -> list[dict[str, Any]]:
        """The filters other apps register that ``data`` sets to a value they know (a dashboard bar's
        list), each with the words that say what it keeps."""
        found = []
        for extra in list_filters.registered():
            value = (data or {}).get(extra.name, "")
            if value and (words := extra.describe(value)) is not None:
                found.append({"name": extra.name, "value": value, "label": extra.label, "words": words})
        return found

    def query(self) -> CaseQuery:
        """The query for the valid part of the input; a field with an error filters nothing."""
        self.is_valid()
        data = self.cleaned_data
        organisation = data.get("organisation")
        detained = data.get("detained")
        return CaseQuery(
            text=data.get("q") or "",
            organisation_id=organisation.pk if organisation else None,
            stage=data.get("stage") or "",
            detained=None if not detained else detained == "yes",
            removal_within=data.get("removal_within"),
            hearing_within=data.get("hearing_within"),
            sort=data.get("sort") or "updated",
            extra=tuple((f["name"], f["value"]) for f in self.extra),
        )

    @property
    def filtering(self) -> bool:
        """Whether anything beyond the sort order narrows the list."""
        chosen = any(v not in (None, "") for k, v in self.cleaned_data.items() if k != "sort")
        return chosen or bool(self.extra)
