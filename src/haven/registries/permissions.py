"""Who may review registry hits and identity links.

Hits are decided by reviewers (for their own organisation's people) and by the coordinator and
administrators (for everyone); not by caseworkers. A registry listing weighs heavily in an assessment,
so the person who typed a name in is not the one who decides that the state lists it: the same
separation the evidence locker keeps between adding an item and verifying it. Identity links across
organisations are decided by the coordinator (and administrators) only: no one else may see both
records.
"""

from __future__ import annotations

from haven.accounts.actor import Actor
from haven.accounts.visibility import can_see
from haven_core.roles import COALITION_WIDE, Role

HIT_REVIEWERS = frozenset({Role.REVIEWER, Role.COORDINATOR, Role.ADMIN})


def can_review_hits(actor: Actor) -> bool:
    return actor.role in HIT_REVIEWERS


def can_review_hit_of(actor: Actor, organisation_id: int) -> bool:
    return can_review_hits(actor) and can_see(actor, organisation_id)


def can_decide_links(actor: Actor) -> bool:
    return actor.role in COALITION_WIDE
