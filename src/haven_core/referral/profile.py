"""Data minimisation: a field profile decides which of a household's fields leave Haven.

A dossier is built from a nested record (household → people → fields). The profile names the fields
that may go out, per section; everything else stays in Haven. Whatever a person asked to keep private
(``private`` lists field names on that person) stays out whatever the profile says. Profiles are data,
so that each recipient (a government officer, a sponsorship agreement holder) can have its own.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FieldProfile:
    name: str
    household: frozenset[str]
    person: frozenset[str]

    @classmethod
    def from_mapping(cls, name: str, data: Mapping[str, Any]) -> FieldProfile:
        unknown = set(data) - {"household", "person"}
        if unknown:
            raise ValueError(f"unknown sections in field profile {name}: {', '.join(sorted(unknown))}")
        return cls(name, frozenset(data.get("household", ())), frozenset(data.get("person", ())))


# Every field of a person's record, in the order a dossier shows them.
PERSON_FIELDS = (
    "relationship",
    "name_latin",
    "name_cyrillic",
    "birth_date",
    "sex",
    "citizenship",
    "address",
    "phone",
    "email",
    "a_number",
    "us_status",
    "court",
    "next_hearing_date",
    "removal_order_date",
    "removal_scheduled_date",
    "detained",
    "detention_facility",
    "vulnerabilities",
    "evidence",
)
_DECISION_HOUSEHOLD = frozenset(
    {"reference", "organisation", "pathways", "assessment", "sign_offs", "selection"}
)
_DECISION_PERSON = frozenset(
    {
        "relationship",
        "name_latin",
        "name_cyrillic",
        "birth_date",
        "sex",
        "citizenship",
        "a_number",
        "us_status",
        "court",
        "next_hearing_date",
        "removal_order_date",
        "removal_scheduled_date",
        "detained",
        "vulnerabilities",
        "evidence",
    }
)

# For an officer deciding on a case: identity, family, status and deadlines, evidence, the assessment —
# no addresses or contact details, and not where a person is detained.
OFFICER = FieldProfile("officer", household=_DECISION_HOUSEHOLD, person=_DECISION_PERSON)

# For a sponsorship agreement holder, who must reach the family and help them move: what the officer
# sees, and how to reach each person (address, phone, email) and where a detained person is held.
SPONSOR = FieldProfile(
    "sponsor",
    household=_DECISION_HOUSEHOLD,
    person=_DECISION_PERSON | {"address", "phone", "email", "detention_facility"},
)

PROFILES: dict[str, FieldProfile] = {p.name: p for p in (OFFICER, SPONSOR)}

# The fields of a person's record that the person can ask to keep out of every referral, whatever the
# profile (their relationship in the household always goes, or the family could not be read).
PRIVATE_FIELDS = tuple(f for f in PERSON_FIELDS if f != "relationship")

# The fields of a person's record that the assessment reads: a reason about someone who keeps one of
# these private would tell what they kept private, so a dossier does not show it (the levels stay).
ASSESSED_FIELDS = frozenset(
    {
        "birth_date",
        "sex",
        "citizenship",
        "us_status",
        "next_hearing_date",
        "removal_order_date",
        "removal_scheduled_date",
        "detained",
        "vulnerabilities",
        "evidence",
    }
)


def read_profiles(text: str) -> dict[str, FieldProfile]:
    """Profiles from JSON (``{"name": {"household": [...], "person": [...]}}``), added to the built-in
    ones; a profile of the same name replaces the built-in one."""
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("field profiles must be a JSON object of named profiles")
    profiles = dict(PROFILES)
    for name, sections in data.items():
        if not isinstance(sections, dict):
            raise ValueError(f"field profile {name} must be an object with household and person lists")
        for section, fields in sections.items():
            if not isinstance(fields, list) or not all(isinstance(f, str) for f in fields):
                raise ValueError(f"field profile {name}: {section} must be a list of field names")
        profiles[name] = FieldProfile.from_mapping(name, sections)
    return profiles


@dataclass(frozen=True)
class Minimised:
    record: dict[str, Any]
    withheld: tuple[str, ...]  # "person 2: address" — names of what stayed in Haven, never values


def minimise(record: Mapping[str, Any], profile: FieldProfile) -> Minimised:
    """The part of ``record`` that ``profile`` lets out, and the names of what was held back."""
    withheld: list[str] = []
    out: dict[str, Any] = {}
    for key, value in record.items():
        if key == "people":
            continue
        if key in profile.household:
            out[key] = value
        else:
            withheld.append(f"household: {key}")
    people = []
    for n, person in enumerate(record.get("people", ()), start=1):
        private = set(person.get("private", ()))
        kept: dict[str, Any] = {}
        for key, value in person.items():
            if key == "private":
                continue
            if key in profile.person and key not in private:
                kept[key] = value
            else:
                withheld.append(f"person {n}: {key}")
        people.append(kept)
    if "people" in record:
        out["people"] = people
    return Minimised(out, tuple(withheld))
