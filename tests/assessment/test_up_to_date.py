"""The household page's question "does the stored assessment still hold?" (``up_to_date``) gets the same
answer as assessing afresh and comparing the row it would store (``Computed.same_as``), whichever of the
rules, the facts or the result has changed; and when the rules or the facts have, it answers without
assessing at all."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from haven.assessment import store
from haven.assessment.facts import household_facts
from haven.assessment.rules import current_rules
from haven.assessment.store import Computed, up_to_date
from haven.cases.models import Household
from tests.support.families import family
from tests.support.personas import make_user

TODAY = dt.date(2026, 3, 2)


@pytest.fixture
def assessed(org_a: Any, caseworker_a: Any) -> tuple[Any, Any, Any]:
    household = family(org_a, caseworker_a, make_user("rita", "reviewer", org_a), people=8)
    facts = household_facts(Household.objects.filter(pk=household.pk))[household.pk]
    rules = current_rules()
    return facts, rules, Computed.of(household.pk, facts, rules, TODAY).row()


def _fresh_agrees(stored: Any, facts: Any, rules: Any, today: dt.date) -> bool:
    answer = up_to_date(stored, facts, rules, today)
    assert answer == Computed.of(0, facts, rules, today).same_as(stored)
    return answer


def test_an_assessment_of_the_same_facts_and_rules_holds(assessed: tuple[Any, Any, Any]) -> None:
    facts, rules, row = assessed
    assert _fresh_agrees(row, facts, rules, TODAY)


def test_none_stored_is_out_of_date(assessed: tuple[Any, Any, Any]) -> None:
    facts, rules, _row = assessed
    assert not _fresh_agrees(None, facts, rules, TODAY)


def test_years_later_the_same_facts_give_another_result(assessed: tuple[Any, Any, Any]) -> None:
    facts, rules, row = assessed
    # Ages and days left move with the date: the facts' hash is the same, the result's is not.
    assert not _fresh_agrees(row, facts, rules, dt.date(2044, 3, 2))


@pytest.mark.parametrize("column", ["rules_digest", "inputs_hash", "result_hash"])
def test_any_hash_that_differs_makes_it_out_of_date(assessed: tuple[Any, Any, Any], column: str) -> None:
    facts, rules, row = assessed
    setattr(row, column, "0" * 64)
    assert not _fresh_agrees(row, facts, rules, TODAY)


def test_changed_rules_or_facts_are_told_without_assessing(
    assessed: tuple[Any, Any, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    facts, rules, row = assessed
    monkeypatch.setattr(store.core, "assess", lambda *args: pytest.fail("assessed"))
    assert not up_to_date(row, facts, dataclasses.replace(rules, digest="f" * 64), TODAY)
    assert not up_to_date(row, dataclasses.replace(facts, people=facts.people[1:]), rules, TODAY)
