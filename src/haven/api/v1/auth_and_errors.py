"""What every resource of the API shares: the token check (with its rate limit and audit entry), the
error answers, and finding a household or a person the token's user may see.

Errors are turned into answers in one place (``register_errors``): a refused action is a 403, any
other rule of the caseload that a change breaks is a 400, a form the pages would refuse is a 422 naming
the fields, and anything not visible to the user is a 404 that does not say whether it exists.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import Http404, HttpRequest, HttpResponse
from ninja import Field, NinjaAPI, Schema
from ninja.errors import HttpError
from ninja.security import HttpBearer

from haven.accounts.access import household_for, with_actor
from haven.accounts.actor import Actor
from haven.accounts.visibility import found_or_refused
from haven.api.actions import api_call
from haven.api.models import TokenScope
from haven.api.tokens import token_for_secret
from haven.cases.duplicates import LikelyDuplicate
from haven.cases.models import Household, Person
from haven.errors import HavenError, NotAllowed
from haven_core.roles import can_use_caseload

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
NOT_FOUND = "Nothing with this reference that you may see."


def omittable(**constraints: Any) -> Any:
    """A field a request may leave out (it is ``None`` then) but may not send as null: the schema keeps
    its plain type. Typed ``Any`` because the field's declared type (``str``) leaves the default out."""
    return Field(None, **constraints)


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Actor | None:
        found = token_for_secret(token)
        if found is None:
            return None
        user = found.user
        actor = Actor.for_user(user, ip=request.META.get("REMOTE_ADDR"))
        _rate_limit(user.pk)
        api_call(user=user, actor=actor, method=str(request.method), path=request.path)
        if not can_use_caseload(actor.role):
            raise HttpError(403, "Your role does not work with households.")
        if request.method not in SAFE_METHODS and found.scope != TokenScope.WRITE:
            raise HttpError(403, "This token may only read: make a read-and-write token to change data.")
        with_actor(request, actor)
        return actor


def _rate_limit(user_id: int) -> None:
    limit = int(getattr(settings, "HAVEN_API_CALLS_PER_MINUTE", 120))
    key = f"haven-api-rate:{user_id}:{int(time.time() // 60)}"
    cache.add(key, 0, timeout=120)
    if cache.incr(key) > limit:
        raise HttpError(429, f"More than {limit} calls a minute: wait a minute.")


class Message(Schema):
    detail: str


class Invalid(Schema):
    """Bad input: one entry per field, ``loc`` naming it (e.g. ``["body", "person", "sex"]``); an entry
    whose ``loc`` stops at the body is about the input as a whole."""

    detail: list[dict[str, Any]]


# The answers any call may get: no valid token (401), a role without a caseload (403), too many calls
# (429). Besides those, a read may find nothing visible (404) or get input the schema refuses (422),
# and a change may also break a rule of the caseload (400) or be refused to this user (403).
ALWAYS: dict[int, Any] = {401: Message, 403: Message, 429: Message}
READ_ERRORS: dict[int, Any] = {**ALWAYS, 404: Message, 422: Invalid}
ERRORS: dict[int, Any] = {**READ_ERRORS, 400: Message}


class DuplicateMatch(Schema):
    household: str = Field(description="The reference of the household the person may already be in.")
    decision: str = Field(description="The identity matcher's “match” or “review”.")
    score: float
    reasons: list[str] = Field(
        description="What agreed and what did not; another organisation's person's names are hidden (…)."
    )


class LikelyDuplicates(Schema):
    """The person is likely already in Haven: nothing was saved. Check the households named; send
    ``"different_person": true`` to save anyway (audited)."""

    detail: str
    matches: list[DuplicateMatch]


SAVE_PERSON_ERRORS: dict[int, Any] = {**ERRORS, 409: LikelyDuplicates}


class FormInvalid(Exception):
    """The input is refused: one entry per error, each naming its field in ``loc``."""

    def __init__(self, detail: list[dict[str, Any]]) -> None:
        super().__init__("invalid input")
        self.detail = detail

    @classmethod
    def of(cls, form: forms.BaseForm, loc: tuple[str, ...]) -> FormInvalid:
        """The errors of a page's form, field by field, under ``loc``."""
        return cls(
            [
                {
                    "loc": [*loc] if field == NON_FIELD_ERRORS else [*loc, field],
                    "msg": str(error.message % error.params if error.params else error.message),
                    "type": error.code or "invalid",
                }
                for field, errors in form.errors.as_data().items()
                for error in errors
            ]
        )


def validated(form: forms.BaseForm, loc: tuple[str, ...]) -> dict[str, Any]:
    """The form's cleaned data, the same checks as the page that uses it; ``FormInvalid`` otherwise."""
    if not form.is_valid():
        raise FormInvalid.of(form, loc)
    return dict(form.cleaned_data)


def register_errors(api: NinjaAPI) -> None:
    @api.exception_handler(HavenError)
    def _haven_error(request: HttpRequest, exc: HavenError) -> HttpResponse:
        refused = isinstance(exc, NotAllowed)
        return api.create_response(request, {"detail": str(exc)}, status=403 if refused else 400)

    @api.exception_handler(LikelyDuplicate)
    def _likely_duplicate(request: HttpRequest, exc: LikelyDuplicate) -> HttpResponse:
        matches = [
            {"household": m.household, "decision": m.decision, "score": m.score, "reasons": list(m.reasons)}
            for m in exc.matches
        ]
        return api.create_response(request, {"detail": str(exc), "matches": matches}, status=409)

    @api.exception_handler(FormInvalid)
    def _form_invalid(request: HttpRequest, exc: FormInvalid) -> HttpResponse:
        return api.create_response(request, {"detail": exc.detail}, status=422)

    @api.exception_handler(Http404)
    def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return api.create_response(request, {"detail": NOT_FOUND}, status=404)


def actor_of(request: HttpRequest) -> Actor:
    """The actor :class:`TokenAuth` found for the token (django-ninja hands handlers a plain request)."""
    actor = getattr(request, "actor", None)
    if not isinstance(actor, Actor):  # a handler registered without TokenAuth: a programming error
        raise RuntimeError("This API handler is not behind the token check.")
    return actor


def household_of(request: HttpRequest, reference: str) -> Household:
    """The household with ``reference`` if the token's user may see it; 404 otherwise."""
    household: Household = household_for(actor_of(request), reference[:16])
    return household


def person_at(request: HttpRequest, reference: str, person_id: uuid.UUID) -> Person:
    """The person ``person_id`` of the household ``reference``, the token's user may see both; 404 otherwise
    (audited when they are another organisation's). ``person.household`` is that household."""
    return person_of(request, household_of(request, reference), person_id)


def person_of(request: HttpRequest, household: Household, person_id: uuid.UUID) -> Person:
    """The person ``person_id`` of ``household`` (already checked visible); 404 for anyone else's,
    audited when they are another organisation's."""
    rows = Person.objects.select_related("us_record").filter(household=household)
    person: Person = found_or_refused(
        actor_of(request), rows, "person", household="household", public_id=person_id
    )
    person.household = household
    return person
