"""Selection pages, for the coalition coordinator only: make a run, read it with every reason, approve it."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from haven.accounts.access import actor_of
from haven.cases.views.base import posted
from haven.errors import HavenError
from haven.selection.actions import selection_run_approve, selection_run_create, selection_view
from haven.selection.chart import bars
from haven.selection.forms import SelectionForm
from haven.selection.models import SelectionRun
from haven.selection.wording import reason_text
from haven_core.roles import Role


def coordinator_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Log-in required; then 403 for anyone but the coalition coordinator."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        actor = actor_of(request)
        if actor.role != Role.COORDINATOR:
            raise PermissionDenied
        request.actor = actor  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapper


@require_http_methods(["GET", "POST"])
@coordinator_required
def selection_home(request: HttpRequest) -> HttpResponse:
    form = SelectionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            run = selection_run_create(
                actor=request.actor,  # type: ignore[attr-defined]
                params=form.parameters(),
                quotas=form.cleaned_data["quotas"],
            )
        except HavenError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Selection made. Read the reasons, then approve it if it is right."))
            return redirect("selection:run", public_id=run.public_id)
    runs = SelectionRun.objects.select_related("created_by", "approved_by")[:50]
    return render(request, "selection/home.html", {"form": form, "runs": runs, "nav": "selection"})


@require_http_methods(["GET"])
@coordinator_required
def selection_run_view(request: HttpRequest, public_id: Any) -> HttpResponse:
    run = get_object_or_404(
        SelectionRun.objects.select_related("created_by", "approved_by"), public_id=public_id
    )
    results = json.loads(run.results)
    actor = request.actor  # type: ignore[attr-defined]
    selection_view(actor=actor, run=run)
    households = [{**h, "why": reason_text(h["reason"], h["detail"])} for h in results["households"]]
    context = {
        "run": run,
        "results": results,
        "selected": [h for h in households if h["selected"]],
        "left_out": [h for h in households if not h["selected"]],
        "chart": bars(results["what_if"]),
        "nav": "selection",
    }
    return render(request, "selection/run.html", context)


@require_POST
@coordinator_required
def selection_approve_view(request: HttpRequest, public_id: Any) -> HttpResponse:
    run = get_object_or_404(SelectionRun, public_id=public_id)
    try:
        selection_run_approve(actor=request.actor, run=run)  # type: ignore[attr-defined]
    except HavenError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Selection approved."))
    return redirect("selection:run", public_id=run.public_id)
