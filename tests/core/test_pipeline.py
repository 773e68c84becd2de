"""Households move along the pipeline one stage at a time, and closing needs a reason."""

from itertools import pairwise

import pytest

from haven_core.pipeline import (
    ORDER,
    Hold,
    Stage,
    TransitionError,
    allowed_next,
    check_transition,
    default_move,
    is_backward,
    move_hold,
    needs_confirmation,
    needs_reason,
)


def test_forward_one_stage() -> None:
    check_transition(Stage.INTAKE, Stage.DOCUMENTING)
    check_transition(Stage.DECISION_RECEIVED, Stage.RESETTLED)


def test_no_skipping_stages() -> None:
    with pytest.raises(TransitionError):
        check_transition(Stage.INTAKE, Stage.REFERRED)


def test_back_one_stage_is_allowed_with_a_reason_and_a_confirmation() -> None:
    check_transition(Stage.ASSESSED, Stage.READY_FOR_REVIEW, reason="Missing passport", confirmed=True)


@pytest.mark.parametrize(
    ("reason", "confirmed", "missing"),
    [("", True, "reason"), ("  ", True, "reason"), ("Why", False, "confirm")],
)
def test_back_one_stage_without_a_reason_or_confirmation_is_refused(
    reason: str, confirmed: bool, missing: str
) -> None:
    with pytest.raises(TransitionError, match=missing):
        check_transition(Stage.REFERRED, Stage.SHORTLISTED, reason=reason, confirmed=confirmed)


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


def test_which_moves_are_backward() -> None:
    backward = {(c, t) for c in Stage for t in allowed_next(c) if is_backward(c, t)}
    assert backward == {(later, earlier) for earlier, later in pairwise(ORDER[:-2])}
    assert not is_backward(Stage.DOCUMENTING, Stage.CLOSED)  # closing has its own reason
    assert not is_backward(Stage.CLOSED, Stage.INTAKE)  # reopening is not undoing progress


def test_a_reason_is_needed_to_close_or_step_back_and_a_confirmation_only_to_step_back() -> None:
    assert needs_reason(Stage.DOCUMENTING, Stage.CLOSED) and not needs_confirmation(
        Stage.DOCUMENTING, Stage.CLOSED
    )
    assert needs_reason(Stage.REFERRED, Stage.SHORTLISTED) and needs_confirmation(
        Stage.REFERRED, Stage.SHORTLISTED
    )
    assert not needs_reason(Stage.INTAKE, Stage.DOCUMENTING)
    assert not needs_confirmation(Stage.INTAKE, Stage.DOCUMENTING)


def test_the_default_move_is_never_backward_nor_closing() -> None:
    for stage in Stage:
        move = default_move(stage)
        if move is not None:
            assert move in allowed_next(stage) and move is not Stage.CLOSED and not is_backward(stage, move)
    assert default_move(Stage.REFERRED) is Stage.DECISION_RECEIVED
    assert default_move(Stage.INTAKE) is Stage.DOCUMENTING
    assert default_move(Stage.CLOSED) is Stage.INTAKE
    assert default_move(Stage.RESETTLED) is None


def test_a_household_awaiting_a_referral_decision_is_held_for_everyone() -> None:
    for wide in (False, True):
        for target in allowed_next(Stage.REFERRED):
            hold = move_hold(Stage.REFERRED, target, awaiting_decision=True, coalition_wide=wide)
            assert hold is Hold.AWAITING_DECISION


def test_referred_is_reached_through_a_batch_and_left_by_the_organisation_never() -> None:
    assert move_hold(Stage.SHORTLISTED, Stage.REFERRED, awaiting_decision=False, coalition_wide=True)
    assert move_hold(Stage.DECISION_RECEIVED, Stage.REFERRED, awaiting_decision=False, coalition_wide=True)
    stale = {"awaiting_decision": False}
    assert move_hold(Stage.REFERRED, Stage.SHORTLISTED, coalition_wide=False, **stale) is Hold.REFERRAL_ONLY
    assert move_hold(Stage.REFERRED, Stage.SHORTLISTED, coalition_wide=True, **stale) is None
    assert move_hold(Stage.ASSESSED, Stage.SHORTLISTED, coalition_wide=False, **stale) is None
