"""Evidence a reviewer sent back for correction is still not reviewed: it counts as unreviewed (never
as disputed), so asking for a correction does not lower a person's risk by itself."""

from __future__ import annotations

import datetime as dt

from haven_core.assessment import assess
from tests.support.assessment import TODAY, household, item, person, rules


def _points(status: str) -> tuple[float, int]:
    someone = person(
        evidence=(item("post", "public_antiwar_statement", status=status, on=dt.date(2024, 5, 1)),)
    )
    result = assess(household(someone), rules(), TODAY)
    found = {c.key: c for c in result.risk.contributions}
    return found["exposure:CC 207.3"].points, result.people[0].evidence.unreviewed


def test_an_item_sent_back_counts_as_an_unreviewed_one() -> None:
    assert _points("sent_back") == _points("unreviewed") == (2.5, 1)
