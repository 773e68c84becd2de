"""The liaison's requests for more information, as the organisation's side of them: the requests on the
households the token's user may see (their organisation's; all for the coordinator), one request, and
the organisation's answer.

The same rules as the pages (:mod:`haven.referral.information.views`): a request on another
organisation's household is not found (404, and asking for an existing one is audited as refused), and
the answer goes through ``information_request_answer``, the page's own action, with its timeline and
audit entries. The question and the answer are shown only with a request the user may see.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.params import functions as params
from pydantic import Field

from haven.accounts.visibility import found_or_refused
from haven.api.v1.auth_and_errors import ALWAYS, ERRORS, READ_ERRORS, Invalid, actor_of, validated
from haven.api.v1.paging import page_of
from haven.cases.actions import household_view
from haven.referral.forms import AnswerForm
from haven.referral.information import requests_for
from haven.referral.information.actions import information_request_answer
from haven.referral.models import InformationRequest

router = Router(tags=["information requests"])
PATH = "/information-requests"
ANSWER_MAX = 8000  # the answer form's limit (haven.referral.forms.AnswerForm)


class InformationRequestOut(Schema):
    id: uuid.UUID
    household: str = Field(description="The reference of the household the liaison asks about.")
    batch: str = Field(description="The reference of the referral batch the household is in.")
    status: str = Field(
        description="open (awaiting an answer), answered, or closed (the liaison decided again, or the "
        "household left the batch)."
    )
    question: str
    asked_by: str = Field(description="The liaison's user name.")
    asked_at: dt.datetime
    answer: str | None = Field(description="The organisation's answer; null until answered.")
    answered_by: str | None
    answered_at: dt.datetime | None
    closed_at: dt.datetime | None


class InformationRequestPage(Schema):
    page: int
    pages: int
    count: int
    requests: list[InformationRequestOut]


class AnswerIn(Schema):
    """The organisation's answer to the liaison. A new document goes in as evidence of the person it
    concerns (``POST …/people/{person_id}/evidence``), and is verified like any other."""

    answer: str = Field(min_length=1, max_length=ANSWER_MAX)


def request_out(request: InformationRequest) -> dict[str, Any]:
    return {
        "id": request.public_id,
        "household": request.entry.household.reference,
        "batch": request.entry.batch.reference,
        "status": request.status,
        "question": request.question,
        "asked_by": request.asked_by.get_username(),
        "asked_at": request.asked_at,
        "answer": request.answer or None,
        "answered_by": request.answered_by.get_username() if request.answered_by else None,
        "answered_at": request.answered_at,
        "closed_at": request.closed_at,
    }


def _request_of(request: HttpRequest, request_id: uuid.UUID) -> InformationRequest:
    """The request ``request_id`` if the token's user may see its household; 404 otherwise, audited when
    it is on another organisation's household (as the answer page does)."""
    actor = actor_of(request)
    found: InformationRequest = found_or_refused(
        actor, requests_for(actor), "information_request", household="entry__household", public_id=request_id
    )
    return found


@router.get(
    PATH,
    response={200: InformationRequestPage, **ALWAYS, 422: Invalid},
    url_name="information_requests",
    summary="The liaison's requests on the households you may see, oldest first, 100 a page",
)
def information_requests(
    request: HttpRequest,
    status: Literal["open", "answered", "closed"] | None = None,
    page: int = params.Query(1, ge=1, le=100_000),
) -> dict[str, Any]:
    rows = requests_for(actor_of(request)).order_by("asked_at", "id")
    if status:
        rows = rows.filter(status=status)
    header, shown = page_of(rows, page)
    return {**header, "requests": [request_out(r) for r in shown]}


@router.get(
    PATH + "/{request_id}",
    response={200: InformationRequestOut, **READ_ERRORS},
    url_name="information_request",
    summary="One of the liaison's requests, with the organisation's answer once given",
)
def information_request(request: HttpRequest, request_id: uuid.UUID) -> Any:
    found = _request_of(request, request_id)
    household_view(
        actor=actor_of(request), household=found.entry.household, page="api-v1:information_request"
    )
    return request_out(found)


@router.post(
    PATH + "/{request_id}/answer",
    response={200: InformationRequestOut, **ERRORS},
    url_name="information_request_answer",
    summary="Answer the liaison's open request (once; the liaison reads the answer with the batch)",
)
def answer_information_request(request: HttpRequest, request_id: uuid.UUID, answer: AnswerIn) -> Any:
    actor = actor_of(request)
    found = _request_of(request, request_id)
    form = validated(AnswerForm(answer.model_dump()), ("body", "answer"))
    return request_out(information_request_answer(actor=actor, request=found, answer=form["answer"]))
