"""The summary strip at the top of a household's page: how urgent, how documented, what next.

``{% summary_strip %}`` reads what the page has loaded already (its people with their US records and
consents, its timeline) and what the panels further down read anyway, kept on the household for the
request (the assessment and its overrides, the evidence, registry hits, referrals): the strip adds no
query, even for a household it must check as the Selection page does before calling it referable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import template
from django.utils.translation import gettext as _

from haven.assessment.display import level_label
from haven.assessment.page import current_assessment, overrides_in_force
from haven.evidence.views.lookup import household_items, person_documentation
from haven.radar.deadlines import LOG_ONLY_EVENTS
from haven.referral.household import household_entries
from haven.registries.household import open_hit_count
from haven.selection.inputs import household_facts, readiness_of
from haven.selection.wording import missing_rows
from haven.work.coordinator import readiness, why_text
from haven_core.referral.readiness import Readiness, Scope
from haven_core.referral.readiness import readiness as check_readiness

register = template.Library()

TONE = {
    "very_high": "danger",
    "high": "danger",
    "emergency": "danger",
    "moderate": "warning",
    "urgent": "warning",
}


@dataclass(frozen=True)
class Level:
    dimension: str  # risk, vulnerability, urgency
    label: str  # the dimension's name
    code: str  # the level in force ("" when not assessed)
    words: str  # the level in force, in words
    overridden: bool
    tone: str


@dataclass(frozen=True)
class NextDeadline:
    label: str
    date: dt.date
    days: int
    person: Any


def _levels(household: Any) -> list[Level]:
    stored = current_assessment(household)
    overrides = overrides_in_force(household) if stored is not None else {}
    names = {"risk": _("Persecution risk"), "vulnerability": _("Vulnerability"), "urgency": _("Urgency")}
    levels = []
    for dimension, name in names.items():
        override = overrides.get(dimension)
        code = override.level if override else getattr(stored, f"{dimension}_level", "")
        words = level_label(code) if code else _("not assessed")
        levels.append(Level(dimension, name, code, words, override is not None, TONE.get(code, "")))
    return levels


def _log_only(event: Any) -> bool:
    """One of Haven's own log lines (a move, a consent, a referral, a liaison's question): not a deadline."""
    return bool(event.system) or event.kind in LOG_ONLY_EVENTS


def _next_deadline(timeline: list[Any], today: dt.date) -> NextDeadline | None:
    """The soonest entry of the timeline from today on: a hearing or removal of a US record, or a dated
    event that is neither withdrawn nor one of Haven's own log lines."""
    ahead = [
        entry
        for entry in timeline
        if entry.date >= today
        and not (entry.event is not None and (entry.event.withdrawn or _log_only(entry.event)))
    ]
    if not ahead:
        return None
    soonest = min(ahead, key=lambda entry: entry.date)
    return NextDeadline(str(soonest.label), soonest.date, (soonest.date - today).days, soonest.person)


def _deadline_tone(deadline: NextDeadline | None) -> str:
    if deadline is None or deadline.days > 30:
        return ""
    return "danger" if deadline.days <= 7 else "warning"


def _consents(person: Any) -> frozenset[Scope]:
    """The recipients a person's consents in force allow, as the household page read them with its people."""
    given = ((Scope.OFFICIALS, person.consent_officials), (Scope.SPONSORS, person.consent_sponsors))
    return frozenset(scope for scope, yes in given if yes)


def _full_readiness(household: Any, people: list[Any], items: list[Any], today: dt.date) -> Readiness | None:
    """The Selection page's check (stage, assessment, verified evidence, every adult's consent), from what
    the page has read already: its people with their consents, its assessment and its evidence. Read
    apart (as the Selection page reads it) only when the page did not read the consents with its people."""
    if not all(hasattr(p, "consent_officials") and hasattr(p, "consent_sponsors") for p in people):
        return readiness_of([household.reference]).get(household.reference)
    principal = next((p for p in people if p.relationship == "principal"), None)
    facts = household_facts(
        household,
        people,
        assessed=current_assessment(household) is not None,
        principal_items=[i for i in items if principal is not None and i.person_id == principal.pk],
        scopes=_consents,
        today=today,
    )
    return check_readiness(facts, Scope.OFFICIALS)


def _referral(household: Any, people: list[Any], items: list[Any], today: dt.date) -> dict[str, Any]:
    entries = household_entries(household)
    awaiting = any(entry.is_open for entry in entries)
    if entries:
        latest = entries[0]
        return {
            "words": latest.get_decision_display(),
            "note": latest.batch.reference,
            "tone": "ok" if latest.decision == "accepted" else "warning" if latest.is_open else "",
            "listed": True,  # the referrals panel lists them further down
        }
    verdict = readiness(household, awaiting_decision=awaiting)
    if verdict.referable:
        # Its status allows a referral: the Selection page's full check (verified evidence, consent…)
        # decides, read only for such households.
        full = _full_readiness(household, people, items, today)
        if full is not None and not full.ready:
            gaps = missing_rows(full.to_dict()["missing"])
            return {
                "words": _("Not referred"),
                "note": _("Not referable yet: %(gaps)s.") % {"gaps": "; ".join(g["what"] for g in gaps)},
                "tone": "",
                "listed": False,
            }
    return {
        "words": _("Referable") if verdict.referable else _("Not referred"),
        "note": why_text(verdict.why),
        "tone": "ok" if verdict.referable else "",
        "listed": False,
    }


@register.inclusion_tag("work/_summary_strip.html", takes_context=True)
def summary_strip(context: template.Context) -> dict[str, Any]:
    household = context["household"]
    people = list(context["people"] if "people" in context else household.people.all())
    today = context.get("today") or dt.date.today()
    detained = [p for p in people if getattr(p, "us_record", None) is not None and p.us_record.detained]
    principal = next((p for p in people if p.relationship == "principal"), None)
    items = household_items(household)
    documentation = None
    if principal is not None:
        documentation = person_documentation(household, principal.pk)
    deadline = _next_deadline(list(context.get("timeline") or []), today)
    return {
        "household": household,
        "levels": _levels(household),
        "detained": detained,
        "deadline": deadline,
        "deadline_tone": _deadline_tone(deadline),
        "documentation": documentation,
        "open_hits": open_hit_count(household),
        "listings": sum(1 for i in items if i.kind == "registry_listing" and i.status != "retracted"),
        "referral": _referral(household, people, items, today),
    }
