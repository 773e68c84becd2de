"""Turning a computed assessment into a stored row, and telling whether anything changed."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from haven.assessment.models import Assessment
from haven.security.sensitive import index_value
from haven_core import assessment as core
from haven_core.assessment.serialise import to_data


def keyed_hash(text: str) -> str:
    """A keyed hash (the codec's blind index over SHA-256): equal for equal text, unguessable without keys."""
    return index_value(hashlib.sha256(text.encode("utf-8")).hexdigest())


def _texts(result: core.Assessment) -> tuple[str, str]:
    """The result as stored (JSON), and its fingerprint: the same without the day it was computed, so
    that unchanged facts give the same fingerprint tomorrow. One serialisation serves both."""
    data = to_data(result)
    on = data.pop("on")
    # Keys come out in the fixed order to_data builds them in: no sorting needed for a stable text.
    fingerprint = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    stored = '{"on":' + json.dumps(on) + "," + fingerprint[1:]
    return stored, fingerprint


@dataclass(frozen=True)
class Computed:
    """A fresh assessment as it would be stored, with the hashes that say whether it differs from the
    stored one. Plain values only, so that worker processes can hand it back cheaply."""

    household_id: int
    rules_version: str
    rules_digest: str
    assessed_on: dt.date
    summary: core.Summary
    text: str
    inputs_hash: str
    result_hash: str

    @classmethod
    def of(
        cls, household_id: int, facts: core.HouseholdFacts, rules: core.RuleSet, today: dt.date
    ) -> Computed:
        result = core.assess(facts, rules, today)
        text, fingerprint = _texts(result)
        return cls(
            household_id=household_id,
            rules_version=result.rules_version,
            rules_digest=result.rules_digest,
            assessed_on=today,
            summary=core.summary(result),
            text=text,
            inputs_hash=keyed_hash(core.canonical(facts)),
            result_hash=keyed_hash(fingerprint),
        )

    def same_as(self, stored: Any) -> bool:
        """Whether ``stored`` (an Assessment, or a row of its hash columns) already says the same."""
        return stored is not None and (
            stored.rules_digest == self.rules_digest
            and stored.inputs_hash == self.inputs_hash
            and stored.result_hash == self.result_hash
        )

    def row(self, user: User | None = None) -> Assessment:
        s = self.summary
        return Assessment(
            household_id=self.household_id,
            rules_version=self.rules_version,
            rules_digest=self.rules_digest,
            inputs_hash=self.inputs_hash,
            result_hash=self.result_hash,
            result=self.text,
            assessed_on=self.assessed_on,
            computed_at=timezone.now(),
            computed_by=user if user is not None and user.pk else None,
            current=True,
            risk_level=s.risk_level,
            risk_score=s.risk_score,
            vulnerability_level=s.vulnerability_level,
            vulnerability_score=s.vulnerability_score,
            urgency_level=s.urgency_level,
            urgency_score=s.urgency_score,
            urgency_date=s.urgency_date,
        )


def up_to_date(stored: Any, facts: core.HouseholdFacts, rules: core.RuleSet, today: dt.date) -> bool:
    """Whether ``stored`` says what assessing ``facts`` under ``rules`` on ``today`` would store: the answer
    of ``Computed.of(...).same_as(stored)``, cheaper. It stops at the first of the three hashes that
    differs, in order of cost (the rules' digest, then the facts', and only then the result's, which
    needs the assessment), and never builds the stored text or the summary a row would need."""
    if stored is None or stored.rules_digest != rules.digest:
        return False
    if stored.inputs_hash != keyed_hash(core.canonical(facts)):
        return False
    _stored, fingerprint = _texts(core.assess(facts, rules, today))
    return bool(stored.result_hash == keyed_hash(fingerprint))


def stored_summary(row: Any) -> core.Summary:
    return core.Summary(
        risk_level=row.risk_level,
        risk_score=row.risk_score,
        vulnerability_level=row.vulnerability_level,
        vulnerability_score=row.vulnerability_score,
        urgency_level=row.urgency_level,
        urgency_score=row.urgency_score,
        urgency_date=row.urgency_date,
    )
