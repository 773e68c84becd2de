"""A person's US immigration record: read it, or put it whole, through the page's form and
``us_record_save`` (which keeps the A-number as nine digits and the detention flag in step)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal

from django.http import Http404, HttpRequest
from ninja import Router, Schema
from pydantic import Field

from haven.api.v1.base import ERRORS, READ_ERRORS, actor_of, household_of, person_of, validated
from haven.api.v1.people import USRecordOut, us_record_out
from haven.cases.actions import household_view, us_record_save
from haven.cases.forms.us_record import USRecordForm

router = Router(tags=["US records"])
PATH = "/households/{reference}/people/{person_id}/us-record"


class USRecordIn(Schema):
    """The whole record; fields left out are empty (no date, not detained)."""

    status: Literal[
        "asylum_pending", "removal_proceedings", "final_order", "detained", "released",
        "protection_granted", "removed",
    ]  # fmt: skip
    a_number: str = Field("", max_length=20, description="The letter A and 8 or 9 digits, e.g. A012-345-678.")
    detained: bool = False
    detention_facility: str = Field("", max_length=160)
    court: str = Field("", max_length=120)
    next_hearing_date: dt.date | None = None
    removal_order_date: dt.date | None = None
    removal_scheduled_date: dt.date | None = None
    attorney_of_record: str = Field("", max_length=160)


@router.get(
    PATH, response={200: USRecordOut, **READ_ERRORS}, url_name="us_record", summary="A person's US record"
)
def read_us_record(request: HttpRequest, reference: str, person_id: uuid.UUID) -> Any:
    household = household_of(request, reference)
    person = person_of(request, household, person_id)
    record = getattr(person, "us_record", None)  # fetched with the person
    if record is None:
        raise Http404
    household_view(actor=actor_of(request), household=household, page="api-v1:us_record")
    return us_record_out(record)


@router.put(
    PATH,
    response={200: USRecordOut, **ERRORS},
    url_name="us_record",
    summary="Create or replace a person's US record",
)
def put_us_record(request: HttpRequest, reference: str, person_id: uuid.UUID, record: USRecordIn) -> Any:
    household = household_of(request, reference)
    person = person_of(request, household, person_id)
    fields = validated(USRecordForm(record.model_dump()), ("body", "record"))
    return us_record_out(us_record_save(actor=actor_of(request), person=person, fields=fields))
