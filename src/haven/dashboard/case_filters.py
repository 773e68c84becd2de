"""The case list's filters behind the dashboard's documentation and outcome bars (registered from
:class:`~haven.dashboard.apps.DashboardConfig`): each keeps the households its bar counts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from haven.cases.list_filters import ListFilter, register
from haven.cases.models import TimelineEvent
from haven.dashboard.counts import OUTCOME_KINDS
from haven.dashboard.documentation_coverage import documented_households

DOCUMENTATION = ("well_documented", "not_well_documented")


def _describe_documentation(value: str) -> str | None:
    words = {"well_documented": _("Well documented"), "not_well_documented": _("Not yet well documented")}
    return words.get(value)


def _documentation(households: QuerySet[Any], value: str) -> QuerySet[Any]:
    return documented_households(households, well=value == "well_documented")


def outcome_month(value: str) -> tuple[str, dt.date, dt.date] | None:
    """``protection_granted:2026-03`` as its kind, the month's first day and the next month's."""
    kind, _sep, month = value.partition(":")
    try:
        start = dt.datetime.strptime(month, "%Y-%m").date()
    except ValueError:
        return None
    if kind not in OUTCOME_KINDS:
        return None
    after = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return kind, start, after


def _describe_outcome(value: str) -> str | None:
    found = outcome_month(value)
    if found is None:
        return None
    kind, start, _after = found
    what = _("Protection granted") if kind == "protection_granted" else _("Removed")
    return f"{what} · {formats.date_format(start, 'F Y')}"


def _outcome(households: QuerySet[Any], value: str) -> QuerySet[Any]:
    found = outcome_month(value)
    if found is None:
        return households
    kind, start, after = found
    events = TimelineEvent.objects.filter(kind=kind, date__gte=start, date__lt=after)
    events = events.filter(withdrawn_at__isnull=True)  # as the chart counts: it did not happen
    return households.filter(pk__in=events.values("household_id"))


def register_filters() -> None:
    documentation = gettext_lazy("Documentation")
    register(ListFilter("documentation", documentation, _describe_documentation, _documentation))
    register(ListFilter("outcome", gettext_lazy("Outcome"), _describe_outcome, _outcome))
