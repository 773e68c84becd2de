"""The documentation score's sentences write dates as the rest of the page does in the reader's language."""

from __future__ import annotations

from django.utils import translation

from haven.evidence.documentation_facts import reason_text
from haven_core.evidence.documentation_score import Reason

PERIOD = Reason("period_met", {"days": 355, "first": "2022-03-06", "last": "2023-02-24", "needed": 180})


def test_the_period_covered_is_dated_in_the_readers_format() -> None:
    with translation.override("en"):
        assert "from 2022-03-06 to 2023-02-24" in reason_text(PERIOD)
    with translation.override("ru"):
        text = reason_text(PERIOD)
        assert "06.03.2022" in text and "24.02.2023" in text and "2022-03-06" not in text
