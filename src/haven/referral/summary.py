"""What the referral pages show of a household: its record as the batch's field profile lets it out.

A liaison never sees the case file. The page summary is built from the same minimised record as the
dossier (``haven.referral.documents.record`` → ``haven_core.referral.profile.minimise``), so whatever
the profile holds back is absent from the page too — only its name is listed as withheld.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _

from haven.cases.countries import citizenship_names
from haven.cases.models import Household
from haven.referral.documents import words
from haven.referral.documents.record import household_record
from haven.referral.models import ReferralEntry
from haven_core.referral.batch import level_in_force
from haven_core.referral.profile import FieldProfile, minimise

# Person fields shown as "label: value" lines, in this order (lists and codes are worded below).
_PERSON_LINES = (
    "name_latin",
    "name_cyrillic",
    "birth_date",
    "sex",
    "citizenship",
    "a_number",
    "us_status",
    "court",
    "next_hearing_date",
    "removal_order_date",
    "removal_scheduled_date",
    "detained",
    "detention_facility",
    "address",
    "phone",
    "email",
    "vulnerabilities",
)


def decision_counts(entries: Iterable[ReferralEntry]) -> dict[str, int]:
    counts = Counter(e.decision for e in entries)
    return {code: counts.get(code, 0) for code, _label in ReferralEntry.DECISION_CHOICES}


def skip_reason(skipped: Mapping[str, Any]) -> str:
    reason = skipped.get("reason")
    if reason == "gone":
        return _("No longer in Haven")
    if reason == "open_referral":
        return _("Already in a referral awaiting a decision")
    if reason == "excluded":
        return _("Left out when the selection was approved: it could not be referred")
    if reason == "no_consent":
        return _("Not every adult has consented to share their record with this recipient")
    if reason == "status":
        text = _("Its status (%(stage)s) does not allow a referral: only assessed or shortlisted households")
        return text % {"stage": skipped.get("stage", "")}
    return str(reason)


_DATES = frozenset({"birth_date", "next_hearing_date", "removal_order_date", "removal_scheduled_date"})


def _date(value: Any) -> str:
    """An ISO date in the reader's short format (12/16/2026, 16/12/2026, 16.12.2026); a partial one
    (a birth year alone) as it is."""
    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def _value(key: str, value: Any) -> str:
    if key in _DATES and value:
        return _date(value)
    if key == "sex":
        return words.sex(value)
    if key == "us_status":
        return words.us_status(value)
    if key == "detained":
        return _("yes") if value else _("no")
    if key == "vulnerabilities":
        return ", ".join(words.vulnerability(v) for v in value)
    if key == "citizenship":
        return citizenship_names(value)
    return "" if value in (None, "") else str(value)


def _person(person: Mapping[str, Any]) -> dict[str, Any]:
    lines = []
    for key in _PERSON_LINES:
        if key in person:
            text = _value(key, person[key])
            if text:
                lines.append((str(words.FIELD_LABELS.get(key, key)), text))
    evidence = person.get("evidence")
    return {
        "relationship": words.relationship(person.get("relationship", "")),
        "lines": lines,
        "evidence": None
        if evidence is None
        else {
            "total": len(evidence),
            "verified": sum(1 for e in evidence if e.get("status") == "verified"),
            "timestamped": sum(1 for e in evidence if e.get("timestamped")),
        },
    }


def household_summary(
    household: Household, profile: FieldProfile, reasons: Mapping[str, Any] | None
) -> dict[str, Any]:
    shown = minimise(household_record(household, reasons=reasons), profile)
    record = shown.record
    assessment = record.get("assessment")
    levels = []
    if assessment:
        for dimension, level in assessment.get("levels", {}).items():
            levels.append((words.dimension(dimension), words.label("level", level_in_force(level))))
    pathways = [
        words.pathway(p.code) for p in record.get("pathways", ()) if getattr(p, "applies", None) is True
    ]
    return {
        "organisation": record.get("organisation", ""),
        "people": [_person(p) for p in record.get("people", ())],
        "levels": levels,
        "pathways": pathways,
        "withheld": [words.withheld(w) for w in shown.withheld],
    }
