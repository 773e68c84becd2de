"""Each chart draws one mark per non-empty category, with its label and number, and tables every one."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from haven.dashboard import counts
from haven.dashboard.documentation_coverage import documentation_coverage
from tests.support import dashboard
from tests.support.dashboard import chart, dashboard_html, marks

pytestmark = pytest.mark.django_db


def test_stage_funnel_labels_and_table(caseworker_a: Any) -> None:
    for stage in ("intake", "intake", "shortlisted"):
        dashboard.household(caseworker_a, stage=stage)
    values, titles, rows = chart(dashboard_html(caseworker_a), "chart-stages")
    assert values == {"intake": 2, "shortlisted": 1}
    assert titles == ["Intake: 2", "Shortlisted: 1"]  # pipeline order
    assert len(rows) == 10  # every stage is in the table, the empty ones too, and the total
    assert rows["Total"] == ["3", ""]
    assert rows["Intake"] == ["2", "67 %"]
    assert rows["Documenting"] == ["0", "0 %"]
    assert rows["Shortlisted"] == ["1", "33 %"]


def test_levels_are_current_or_overridden(caseworker_a: Any, reviewer_a: Any) -> None:
    a = dashboard.household(caseworker_a, urgency="normal", risk="moderate")
    dashboard.assess(a, urgency="emergency", risk="very_high", current=False)  # an earlier one: ignored
    b = dashboard.household(caseworker_a, urgency="normal", risk="low")
    dashboard.override(b, reviewer_a, dimension="urgency", level="urgent")
    dashboard.override(b, reviewer_a, dimension="urgency", level="emergency")  # the latest wins
    c = dashboard.household(caseworker_a, urgency="urgent", risk="high")
    dashboard.override(c, reviewer_a, dimension="risk", level="very_high")
    dashboard.override(c, reviewer_a, dimension="risk", level="")  # withdrawn: the computed level again
    d = dashboard.household(caseworker_a)
    dashboard.override(d, reviewer_a, dimension="urgency", level="emergency")  # no assessment: not assessed
    html = dashboard_html(caseworker_a)
    assert marks(html, "chart-urgency") == {"normal": 1, "urgent": 1, "emergency": 1, "not_assessed": 1}
    assert marks(html, "chart-risk") == {"low": 1, "moderate": 1, "high": 1, "not_assessed": 1}
    assert chart(html, "chart-urgency")[1][-1] == "Not assessed: 1"


def test_documentation_counts_principals_by_the_evidence_score(caseworker_a: Any) -> None:
    well = dashboard.household(caseworker_a)
    dashboard.document_well(well)
    short = dashboard.household(caseworker_a)
    dashboard.document_well(short)[0].delete()  # two verified items of three needed
    copies = dashboard.household(caseworker_a)
    items = dashboard.document_well(copies)
    for item in items[1:]:  # the same post three times: one piece of evidence
        item.source_url = items[0].source_url
        item.save()
    dashboard.household(caseworker_a)  # no evidence at all
    coverage = documentation_coverage(_scope(caseworker_a))
    assert (coverage.principals, coverage.well_documented) == (4, 1)
    html = dashboard_html(caseworker_a)
    assert marks(html, "chart-documentation") == {"well_documented": 1, "not_well_documented": 3}
    assert "1 of 4 principal applicants are well documented (25 %)" in html


def _scope(user: Any) -> Any:
    from haven.accounts.access import visible_households
    from haven.accounts.actor import Actor

    return visible_households(Actor.for_user(user))


def test_outcomes_by_month_over_the_last_year(caseworker_a: Any) -> None:
    today = timezone.localdate()
    h = dashboard.household(caseworker_a)
    dashboard.event(h, "protection_granted", today)
    dashboard.event(h, "protection_granted", today.replace(day=1))  # for another of its people: once
    dashboard.event(dashboard.household(caseworker_a), "protection_granted", today)
    dashboard.event(h, "removed", today.replace(day=1))
    dashboard.event(h, "removed", today - dt.timedelta(days=400))  # before the twelve months shown
    dashboard.event(h, "removal_scheduled", today)  # not an outcome
    html = dashboard_html(caseworker_a)
    month = f"{today:%Y-%m}"
    values, titles, rows = chart(html, "chart-outcomes")
    assert values == {f"protection_granted:{month}": 2, f"removed:{month}": 1}
    assert titles == ["Protection granted: 2", "Removed: 1"]
    assert len(rows) == 13  # twelve months and the total
    assert rows["Total"] == ["2", "1"]
    assert "Counted: the timeline events “Protection granted”" in html


def test_referral_outcomes_by_decision(caseworker_a: Any, coordinator: Any, liaison: Any) -> None:
    one, two, three = (dashboard.household(caseworker_a, stage="referred") for _ in range(3))
    dashboard.referred(coordinator, liaison, [(one, "accepted"), (two, "more_information")])
    dashboard.referred(coordinator, liaison, [(two, "accepted"), (three, "refused")])  # two, again
    values, titles, rows = chart(dashboard_html(caseworker_a), "chart-referrals")
    assert values == {"accepted": 2, "refused": 1, "more_information": 1}
    assert titles == ["Accepted: 2", "Refused: 1", "More information needed: 1"]
    assert rows["Awaiting decision"] == ["0", "0 %"]
    assert "Households by the liaison's decision on their referral" in dashboard_html(caseworker_a)


def test_referral_outcomes_without_referral_entries(caseworker_a: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(counts, "referral_model", lambda: None)  # as before the referral app's tables
    for stage in ("referred", "referred", "decision_received", "resettled", "intake"):
        dashboard.household(caseworker_a, stage=stage)
    html = dashboard_html(caseworker_a)
    assert marks(html, "chart-referrals") == {"referred": 2, "decision_received": 1, "resettled": 1}
    assert "No referral decisions are recorded in Haven yet" in html


def test_an_empty_caseload(caseworker_a: Any) -> None:
    html = dashboard_html(caseworker_a)
    for name in ("stages", "urgency", "risk", "documentation", "outcomes", "referrals"):
        assert marks(html, f"chart-{name}") == {}, name
    assert html.count("Nothing to count yet.") == 5
    assert "No protection granted and no removals in these months." in html
    assert "No principal applicants yet." in html
    assert "0 households" in html
