"""The audit trail's filter: changes or views, who, and between which dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from haven.audit.catalogue import READ_ACTIONS
from haven.audit.models import AuditEntry
from haven.cases.forms.base import DateField, HavenForm, field_of


class TrailFilter(HavenForm):
    KINDS = [("changes", _("Changes")), ("views", _("Views")), ("all", _("Changes and views"))]

    kind = forms.ChoiceField(label=_("Show"), choices=KINDS, initial="changes", required=False)
    actor = forms.TypedChoiceField(label=_("Who"), coerce=int, empty_value=None, required=False)
    since = DateField(label=pgettext_lazy("date range", "From"), required=False)
    until = DateField(label=pgettext_lazy("date range", "To"), required=False)

    def __init__(self, *args: Any, actors: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field_of(self, "actor", forms.ChoiceField).choices = [("", _("Anyone")), *actors]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            raise forms.ValidationError(_("The first date is after the second."), code="order")
        return data

    def apply(self, entries: QuerySet[AuditEntry]) -> QuerySet[AuditEntry]:
        """``entries`` narrowed to what the filter asks for (changes only when nothing valid is asked)."""
        data = self.cleaned_data if self.is_valid() else {}
        kind = data.get("kind") or "changes"
        if kind == "changes":
            entries = entries.exclude(action__in=READ_ACTIONS)
        elif kind == "views":
            entries = entries.filter(action__in=READ_ACTIONS)
        if data.get("actor"):
            entries = entries.filter(actor_id=data["actor"])
        if data.get("since"):
            entries = entries.filter(at__gte=_start_of(data["since"]))
        if data.get("until"):
            entries = entries.filter(at__lt=_start_of(data["until"] + dt.timedelta(days=1)))
        return entries


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))
