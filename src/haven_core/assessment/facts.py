"""What the assessment reads about a household: plain facts, gathered by the Django shell from the records.

Identifiers are opaque strings (the records' public UUIDs); no names, no free text. :func:`canonical`
writes the facts as one stable text, so that the same facts always give the same snapshot hash.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from haven_core.dates import PartialDate


@dataclass(frozen=True)
class TagFact:
    """Something an evidence item shows, with the date of the activity when known."""

    tag: str
    activity_date: dt.date | None = None


@dataclass(frozen=True)
class EvidenceFact:
    """One evidence item about a person: its review status, what it shows, and its reach."""

    id: str
    kind: str
    status: str
    tags: tuple[TagFact, ...] = ()
    published_on: dt.date | None = None
    followers: int | None = None
    views: int | None = None
    registry: str = ""
    registry_listed_on: dt.date | None = None

    def date_of(self, tag: TagFact) -> dt.date | None:
        """When the tagged activity happened: its own date, else the publication or listing date."""
        return tag.activity_date or self.published_on or self.registry_listed_on


@dataclass(frozen=True)
class USRecordFacts:
    status: str
    detained: bool = False
    removal_order_date: dt.date | None = None
    removal_scheduled_date: dt.date | None = None
    next_hearing_date: dt.date | None = None


@dataclass(frozen=True)
class CanadaRelativeFact:
    relationship: str
    canadian_status: str


@dataclass(frozen=True)
class CanadaPermitFact:
    kind: str
    valid_until: dt.date | None = None


@dataclass(frozen=True)
class PersonFacts:
    """A member of the household. ``marked`` holds the vulnerability flags answered yes, ``ruled_out``
    those answered no (an unanswered flag is in neither)."""

    id: str
    relationship: str
    sex: str = ""
    birth: PartialDate | None = None
    citizenships: tuple[str, ...] = ()
    marked: frozenset[str] = field(default_factory=frozenset)
    ruled_out: frozenset[str] = field(default_factory=frozenset)
    us_record: USRecordFacts | None = None
    relatives: tuple[CanadaRelativeFact, ...] = ()
    permits: tuple[CanadaPermitFact, ...] = ()
    evidence: tuple[EvidenceFact, ...] = ()

    def age_on(self, today: dt.date) -> int | None:
        return self.birth.age_on(today) if self.birth else None


@dataclass(frozen=True)
class HouseholdFacts:
    people: tuple[PersonFacts, ...]


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _evidence(item: EvidenceFact) -> list[Any]:
    tags = [[t.tag, _date(t.activity_date)] for t in item.tags]
    return [
        item.id, item.kind, item.status, tags, _date(item.published_on), item.followers, item.views,
        item.registry, _date(item.registry_listed_on),
    ]  # fmt: skip


def _person(p: PersonFacts) -> list[Any]:
    record = p.us_record
    us = None
    if record is not None:
        us = [
            record.status, record.detained, _date(record.removal_order_date),
            _date(record.removal_scheduled_date), _date(record.next_hearing_date),
        ]  # fmt: skip
    return [
        p.id, p.relationship, p.sex, p.birth.iso() if p.birth else None, list(p.citizenships),
        sorted(p.marked), sorted(p.ruled_out), us,
        [[r.relationship, r.canadian_status] for r in p.relatives],
        [[k.kind, _date(k.valid_until)] for k in p.permits],
        [_evidence(item) for item in p.evidence],
    ]  # fmt: skip


def canonical(facts: HouseholdFacts) -> str:
    """The facts as one stable JSON text, every field in a fixed place: the input of the snapshot hash.

    Written out field by field rather than by introspection: it runs for every household at every run.
    A field added to the facts must be added here too (a test checks that every field changes the text).
    """
    return json.dumps([_person(p) for p in facts.people], ensure_ascii=False, separators=(",", ":"))
