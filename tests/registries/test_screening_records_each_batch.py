"""Screening the caseload stores each batch of hits together with the audit entry that records it, in one
transaction: a batch is never stored unrecorded, and a failure loses only the batch it struck."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.cases.actions import household_create
from haven.cases.models import Person
from haven.registries import screening
from haven.registries.actions import screening as storing
from haven.registries.importing import ImportResult
from haven.registries.models import ScreeningHit
from haven.registries.screening import screen_everyone

SOLONIN = {"surname_latin": "SOLONIN", "given_name_latin": "MARK", "sex": "M", "birth_date": "1958-05-29"}


@pytest.fixture
def three_listed(minjust_2025: ImportResult, caseworker_a: Any, org_a: Any) -> list[Person]:
    """Three households whose principal is on the registry; not screened yet (nothing is committed)."""
    actor = Actor.for_user(caseworker_a)
    households = [
        household_create(actor=actor, organisation=org_a, principal=SOLONIN, different_person=True)
        for _ in range(3)
    ]
    assert not ScreeningHit.objects.exists()
    return [h.principal for h in households]


@pytest.fixture
def batches_of_one(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = screening.people_batches

    def one_at_a_time(people: Any, size: int = 1) -> Iterator[list[Person]]:
        return whole(people, 1)

    monkeypatch.setattr(screening, "people_batches", one_at_a_time)


def screens() -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action="registry.screen").order_by("seq"))


def test_each_batch_writes_its_own_entry_with_what_it_stored(
    three_listed: list[Person], batches_of_one: None
) -> None:
    counts = screen_everyone(actor=Actor.system(), stream=io.StringIO())
    entries = screens()
    assert [e.detail["people"] for e in entries] == [1, 1, 1]
    assert [e.detail["new_hits"] for e in entries] == [1, 1, 1]
    assert counts.new_hits == 3 == ScreeningHit.objects.count()


def test_a_failure_recording_a_batch_rolls_back_that_batchs_hits(
    three_listed: list[Person], batches_of_one: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = []
    record = storing.audit_record

    def fail_on_the_second(**entry: Any) -> Any:
        if written:
            raise RuntimeError("the audit chain could not be written")
        written.append(entry)
        return record(**entry)

    monkeypatch.setattr(storing, "audit_record", fail_on_the_second)
    with pytest.raises(RuntimeError):
        screen_everyone(actor=Actor.system(), stream=io.StringIO())
    # The first batch is stored and recorded; the second, whose entry failed, left no hit behind.
    assert [e.detail["new_hits"] for e in screens()] == [1]
    assert list(ScreeningHit.objects.values_list("person", flat=True)) == [three_listed[0].pk]
