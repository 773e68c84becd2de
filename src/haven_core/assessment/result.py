"""What an assessment says: scores made of named contributions, a priority, categories and route notes.

A figure is never stored on its own: a :class:`Score` is its contributions, and its total is their sum.
Each contribution names what it is (``key``), how many points it adds, the person and the evidence it
comes from, the notes that explain its weight, and its :class:`~.rules.Basis` (source and confidence).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from haven_core.assessment.rules import Basis, Text


@dataclass(frozen=True)
class Note:
    """A sentence explaining a contribution, by code with its values; the interface words it per language."""

    code: str
    params: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, code: str, **params: object) -> Note:
        return cls(code, tuple(sorted((k, str(v)) for k, v in params.items() if v is not None)))

    @property
    def values(self) -> Mapping[str, str]:
        return dict(self.params)


@dataclass(frozen=True)
class Contribution:
    """One named reason that adds ``points`` to a score (``counted`` is false for a reason shown only)."""

    key: str
    points: float
    basis: Basis
    label: Text | None = None
    detail: Text | None = None
    person: str | None = None
    evidence: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    counted: bool = True

    @property
    def value(self) -> float:
        return self.points if self.counted else 0.0

    @property
    def kind(self) -> str:
        return self.key.split(":", 1)[0]

    @property
    def subject(self) -> str:
        return self.key.split(":", 1)[-1]


def total_of(contributions: tuple[Contribution, ...]) -> float:
    return round(sum(c.value for c in contributions), 2)


@dataclass(frozen=True)
class Score:
    """A level and the contributions it is made of; the total is derived, never stored apart."""

    level: str
    contributions: tuple[Contribution, ...] = ()

    @cached_property
    def total(self) -> float:
        return total_of(self.contributions)


@dataclass(frozen=True)
class Urgency:
    """A UNHCR-style priority, its score, and the date that drives it."""

    level: str
    date: dt.date | None = None
    contributions: tuple[Contribution, ...] = ()

    @cached_property
    def total(self) -> float:
        return total_of(self.contributions)


@dataclass(frozen=True)
class Proposal:
    """A UNHCR submission category that the facts support, with why."""

    category: str
    basis: Basis
    reasons: tuple[Note, ...] = ()


@dataclass(frozen=True)
class PathwayNote:
    """A note for a lawyer about a Canadian route: ``applies`` true (plausibly), false (a caveat) or None."""

    code: str
    basis: Basis
    applies: bool | None = None
    person: str | None = None
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class EvidenceCount:
    verified: int = 0
    unreviewed: int = 0
    not_counted: int = 0  # disputed or retracted


@dataclass(frozen=True)
class PersonAssessment:
    person: str
    risk: Score
    vulnerability: Score
    urgency: Urgency
    evidence: EvidenceCount = EvidenceCount()


@dataclass(frozen=True)
class Assessment:
    """A household's assessment under one version of the rules, on one day.

    The household's risk is its most at-risk member's; its vulnerability is every member's plus the
    household's own (``household_vulnerabilities``); its urgency is its most urgent member's.
    """

    rules_version: str
    rules_digest: str
    assessed_on: dt.date
    people: tuple[PersonAssessment, ...]
    risk_person: str | None
    urgency_person: str | None
    vulnerability_level: str
    household_vulnerabilities: tuple[Contribution, ...]
    categories: tuple[Proposal, ...]
    pathways: tuple[PathwayNote, ...]

    def member(self, person: str | None) -> PersonAssessment | None:
        return next((p for p in self.people if p.person == person), None)

    @property
    def risk(self) -> Score:
        member = self.member(self.risk_person)
        return member.risk if member else Score(level="low")

    @property
    def vulnerability(self) -> Score:
        members = tuple(c for p in self.people for c in p.vulnerability.contributions)
        return Score(level=self.vulnerability_level, contributions=members + self.household_vulnerabilities)

    @property
    def urgency(self) -> Urgency:
        member = self.member(self.urgency_person)
        return member.urgency if member else Urgency(level="normal")

    @property
    def primary(self) -> Proposal | None:
        return self.categories[0] if self.categories else None

    @property
    def secondary(self) -> Proposal | None:
        return self.categories[1] if len(self.categories) > 1 else None
