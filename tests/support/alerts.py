"""Alerts tests: email addresses for the personas, and deadlines set through Haven's own actions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from haven.accounts.actor import Actor
from haven.cases.actions.us_record import us_record_save

TODAY = dt.date(2026, 3, 2)

A_NUMBER = "A-216-554-903"  # as typed; stored as 216554903

COURT = "Krome North Service Processing Center"

# Everything about household_a's and household_b's people that must never be in an email.
SENSITIVE = ("Котова", "Юлия", "KOTOVA", "IULIIA", "Котов", "Миша", "Щербаков", "SHCHERBAKOV", "DMITRII",
             "216554903", "216-554-903", "Krome", "1988-04-12")  # fmt: skip


def with_email(user: Any) -> Any:
    user.email = f"{user.username}@example.org"
    user.save(update_fields=["email"])
    return user


def set_us_record(person: Any, by: Any, **fields: Any) -> None:
    values = {"status": "removal_proceedings", "a_number": A_NUMBER, "court": COURT, **fields}
    us_record_save(actor=Actor.for_user(by), person=person, fields=values)


def hearing_in(person: Any, by: Any, days: int) -> None:
    set_us_record(person, by, next_hearing_date=TODAY + dt.timedelta(days=days))


def bodies_to(mailoutbox: list[Any], user: Any) -> list[str]:
    return [m.body for m in mailoutbox if m.to == [user.email]]
