"""Urgency: a UNHCR-style priority from the US record, with the date that drives it.

Emergency: removal scheduled within ``emergency_within_days`` (DOMAIN.md §6), a scheduled removal date
that has passed without a recorded removal, or detention with a final order (Haven's rule: removal can
come any day). Urgent: removal within ``urgent_within_days`` (Haven's choice: DOMAIN.md's "≈ 6 weeks" is
unverified), a final order, or detention. A hearing soon adds points but does not raise the level.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

from haven_core.assessment.facts import PersonFacts
from haven_core.assessment.result import Contribution, Note, Urgency
from haven_core.assessment.rules import Basis, RuleSet
from haven_core.assessment.vocabulary import FINAL_ORDER, REMOVED, URGENCY_LEVELS

EMERGENCY, URGENT, NORMAL = "emergency", "urgent", "normal"


def _triggers(
    person: PersonFacts, rules: RuleSet, today: dt.date
) -> Iterator[tuple[str, str, dt.date | None, Note]]:
    """(trigger, level it implies, its date, note) for each fact of the US record that bears on urgency."""
    record = person.us_record
    if record is None or record.status == REMOVED:
        return
    u = rules.urgency
    scheduled = record.removal_scheduled_date
    if scheduled is not None:
        days = (scheduled - today).days
        if days < 0:
            yield "removal_overdue", EMERGENCY, scheduled, Note.of("removal_on", date=scheduled.isoformat())
        elif days <= u.emergency_within_days:
            note = Note.of("removal_within", date=scheduled.isoformat(), days=u.emergency_within_days)
            yield "removal_emergency", EMERGENCY, scheduled, note
        elif days <= u.urgent_within_days:
            note = Note.of("removal_within", date=scheduled.isoformat(), days=u.urgent_within_days)
            yield "removal_urgent", URGENT, scheduled, note
    detained = record.detained or record.status == "detained"
    final_order = record.status == FINAL_ORDER or record.removal_order_date is not None
    order_date = record.removal_order_date
    order_note = Note.of("order_on", date=order_date.isoformat()) if order_date else Note.of("order_undated")
    # The order's date is in the past and sets no deadline: a scheduled removal date, if any, drives it.
    if detained and final_order:
        yield "detained_final_order", EMERGENCY, scheduled, order_note
    elif final_order:
        yield "final_order", URGENT, scheduled, order_note
    elif detained:
        yield "detained", URGENT, None, Note.of("detained")
    hearing = record.next_hearing_date
    if hearing is not None and 0 <= (hearing - today).days <= u.hearing_within_days:
        note = Note.of("hearing_within", date=hearing.isoformat(), days=u.hearing_within_days)
        yield "hearing_soon", NORMAL, hearing, note


def _basis(trigger: str, rules: RuleSet) -> Basis:
    u = rules.urgency
    if trigger in ("removal_emergency",):
        return u.emergency_basis
    if trigger in ("removal_overdue", "detained_final_order"):
        return replace(u.emergency_basis, cites="", kind="haven")
    return u.urgent_basis


def person_urgency(person: PersonFacts, rules: RuleSet, today: dt.date) -> Urgency:
    contributions = []
    level, level_date = NORMAL, None
    for trigger, implied, day, note in _triggers(person, rules, today):
        detail = rules.urgency.urgent_note if implied == URGENT else None
        contributions.append(
            Contribution(
                key=f"urgency:{trigger}",
                points=rules.urgency.points[trigger],
                basis=_basis(trigger, rules),
                detail=detail,
                person=person.id,
                notes=(note,),
            )
        )
        if rank(implied) > rank(level):
            level, level_date = implied, day
        elif implied == level and day is not None and (level_date is None or day < level_date):
            level_date = day
    return Urgency(level=level, date=level_date, contributions=tuple(contributions))


def rank(level: str) -> int:
    return URGENCY_LEVELS.index(level)


def most_urgent_key(urgency: Urgency) -> tuple[int, float, int]:
    """Sort key, most urgent last: level, then score, then the sooner date."""
    soon = -urgency.date.toordinal() if urgency.date else -dt.date.max.toordinal()
    return rank(urgency.level), urgency.total, soon
