"""The override form: a dimension is chosen first, then one of its levels; nothing destructive is ever
the default, and a refused form says what to correct at the top."""

from __future__ import annotations

import re
from typing import Any

from haven.assessment.models import AssessmentOverride
from tests.support.assessment import JUSTIFICATION, assessed
from tests.support.personas import client_for


def url(household: Any) -> str:
    return f"/assessment/{household.reference}/override/"


def options(html: str) -> list[tuple[str, bool]]:
    select = html[html.index('name="level"') :]
    select = select[: select.index("</select>")]
    return [(m[1], "selected" in m[0]) for m in re.finditer(r'<option value="([^"]*)"[^>]*>', select)]


def test_the_form_offers_only_the_chosen_dimensions_levels_and_chooses_none(
    household_a: Any, caseworker_a: Any, reviewer_a: Any
) -> None:
    assessed(household_a, caseworker_a)
    client = client_for(reviewer_a)
    urgency = options(client.get(url(household_a), {"dimension": "urgency"}).content.decode())
    assert [value for value, _ in urgency] == ["", "normal", "urgent", "emergency"]
    assert [value for value, selected in urgency if selected] == [""]  # the reviewer chooses
    risk = options(client.get(url(household_a)).content.decode())
    assert [value for value, _ in risk] == ["", "low", "moderate", "high", "very_high"]


def test_withdrawing_is_offered_last_only_when_there_is_an_override_and_is_never_preselected(
    household_a: Any, caseworker_a: Any, reviewer_a: Any
) -> None:
    assessed(household_a, caseworker_a)
    client = client_for(reviewer_a)
    post = {"dimension": "risk", "level": "very_high", "justification": JUSTIFICATION}
    assert client.post(url(household_a), post).status_code == 302
    risk = options(client.get(url(household_a), {"dimension": "risk"}).content.decode())
    assert risk[-1] == ("withdraw", False) and [v for v, s in risk if s] == [""]
    assert "withdraw" not in dict(
        options(client.get(url(household_a), {"dimension": "urgency"}).content.decode())
    )
    nothing_chosen = client.post(url(household_a), {"dimension": "risk", "justification": JUSTIFICATION})
    assert nothing_chosen.status_code == 200 and AssessmentOverride.objects.count() == 1
    withdrawn = client.post(url(household_a), {**post, "level": "withdraw"})
    assert withdrawn.status_code == 302
    assert AssessmentOverride.objects.order_by("-id").values_list("level", flat=True)[0] == ""


def test_a_refused_form_lists_its_corrections_at_the_top(
    household_a: Any, caseworker_a: Any, reviewer_a: Any
) -> None:
    assessed(household_a, caseworker_a)
    html = (
        client_for(reviewer_a)
        .post(url(household_a), {"dimension": "urgency", "justification": "short"})
        .content.decode()
    )
    summary = html[html.index('id="error-summary"') :]
    summary = summary[: summary.index("</div>")]
    assert "2 corrections" in summary
    assert 'href="#id_level"' in summary and 'href="#id_justification"' in summary
    assert html.index('id="error-summary"') < html.index('name="level"')
