"""The people of a household: adding, reading, changing and removing one, through the case actions.

Input is checked twice: by the schema (types, lengths, choices), then by the page's own ``PersonForm``
(a name in some script, a birth date not in the future, one principal per household...), so that the
API and the pages accept exactly the same people.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import Field, field_validator

from haven.api.v1.base import (
    ERRORS,
    READ_ERRORS,
    SAVE_PERSON_ERRORS,
    actor_of,
    household_of,
    person_of,
    validated,
)
from haven.cases.actions import household_view, person_add, person_delete, person_update
from haven.cases.forms.people import PersonForm
from haven.cases.models import Household, Person
from haven.cases.models.person import VULNERABILITY_FIELDS
from haven_core.dates import PartialDate, PartialDateError

router = Router(tags=["people"])

Relationship = Literal["principal", "spouse", "child", "parent", "sibling", "other"]
BIRTH_DATE = r"^(\d{4}(-\d{1,2}(-\d{1,2})?)?|(\d{1,2}\.)?\d{1,2}\.\d{4})?$"


class USRecordOut(Schema):
    status: str
    a_number: str = Field(description="Nine digits, or empty when not known.")
    detained: bool
    detention_facility: str
    court: str
    next_hearing_date: dt.date | None
    removal_order_date: dt.date | None
    removal_scheduled_date: dt.date | None
    attorney_of_record: str


class PersonDetails(Schema):
    """A person's details; in a change, every field left out stays as it is."""

    relationship_detail: str = Field(None, max_length=100)
    surname_cyrillic: str = Field(None, max_length=200)
    given_name_cyrillic: str = Field(None, max_length=200)
    patronymic_cyrillic: str = Field(None, max_length=200)
    surname_latin: str = Field(None, max_length=200)
    given_name_latin: str = Field(None, max_length=200)
    other_spellings: str = Field(None, max_length=2000, description="One per line.")
    former_names: str = Field(None, max_length=2000, description="One per line.")
    sex: Literal["F", "M", "X", ""] = None  # type: ignore[assignment]
    birth_date: str = Field(None, pattern=BIRTH_DATE, description="YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY.")
    place_of_birth: str = Field(None, max_length=200)
    citizenships: str = Field(None, max_length=100, description="E.g. RU, UA.")
    languages: str = Field(None, max_length=200)
    phone: str = Field(None, max_length=100)
    email: str = Field(None, max_length=254)
    address: str = Field(None, max_length=1000)
    serious_medical: bool | None = None
    disability: bool | None = None
    pregnancy: bool | None = None
    lgbtq: bool | None = None
    elderly: bool | None = None
    minor: bool | None = None
    survivor_of_violence: bool | None = None
    vulnerability_notes: str = Field(None, max_length=2000)

    @field_validator("birth_date")
    @classmethod
    def _partial_date(cls, value: str) -> str:
        if not value:
            return value
        try:
            return PartialDate.parse(value).iso()
        except PartialDateError as exc:
            raise ValueError(str(exc)) from None

    def given(self) -> dict[str, Any]:
        """Only the fields the caller sent."""
        return self.model_dump(exclude_unset=True)


class PersonChange(PersonDetails):
    relationship: Relationship = None  # type: ignore[assignment]


class PersonIn(PersonDetails):
    """A family member to add; names in either script, a birth date possibly partial."""

    relationship: Literal["spouse", "child", "parent", "sibling", "other"]
    different_person: bool = Field(
        False, description="Add even though the person is likely already in Haven (a 409 names the matches)."
    )


class PersonOut(Schema):
    id: uuid.UUID
    relationship: str
    relationship_detail: str
    surname_cyrillic: str
    given_name_cyrillic: str
    patronymic_cyrillic: str
    surname_latin: str
    given_name_latin: str
    other_spellings: str
    former_names: str
    sex: str
    birth_date: str = Field(description="YYYY, YYYY-MM or YYYY-MM-DD.")
    place_of_birth: str
    citizenships: str
    languages: str
    phone: str
    email: str
    address: str
    serious_medical: bool | None
    disability: bool | None
    pregnancy: bool | None
    lgbtq: bool | None
    elderly: bool | None
    minor: bool | None
    survivor_of_violence: bool | None
    vulnerability_notes: str
    us_record: USRecordOut | None


DETAILS = [name for name in PersonOut.model_fields if name not in ("id", "us_record")]


def us_record_out(record: Any) -> dict[str, Any]:
    return {name: getattr(record, name) for name in USRecordOut.model_fields}


def person_out(person: Person) -> dict[str, Any]:
    record = getattr(person, "us_record", None)
    details = {
        name: getattr(person, name) if name in VULNERABILITY_FIELDS else getattr(person, name) or ""
        for name in DETAILS
    }
    return {"id": person.public_id, **details, "us_record": None if record is None else us_record_out(record)}


def person_form(household: Household, given: dict[str, Any], person: Person | None = None) -> PersonForm:
    """The page's form bound to what the person would be: their details with the caller's changes."""
    data = {**(PersonForm.initial_from(person) if person else {}), **given}
    return PersonForm(data, household=household, person=person)


@router.post(
    "/households/{reference}/people",
    response={201: PersonOut, **SAVE_PERSON_ERRORS},
    url_name="household_people",
    summary="Add a family member, through the same action and checks as the page",
)
def add_person(request: HttpRequest, reference: str, person: PersonIn) -> Any:
    household = household_of(request, reference)
    given = person.given()
    given.pop("different_person", None)
    fields = validated(person_form(household, given), ("body", "person"))
    added = person_add(
        actor=actor_of(request), household=household, fields=fields, different_person=person.different_person
    )
    return Status(201, person_out(added))


@router.get(
    "/households/{reference}/people/{person_id}",
    response={200: PersonOut, **READ_ERRORS},
    url_name="person",
    summary="One person of a household, with their US record",
)
def read_person(request: HttpRequest, reference: str, person_id: uuid.UUID) -> Any:
    household = household_of(request, reference)
    person = person_of(request, household, person_id)
    household_view(actor=actor_of(request), household=household, page="api-v1:person")
    return person_out(person)


@router.patch(
    "/households/{reference}/people/{person_id}",
    response={200: PersonOut, **ERRORS},
    url_name="person",
    summary="Change a person's details; fields left out stay as they are",
)
def change_person(request: HttpRequest, reference: str, person_id: uuid.UUID, change: PersonChange) -> Any:
    household = household_of(request, reference)
    person = person_of(request, household, person_id)
    fields = validated(person_form(household, change.given(), person), ("body", "change"))
    person_update(actor=actor_of(request), person=person, fields=fields)
    return person_out(person)


@router.delete(
    "/households/{reference}/people/{person_id}",
    response={204: None, **ERRORS},
    url_name="person",
    summary="Remove a family member (not the principal applicant: close the household instead)",
)
def remove_person(request: HttpRequest, reference: str, person_id: uuid.UUID) -> Any:
    household = household_of(request, reference)
    person = person_of(request, household, person_id)
    person_delete(actor=actor_of(request), person=person)
    return Status(204, None)
