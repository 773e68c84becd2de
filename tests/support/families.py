"""Households of a chosen size with everything a page can show, for the tests that count a page's queries.

``family(organisation, caseworker, reviewer, people=8)`` builds, through Haven's own actions, a household
whose every person has a US record (hearing and removal ahead, detained with a facility or not), a relative
and a permit in Canada, two evidence items (one verified by the reviewer, one waiting) with their files,
and a timeline event; the household has an event of its own, a stored assessment and a reviewer's override.
A page whose queries do not grow with the household costs the same for ``people=1`` as for ``people=8``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from haven.accounts.actor import Actor
from haven.assessment.actions import assessment_override, household_assess
from haven.cases.actions import (
    canada_permit_save,
    canada_relative_save,
    event_add,
    household_create,
    person_add,
    us_record_save,
)
from haven.evidence.actions import evidence_add, evidence_verify

MAX_QUERIES = 15  # the target for every main page, whatever the household's size
RELATIONSHIPS = ("spouse", "child", "child", "parent", "sibling", "other", "child")
GIVEN = ("Анна", "Миша", "Оля", "Пётр", "Иван", "Вера", "Катя")


def _in_days(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


def _fill(actor: Actor, checker: Actor, household: Any, person: Any, n: int) -> None:
    us_record_save(
        actor=actor,
        person=person,
        fields={
            "a_number": f"2{n:08d}",
            "status": "removal_proceedings" if n % 2 else "final_order",
            "detained": n % 3 == 0,
            "detention_facility": "Buffalo Federal Detention Facility" if n % 6 == 0 else "",
            "next_hearing_date": _in_days(5 + n),
            "removal_scheduled_date": _in_days(20 + n),
        },
    )
    canada_relative_save(
        actor=actor,
        person=person,
        fields={"full_name": f"Ольга Котова {n}", "relationship": "sibling", "canadian_status": "citizen"},
    )
    canada_permit_save(actor=actor, person=person, fields={"kind": "visitor_visa", "number": f"V{n}"})
    for k, kind in enumerate(("social_post", "article")):
        item = evidence_add(
            actor=actor,
            person=person,
            fields={
                "kind": kind,
                "title": f"Пикет {n}.{k}",
                "source_url": f"https://t.me/kotova/{n}{k}",
                "language": "ru",
                "published_on": dt.date(2022, 3, 6),
                "tags": [("public_antiwar_statement", dt.date(2022, 3, 6))],
            },
            data=f"Нет войне {n}.{k}".encode(),
            filename=f"post-{n}-{k}.txt",
        )
        if k == 0:
            evidence_verify(actor=checker, item=item, verdict="verified", note="Checked the archive.")
    event_add(
        actor=actor,
        household=household,
        fields={"kind": "hearing_scheduled", "date": _in_days(5 + n), "person": person},
    )


def family(organisation: Any, caseworker: Any, reviewer: Any, *, people: int, name: str = "Котова") -> Any:
    """A household of ``people`` people (1 to 8) of ``organisation``, filled as the module says."""
    actor, checker = Actor.for_user(caseworker), Actor.for_user(reviewer)
    household = household_create(
        actor=actor,
        organisation=organisation,
        principal={
            "surname_cyrillic": name,
            "given_name_cyrillic": "Юлия",
            "surname_latin": "KOTOVA",
            "given_name_latin": "IULIIA",
            "sex": "F",
            "birth_date": "1988-04-12",
        },
        different_person=True,  # the tests make namesake families on purpose
    )
    members = [household.principal]
    for n in range(1, people):
        members.append(
            person_add(
                actor=actor,
                household=household,
                fields={
                    "relationship": RELATIONSHIPS[n - 1],
                    "surname_cyrillic": name,
                    "given_name_cyrillic": GIVEN[n - 1],
                    "birth_date": str(1960 + 7 * n),
                },
            )
        )
    for n, person in enumerate(members):
        _fill(actor, checker, household, person, n)
    event_add(actor=actor, household=household, fields={"kind": "other", "date": _in_days(-30)})
    household_assess(actor=actor, household=household, today=timezone.localdate())
    assessment_override(
        actor=checker,
        household=household,
        dimension="urgency",
        level="emergency",
        justification="Removal flight confirmed by the attorney.",
    )
    household.refresh_from_db()
    return household


def count(client: Any, url: str) -> int:
    """The SQL queries one GET of ``url`` runs (after a first GET, which does a session's bookkeeping)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def within_target(client: Any, url: str, django_assert_max_num_queries: Any) -> None:
    """One GET of ``url`` runs at most :data:`MAX_QUERIES` queries (pytest-django's own assertion).

    The tests that call this run outside a test transaction (``transaction=True``), as the server does:
    inside one, every write would add a SAVEPOINT and a RELEASE that production never sends."""
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(url).status_code == 200


def one_and_eight(organisation: Any, caseworker: Any, reviewer: Any) -> tuple[Any, Any]:
    """A household of one and a family of eight, both filled as the module says."""
    return (
        family(organisation, caseworker, reviewer, people=1, name="Одинокова"),
        family(organisation, caseworker, reviewer, people=8, name="Многодетова"),
    )
