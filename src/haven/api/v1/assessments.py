"""A household's current assessment, explained: levels and scores per dimension, each score's
contributions with the public sources they rest on (the law and article, the official publication, a
report with its address and date: never the internal notes a rule was taken from), and the reviewers'
overrides in force; and asking for a new one (``household_assess``, as the page's "Assess" button)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from haven.api.v1.auth_and_errors import ERRORS, READ_ERRORS, actor_of, household_of
from haven.assessment.actions import effective_overrides, household_assess
from haven.assessment.models import Assessment
from haven.assessment.rules import current_rules
from haven.cases.actions import household_view
from haven.cases.models import Household
from haven_core.assessment import RulesError
from haven_core.assessment.result import Contribution
from haven_core.assessment.rules import Citation, RuleSet, Text
from haven_core.assessment.serialise import from_json

router = Router(tags=["assessments"])
PATH = "/households/{reference}/assessment"
DIMENSIONS = ("risk", "vulnerability", "urgency")


class Words(Schema):
    en: str
    ru: str


class SourceText(Schema):
    en: str
    ru: str
    fr: str = Field(description="French where the rules give it, else the English.")


class SourceOut(Schema):
    title: SourceText = Field(description="The law and article, decision, registry or report.")
    detail: SourceText | None = Field(description="Where in it, or what it says on the point.")
    url: str = Field(description="The official publication or the report's address, when known.")
    date: str = Field(description="As precise as the source is known: 2022-03-04, 2024-08 or 2023.")
    unverified: bool = Field(description="True while the reference itself awaits confirmation.")


class ContributionOut(Schema):
    key: str = Field(description="What the contribution is about, e.g. ``tag:protest_participation``.")
    points: float
    counted: bool = Field(description="False for a reason shown beside the score but not added to it.")
    sources: list[SourceOut] = Field(
        description="The public sources the fact rests on (none for a weight or threshold Haven chose)."
    )
    confidence: str
    label: Words | None
    detail: Words | None
    person: str | None = Field(description="The person's id, when the contribution is about one person.")
    evidence: list[str] = Field(description="Ids of the evidence items it rests on.")


class ScoreOut(Schema):
    level: str
    score: float
    contributions: list[ContributionOut]


class UrgencyOut(ScoreOut):
    date: dt.date | None


class PersonScores(Schema):
    person: str
    risk: ScoreOut
    vulnerability: ScoreOut
    urgency: UrgencyOut


class LevelOut(Schema):
    computed: str
    in_force: str = Field(description="The override's level when a reviewer overrode it, else computed.")
    score: float


class OverrideOut(Schema):
    dimension: str
    level: str
    computed_level: str
    reviewer: str
    at: dt.datetime


class AssessmentOut(Schema):
    rules_version: str
    assessed_on: dt.date
    computed_at: dt.datetime
    risk: LevelOut
    vulnerability: LevelOut
    urgency: LevelOut
    urgency_date: dt.date | None
    people: list[PersonScores]
    household_vulnerabilities: list[ContributionOut]
    overrides: list[OverrideOut]


def _words(text: Text | None) -> dict[str, str] | None:
    return None if text is None else {"en": text.en, "ru": text.ru}


def _source_text(text: Text) -> dict[str, str]:
    return {"en": text.en, "ru": text.ru, "fr": text.in_language("fr")}


def _source(citation: Citation) -> dict[str, Any]:
    return {
        "title": _source_text(citation.title),
        "detail": None if citation.detail is None else _source_text(citation.detail),
        "url": citation.url,
        "date": citation.date,
        "unverified": citation.unverified,
    }


def _contribution(c: Contribution, rules: RuleSet | None) -> dict[str, Any]:
    basis = c.basis
    cited = rules.public_sources(basis, c.key) if rules is not None else ()
    return {
        "key": c.key,
        "points": c.points,
        "counted": c.counted,
        "sources": [_source(citation) for citation in cited],
        "confidence": basis.confidence,
        "label": _words(c.label),
        "detail": _words(c.detail),
        "person": c.person,
        "evidence": list(c.evidence),
    }


def _score(score: Any, rules: RuleSet | None) -> dict[str, Any]:
    return {
        "level": score.level,
        "score": score.total,
        "contributions": [_contribution(c, rules) for c in score.contributions],
    }


def _rules() -> RuleSet | None:
    try:
        return current_rules()
    except (RulesError, OSError):
        return None  # unreadable rules name no sources; the contributions are still explained


def assessment_out(household: Household, row: Assessment) -> dict[str, Any]:
    result = from_json(row.result)
    rules = _rules()
    overrides = effective_overrides(household)
    levels = {
        d: {
            "computed": getattr(row, f"{d}_level"),
            "in_force": overrides[d].level if d in overrides else getattr(row, f"{d}_level"),
            "score": getattr(row, f"{d}_score"),
        }
        for d in DIMENSIONS
    }
    return {
        "rules_version": row.rules_version,
        "assessed_on": row.assessed_on,
        "computed_at": row.computed_at,
        **levels,
        "urgency_date": row.urgency_date,
        "people": [
            {
                "person": p.person,
                "risk": _score(p.risk, rules),
                "vulnerability": _score(p.vulnerability, rules),
                "urgency": {**_score(p.urgency, rules), "date": p.urgency.date},
            }
            for p in result.people
        ],
        "household_vulnerabilities": [_contribution(c, rules) for c in result.household_vulnerabilities],
        "overrides": [
            {
                "dimension": o.dimension,
                "level": o.level,
                "computed_level": o.computed_level,
                "reviewer": o.reviewer.get_username(),
                "at": o.created_at,
            }
            for o in overrides.values()
        ],
    }


@router.get(
    PATH,
    response={200: AssessmentOut, **READ_ERRORS},
    url_name="assessment",
    summary="The household's current assessment, with every contribution and its public sources",
)
def read_assessment(request: HttpRequest, reference: str) -> Any:
    household = household_of(request, reference)
    row = Assessment.objects.filter(household=household, current=True).first()
    if row is None:
        raise HttpError(404, "This household has not been assessed yet: ask for an assessment (POST).")
    household_view(actor=actor_of(request), household=household, page="api-v1:assessment")
    return assessment_out(household, row)


@router.post(
    PATH,
    response={200: AssessmentOut, **ERRORS},
    url_name="assessment",
    summary="Assess the household now under the rules in force (stored if anything changed)",
)
def assess(request: HttpRequest, reference: str) -> Any:
    household = household_of(request, reference)
    row = household_assess(actor=actor_of(request), household=household)
    return assessment_out(household, row)
