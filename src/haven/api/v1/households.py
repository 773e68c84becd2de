"""Households: the list a user may see, one with its people, opening one and changing one.

A change goes through the pages' forms and actions: the case owner and notes through
``household_update``, a move along the pipeline through ``household_move`` (only to a stage that may
follow the current one, with a reason when closing), each with its own audit entry.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.params import functions as params
from pydantic import Field

from haven.accounts.access import visible_households
from haven.api.v1.auth_and_errors import (
    ALWAYS,
    ERRORS,
    READ_ERRORS,
    SAVE_PERSON_ERRORS,
    FormInvalid,
    Invalid,
    actor_of,
    household_of,
    omittable,
    validated,
)
from haven.api.v1.paging import page_of
from haven.api.v1.people import PersonDetails, PersonOut, person_out
from haven.cases.actions import household_create, household_move, household_update, household_view
from haven.cases.forms.household import HouseholdCreateForm, HouseholdEditForm, StageForm
from haven.cases.forms.people import PrincipalForm
from haven.cases.models import Household
from haven_core.pipeline import Stage
from haven_core.roles import COALITION_WIDE

router = Router(tags=["households"])


class HouseholdSummary(Schema):
    reference: str
    organisation: str
    stage: str
    updated_at: dt.datetime


class HouseholdOut(HouseholdSummary):
    owner: str | None = Field(description="The case owner's user name, or null for nobody.")
    notes: str
    people: list[PersonOut]


class HouseholdPage(Schema):
    page: int
    pages: int
    count: int
    households: list[HouseholdSummary]


class HouseholdIn(Schema):
    """A new household and its principal applicant."""

    organisation: str = omittable(
        max_length=100, description="The organisation's slug; only coalition-wide roles choose one."
    )
    notes: str = Field("", max_length=10_000)
    principal: PersonDetails
    different_person: bool = Field(
        False,
        description="Save even though the principal is likely already in Haven (a 409 names the matches).",
    )


class HouseholdChange(Schema):
    """What to change; fields left out stay as they are. ``stage`` moves the household along the
    pipeline, to a stage that may follow its current one; closing needs a ``reason``, and a move back
    to an earlier stage a ``reason`` and ``confirm_back``. A household awaiting a referral decision is
    not moved here (403)."""

    owner: str | None = Field(None, max_length=150, description="A user name of the organisation, or null.")
    notes: str = omittable(max_length=10_000)
    stage: Stage = omittable()
    reason: str = omittable(max_length=2000)
    confirm_back: bool = Field(False, description="Confirms a move back to an earlier stage.")


def _summary(household: Household) -> dict[str, Any]:
    return {
        "reference": household.reference,
        "organisation": household.organisation.slug,
        "stage": household.stage,
        "updated_at": household.updated_at,
    }


def household_out(household: Household) -> dict[str, Any]:
    people = household.people.select_related("us_record").order_by("id")
    return {
        **_summary(household),
        "owner": household.owner.get_username() if household.owner else None,
        "notes": household.notes or "",
        "people": [person_out(p) for p in people],
    }


@router.get(
    "/households",
    response={200: HouseholdPage, **ALWAYS, 422: Invalid},
    url_name="households",
    summary="Households you may see",
)
def households(request: HttpRequest, page: int = params.Query(1, ge=1, le=100_000)) -> dict[str, Any]:
    queryset = (
        visible_households(actor_of(request))
        .select_related("organisation")
        .only("reference", "stage", "updated_at", "organisation__slug")
        .order_by("reference")
    )
    header, shown = page_of(queryset, page)
    return {**header, "households": [_summary(h) for h in shown]}


@router.post(
    "/households",
    response={201: HouseholdOut, **SAVE_PERSON_ERRORS},
    url_name="households",
    summary="Open a household with its principal applicant, as the “new household” page does",
)
def open_household(request: HttpRequest, household: HouseholdIn) -> Any:
    actor = actor_of(request)
    choose = actor.role in COALITION_WIDE or actor.organisation is None
    data = {"organisation": household.organisation or "", "notes": household.notes}
    loc = ("body", "household")
    own = actor.organisation.slug if actor.organisation else None
    if not choose and household.organisation not in (None, own):
        # The page has no such field for them; a tool that names another organisation is told, rather
        # than have the household filed silently under the caller's own.
        message = "You open households for your own organisation only; leave organisation out."
        raise FormInvalid([{"loc": [*loc, "organisation"], "msg": message, "type": "not_yours"}])
    form = validated(HouseholdCreateForm(data, choose_organisation=choose), loc)
    principal = validated(
        PrincipalForm(household.principal.model_dump(exclude_unset=True)), (*loc, "principal")
    )
    opened = household_create(
        actor=actor,
        organisation=actor.organisation if actor.organisation and not choose else form["organisation"],
        principal=principal,
        notes=form["notes"],
        different_person=household.different_person,
    )
    return Status(201, household_out(opened))


@router.get(
    "/households/{reference}",
    response={200: HouseholdOut, **READ_ERRORS},
    url_name="household",
    summary="One household with its people and their US records",
)
def household(request: HttpRequest, reference: str) -> Any:
    found = household_of(request, reference)
    household_view(actor=actor_of(request), household=found, page="api-v1:household")
    return household_out(found)


@router.patch(
    "/households/{reference}",
    response={200: HouseholdOut, **ERRORS},
    url_name="household",
    summary="Change the case owner or notes, or move the household to another stage",
)
def change_household(request: HttpRequest, reference: str, change: HouseholdChange) -> Any:
    actor = actor_of(request)
    found = household_of(request, reference)
    given = change.model_dump(exclude_unset=True)
    loc = ("body", "change")
    edits = {name: given[name] or "" for name in ("owner", "notes") if name in given}
    fields: dict[str, Any] | None = None
    if edits:
        current = {"owner": found.owner.get_username() if found.owner else "", "notes": found.notes}
        form = validated(HouseholdEditForm({**current, **edits}, household=found), loc)
        fields = {name: form[name] for name in edits}
    move = None
    if "stage" in given or "reason" in given:
        data = {"stage": given.get("stage") or "", "reason": given.get("reason") or ""}
        if given.get("confirm_back"):
            data["confirm_back"] = "on"
        move = validated(StageForm(data, current=found.stage_enum), loc)
    if fields:
        household_update(actor=actor, household=found, fields=fields)
    if move:
        household_move(
            actor=actor,
            household=found,
            stage=Stage(move["stage"]),
            reason=move["reason"],
            confirmed=move["confirm_back"],
        )
    return household_out(found)
