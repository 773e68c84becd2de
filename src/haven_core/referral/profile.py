"""Data minimisation: a field profile decides which of a household's fields leave Haven.

A dossier is built from a nested record (household → people → fields). The profile names the fields
that may go out, per section; everything else stays in Haven. Whatever a person asked to keep private
(``private`` lists field names on that person) stays out whatever the profile says. Profiles are data,
so that each recipient (a government officer, a sponsorship agreement holder) can have its own.
"""

from __future__ import annotations

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


# For an officer deciding on a case: identity, family, status and deadlines, evidence — no addresses.
OFFICER = FieldProfile(
    "officer",
    household=frozenset({"reference", "organisation", "pathways", "assessment", "sign_offs"}),
    person=frozenset(
        {
            "relationship",
            "name_latin",
            "name_cyrillic",
            "birth_date",
            "sex",
            "citizenship",
            "us_status",
            "next_hearing_date",
            "removal_scheduled_date",
            "detained",
            "evidence",
        }
    ),
)


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
