"""Haven's JSON API, version 1 (Django Ninja), read-only over households, their people and US records.

Every call is authenticated by a personal token (``Authorization: Bearer hvn_…``), acts with its
user's role and organisation and sees exactly what the pages show them, is rate limited per user, and
is recorded in the audit log (method and path, which carry references only, never names).
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any, Literal

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest
from ninja import NinjaAPI, Query, Schema, Status
from ninja.errors import HttpError
from ninja.security import HttpBearer
from pydantic import Field, field_validator

from haven.accounts.access import household_for, visible_households
from haven.accounts.actor import Actor
from haven.api.tokens import user_for_secret
from haven.audit.record import audit_record
from haven.cases.actions import person_add
from haven.cases.errors import InvalidChange, NotAllowed
from haven_core.dates import PartialDate, PartialDateError
from haven_core.roles import can_use_caseload

PAGE_SIZE = 100


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Actor | None:
        user = user_for_secret(token)
        if user is None:
            return None
        actor = Actor.for_user(user, ip=request.META.get("REMOTE_ADDR"))
        _rate_limit(user.pk)
        audit_record(
            actor=user,
            action="api.call",
            organisation=actor.organisation,
            target=f"{request.method} {request.path}"[:200],
            ip=actor.ip,
        )
        if not can_use_caseload(actor.role):
            raise HttpError(403, "Your role does not work with households.")
        request.actor = actor  # type: ignore[attr-defined]
        return actor


def _rate_limit(user_id: int) -> None:
    limit = int(getattr(settings, "HAVEN_API_CALLS_PER_MINUTE", 120))
    key = f"haven-api-rate:{user_id}:{int(time.time() // 60)}"
    cache.add(key, 0, timeout=120)
    if cache.incr(key) > limit:
        raise HttpError(429, f"More than {limit} calls a minute: wait a minute.")


api = NinjaAPI(
    title="Haven API",
    version="1",
    description="Households, people and US records, as the pages show them to the token's user.",
    auth=TokenAuth(),
    urls_namespace="api-v1",
    docs_url=None,  # Ninja's docs page loads scripts from a CDN; Haven serves its own (haven.api.views)
)


class USRecordOut(Schema):
    status: str
    a_number: str = Field(description="Nine digits, or empty when not known.")
    detained: bool
    court: str
    next_hearing_date: dt.date | None
    removal_scheduled_date: dt.date | None


class PersonOut(Schema):
    id: str
    relationship: str
    surname_cyrillic: str
    given_name_cyrillic: str
    patronymic_cyrillic: str
    surname_latin: str
    given_name_latin: str
    sex: str
    birth_date: str = Field(description="YYYY, YYYY-MM or YYYY-MM-DD.")
    us_record: USRecordOut | None


class HouseholdSummary(Schema):
    reference: str
    organisation: str
    stage: str
    updated_at: dt.datetime


class HouseholdOut(HouseholdSummary):
    people: list[PersonOut]


class PersonIn(Schema):
    """A family member to add; names in either script, a birth date possibly partial."""

    relationship: Literal["spouse", "child", "parent", "sibling", "other"]
    surname_cyrillic: str = Field("", max_length=200)
    given_name_cyrillic: str = Field("", max_length=200)
    patronymic_cyrillic: str = Field("", max_length=200)
    surname_latin: str = Field("", max_length=200)
    given_name_latin: str = Field("", max_length=200)
    sex: Literal["F", "M", "X", ""] = ""
    birth_date: str = Field(
        "",
        pattern=r"^(\d{4}(-\d{1,2}(-\d{1,2})?)?|(\d{1,2}\.)?\d{1,2}\.\d{4})?$",
        description="YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY.",
    )

    @field_validator("birth_date")
    @classmethod
    def _partial_date(cls, value: str) -> str:
        if not value:
            return value
        try:
            return PartialDate.parse(value).iso()
        except PartialDateError as exc:
            raise ValueError(str(exc)) from None


class Message(Schema):
    detail: str


class Invalid(Schema):
    """Bad input: one entry per field, ``loc`` naming it (e.g. ``["body", "person", "sex"]``)."""

    detail: list[dict[str, Any]]


class HouseholdPage(Schema):
    page: int
    pages: int
    count: int
    households: list[HouseholdSummary]


def _summary(household: Any) -> dict[str, Any]:
    return {
        "reference": household.reference,
        "organisation": household.organisation.slug,
        "stage": household.stage,
        "updated_at": household.updated_at,
    }


def _person(person: Any) -> dict[str, Any]:
    record = getattr(person, "us_record", None)
    return {
        "id": str(person.public_id),
        **{
            name: getattr(person, name)
            for name in (
                "relationship",
                "surname_cyrillic",
                "given_name_cyrillic",
                "patronymic_cyrillic",
                "surname_latin",
                "given_name_latin",
                "sex",
                "birth_date",
            )
        },
        "us_record": None
        if record is None
        else {name: getattr(record, name) for name in USRecordOut.model_fields},
    }


@api.get(
    "/households",
    response={200: HouseholdPage, 422: Invalid},
    url_name="households",
    summary="Households you may see",
)
def households(request: HttpRequest, page: int = Query(1, ge=1, le=100_000)) -> dict[str, Any]:
    actor = request.actor  # type: ignore[attr-defined]
    queryset = (
        visible_households(actor)
        .select_related("organisation")
        .only("reference", "stage", "updated_at", "organisation__slug")
        .order_by("reference")
    )
    count = queryset.count()
    start = (page - 1) * PAGE_SIZE
    return {
        "page": page,
        "pages": max(1, -(-count // PAGE_SIZE)),
        "count": count,
        "households": [_summary(h) for h in queryset[start : start + PAGE_SIZE]],
    }


@api.get(
    "/households/{reference}",
    response={200: HouseholdOut, 404: Message, 422: Invalid},
    url_name="household",
    summary="One household with its people and their US records",
)
def household(request: HttpRequest, reference: str) -> Any:
    actor = request.actor  # type: ignore[attr-defined]
    try:
        found = household_for(actor, reference[:16])
    except Http404:
        raise HttpError(404, "No household with this reference that you may see.") from None
    people = found.people.select_related("us_record").order_by("id")
    return {**_summary(found), "people": [_person(p) for p in people]}


@api.post(
    "/households/{reference}/people",
    response={201: PersonOut, 400: Message, 403: Message, 404: Message, 422: Invalid},
    url_name="household_people",
    summary="Add a family member, through the same action and checks as the page",
)
def add_person(request: HttpRequest, reference: str, person: PersonIn) -> Any:
    actor = request.actor  # type: ignore[attr-defined]
    try:
        found = household_for(actor, reference[:16])
    except Http404:
        raise HttpError(404, "No household with this reference that you may see.") from None
    if (
        not person.surname_cyrillic
        and not person.given_name_cyrillic
        and not (person.surname_latin or person.given_name_latin)
    ):
        raise HttpError(400, "Give a surname or given name, in Cyrillic or Latin.")
    try:
        added = person_add(actor=actor, household=found, fields=person.model_dump())
    except NotAllowed as exc:
        raise HttpError(403, str(exc)) from None
    except InvalidChange as exc:
        raise HttpError(400, str(exc)) from None
    return Status(201, _person(added))
