"""What moved between two assessments of a household: levels and scores, per dimension."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from haven_core.assessment.result import Assessment


@dataclass(frozen=True)
class Summary:
    """The figures selection sorts and filters on (the plain columns Haven stores beside the result)."""

    risk_level: str
    risk_score: float
    vulnerability_level: str
    vulnerability_score: float
    urgency_level: str
    urgency_score: float
    urgency_date: dt.date | None


def summary(a: Assessment) -> Summary:
    return Summary(
        risk_level=a.risk.level,
        risk_score=a.risk.total,
        vulnerability_level=a.vulnerability.level,
        vulnerability_score=a.vulnerability.total,
        urgency_level=a.urgency.level,
        urgency_score=a.urgency.total,
        urgency_date=a.urgency.date,
    )


@dataclass(frozen=True)
class Move:
    dimension: str  # risk, vulnerability or urgency
    level_before: str
    level_after: str
    score_before: float
    score_after: float

    @property
    def level_moved(self) -> bool:
        return self.level_before != self.level_after

    def __str__(self) -> str:
        level = f"{self.level_before} → {self.level_after}" if self.level_moved else self.level_after
        return f"{self.dimension} {level} ({self.score_before:g} → {self.score_after:g})"


def moves(before: Summary, after: Summary) -> list[Move]:
    """The dimensions whose level or score changed, in the order risk, vulnerability, urgency."""
    found = []
    for dimension in ("risk", "vulnerability", "urgency"):
        level_before, level_after = (
            getattr(before, f"{dimension}_level"),
            getattr(after, f"{dimension}_level"),
        )
        score_before, score_after = (
            getattr(before, f"{dimension}_score"),
            getattr(after, f"{dimension}_score"),
        )
        if level_before != level_after or score_before != score_after:
            found.append(Move(dimension, level_before, level_after, score_before, score_after))
    return found
