"""The radar counts in the database what the core decides in Python: on a mixed coalition (the seeded
demo data plus hand-made edge cases), the SQL counts, order and chart equal those of the Python path
(:func:`haven.radar.deadlines.deadlines_for`, :func:`haven.radar.quality.warnings_for` with the core's
rules, :func:`haven_core.deadlines_chart.timeline`)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from functools import partial
from typing import Any

import pytest
from django.core.management import call_command

from haven.accounts.actor import Actor
from haven.cases.actions import event_withdraw, household_move
from haven.cases.models import Household
from haven.radar.deadlines import deadlines_for
from haven.radar.quality import warning_summary, warnings_for
from haven.radar.window import OrderedDeadlines, deadline_rows, group_counts
from haven_core.data_quality import distinct
from haven_core.deadlines_chart import counted, layout, timeline
from haven_core.pipeline import Stage
from tests.support.demo import built_once
from tests.support.radar import ahead, child_of, event, record, today


@pytest.fixture(scope="module")
def seeded(django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: Any) -> Iterator[None]:
    """The demo coalition of 60 households, written once for this module's tests (tests/support/demo.py)."""
    with built_once(django_db_blocker, tmp_path_factory.mktemp("seeded-files")):
        call_command("seed", households=60, seed=11, stdout=io.StringIO(), stderr=io.StringIO())
        yield


@pytest.fixture
def coalition(seeded: None, request: Any, db: Any) -> Any:
    household_a, household_b = request.getfixturevalue("household_a"), request.getfixturevalue("household_b")
    caseworker_a, caseworker_b = (
        request.getfixturevalue("caseworker_a"),
        request.getfixturevalue("caseworker_b"),
    )
    yulia, misha = household_a.principal, child_of(household_a)
    record(caseworker_a, yulia, detained=True, detention_facility="   ", next_hearing_date=ahead(-20))
    record(
        caseworker_a, misha, status="final_order", next_hearing_date=ahead(3), removal_scheduled_date=ahead(3)
    )
    event(caseworker_a, household_a, "hearing_held", ahead(-25))  # before the hearing: no outcome yet
    event(caseworker_a, household_a, "other", ahead(3))  # the whole household's
    cancelled = event(caseworker_a, household_a, "other", ahead(4))  # withdrawn: not a deadline any more
    event_withdraw(actor=Actor.for_user(caseworker_a), event=cancelled, reason="Entered twice.")
    # an outcome recorded for Yulia's hearing by mistake and withdrawn: the hearing still has none
    mistaken = event(caseworker_a, household_a, "hearing_held", ahead(-20))
    event_withdraw(actor=Actor.for_user(caseworker_a), event=mistaken, reason="Wrong household.")
    # a log line of today's date, never a deadline (Haven writes these itself: a move along the pipeline)
    household_move(actor=Actor.for_user(caseworker_a), household=household_a, stage=Stage.DOCUMENTING)
    dmitri = household_b.principal
    record(caseworker_b, dmitri, status="final_order", detained=True, next_hearing_date=ahead(-5))
    event(caseworker_b, household_b, "hearing_held", ahead(-5), person=dmitri)  # the outcome, same day
    closed = Household.objects.exclude(pk__in=[household_a.pk, household_b.pk]).first()
    household_move(actor=Actor.system(), household=closed, stage=Stage.CLOSED, reason="Left the programme.")
    return Household.objects.all()


@pytest.mark.parametrize("scope", ["all", "organisation"])
def test_warnings_counted_in_sql_are_the_cores(coalition: Any, scope: str) -> None:
    households = coalition if scope == "all" else coalition.filter(organisation__slug="fra")
    everything = warnings_for(households, today())
    assert len({w.problem for w in everything}) == (3 if scope == "all" else 2)  # every rule is broken
    said = distinct(everything)  # each once for its household
    for shown in (1, 7, 1000):
        assert warning_summary(households, today(), shown) == (len(said), said[:shown])


@pytest.mark.parametrize("detained", [False, True])
@pytest.mark.parametrize("days", [7, 30, 365])
def test_deadlines_ordered_in_sql_are_the_pythons(coalition: Any, days: int, detained: bool) -> None:
    expected = [d for d in deadlines_for(coalition, today(), days) if d.detained or not detained]
    listed = OrderedDeadlines(deadline_rows(coalition, today(), days, detained_only=detained))
    assert listed.count() == len(expected) > 0
    assert listed[0 : len(expected)] == expected
    assert listed[3:8] == expected[3:8]


@pytest.mark.parametrize("detained", [False, True])
def test_the_chart_from_sql_is_the_pythons(coalition: Any, detained: bool) -> None:
    expected = [d for d in deadlines_for(coalition, today(), 365) if d.detained or not detained]
    counts = group_counts(coalition, today(), 365, detained_only=detained)
    assert counts == counted(expected, today(), 365)
    chart = layout(counts, today())  # the radar's path: a longer window's counts, the chart's 90 days
    assert chart == timeline(expected, today()) and chart.total > 0


@pytest.mark.parametrize("detained", [False, True])
@pytest.mark.parametrize("days", [7, 30, 365])
def test_a_page_sorted_within_its_groups_is_the_pythons(coalition: Any, days: int, detained: bool) -> None:
    # A page sorts only the days, kinds and detentions that hold it (the radar page's path): every
    # slice, across groups and from any start, equals the Python order's.
    expected = [d for d in deadlines_for(coalition, today(), days) if d.detained or not detained]
    counts = group_counts(coalition, today(), days, detained_only=detained)
    listed = OrderedDeadlines(
        deadline_rows(coalition, today(), days, detained_only=detained),
        counts=counts,
        narrow=partial(deadline_rows, coalition, today(), days, detained_only=detained),
    )
    assert listed.count() == len(expected) > 0
    assert listed[0 : len(expected)] == expected
    for start in range(0, len(expected), 3):
        assert listed[start : start + 4] == expected[start : start + 4]
    assert listed[len(expected) : len(expected) + 4] == []


@pytest.mark.parametrize("detained", [False, True])
def test_a_days_list_from_sql_is_the_pythons(coalition: Any, detained: bool) -> None:
    # A column's link lists its day alone: the rows of that day's groups, in the Python order.
    expected = [d for d in deadlines_for(coalition, today(), 90) if d.detained or not detained]
    counts = group_counts(coalition, today(), 90, detained_only=detained)
    for day in sorted({d.date for d in expected}):
        ours = [d for d in expected if d.date == day]
        listed = OrderedDeadlines(
            None,  # the page's path: the rows of the groups that hold a slice, and no others
            counts={key: n for key, n in counts.items() if key[0] == day},
            narrow=partial(deadline_rows, coalition, today(), 90, detained_only=detained),
        )
        assert listed.count() == len(ours)
        assert listed[0 : len(ours)] == ours
        assert listed[1:3] == ours[1:3]
