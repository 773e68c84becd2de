"""Data-quality rules: each gap found when it is there, and not when it is not."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from haven_core.data_quality import (
    DataWarning,
    HouseholdWarning,
    Problem,
    RecordFacts,
    check,
    distinct,
    problems,
)

TODAY = dt.date(2026, 11, 24)
DAY = dt.timedelta(days=1)

CLEAN = RecordFacts(
    household="H-1",
    person="p1",
    status="removal_proceedings",
    detained=False,
    has_facility=False,
    next_hearing=TODAY + 10 * DAY,
    removal_scheduled=None,
    last_hearing_held=None,
)


def found(facts: RecordFacts) -> list[Problem]:
    return [w.problem for w in problems(facts, TODAY)]


def test_a_complete_record_has_no_warning() -> None:
    assert found(CLEAN) == []


def test_detained_without_a_facility() -> None:
    assert found(replace(CLEAN, detained=True)) == [Problem.DETAINED_NO_FACILITY]
    assert found(replace(CLEAN, detained=True, has_facility=True)) == []
    assert found(replace(CLEAN, detained=False, has_facility=False)) == []


def test_final_order_without_a_removal_date() -> None:
    assert found(replace(CLEAN, status="final_order")) == [Problem.FINAL_ORDER_NO_REMOVAL]
    assert found(replace(CLEAN, status="final_order", removal_scheduled=TODAY + 3 * DAY)) == []
    assert found(replace(CLEAN, status="asylum_pending")) == []


def test_a_past_hearing_with_no_outcome_since() -> None:
    past = replace(CLEAN, next_hearing=TODAY - 5 * DAY)
    [warning] = problems(past, TODAY)
    assert (warning.problem, warning.date) == (Problem.HEARING_NO_OUTCOME, TODAY - 5 * DAY)
    # An outcome recorded before that hearing is the outcome of an earlier one.
    assert found(replace(past, last_hearing_held=TODAY - 6 * DAY)) == [Problem.HEARING_NO_OUTCOME]


def test_a_hearing_held_on_or_after_the_date_is_its_outcome() -> None:
    past = replace(CLEAN, next_hearing=TODAY - 5 * DAY)
    assert found(replace(past, last_hearing_held=TODAY - 5 * DAY)) == []
    assert found(replace(past, last_hearing_held=TODAY - 2 * DAY)) == []


def test_a_hearing_today_or_ahead_needs_no_outcome_yet() -> None:
    assert found(replace(CLEAN, next_hearing=TODAY)) == []
    assert found(replace(CLEAN, next_hearing=None)) == []


def test_closed_households_are_not_checked() -> None:
    assert found(replace(CLEAN, detained=True, status="final_order", active=False)) == []


def test_one_record_can_have_every_gap_and_check_groups_them_by_problem() -> None:
    bad = replace(CLEAN, household="H-2", detained=True, status="final_order", next_hearing=TODAY - DAY)
    other = replace(CLEAN, household="H-1", detained=True)
    warnings = check([bad, other, CLEAN], TODAY)
    assert [(w.problem, w.household) for w in warnings] == [
        (Problem.DETAINED_NO_FACILITY, "H-1"),
        (Problem.DETAINED_NO_FACILITY, "H-2"),
        (Problem.FINAL_ORDER_NO_REMOVAL, "H-2"),
        (Problem.HEARING_NO_OUTCOME, "H-2"),
    ]


def test_a_warning_shared_by_a_family_is_said_once_naming_its_people() -> None:
    hearing, other = dt.date(2026, 3, 1), dt.date(2026, 2, 1)
    warnings = [
        DataWarning("H1", "mother", Problem.HEARING_NO_OUTCOME, hearing),
        DataWarning("H1", "son", Problem.HEARING_NO_OUTCOME, hearing),
        DataWarning("H1", "son", Problem.HEARING_NO_OUTCOME, other),  # another hearing: another warning
        DataWarning("H2", "father", Problem.HEARING_NO_OUTCOME, hearing),  # another household
        DataWarning("H1", "mother", Problem.DETAINED_NO_FACILITY),
        DataWarning("H1", "son", Problem.DETAINED_NO_FACILITY),
    ]
    assert distinct(warnings) == [
        HouseholdWarning("H1", Problem.HEARING_NO_OUTCOME, ("mother", "son"), hearing),
        HouseholdWarning("H1", Problem.HEARING_NO_OUTCOME, ("son",), other),
        HouseholdWarning("H2", Problem.HEARING_NO_OUTCOME, ("father",), hearing),
        HouseholdWarning("H1", Problem.DETAINED_NO_FACILITY, ("mother", "son")),
    ]
    assert distinct([]) == []
