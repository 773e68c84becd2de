"""The household pipeline: from intake to resettlement or closure."""

from __future__ import annotations

import enum


class Stage(enum.StrEnum):
    INTAKE = "intake"
    DOCUMENTING = "documenting"
    READY_FOR_REVIEW = "ready_for_review"
    ASSESSED = "assessed"
    SHORTLISTED = "shortlisted"
    REFERRED = "referred"
    DECISION_RECEIVED = "decision_received"
    RESETTLED = "resettled"
    CLOSED = "closed"


ORDER: tuple[Stage, ...] = tuple(Stage)

# Each stage may move forward along the pipeline, step back one stage (a reviewer sends a case back),
# or close. A closed household may be reopened at intake. Resettled is final.
_NEXT: dict[Stage, frozenset[Stage]] = {
    Stage.INTAKE: frozenset({Stage.DOCUMENTING}),
    Stage.DOCUMENTING: frozenset({Stage.INTAKE, Stage.READY_FOR_REVIEW}),
    Stage.READY_FOR_REVIEW: frozenset({Stage.DOCUMENTING, Stage.ASSESSED}),
    Stage.ASSESSED: frozenset({Stage.READY_FOR_REVIEW, Stage.SHORTLISTED}),
    Stage.SHORTLISTED: frozenset({Stage.ASSESSED, Stage.REFERRED}),
    Stage.REFERRED: frozenset({Stage.SHORTLISTED, Stage.DECISION_RECEIVED}),
    Stage.DECISION_RECEIVED: frozenset({Stage.REFERRED, Stage.RESETTLED}),
    Stage.RESETTLED: frozenset(),
    Stage.CLOSED: frozenset({Stage.INTAKE}),
}


class TransitionError(ValueError):
    """A household cannot move from one stage to another."""


def allowed_next(stage: Stage) -> frozenset[Stage]:
    """Stages a household at ``stage`` may move to."""
    extra = {Stage.CLOSED} if stage not in (Stage.CLOSED, Stage.RESETTLED) else set()
    return _NEXT[stage] | extra


def is_backward(current: Stage, target: Stage) -> bool:
    """Whether moving from ``current`` to ``target`` undoes progress along the pipeline.

    Closing is not a step back (it has its own reason), and neither is reopening a closed household at
    intake: both are named for what they are. Every other move to an earlier stage is.
    """
    if Stage.CLOSED in (current, target):
        return False
    return ORDER.index(target) < ORDER.index(current)


def needs_reason(current: Stage, target: Stage) -> bool:
    """Closing and every backward move need a written reason."""
    return target is Stage.CLOSED or is_backward(current, target)


def needs_confirmation(current: Stage, target: Stage) -> bool:
    """A backward move is confirmed explicitly by whoever makes it, not just chosen in a list."""
    return is_backward(current, target)


def default_move(current: Stage) -> Stage | None:
    """The move a form offers first: the next stage forward, or none (never a step back, never closing)."""
    forward = [s for s in ORDER if s in allowed_next(current) and s is not Stage.CLOSED]
    forward = [s for s in forward if not is_backward(current, s)]
    return forward[0] if forward else None


def check_transition(current: Stage, target: Stage, *, reason: str = "", confirmed: bool = False) -> None:
    """Raise :class:`TransitionError` unless ``current`` may move to ``target``.

    Closing a household needs a written reason; a backward move needs a reason and ``confirmed``.
    """
    if target not in allowed_next(current):
        raise TransitionError(f"A household cannot move from {current.value} to {target.value}.")
    if target is Stage.CLOSED and not reason.strip():
        raise TransitionError("Closing a household needs a reason.")
    if is_backward(current, target):
        if not reason.strip():
            raise TransitionError("Moving a household back needs a reason.")
        if not confirmed:
            raise TransitionError("Moving a household back needs an explicit confirmation.")


class Hold(enum.Enum):
    """Why a household's organisation (or anyone, through the ordinary move) may not move it now."""

    AWAITING_DECISION = "awaiting_decision"  # in a referral batch, awaiting the liaison's decision
    REFERRAL_ONLY = "referral_only"  # "referred" is reached and left through the referral actions


def move_hold(current: Stage, target: Stage, *, awaiting_decision: bool, coalition_wide: bool) -> Hold | None:
    """Whether the ordinary move (a household's page, the API) is barred, and why.

    A household awaiting a referral decision moves only by the liaison's decision or the coordinator
    withdrawing it from the batch, so the batch and the household never disagree. Nobody moves a
    household *into* "referred" by hand: a referral batch does. A referred household no batch is waiting
    on (older records) may be moved on by the coalition-wide roles, never by its organisation.
    """
    if awaiting_decision:
        return Hold.AWAITING_DECISION
    if target is Stage.REFERRED:
        return Hold.REFERRAL_ONLY
    if current is Stage.REFERRED and not coalition_wide:
        return Hold.REFERRAL_ONLY
    return None
