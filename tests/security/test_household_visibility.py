"""Who sees which households, people, registry hits and evidence: decided in one module,
:mod:`haven.accounts.visibility`, and checked here persona by persona. A caseworker or reviewer sees their
organisation's households only, the coordinator every one, a liaison and a user without a role none."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from haven.accounts.actor import Actor
from haven.accounts.visibility import (
    can_change,
    can_see,
    can_work_for,
    visible_households,
    visible_people,
    within_visible,
)
from haven.registries.models import ScreeningHit

pytestmark = pytest.mark.django_db

SRC = Path(__file__).parents[2] / "src" / "haven"


@pytest.fixture
def households(household_a: Any, household_b: Any) -> dict[str, Any]:
    return {"a": household_a, "b": household_b}


@pytest.fixture
def outsider(db: Any) -> Any:
    return get_user_model().objects.create_user(username="olga", password="x")  # signed in, no role


@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("caseworker_a", {"a"}),
        ("reviewer_a", {"a"}),
        ("caseworker_b", {"b"}),
        ("coordinator", {"a", "b"}),
        ("liaison", set()),
        ("outsider", set()),
    ],
)
def test_each_persona_sees_its_households_their_people_and_hits(
    persona: str, sees: set[str], households: dict[str, Any], request: pytest.FixtureRequest
) -> None:
    actor = Actor.for_user(request.getfixturevalue(persona))
    by_ref = {h.reference: name for name, h in households.items()}
    for household in households.values():
        ScreeningHit.objects.create(
            person=household.principal,
            entry_ref=f"entry-{household.pk}",
            score=0.9,
            decision="match",
            status="open",
        )

    assert {by_ref[h.reference] for h in visible_households(actor)} == sees
    assert {by_ref[p.household.reference] for p in visible_people(actor)} == sees
    hits = within_visible(actor, ScreeningHit.objects.all(), "person__household")
    assert {by_ref[h.person.household.reference] for h in hits} == sees
    assert {name for name, h in households.items() if can_see(actor, h)} == sees
    assert {name for name, h in households.items() if can_change(actor, h)} == sees
    assert {name for name, h in households.items() if can_work_for(actor, h.organisation)} == sees


def test_a_caseworker_moved_to_no_organisation_sees_nothing(caseworker_a: Any, households: Any) -> None:
    caseworker_a.membership.organisation = None
    actor = Actor(user=caseworker_a, role=Actor.for_user(caseworker_a).role, organisation=None)
    assert not visible_households(actor).exists() and not can_see(actor, households["a"])


def test_no_other_module_decides_visibility_from_the_roles_itself() -> None:
    """The role rules for one household are read in the visibility module only."""
    deciding = {"can_see_household", "can_edit_household"}
    elsewhere = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module == "haven_core.roles":
                if deciding & {a.name for a in node.names} and path.name != "visibility.py":
                    elsewhere.append(str(path.relative_to(SRC)))
    assert elsewhere == []
