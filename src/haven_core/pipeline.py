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


def check_transition(current: Stage, target: Stage, *, reason: str = "") -> None:
    """Raise :class:`TransitionError` unless ``current`` may move to ``target``.

    Closing a household needs a written reason.
    """
    if target not in allowed_next(current):
        raise TransitionError(f"A household cannot move from {current.value} to {target.value}.")
    if target is Stage.CLOSED and not reason.strip():
        raise TransitionError("Closing a household needs a reason.")
