"""Registry hits on a household's people, and a reviewer's decision on one.

The same rules as the screening pages: reviewers (for their organisation's people) and the coordinator
and administrators (for everyone) see and decide hits; caseworkers do not, because the person who typed
a name in is not the one who decides that the state lists it. A confirmed hit becomes evidence of a
registry listing on the person (``hit_confirm``); a rejected one is closed (``hit_reject``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from haven.accounts.visibility import found_or_refused
from haven.api.v1.auth_and_errors import ERRORS, READ_ERRORS, actor_of, household_of, validated
from haven.cases.actions import household_view
from haven.cases.models import Household
from haven.registries.actions import hit_confirm, hit_reject
from haven.registries.actions.hits import listing_date
from haven.registries.forms import DecisionForm
from haven.registries.models import Entry, ScreeningHit
from haven.registries.permissions import can_review_hits

router = Router(tags=["screening"])
PATH = "/households/{reference}/screening"


class EntryOut(Schema):
    registry: str
    reference: str
    name: str
    listed_on: dt.date | None = Field(description="When it was listed, or first seen in a snapshot.")


class HitOut(Schema):
    id: uuid.UUID
    person: uuid.UUID
    score: float
    decision: str = Field(description="The matcher's: match or review.")
    status: str
    reasons: list[str]
    entry: EntryOut | None
    found_at: dt.datetime
    reviewer: str | None
    reviewed_at: dt.datetime | None
    evidence: uuid.UUID | None = Field(description="The evidence item a confirmed hit became.")


class DecisionIn(Schema):
    decision: Literal["confirm", "reject"]
    note: str = Field("", max_length=2000)


def _reviewer_household(request: HttpRequest, reference: str) -> Household:
    """The household, for a reviewer of its hits; 403 for roles that do not review, before any lookup."""
    if not can_review_hits(actor_of(request)):
        raise HttpError(403, "Only reviewers and the coordinator review registry hits.")
    return household_of(request, reference)


def _hits(household: Household) -> Any:
    return ScreeningHit.objects.filter(person__household=household).select_related(
        "person", "reviewer", "evidence"
    )


def hit_out(hit: ScreeningHit, entry: Entry | None) -> dict[str, Any]:
    return {
        "id": hit.public_id,
        "person": hit.person.public_id,
        "score": hit.score,
        "decision": hit.decision,
        "status": hit.status,
        "reasons": hit.reasons,
        "entry": None
        if entry is None
        else {
            "registry": entry.registry.slug,
            "reference": entry.reference,
            "name": entry.name,
            "listed_on": listing_date(entry),
        },
        "found_at": hit.found_at,
        "reviewer": hit.reviewer.get_username() if hit.reviewer else None,
        "reviewed_at": hit.reviewed_at,
        "evidence": hit.evidence.public_id if hit.evidence else None,
    }


def _entries(hits: list[ScreeningHit]) -> dict[str, Entry]:
    found = Entry.objects.select_related("registry", "first_snapshot").filter(
        public_id__in=[h.entry_ref for h in hits]
    )
    return {str(entry.public_id): entry for entry in found}


@router.get(
    PATH,
    response={200: list[HitOut], **READ_ERRORS},
    url_name="screening",
    summary="Registry hits on the household's people (reviewers and the coordinator)",
)
def household_hits(
    request: HttpRequest,
    reference: str,
    status: Literal["open", "confirmed", "rejected", "withdrawn"] | None = None,
) -> Any:
    household = _reviewer_household(request, reference)
    hits = _hits(household).order_by("-score", "id")
    if status:
        hits = hits.filter(status=status)
    found = list(hits)
    household_view(actor=actor_of(request), household=household, page="api-v1:screening")
    entries = _entries(found)
    return [hit_out(hit, entries.get(hit.entry_ref)) for hit in found]


@router.post(
    PATH + "/{hit_id}",
    response={200: HitOut, **ERRORS},
    url_name="screening_hit",
    summary="Confirm a hit (it becomes evidence of a registry listing) or reject it",
)
def decide_hit(request: HttpRequest, reference: str, hit_id: uuid.UUID, decision: DecisionIn) -> Any:
    actor = actor_of(request)
    household = _reviewer_household(request, reference)
    hit = found_or_refused(actor, _hits(household), "hit", household="person__household", public_id=hit_id)
    hit.person.household = household
    form = validated(DecisionForm(decision.model_dump()), ("body", "decision"))
    if form["decision"] == "confirm":
        hit_confirm(actor=actor, hit=hit, note=form["note"])
    else:
        hit_reject(actor=actor, hit=hit, note=form["note"])
    fresh = _hits(household).get(pk=hit.pk)
    return hit_out(fresh, _entries([fresh]).get(fresh.entry_ref))
