"""Data-quality warnings on the radar: each rule found when the gap is there, and silent when it is not."""

from __future__ import annotations

from typing import Any

from haven.accounts.actor import Actor
from haven.cases.actions import household_move
from haven.radar.quality import warnings_for
from haven_core.data_quality import Problem
from haven_core.pipeline import Stage
from tests.support.personas import client_for
from tests.support.radar import ahead, child_of, event, record, today


def _found(household: Any) -> list[tuple[Problem, str]]:
    from haven.cases.models import Household

    return [(w.problem, w.person) for w in warnings_for(Household.objects.filter(pk=household.pk), today())]


def test_detained_without_a_facility(household_a: Any, caseworker_a: Any) -> None:
    principal = household_a.principal
    record(caseworker_a, principal, detained=True)
    assert _found(household_a) == [(Problem.DETAINED_NO_FACILITY, str(principal.public_id))]
    record(caseworker_a, principal, detained=True, detention_facility="Krome North SPC")
    assert _found(household_a) == []


def test_final_order_without_a_removal_date(household_a: Any, caseworker_a: Any) -> None:
    child = child_of(household_a)
    record(caseworker_a, child, status="final_order")
    assert _found(household_a) == [(Problem.FINAL_ORDER_NO_REMOVAL, str(child.public_id))]
    record(caseworker_a, child, status="final_order", removal_scheduled_date=ahead(40))
    assert _found(household_a) == []


def test_a_past_hearing_without_an_outcome(household_a: Any, caseworker_a: Any) -> None:
    principal = household_a.principal
    record(caseworker_a, principal, next_hearing_date=ahead(-10))
    event(caseworker_a, household_a, "hearing_held", ahead(-30))  # an earlier hearing's outcome
    assert _found(household_a) == [(Problem.HEARING_NO_OUTCOME, str(principal.public_id))]
    event(caseworker_a, household_a, "hearing_held", ahead(-10))  # on the day, for the household
    assert _found(household_a) == []


def test_a_coming_hearing_needs_no_outcome(household_a: Any, caseworker_a: Any) -> None:
    record(
        caseworker_a, household_a.principal, next_hearing_date=ahead(0), detained=True, detention_facility="X"
    )
    assert _found(household_a) == []


def test_closed_households_are_not_checked(household_a: Any, caseworker_a: Any) -> None:
    record(caseworker_a, household_a.principal, status="final_order", detained=True)
    household_move(
        actor=Actor.for_user(caseworker_a), household=household_a, stage=Stage.CLOSED, reason="moved on"
    )
    assert _found(household_a) == []


def test_the_page_counts_the_warnings_and_links_to_the_fix(
    household_a: Any, household_b: Any, caseworker_a: Any, caseworker_b: Any
) -> None:
    principal = household_a.principal
    record(caseworker_a, principal, detained=True, status="final_order", next_hearing_date=ahead(-3))
    record(caseworker_b, household_b.principal, detained=True)
    page = client_for(caseworker_a).get("/radar/").content.decode()
    assert "Data to fix (3 warnings)" in page and "3 data warnings: what to fix" in page
    assert "Detained, but no detention facility is recorded." in page
    assert "Final order of removal, but no scheduled removal date." in page
    assert "has passed and no outcome is recorded." in page
    assert f"/cases/{household_a.reference}/people/{principal.public_id}/us-record/" in page
    assert f"/cases/{household_a.reference}/events/new/" in page
    assert household_b.reference not in page  # another organisation's gaps are not shown


def test_no_gaps_no_warnings(household_a: Any, caseworker_a: Any) -> None:
    page = client_for(caseworker_a).get("/radar/").content.decode()
    assert "Data to fix (0 warnings)" in page and "No gaps found" in page


def test_each_household_is_judged_by_its_own_hearings(
    household_a: Any, household_b: Any, caseworker_a: Any, caseworker_b: Any
) -> None:
    record(caseworker_a, household_a.principal, next_hearing_date=ahead(-4))
    record(caseworker_b, household_b.principal, next_hearing_date=ahead(-4))
    event(caseworker_b, household_b, "hearing_held", ahead(-4))
    assert [p for p, _ in _found(household_a)] == [Problem.HEARING_NO_OUTCOME]
    assert _found(household_b) == []


def test_the_warnings_are_folded_under_their_count(household_a: Any, caseworker_a: Any) -> None:
    record(caseworker_a, household_a.principal, detained=True, status="final_order")
    page = client_for(caseworker_a).get("/radar/").content.decode()
    folded = page.split('<details class="radar-warnings-fold">')[1].split("</details>")[0]
    assert "<summary>Show the 2 warnings and what to do</summary>" in folded
    assert 'class="table radar-warnings stack"' in folded  # the table opens on demand
    assert page.index("Data to fix (2 warnings)") < page.index('<details class="radar-warnings-fold">')


def test_a_hearing_the_family_shares_is_one_row_naming_them_both(household_a: Any, caseworker_a: Any) -> None:
    yulia, misha = household_a.principal, child_of(household_a)
    for person in (yulia, misha):
        record(caseworker_a, person, next_hearing_date=ahead(-6))
    page = client_for(caseworker_a).get("/radar/").content.decode()
    assert "Data to fix (1 warning)" in page and page.count('class="warning-hearing_no_outcome"') == 1
    row = page.split('class="warning-hearing_no_outcome"')[1].split("</tr>")[0]
    assert yulia.display_name in row and misha.display_name in row


def test_the_warnings_come_a_page_at_a_time(household_a: Any, caseworker_a: Any, monkeypatch: Any) -> None:
    from haven.radar import views

    monkeypatch.setattr(views, "WARNINGS_PER_PAGE", 2)
    record(
        caseworker_a, household_a.principal, detained=True, status="final_order", next_hearing_date=ahead(-3)
    )
    client = client_for(caseworker_a)
    rows = 'class="warning-'

    first = client.get("/radar/?days=14").content.decode()
    assert "Data to fix (3 warnings)" in first and first.count(rows) == 2
    assert "Warnings 1 to 2 of 3" in first and '<details class="radar-warnings-fold">' in first
    assert 'href="?days=14&amp;warnings=2#data-quality" rel="next"' in first and 'rel="prev"' not in first

    second = client.get("/radar/?days=14&warnings=2").content.decode()
    assert second.count(rows) == 1 and "Warnings 3 to 3 of 3" in second
    assert '<details class="radar-warnings-fold" open>' in second  # opened where the link leads
    assert 'href="?days=14&amp;warnings=1#data-quality" rel="prev"' in second
    assert (
        'class="warning-hearing_no_outcome"' not in first and 'class="warning-hearing_no_outcome"' in second
    )

    assert client.get("/radar/?days=14&warnings=99").content.decode().count(rows) == 1  # the last page
    assert client.get("/radar/?days=14&warnings=x").content.decode().count(rows) == 2  # the first


def test_a_few_warnings_need_no_pages(household_a: Any, caseworker_a: Any) -> None:
    record(caseworker_a, household_a.principal, detained=True)
    page = client_for(caseworker_a).get("/radar/").content.decode()
    assert "Data to fix (1 warning)" in page and "Pages of warnings" not in page
