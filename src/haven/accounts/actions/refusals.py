"""Refused access, in the audit trail: someone asking for another organisation's household or anything
of one (answered 404, as if it did not exist; :func:`haven.accounts.visibility.found_or_refused`), for
an identity link between two organisations' people (the coordinator's alone, also a 404 to anyone
else), or a web capture refused. A probe shows in the trail without flooding it: one entry per actor,
kind of refusal and minute (the count of the minute's other refusals is not kept).

The limit is kept in the shared cache (``settings.CACHES``), so every process of Haven counts together.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.cache import cache

from haven.accounts.actor import Actor
from haven.audit.record import audit_record

# What was asked for: another organisation's household, or something of one of its households (a person,
# a relative or permit, a timeline event, an evidence item, a consent, a registry hit, a liaison's
# information request), the coordinator's identity link between two organisations' people, or a web
# capture refused.
KINDS = (
    "household",
    "person",
    "tie",
    "event",
    "evidence",
    "consent",
    "hit",
    "information_request",
    "link",
    "capture",
)


def access_refused_record(*, actor: Actor, kind: str, household: Any = None, reason: str = "") -> bool:
    """Record a refusal of ``kind`` unless this actor had one of that kind recorded this minute; whether
    an entry was written. ``household`` is the one asked for (it exists: refusals of nothing are not
    recorded); ``reason`` is a code, never the URL or name asked for."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    who = actor.user_id or f"ip-{actor.ip}"
    if not cache.add(f"haven-refused:{who}:{kind}:{int(time.time() // 60)}", 1, timeout=120):
        return False
    audit_record(
        actor=actor.user,
        action="access.refused",
        organisation=getattr(household, "organisation", None),
        household_ref=getattr(household, "reference", ""),
        target=kind,
        ip=actor.ip,
        detail={"kind": kind, **({"reason": reason} if reason else {})},
    )
    return True
