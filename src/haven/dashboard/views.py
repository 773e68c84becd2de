"""The dashboard: the caseload in numbers, as charts with their tables, for whoever works with it.

Coordinators (and administrators) see the coalition; caseworkers and reviewers their organisation.
Every number is counted over :func:`haven.accounts.access.visible_households`, the lists' own scope.
"""

from __future__ import annotations

import datetime as dt

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from haven.accounts.access import caseload_required, visible_households
from haven.accounts.actor import ActorRequest
from haven.dashboard import panels
from haven.dashboard.actions import dashboard_view
from haven_core.roles import COALITION_WIDE

MONTHS = 12


@require_GET
@caseload_required
def dashboard_home(request: ActorRequest) -> HttpResponse:
    actor = request.actor
    coalition = actor.role in COALITION_WIDE
    scope = visible_households(actor)
    today = timezone.localdate() if timezone.is_aware(timezone.now()) else dt.date.today()
    dashboard_view(actor=actor, scope="coalition" if coalition else "organisation")
    context = {
        "nav": "dashboard",
        "coalition": coalition,
        "organisation": actor.organisation,
        **panels.dashboard(scope, coalition=coalition, today=today, months=MONTHS),
    }
    return render(request, "dashboard/home.html", context)
