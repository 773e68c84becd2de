"""``haven assess``: every household of the demo, what a change of the rules moves, and bad rules files."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from haven.assessment.models import Assessment
from haven.audit.models import AuditEntry
from haven.cases.models import Household
from haven_core.assessment import DEFAULT_RULES
from tests.support.demo import built_once


def assess(*args: str) -> str:
    out = io.StringIO()
    call_command("assess", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture(scope="module")
def seeded(django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: Any) -> Iterator[None]:
    """The demo coalition of 40 households, written once for this module's tests (tests/support/demo.py);
    what a test assesses is undone after it."""
    with built_once(django_db_blocker, tmp_path_factory.mktemp("seeded-files")):
        call_command("seed", households=40, seed=7, stdout=io.StringIO(), stderr=io.StringIO())
        yield


@pytest.fixture
def demo(seeded: None, db: Any) -> int:
    return Household.objects.count()


def test_the_demo_is_assessed_once_and_then_found_unchanged(demo: int) -> None:
    first = assess()
    assert f"Assessed {demo} households" in first and f"Stored {demo} new and 0 changed" in first
    assert Assessment.objects.filter(current=True).count() == demo
    assert f"0 new and 0 changed; {demo} unchanged" in assess()
    assert Assessment.objects.count() == demo
    runs = AuditEntry.objects.filter(action="assessment.run").order_by("seq")
    assert [e.detail["new"] for e in runs] == [demo, 0]


def test_a_change_of_the_rules_reassesses_and_lists_what_moved(demo: int, tmp_path: Path) -> None:
    assess()
    before = dict(
        Assessment.objects.filter(current=True).values_list("household__reference", "vulnerability_level")
    )
    changed = DEFAULT_RULES.read_text(encoding="utf-8").replace("\nhigh = 10\n", "\nhigh = 5\n", 1)
    rules = tmp_path / "russia-test.toml"
    rules.write_text(
        changed.replace('version = "russia-2026-11.1"', 'version = "russia-test.2"'), encoding="utf-8"
    )
    preview = assess("--rules", str(rules), "--dry-run", "--diff")
    assert "Would store 0 new and" in preview
    assert Assessment.objects.filter(rules_version="russia-test.2").count() == 0
    report = assess("--rules", str(rules), "--diff")
    after = dict(
        Assessment.objects.filter(current=True).values_list("household__reference", "vulnerability_level")
    )
    moved = [ref for ref in before if before[ref] != after[ref]]
    assert moved, "lowering the threshold of a high vulnerability must move someone"
    for reference in moved:
        assert f"{reference}  vulnerability {before[reference]} → {after[reference]}" in report
    assert set(Assessment.objects.filter(current=True).values_list("rules_version", flat=True)) == {
        "russia-test.2"
    }
    assert Assessment.objects.filter(current=False).count() == demo  # the earlier ones are kept


def test_one_household(demo: int) -> None:
    reference = Household.objects.order_by("pk").values_list("reference", flat=True).first()
    assert reference is not None
    out = assess("--household", reference)
    assert out.startswith(f"{reference}: risk ")
    assert Assessment.objects.get().household.reference == reference
    assert AuditEntry.objects.filter(action="assessment.compute", household_ref=reference).exists()


def test_a_wrong_rules_file_stops_the_command_with_its_error(db: Any, tmp_path: Path) -> None:
    rules = tmp_path / "wrong.toml"
    rules.write_text(
        DEFAULT_RULES.read_text(encoding="utf-8").replace('tag = "wanted_listing"', 'tag = "wanted"')
    )
    with pytest.raises(CommandError, match=r"signals\[1\] \(wanted_listing\)\.tag: unknown tag 'wanted'"):
        assess("--rules", str(rules))


def test_worker_processes_give_the_same_assessments(demo: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from haven.assessment import actions

    monkeypatch.setattr(actions, "BATCH", 7)  # several batches, so that the workers are used
    assert f"Stored {demo} new" in assess("--jobs", "2")
    assert f"0 new and 0 changed; {demo} unchanged" in assess("--jobs", "1")
