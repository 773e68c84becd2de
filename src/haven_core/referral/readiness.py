"""Whether a household can be referred now, and if not, what is missing and who can put it right.

A referral puts a household's record in front of someone outside the coalition — a government officer
or a private sponsor. Haven refers a household only when:

- it has reached the end of review: its status is *assessed* or *shortlisted* (earlier ones are still
  being documented or reviewed; later ones are already referred, decided, resettled or closed);
- it is assessed (a current assessment exists);
- its principal applicant is well documented — and when they are not yet, whether that is because
  evidence is still waiting for a reviewer's verdict, or because there is not enough of it;
- every adult in it has given informed consent, still in force, to share their record with that kind
  of recipient (officials or sponsors);
- it is not already awaiting a decision in another referral.

:func:`readiness` lists every gap, not only the first, each with the role that can close it, so that a
coordinator can say to the right person what to do. The rule reads plain facts (:class:`Facts`); the
Django layer (``haven.referral.readiness``) gathers them.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from haven_core.dates import PartialDate, PartialDateError
from haven_core.pipeline import Stage
from haven_core.roles import Role

ADULT_AGE = 18


class Scope(enum.StrEnum):
    """Whom a person agreed their record may be shown to."""

    OFFICIALS = "officials"  # government officers deciding on the case
    SPONSORS = "sponsors"  # private sponsors who would receive the family


def scope_of_profile(profile: str) -> Scope:
    """The consent a field profile needs: the sponsor profile goes to sponsors, every other to officials."""
    return Scope.SPONSORS if profile == "sponsor" else Scope.OFFICIALS


REFERABLE_STAGES = frozenset({Stage.ASSESSED.value, Stage.SHORTLISTED.value})
_EARLY = frozenset({Stage.INTAKE.value, Stage.DOCUMENTING.value})
# Decided, resettled or closed: past any referral. The coordinator's home and the Selection page leave
# such households out of their emergencies (nothing is left to do for them there).
FINISHED_STAGES = frozenset({Stage.DECISION_RECEIVED.value, Stage.RESETTLED.value, Stage.CLOSED.value})


class Gap(enum.StrEnum):
    """Why a household cannot be referred now, in the order they are checked."""

    BEING_DOCUMENTED = "being_documented"  # intake or documenting
    AWAITING_REVIEW = "awaiting_review"  # ready for review
    NOT_ASSESSED = "not_assessed"
    EVIDENCE_NOT_VERIFIED = "evidence_not_verified"
    NOT_WELL_DOCUMENTED = "not_well_documented"
    NO_CONSENT = "no_consent"
    AWAITING_DECISION = "awaiting_decision"  # in another referral still open
    ALREADY_DECIDED = "already_decided"  # decision received, resettled or closed
    WRONG_STAGE = "wrong_stage"  # referred without an open referral, or any other status


# Who can close each gap: the role a coordinator turns to.
FIXED_BY: Mapping[Gap, Role] = {
    Gap.BEING_DOCUMENTED: Role.CASEWORKER,
    Gap.AWAITING_REVIEW: Role.REVIEWER,
    Gap.NOT_ASSESSED: Role.REVIEWER,
    Gap.EVIDENCE_NOT_VERIFIED: Role.REVIEWER,
    Gap.NOT_WELL_DOCUMENTED: Role.CASEWORKER,
    Gap.NO_CONSENT: Role.CASEWORKER,
    Gap.AWAITING_DECISION: Role.LIAISON,
    Gap.ALREADY_DECIDED: Role.COORDINATOR,
    Gap.WRONG_STAGE: Role.COORDINATOR,
}


@dataclass(frozen=True)
class Adult:
    """One adult of the household and the scopes of their consent now in force."""

    key: str  # an opaque id of the person (never a name)
    consents: frozenset[Scope] = frozenset()


@dataclass(frozen=True)
class Facts:
    """What the rule needs to know of one household (no names, no facts of the case)."""

    reference: str
    stage: str
    assessed: bool = False
    well_documented: bool = False
    unverified_evidence: int = 0  # the principal's items awaiting a reviewer's verdict
    adults: tuple[Adult, ...] = ()
    open_referral: bool = False


@dataclass(frozen=True)
class Missing:
    gap: Gap
    fixed_by: Role
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Readiness:
    reference: str
    scope: Scope
    missing: tuple[Missing, ...]

    @property
    def ready(self) -> bool:
        return not self.missing

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(m.gap.value for m in self.missing)

    def to_dict(self) -> dict[str, Any]:
        return {
            "reference": self.reference,
            "scope": self.scope.value,
            "missing": [
                {"gap": m.gap.value, "fixed_by": m.fixed_by.value, "detail": dict(m.detail)}
                for m in self.missing
            ],
        }


def _gap(gap: Gap, **detail: Any) -> Missing:
    return Missing(gap, FIXED_BY[gap], detail)


def _stage_gap(facts: Facts) -> Missing | None:
    if facts.stage in REFERABLE_STAGES:
        return None
    if facts.stage in _EARLY:
        return _gap(Gap.BEING_DOCUMENTED, stage=facts.stage)
    if facts.stage == Stage.READY_FOR_REVIEW.value:
        return _gap(Gap.AWAITING_REVIEW, stage=facts.stage)
    if facts.open_referral:
        return _gap(Gap.AWAITING_DECISION, stage=facts.stage)
    if facts.stage in FINISHED_STAGES:
        return _gap(Gap.ALREADY_DECIDED, stage=facts.stage)
    return _gap(Gap.WRONG_STAGE, stage=facts.stage)


def readiness(facts: Facts, scope: Scope) -> Readiness:
    """Every reason ``facts``' household cannot be referred to ``scope`` now (none: it can be)."""
    missing: list[Missing] = []
    stage = _stage_gap(facts)
    if stage is not None:
        missing.append(stage)
    if not facts.assessed:
        missing.append(_gap(Gap.NOT_ASSESSED))
    if not facts.well_documented:
        if facts.unverified_evidence:
            missing.append(_gap(Gap.EVIDENCE_NOT_VERIFIED, items=facts.unverified_evidence))
        else:
            missing.append(_gap(Gap.NOT_WELL_DOCUMENTED))
    without = [a for a in facts.adults if scope not in a.consents]
    if without or not facts.adults:
        missing.append(_gap(Gap.NO_CONSENT, adults=len(without) or 1, scope=scope.value))
    if facts.open_referral and (stage is None or stage.gap is not Gap.AWAITING_DECISION):
        missing.append(_gap(Gap.AWAITING_DECISION))
    return Readiness(facts.reference, scope, tuple(missing))


def is_adult(*, birth_date: str, relationship: str, minor_flag: bool | None, today: dt.date) -> bool:
    """Whether a person must give their own consent: everyone but a known minor.

    A person is a minor when marked so, or when even the earliest date their (partial) birth date
    allows makes them under 18 on ``today``. Without a usable birth date a child of the household is
    taken as a minor and anyone else as an adult — asking one consent too many is the safe side.
    """
    if minor_flag:
        return False
    text = birth_date.strip()
    if text:
        try:
            return PartialDate.parse(text).age_on(today) >= ADULT_AGE
        except PartialDateError:
            pass
    return relationship != "child"


def ready_references(items: Iterable[Readiness]) -> frozenset[str]:
    return frozenset(r.reference for r in items if r.ready)
