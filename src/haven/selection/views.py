"""Selection pages, for the coalition coordinator only: make a run, read it with every reason, approve it."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from haven.accounts.access import GuardedView, P, View, role_required
from haven.accounts.actor import ActorRequest
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
from haven.submission import submit
from haven_core.pipeline import Stage
from haven_core.referral.readiness import FINISHED_STAGES, Scope, readiness
from haven_core.roles import Role


def coordinator_required(view: GuardedView[P]) -> View[P]:
    """Log-in required; then 403 for anyone but the coalition coordinator (who makes runs) ..."""
    return role_required(lambda role: role is Role.COORDINATOR)(view)


def approver_required(view: GuardedView[P]) -> View[P]:
    """... or, to read and approve one, also an administrator (a second pair of eyes)."""
    return role_required(lambda role: role in (Role.COORDINATOR, Role.ADMIN))(view)


# Households already referred, decided, resettled or closed: nothing is left to put right for a referral.
_PAST_REFERRAL = FINISHED_STAGES | {Stage.REFERRED.value}


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
def selection_home(request: ActorRequest) -> HttpResponse:
    form = SelectionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            run = selection_run_create(
                actor=request.actor,
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
def selection_run_view(request: ActorRequest, public_id: Any) -> HttpResponse:
    run = get_object_or_404(
        SelectionRun.objects.select_related("created_by", "approved_by"), public_id=public_id
    )
    results = json.loads(run.results)
    actor = request.actor
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
        "own_run": actor.user_id == run.created_by_id,
        "chart": bars(results["what_if"]),
        "nav": "selection",
    }
    return render(request, "selection/run.html", context)


@require_POST
@approver_required
def selection_approve_view(request: ActorRequest, public_id: Any) -> HttpResponse:
    run = get_object_or_404(SelectionRun, public_id=public_id)
    back = redirect("selection:run", public_id=run.public_id)
    approved = submit(
        request,
        lambda: selection_run_approve(
            actor=request.actor,
            run=run,
            exclude=request.POST.get("exclude") == "on",
            reason=request.POST.get("reason", ""),
        ),
        success=_("Selection approved."),
        then=lambda _approved: back,
    )
    return approved or back
