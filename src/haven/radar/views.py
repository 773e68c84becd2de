"""The deadline radar: what is about to happen to the households a user may see, and what is missing."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from haven.accounts.access import caseload_required, visible_households
from haven.accounts.actor import ActorRequest
from haven.radar.actions import radar_view
from haven.radar.forms import RadarForm
from haven.radar.quality import warning_summary
from haven.radar.rows import households_by_reference, people_by_id, radar_rows
from haven.radar.window import OrderedDeadlines, deadline_rows, group_counts, within
from haven_core.data_quality import HouseholdWarning
from haven_core.deadlines import Deadline
from haven_core.deadlines_chart import DAYS as CHART_DAYS
from haven_core.deadlines_chart import layout
from haven_core.roles import COALITION_WIDE

# Warnings are listed a page at a time (``?warnings=2``…): a coalition has hundreds, and drawing them
# all (each row a name, two links and its advice) cost more than the rest of the page.
WARNINGS_PER_PAGE = 20


def _scope(actor: Any, form: RadarForm) -> QuerySet[Any]:
    households = visible_households(actor)
    if organisation := form.value("organisation"):
        households = households.filter(organisation=organisation)
    if form.value("mine"):
        households = households.filter(owner=actor.user)
    return households


def _warnings_page(request: ActorRequest) -> int:
    """The page of warnings asked for: a whole number from 1 (at most 9,999), else the first."""
    asked = request.GET.get("warnings", "")
    return int(asked) if asked.isdigit() and 0 < int(asked) < 10_000 else 1


def _warning_rows(
    warnings: list[HouseholdWarning], households: dict[str, Any], people: dict[str, Any]
) -> list[dict[str, Any]]:
    """One row a warning, with the people it concerns (a hearing a family shares is one row)."""
    rows = []
    for w in warnings:
        if w.household in households:
            concerned = [people[p] for p in w.people if p in people]
            person = concerned[0] if len(concerned) == 1 else None  # whose US record the link opens
            rows.append(
                {"warning": w, "household": households[w.household], "people": concerned, "person": person}
            )
    return rows


@require_GET
@caseload_required
def radar_home(request: ActorRequest) -> HttpResponse:
    actor = request.actor
    form = RadarForm(request.GET, coalition_wide=actor.role in COALITION_WIDE)
    today = timezone.localdate()
    households = _scope(actor, form)
    days = form.window
    detained = bool(form.value("detained"))
    end = today + dt.timedelta(days=days)
    day = form.one_day(today)  # one day of the list, from a column of the chart
    # The database counts the deadlines per day, kind and detention over the longer of the list's window
    # and the chart's (and to the day asked for): the list's count and pages and the whole chart come
    # from these counts, and only the rows of the page shown are read.
    span = max(days, CHART_DAYS, (day - today).days if day else 0)
    counts = group_counts(households, today, span, detained_only=detained)
    listed_counts = {k: n for k, n in counts.items() if k[0] == day} if day else within(counts, today, days)
    # A page sorts only the days, kinds and detentions that hold it, sized by those counts.
    narrow = partial(deadline_rows, households, today, span, detained_only=detained)
    listed = OrderedDeadlines(None, counts=listed_counts, narrow=narrow)
    # Django's Paginator needs only count() and slices; the stubs' protocol also asks for iteration.
    paginator: Paginator[Deadline] = Paginator(listed, settings.HAVEN_CASES_PER_PAGE)  # type: ignore[arg-type]
    page = paginator.get_page(request.GET.get("page"))
    chart = layout(counts, today)  # what is past the chart's 90 days is left out
    warnings_page = _warnings_page(request)
    warnings_total, warnings = warning_summary(households, today, warnings_page * WARNINGS_PER_PAGE)
    warnings_pages = max(1, -(-warnings_total // WARNINGS_PER_PAGE))
    if warnings_page > warnings_pages:  # past the last page (fixed since): the last one
        warnings_page = warnings_pages
        warnings_total, warnings = warning_summary(households, today, warnings_page * WARNINGS_PER_PAGE)
    warnings_first = (warnings_page - 1) * WARNINGS_PER_PAGE
    warnings = warnings[warnings_first:]
    radar_view(
        actor=actor,
        days=days,
        deadlines=page.paginator.count,
        shown=len(page.object_list),
        warnings=warnings_total,
        filters=form.filters(),
    )
    # The households and people of the page's deadlines and of the warnings shown, read together.
    deadlines = list(page.object_list)
    households_shown = households_by_reference(
        [d.household for d in deadlines] + [w.household for w in warnings]
    )
    people_shown = people_by_id(
        [d.person for d in deadlines if d.person] + [p for w in warnings for p in w.people]
    )
    context = {
        "form": form,
        "days": days,
        "today": today,
        "end": end,
        "day": day,
        "day_refused": bool(request.GET.get("day")) and day is None,
        "page": page,
        "rows": radar_rows(deadlines, today, households=households_shown, people=people_shown),
        "chart": chart,
        "warnings": _warning_rows(warnings, households_shown, people_shown),
        "warnings_total": warnings_total,
        "warnings_page": warnings_page,
        "warnings_pages": warnings_pages,
        "warnings_from": warnings_first + 1,
        "warnings_to": warnings_first + len(warnings),
        "nav": "radar",
    }
    return render(request, "radar/home.html", context)
