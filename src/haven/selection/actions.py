"""The one write path for selection runs: create one, approve one. Only a coordinator makes a run; another
coordinator (or an administrator) approves it — never the one who made it (four eyes).

Each records its audit entry in the same transaction. Audit details carry counts and parameters'
shape (quota, limits), never which households were chosen: that list is sealed in the run itself.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from haven.accounts.actor import Actor
from haven.assessment.rules import current_rules
from haven.audit.record import audit_record
from haven.errors import InvalidChange, NotAllowed
from haven.selection.inputs import candidates as read_candidates
from haven.selection.inputs import readiness_of
from haven.selection.models import SelectionRun
from haven.selection.results import WHAT_IF_QUOTAS, selection_dict
from haven.selection.wording import pin_problem_text
from haven_core.referral.readiness import Scope
from haven_core.roles import Role
from haven_core.selection import (
    Candidate,
    Parameters,
    Pin,
    SelectionError,
    check_pins,
    select,
    what_if,
)


class PinError(InvalidChange):
    """Pins that name no household that could be chosen; ``problems`` says which and why."""

    def __init__(self, problems: Sequence[tuple[Pin, str]]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(pin_problem_text(pin.key, code) for pin, code in self.problems))


def ensure_coordinator(actor: Actor) -> None:
    if actor.role != Role.COORDINATOR:
        raise NotAllowed(_("Only the coalition coordinator can make or approve a selection."))


def ensure_can_approve(actor: Actor, run: SelectionRun) -> None:
    if actor.role not in (Role.COORDINATOR, Role.ADMIN):
        raise NotAllowed(_("Only a coalition coordinator or an administrator can approve a selection."))
    if actor.user_id == run.created_by_id:
        raise NotAllowed(_("You made this selection: another coordinator must approve it (four eyes)."))


def selection_run_check(run: SelectionRun) -> list[dict[str, Any]]:
    """The selected households of ``run`` that cannot be referred now, each with what is missing."""
    selected = [h["reference"] for h in json.loads(run.results).get("households", []) if h.get("selected")]
    scope = Scope(run.parameters.get("audience", Scope.OFFICIALS.value))
    now = readiness_of(selected, scope)
    problems = []
    for reference in selected:
        verdict = now.get(reference)
        if verdict is None:
            problems.append(
                {"reference": reference, "missing": [{"gap": "gone", "fixed_by": "", "detail": {}}]}
            )
        elif not verdict.ready:
            problems.append(verdict.to_dict())
    return problems


def compute(
    params: Parameters, inputs: Sequence[Candidate], quotas: Sequence[int] = WHAT_IF_QUOTAS
) -> dict[str, object]:
    """The selection and what-if table for these inputs, as JSON-ready data (no database)."""
    try:
        return selection_dict(select(inputs, params), what_if(inputs, params, quotas))
    except (SelectionError, ValueError) as exc:
        raise InvalidChange(str(exc)) from exc


def selection_run_create(
    *,
    actor: Actor,
    params: Parameters,
    inputs: Sequence[Candidate] | None = None,
    quotas: Sequence[int] = WHAT_IF_QUOTAS,
) -> SelectionRun:
    """Select from the current households (or ``inputs``) and save the run with what it was made from."""
    ensure_coordinator(actor)
    inputs = list(read_candidates(Scope(params.audience)) if inputs is None else inputs)
    problems = check_pins(inputs, params)
    if problems:
        raise PinError(problems)
    results = compute(params, inputs, quotas)
    exact, greedy = results["exact"], results["greedy"]
    assert isinstance(exact, dict) and isinstance(greedy, dict)
    with transaction.atomic():
        run = SelectionRun.objects.create(
            created_by=actor.signed_in,
            quota=params.quota,
            parameters=params.to_dict(),
            rules_version=current_rules().version,
            inputs=json.dumps([c.to_dict() for c in inputs]),
            results=json.dumps(results),
            households_selected=exact["households"],
            people_selected=exact["people"],
            total_priority=exact["priority"],
            greedy_priority=greedy["priority"],
        )
        audit_record(
            actor=actor.user,
            action="selection.create",
            target=str(run.public_id),
            ip=actor.ip,
            detail={
                "quota": params.quota,
                "households_considered": len(inputs),
                "households_selected": exact["households"],
                "people_selected": exact["people"],
                "pins": len(params.pins),
                "per_organisation": params.limits.per_organisation,
                "include_not_ready": params.include_not_ready,
                "audience": params.audience,
            },
        )
    return run


def selection_run_approve(
    *, actor: Actor, run: SelectionRun, exclude: bool = False, reason: str = ""
) -> SelectionRun:
    """Approve ``run`` as a second pair of eyes: not the coordinator who made it.

    Haven checks again, now, that every selected household can be referred. If one cannot, approval is
    refused — unless ``exclude``, with a written ``reason``: those households are then left out of every
    batch made from the run, and listed on it with what they lack and the reason.
    """
    ensure_can_approve(actor, run)
    reason = reason.strip()
    with transaction.atomic():
        run = SelectionRun.objects.select_for_update().get(pk=run.pk)
        if run.approved:
            raise InvalidChange(_("This selection is already approved."))
        problems = selection_run_check(run)
        if problems and not exclude:
            raise InvalidChange(
                ngettext(
                    "%(count)d selected household cannot be referred now: %(refs)s. Put it right, or "
                    "approve leaving it out, with the reason.",
                    "%(count)d selected households cannot be referred now: %(refs)s. Put them right, or "
                    "approve leaving them out, with the reason.",
                    len(problems),
                )
                % {"count": len(problems), "refs": ", ".join(p["reference"] for p in problems)}
            )
        if problems and not reason:
            raise InvalidChange(_("Say why these households are left out of the selection."))
        run.approved_at, run.approved_by = timezone.now(), actor.user
        run.excluded = problems
        run.exclusion_reason = reason if problems else ""
        run.save(update_fields=["approved_at", "approved_by", "excluded", "exclusion_reason"])
        audit_record(
            actor=actor.user,
            action="selection.approve",
            target=str(run.public_id),
            ip=actor.ip,
            detail={
                "quota": run.quota,
                "households_selected": run.households_selected,
                "made_by": run.created_by.get_username(),
                "approved_by": actor.user.get_username() if actor.user else "",
                "households_excluded": len(problems),
            },
        )
    return run


def selection_run_repeat(run: SelectionRun) -> dict[str, object]:
    """The same run again, from its saved parameters and inputs (no database reads, nothing saved)."""
    params = Parameters.from_dict(run.parameters)
    inputs = [Candidate.from_dict(c) for c in json.loads(run.inputs)]
    quotas = [row["quota"] for row in json.loads(run.results)["what_if"]]
    return compute(params, inputs, quotas)


def selection_view(*, actor: Actor, run: SelectionRun) -> None:
    """Record that ``actor`` opened a run's page: it lists who was and was not put forward, so opening it
    is recorded like opening a case."""
    audit_record(actor=actor.user, action="selection.view", target=str(run.public_id), ip=actor.ip)


def selection_preview(*, actor: Actor, quota: int, households_considered: int, source: str) -> None:
    """Record a selection computed and shown but not saved (``haven select``): its quota and how many
    households it considered, never which."""
    with transaction.atomic():
        audit_record(
            actor=actor.user,
            action="selection.preview",
            ip=actor.ip,
            detail={"quota": quota, "households_considered": households_considered, "source": source},
        )
