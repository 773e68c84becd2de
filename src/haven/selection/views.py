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
from haven.accounts.models import Organisation
from haven.cases.views.lookup import posted
from haven.errors import HavenError
from haven.selection.actions import (
    PinError,
    selection_run_approve,
    selection_run_check,
    selection_run_create,
    selection_view,
)
from haven.selection.chart import bars
from haven.selection.forms import SelectionForm
from haven.selection.inputs import emergency_references, read_households
from haven.selection.models import SelectionRun
from haven.selection.run_summary import pin_fates, run_settings
from haven.selection.wording import gap_text, missing_rows, pin_problem_text, reason_text
from haven_core.referral.readiness import Scope, readiness
from haven_core.roles import Role


def _roles_required(*roles: Role) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            actor = actor_of(request)
            if actor.role not in roles:
                raise PermissionDenied
            request.actor = actor  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


# Log-in required; then 403 for anyone but the coalition coordinator (who makes runs) ...
coordinator_required = _roles_required(Role.COORDINATOR)
# ... or, to read and approve one, also an administrator (a second pair of eyes).
approver_required = _roles_required(Role.COORDINATOR, Role.ADMIN)


# Households already referred, decided, resettled or closed: nothing is left to put right for a referral.
_PAST_REFERRAL = frozenset({"referred", "decision_received", "resettled", "closed"})


def _not_ready_emergencies() -> list[dict[str, Any]]:
    """Emergency households that cannot be referred now, with what each lacks and who can fix it."""
    references = emergency_references()
    rows = [
        r
        for r in (read_households(references) if references else [])
        if r.candidate.emergency and not r.candidate.ready and r.household.stage not in _PAST_REFERRAL
    ]
    out = []
    for r in rows:
        verdict = readiness(r.facts, Scope.OFFICIALS)
        out.append(
            {
                "reference": r.household.reference,
                "organisation": r.household.organisation.name,
                "stage": r.household.get_stage_display(),
                "missing": missing_rows(verdict.to_dict()["missing"]),
            }
        )
    return out


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
        except PinError as exc:
            for pin, code in exc.problems:
                form.add_error("pins", pin_problem_text(pin.key, code))
        except HavenError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("Selection made. Read the reasons; another coordinator approves it if it is right."),
            )
            return redirect("selection:run", public_id=run.public_id)
    runs = SelectionRun.objects.select_related("created_by", "approved_by")[:50]
    context = {"form": form, "runs": runs, "nav": "selection", "not_ready": _not_ready_emergencies()}
    return render(request, "selection/home.html", context)


@require_http_methods(["GET"])
@approver_required
def selection_run_view(request: HttpRequest, public_id: Any) -> HttpResponse:
    run = get_object_or_404(
        SelectionRun.objects.select_related("created_by", "approved_by"), public_id=public_id
    )
    results = json.loads(run.results)
    actor = request.actor  # type: ignore[attr-defined]
    selection_view(actor=actor, run=run)
    names = dict(Organisation.objects.values_list("slug", "name"))
    households = [
        {
            **h,
            "why": reason_text(h["reason"], h["detail"]),
            "organisation_name": names.get(h["organisation"], h["organisation"]),
            "missing_words": [gap_text(code, {}) for code in h.get("not_ready", [])],
        }
        for h in results["households"]
    ]
    problems = [] if run.approved else selection_run_check(run)
    context = {
        "run": run,
        "results": results,
        "settings": run_settings(run.parameters, names),
        "pins": pin_fates(run.parameters, households),
        "selected": [h for h in households if h["selected"]],
        "left_out": [h for h in households if not h["selected"]],
        "problems": [{**p, "rows": missing_rows(p["missing"])} for p in problems],
        "excluded": [{**p, "rows": missing_rows(p["missing"])} for p in run.excluded],
        "own_run": getattr(actor.user, "pk", None) == run.created_by_id,
        "chart": bars(results["what_if"]),
        "nav": "selection",
    }
    return render(request, "selection/run.html", context)


@require_POST
@approver_required
def selection_approve_view(request: HttpRequest, public_id: Any) -> HttpResponse:
    run = get_object_or_404(SelectionRun, public_id=public_id)
    try:
        selection_run_approve(
            actor=request.actor,  # type: ignore[attr-defined]
            run=run,
            exclude=request.POST.get("exclude") == "on",
            reason=request.POST.get("reason", ""),
        )
    except HavenError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Selection approved."))
    return redirect("selection:run", public_id=run.public_id)
