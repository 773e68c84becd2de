"""Dated records for the radar tests, written through Haven's own actions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from haven.accounts.actor import Actor
from haven.cases.actions import event_add, us_record_save


def today() -> dt.date:
    return timezone.localdate()


def ahead(days: int) -> dt.date:
    return today() + dt.timedelta(days=days)


def record(user: Any, person: Any, **fields: Any) -> Any:
    """Save ``person``'s US record as ``user`` (removal proceedings unless told otherwise)."""
    return us_record_save(
        actor=Actor.for_user(user), person=person, fields={"status": "removal_proceedings", **fields}
    )


def event(user: Any, household: Any, kind: str, date: dt.date, person: Any = None) -> Any:
    fields = {"kind": kind, "date": date, "person": person}
    return event_add(actor=Actor.for_user(user), household=household, fields=fields)


def child_of(household: Any) -> Any:
    return household.people.exclude(relationship="principal").get()
