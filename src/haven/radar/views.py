"""The deadline radar: what is about to happen to the households a user may see, and what is missing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from haven.accounts.access import caseload_required, visible_households
from haven.radar.actions import radar_view
from haven.radar.deadlines import deadlines_for
from haven.radar.forms import RadarForm
from haven.radar.quality import warnings_for
from haven.radar.rows import households_by_reference, people_by_id, radar_rows
from haven_core.data_quality import DataWarning
from haven_core.deadlines import Deadline
from haven_core.deadlines_chart import DAYS as CHART_DAYS
from haven_core.deadlines_chart import timeline
from haven_core.roles import COALITION_WIDE

WARNINGS_SHOWN = 100  # the rest are counted; fixing the first ones is the work of a day already


def _scope(actor: Any, form: RadarForm) -> QuerySet[Any]:
    households = visible_households(actor)
    if organisation := form.value("organisation"):
        households = households.filter(organisation=organisation)
    if form.value("mine"):
        households = households.filter(owner=actor.user)
    return households


def _warning_rows(warnings: list[DataWarning]) -> list[dict[str, Any]]:
    households = households_by_reference([w.household for w in warnings])
    people = people_by_id([w.person for w in warnings])
    return [
        {"warning": w, "household": households[w.household], "person": people.get(w.person)}
        for w in warnings
        if w.household in households
    ]


@require_GET
@caseload_required
def radar_home(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    form = RadarForm(request.GET, coalition_wide=actor.role in COALITION_WIDE)
    today = timezone.localdate()
    households = _scope(actor, form)
    days = form.window
    # One read serves the list and the chart: the longer of the two windows.
    found: list[Deadline] = deadlines_for(households, today, max(days, CHART_DAYS))
    if form.value("detained"):
        found = [d for d in found if d.detained]
    end = today + dt.timedelta(days=days)
    listed = [d for d in found if d.date <= end]  # already soonest first
    page = Paginator(listed, settings.HAVEN_CASES_PER_PAGE).get_page(request.GET.get("page"))
    warnings = warnings_for(households, today)
    radar_view(
        actor=actor,
        days=days,
        deadlines=len(listed),
        shown=len(page.object_list),
        warnings=len(warnings),
        filters=form.filters(),
    )
    context = {
        "form": form,
        "days": days,
        "today": today,
        "end": end,
        "page": page,
        "rows": radar_rows(page.object_list, today),
        "chart": timeline(found, today, CHART_DAYS),
        "warnings": _warning_rows(warnings[:WARNINGS_SHOWN]),
        "warnings_total": len(warnings),
        "warnings_hidden": max(0, len(warnings) - WARNINGS_SHOWN),
        "nav": "radar",
    }
    return render(request, "radar/home.html", context)
