"""The radar's lines: soonest first, days left, who, how urgent, whose case; detained people marked."""

from __future__ import annotations

import re
from typing import Any

from haven.accounts.actor import Actor
from haven.assessment.actions import household_assess
from haven.cases.actions import household_move
from haven_core.pipeline import Stage
from tests.support.personas import client_for
from tests.support.radar import ahead, child_of, event, record


def test_deadlines_come_soonest_first_with_the_days_left(household_a: Any, caseworker_a: Any) -> None:
    principal, child = household_a.principal, child_of(household_a)
    record(caseworker_a, principal, next_hearing_date=ahead(12), removal_scheduled_date=ahead(3))
    record(caseworker_a, child, next_hearing_date=ahead(0))
    event(caseworker_a, household_a, "appeal_filed", ahead(7))
    response = client_for(caseworker_a).get("/radar/")
    rows = response.context["rows"]
    assert [(r.deadline.kind.value, r.days_left) for r in rows] == [
        ("hearing", 0),
        ("removal", 3),
        ("event", 7),
        ("hearing", 12),
    ]
    assert [r.person for r in rows] == [child, principal, None, principal]
    page = response.content.decode()
    assert [int(d) for d in re.findall(r'data-days="(-?\d+)"', page)] == [0, 3, 7, 12]
    assert "in 3 days" in page and "today" in page
    assert "Котова Юлия Сергеевна" in page and "Котов Миша" in page
    assert "Appeal filed" in page and "Whole household" in page


def test_the_line_names_the_owner_the_organisation_and_the_urgency(
    household_a: Any, caseworker_a: Any
) -> None:
    record(caseworker_a, household_a.principal, next_hearing_date=ahead(20))
    page = client_for(caseworker_a).get("/radar/").content.decode()
    assert "not assessed" in page
    assert "anna" in page and "Free Russia Aid" in page
    assert f'href="/cases/{household_a.reference}/"' in page


def test_the_urgency_is_the_current_assessments(household_a: Any, caseworker_a: Any) -> None:
    record(caseworker_a, household_a.principal, removal_scheduled_date=ahead(4), status="final_order")
    household_assess(actor=Actor.for_user(caseworker_a), household=household_a)
    response = client_for(caseworker_a).get("/radar/")
    current = household_a.assessments.get(current=True).urgency_level
    assert [r.urgency for r in response.context["rows"]] == [current]
    assert "not assessed" not in response.content.decode()


def test_detained_people_are_marked_in_words_not_colour_alone(household_a: Any, caseworker_a: Any) -> None:
    record(caseworker_a, household_a.principal, next_hearing_date=ahead(2), detained=True)
    record(caseworker_a, child_of(household_a), next_hearing_date=ahead(3))
    response = client_for(caseworker_a).get("/radar/")
    table = response.content.decode().split('class="table radar-table stack"')[1].split("</table>")[0]
    lines = re.findall(r"<tr( class=\"detained\")?>(.*?)</tr>", table, re.S)[1:]  # after the header
    assert len(lines) == 2
    (marked, first), (plain, second) = lines
    assert marked and "badge-detained" in first and "Detained" in first
    assert not plain and "Detained" not in second


def test_only_detained_people(household_a: Any, caseworker_a: Any) -> None:
    record(caseworker_a, household_a.principal, next_hearing_date=ahead(2), detained=True)
    record(caseworker_a, child_of(household_a), next_hearing_date=ahead(3))
    response = client_for(caseworker_a).get("/radar/", {"detained": "on"})
    assert [r.person for r in response.context["rows"]] == [household_a.principal]
    assert response.context["chart"].total == 1


def test_a_long_list_is_paginated(household_a: Any, caseworker_a: Any, settings: Any) -> None:
    settings.HAVEN_CASES_PER_PAGE = 2
    for day in (1, 2, 3):
        event(caseworker_a, household_a, "other", ahead(day))
    client = client_for(caseworker_a)
    first = client.get("/radar/")
    assert [r.days_left for r in first.context["rows"]] == [1, 2]
    assert "?page=2" in first.content.decode()
    assert [r.days_left for r in client.get("/radar/", {"page": 2}).context["rows"]] == [3]


def test_an_empty_window_says_so(household_a: Any, caseworker_a: Any) -> None:
    page = client_for(caseworker_a).get("/radar/").content.decode()
    assert "Nothing dated in this window." in page


def test_a_move_along_the_pipeline_is_not_a_deadline(household_a: Any, caseworker_a: Any) -> None:
    household_move(actor=Actor.for_user(caseworker_a), household=household_a, stage=Stage.DOCUMENTING)
    assert household_a.events.filter(kind="status_changed").exists()
    response = client_for(caseworker_a).get("/radar/")
    assert response.context["rows"] == [] and response.context["chart"].total == 0
