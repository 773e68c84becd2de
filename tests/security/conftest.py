"""A caseload with every kind of sensitive value, and the values a raw dump must never show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.cases.actions import (
    canada_permit_save,
    canada_relative_save,
    event_add,
    household_move,
    household_update,
    person_update,
    us_record_save,
)
from haven.security import keys
from haven_core.pipeline import Stage


@pytest.fixture
def own_keys(settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A key file for this test alone (rotation rewrites it), and processes that notice changes fast."""
    settings.HAVEN_KEYS_FILE = tmp_path / "keys.json"
    monkeypatch.setattr(keys, "RECHECK_SECONDS", 0.01)
    keys.reset()
    yield settings.HAVEN_KEYS_FILE
    keys.reset()


@pytest.fixture
def caseload(household_a: Any, household_b: Any, caseworker_a: Any, caseworker_b: Any) -> list[Any]:
    """Households A and B, with household A's principal given every kind of sensitive detail."""
    actor = Actor.for_user(caseworker_a)
    principal = household_a.principal
    person_update(
        actor=actor,
        person=principal,
        fields={
            "other_spellings": "Yulia Kotova",
            "place_of_birth": "Нижний Новгород",
            "phone": "+1 917 555 0142",
            "email": "iuliia.k@example.org",
            "address": "1180 Ocean Parkway",
            "survivor_of_violence": True,
            "vulnerability_notes": "detained after the rally in Perm",
        },
    )
    us_record_save(
        actor=actor, person=principal, fields={"a_number": "A204-718-395", "status": "removal_proceedings"}
    )
    canada_relative_save(
        actor=actor,
        person=principal,
        fields={
            "full_name": "Котов Павел Андреевич",
            "relationship": "sibling",
            "canadian_status": "citizen",
        },
    )
    canada_permit_save(actor=actor, person=principal, fields={"kind": "visitor_visa", "number": "PX9931177"})
    event_add(
        actor=actor,
        household=household_a,
        fields={"date": dt.date(2024, 3, 2), "kind": "detained", "note": "detained after the rally in Perm"},
    )
    household_update(actor=actor, household=household_a, fields={"notes": "Котова: see the IRB file"})
    household_move(
        actor=Actor.for_user(caseworker_b),
        household=household_b,
        stage=Stage.CLOSED,
        reason="resettled with the Toronto sponsor group",
    )
    return [household_a, household_b]
