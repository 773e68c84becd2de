"""A household's priority: its people times a weighted sum of the assessment's scores, as contributions.

The priority of one person is ``risk × w_risk + vulnerability × w_vulnerability + urgency × w_urgency``;
a household counts it once per person, so that the objective is the total priority of the *people*
chosen. The optimiser works in whole thousandths (:func:`points`), so that equal choices compare equal
and the solver can prove an optimum exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

from haven_core.selection.inputs import Candidate, Weights

SCALE = 1000  # the optimiser counts thousandths of a point


@dataclass(frozen=True)
class Contribution:
    name: str  # risk, vulnerability, urgency
    score: float
    weight: float

    @property
    def points(self) -> float:
        return self.score * self.weight


def contributions(candidate: Candidate, weights: Weights) -> tuple[Contribution, ...]:
    return (
        Contribution("risk", candidate.risk, weights.risk),
        Contribution("vulnerability", candidate.vulnerability, weights.vulnerability),
        Contribution("urgency", candidate.urgency, weights.urgency),
    )


def per_person(candidate: Candidate, weights: Weights) -> float:
    """The priority of one person of the household, rounded to the optimiser's thousandths."""
    return points(candidate, weights) / SCALE


def points(candidate: Candidate, weights: Weights) -> int:
    """Priority of one person, in thousandths of a point."""
    return round(sum(c.points for c in contributions(candidate, weights)) * SCALE)


def household_points(candidate: Candidate, weights: Weights) -> int:
    """What choosing the whole household adds to the objective, in thousandths of a point."""
    return points(candidate, weights) * candidate.people
