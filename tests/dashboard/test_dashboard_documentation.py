"""Documentation coverage keeps each principal's verdict and scores again only whom a change concerns:
a verdict on their evidence, an edit that sends an item back to review, other criteria."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from haven.accounts.access import visible_households
from haven.accounts.actor import Actor
from haven.dashboard.documentation_coverage import documentation_coverage
from haven.dashboard.models import DocumentationVerdict
from haven.evidence.actions import evidence_update
from haven.evidence.actions.review import evidence_verify
from tests.support import dashboard

pytestmark = pytest.mark.django_db


def _coverage(user: Any) -> tuple[int, int]:
    found = documentation_coverage(visible_households(Actor.for_user(user)))
    return found.principals, found.well_documented


def test_a_verdict_on_the_evidence_is_seen_next_time(caseworker_a: Any, reviewer_a: Any) -> None:
    household = dashboard.household(caseworker_a)
    items = dashboard.document_well(household)
    assert _coverage(caseworker_a) == (1, 1)
    assert DocumentationVerdict.objects.get().well_documented is True

    evidence_verify(actor=Actor.for_user(reviewer_a), item=items[2], verdict="disputed", note="Другой автор")
    assert _coverage(caseworker_a) == (1, 0)
    evidence_verify(actor=Actor.for_user(reviewer_a), item=items[2], verdict="verified", note="Проверено")
    assert _coverage(caseworker_a) == (1, 1)


def test_an_edit_sends_the_item_back_to_review(caseworker_a: Any) -> None:
    household = dashboard.household(caseworker_a)
    items = dashboard.document_well(household)
    assert _coverage(caseworker_a) == (1, 1)
    evidence_update(actor=Actor.for_user(caseworker_a), item=items[0], fields={"author": "другой канал"})
    assert _coverage(caseworker_a) == (1, 0)


def test_other_criteria_score_everyone_again(caseworker_a: Any, settings: Any, tmp_path: Path) -> None:
    household = dashboard.household(caseworker_a)
    dashboard.document_well(household)
    assert _coverage(caseworker_a) == (1, 1)
    stricter = tmp_path / "documentation.toml"
    stricter.write_text("[criteria]\nmin_verified_items = 4\nofficial_bonus_items = 0\n", encoding="utf-8")
    settings.HAVEN_DOCUMENTATION_CRITERIA_FILE = str(stricter)
    assert _coverage(caseworker_a) == (1, 0)


def test_an_unchanged_principal_is_not_scored_again(caseworker_a: Any) -> None:
    household = dashboard.household(caseworker_a)
    dashboard.document_well(household)
    assert _coverage(caseworker_a) == (1, 1)
    DocumentationVerdict.objects.update(well_documented=False)  # what was stored is what counts
    assert _coverage(caseworker_a) == (1, 0)


def test_an_item_verified_again_scores_its_principal_again(caseworker_a: Any, reviewer_a: Any) -> None:
    household = dashboard.household(caseworker_a)
    items = dashboard.document_well(household)
    assert _coverage(caseworker_a) == (1, 1)
    DocumentationVerdict.objects.update(well_documented=False)
    reviewer = Actor.for_user(reviewer_a)
    evidence_verify(actor=reviewer, item=items[2], verdict="disputed", note="Другой автор")
    evidence_verify(actor=reviewer, item=items[2], verdict="verified", note="Проверено")
    # the same verified originals as before, but reviewed again since: the stored verdict no longer holds
    assert _coverage(caseworker_a) == (1, 1)


def test_a_verdict_on_an_item_that_does_not_count_keeps_the_stored_one(
    caseworker_a: Any, reviewer_a: Any
) -> None:
    household = dashboard.household(caseworker_a)
    dashboard.document_well(household)
    (unreviewed,) = dashboard.document_well(household, verified=False)[:1]
    assert _coverage(caseworker_a) == (1, 1)
    DocumentationVerdict.objects.update(well_documented=False)
    evidence_verify(actor=Actor.for_user(reviewer_a), item=unreviewed, verdict="disputed", note="Не то")
    assert _coverage(caseworker_a) == (1, 0)  # its verified originals are unchanged: not scored again
