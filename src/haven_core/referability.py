"""Whether a household can be referred now, and if not, why: read from its stage and its referrals.

A household is referable once it has been assessed (or shortlisted) and is not already awaiting a
decision in a referral batch. Earlier stages need a reviewer first; later ones have been referred
already or are finished. Kept in this one function so that a fuller readiness check (documents,
consents, selection) can replace it without touching the pages that show its answer.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from haven_core.pipeline import Stage


class Why(enum.StrEnum):
    READY = "ready"  # assessed or shortlisted, and not under referral
    NEEDS_DOCUMENTS = "needs_documents"  # intake or documenting: not yet put forward for review
    NEEDS_REVIEW = "needs_review"  # ready for review: a reviewer has not assessed it yet
    AWAITING_DECISION = "awaiting_decision"  # in a batch, waiting for the liaison's decision
    REFERRED = "referred"  # referred or decided already
    FINISHED = "finished"  # resettled or closed


REFERABLE_STAGES = frozenset({Stage.ASSESSED, Stage.SHORTLISTED})


@dataclass(frozen=True)
class Referability:
    referable: bool
    why: Why


def referability(stage: Stage, *, awaiting_decision: bool) -> Referability:
    """Whether a household at ``stage`` can be referred now (``awaiting_decision``: it is in a referral
    batch whose decision is still pending or asks for more information)."""
    if awaiting_decision:
        return Referability(False, Why.AWAITING_DECISION)
    if stage in REFERABLE_STAGES:
        return Referability(True, Why.READY)
    if stage in (Stage.INTAKE, Stage.DOCUMENTING):
        return Referability(False, Why.NEEDS_DOCUMENTS)
    if stage is Stage.READY_FOR_REVIEW:
        return Referability(False, Why.NEEDS_REVIEW)
    if stage in (Stage.REFERRED, Stage.DECISION_RECEIVED):
        return Referability(False, Why.REFERRED)
    return Referability(False, Why.FINISHED)
