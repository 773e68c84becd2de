"""Which households the coordinator can refer now, and the reason given for the others."""

from __future__ import annotations

import pytest

from haven_core.pipeline import Stage
from haven_core.referability import Why, referability


@pytest.mark.parametrize(
    ("stage", "why"),
    [
        (Stage.INTAKE, Why.NEEDS_DOCUMENTS),
        (Stage.DOCUMENTING, Why.NEEDS_DOCUMENTS),
        (Stage.READY_FOR_REVIEW, Why.NEEDS_REVIEW),
        (Stage.ASSESSED, Why.READY),
        (Stage.SHORTLISTED, Why.READY),
        (Stage.REFERRED, Why.REFERRED),
        (Stage.DECISION_RECEIVED, Why.REFERRED),
        (Stage.RESETTLED, Why.FINISHED),
        (Stage.CLOSED, Why.FINISHED),
    ],
)
def test_each_stage_says_whether_and_why(stage: Stage, why: Why) -> None:
    found = referability(stage, awaiting_decision=False)
    assert found.why is why
    assert found.referable is (why is Why.READY)


def test_a_household_awaiting_a_decision_is_not_referred_twice() -> None:
    found = referability(Stage.SHORTLISTED, awaiting_decision=True)
    assert not found.referable and found.why is Why.AWAITING_DECISION
