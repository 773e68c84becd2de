"""Small builders for the caseload-page tests: households, US records, and reading the audit trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.cases.actions import household_create, us_record_save


def today() -> dt.date:
    return timezone.localdate()


def in_days(days: int) -> dt.date:
    return today() + dt.timedelta(days=days)


def principal(household: Any) -> Any:
    return household.people.get(relationship="principal")


def give_us_record(person: Any, **fields: Any) -> Any:
    """Record ``person``'s US situation as Haven itself (the test's setup, not the behaviour under test)."""
    return us_record_save(
        actor=Actor.system(), person=person, fields={"status": "removal_proceedings", **fields}
    )


def open_household(organisation: Any, surname: str, given: str, latin: str = "", **principal: Any) -> Any:
    """A household with a principal named in Cyrillic (and in Latin when ``latin`` is "SURNAME GIVEN")."""
    names = {"surname_cyrillic": surname, "given_name_cyrillic": given}
    if latin:
        names["surname_latin"], names["given_name_latin"] = latin.split(" ", 1)
    # Test caseloads hold namesakes on purpose: each is a different person.
    return household_create(
        actor=Actor.system(),
        organisation=organisation,
        principal={**names, **principal},
        different_person=True,
    )


def audit_actions(household: Any) -> list[str]:
    """The changes recorded for ``household``, oldest first (page views are left out)."""
    entries = AuditEntry.objects.filter(household_ref=household.reference).exclude(action="household.view")
    entries = entries.order_by("seq")
    return list(entries.values_list("action", flat=True))


def detail_url(household: Any) -> str:
    return f"/cases/{household.reference}/"
