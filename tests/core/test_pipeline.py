"""Households move along the pipeline one stage at a time, and closing needs a reason."""

import pytest

from haven_core.pipeline import Stage, TransitionError, allowed_next, check_transition


def test_forward_one_stage() -> None:
    check_transition(Stage.INTAKE, Stage.DOCUMENTING)
    check_transition(Stage.DECISION_RECEIVED, Stage.RESETTLED)


def test_no_skipping_stages() -> None:
    with pytest.raises(TransitionError):
        check_transition(Stage.INTAKE, Stage.REFERRED)


def test_back_one_stage_is_allowed() -> None:
    check_transition(Stage.ASSESSED, Stage.READY_FOR_REVIEW)


def test_closing_needs_a_reason() -> None:
    with pytest.raises(TransitionError, match="reason"):
        check_transition(Stage.DOCUMENTING, Stage.CLOSED, reason="  ")
    check_transition(Stage.DOCUMENTING, Stage.CLOSED, reason="Found protection elsewhere")


def test_resettled_is_final_and_closed_reopens_at_intake() -> None:
    assert allowed_next(Stage.RESETTLED) == frozenset()
    assert allowed_next(Stage.CLOSED) == frozenset({Stage.INTAKE})


def test_every_open_stage_can_close() -> None:
    for stage in Stage:
        if stage not in (Stage.CLOSED, Stage.RESETTLED):
            assert Stage.CLOSED in allowed_next(stage)
