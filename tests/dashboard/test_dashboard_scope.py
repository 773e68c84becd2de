"""Every number on the dashboard counts only the households its reader may see in the lists.

Organisation A has three households and B two, at different stages and levels; each persona's
dashboard shows exactly its own organisation's numbers, and the coordinator's their sum.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from haven.audit.models import AuditEntry
from haven.audit.record import audit_seal
from tests.support import dashboard
from tests.support.dashboard import dashboard_html, marks
from tests.support.personas import client_for

pytestmark = pytest.mark.django_db

A = {
    "stages": {"intake": 1, "documenting": 1, "referred": 1},
    "urgency": {"emergency": 1, "urgent": 1, "not_assessed": 1},
    "risk": {"very_high": 1, "high": 1, "not_assessed": 1},
    "documentation": {"well_documented": 1, "not_well_documented": 2},
    "referrals": {"pending": 1, "accepted": 1},
}
B = {
    "stages": {"documenting": 1, "resettled": 1},
    "urgency": {"normal": 1, "not_assessed": 1},
    "risk": {"low": 1, "not_assessed": 1},
    "documentation": {"well_documented": 1, "not_well_documented": 1},
    "referrals": {"refused": 1},
}


def _sum(*parts: dict[str, int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for part in parts:
        for key, value in part.items():
            out[key] = out.get(key, 0) + value
    return out


@pytest.fixture
def coalition(caseworker_a: Any, caseworker_b: Any, coordinator: Any, liaison: Any) -> dict[str, Any]:
    today = timezone.localdate()
    last_month = today.replace(day=1) - dt.timedelta(days=1)
    a1 = dashboard.household(caseworker_a, stage="documenting", urgency="emergency", risk="very_high")
    a2 = dashboard.household(caseworker_a, stage="referred", urgency="urgent", risk="high")
    dashboard.household(caseworker_a, stage="intake")
    b1 = dashboard.household(caseworker_b, stage="documenting", urgency="normal", risk="low")
    dashboard.household(caseworker_b, stage="resettled")
    dashboard.document_well(a1)
    dashboard.document_well(a2, verified=False)
    dashboard.document_well(b1)
    dashboard.event(a1, "protection_granted", today)
    dashboard.event(a2, "removed", last_month)
    dashboard.event(a2, "hearing_held", today)  # not an outcome: not counted
    dashboard.event(b1, "removed", today)
    dashboard.referred(coordinator, liaison, [(a2, "accepted"), (b1, "refused")])
    dashboard.referred(coordinator, liaison, [(a1, "pending")])
    return {"today": today, "last_month": last_month}


def _outcomes(
    today: dt.date, last_month: dt.date, *, granted: int, removed_now: int, removed_before: int
) -> dict[str, int]:
    out = {
        f"protection_granted:{today:%Y-%m}": granted,
        f"removed:{today:%Y-%m}": removed_now,
        f"removed:{last_month:%Y-%m}": removed_before,
    }
    return {key: n for key, n in out.items() if n}


@pytest.mark.parametrize("persona", ["caseworker_a", "reviewer_a"])
def test_organisation_a_sees_its_own_numbers(persona: str, coalition: dict[str, Any], request: Any) -> None:
    html = dashboard_html(request.getfixturevalue(persona))
    for name, expected in A.items():
        assert marks(html, f"chart-{name}") == expected, name
    assert marks(html, "chart-outcomes") == _outcomes(
        coalition["today"], coalition["last_month"], granted=1, removed_now=0, removed_before=1
    )
    assert 'id="chart-organisations"' not in html
    assert "1 of 3 principal applicants are well documented (33 %)" in html


def test_organisation_b_sees_none_of_a(caseworker_b: Any, coalition: dict[str, Any]) -> None:
    html = dashboard_html(caseworker_b)
    for name, expected in B.items():
        assert marks(html, f"chart-{name}") == expected, name
    assert marks(html, "chart-outcomes") == _outcomes(
        coalition["today"], coalition["last_month"], granted=0, removed_now=1, removed_before=0
    )
    assert "Free Russia Aid" not in html
    assert "1 of 2 principal applicants are well documented (50 %)" in html


def test_the_coordinator_sees_the_sum(coordinator: Any, coalition: dict[str, Any]) -> None:
    html = dashboard_html(coordinator)
    for name in A:
        assert marks(html, f"chart-{name}") == _sum(A[name], B[name]), name
    assert marks(html, "chart-organisations") == {"Free Russia Aid": 3, "Exile Legal Defence": 2}
    assert marks(html, "chart-outcomes") == _outcomes(
        coalition["today"], coalition["last_month"], granted=1, removed_now=1, removed_before=1
    )
    assert "2 of 5 principal applicants are well documented (40 %)" in html
    assert "5 households" in html


def test_a_liaison_is_refused(liaison: Any, coalition: dict[str, Any]) -> None:
    assert client_for(liaison).get("/dashboard/").status_code == 403


def test_opening_it_is_audited_without_numbers(
    caseworker_a: Any, coordinator: Any, coalition: dict[str, Any]
) -> None:
    dashboard_html(caseworker_a)
    dashboard_html(coordinator)
    audit_seal()  # reads are staged, then sealed into the chain (by the next change) in the order they came
    entries = list(AuditEntry.objects.filter(action="dashboard.view").order_by("seq"))
    assert [(e.actor.username, e.detail) for e in entries] == [
        ("anna", {"scope": "organisation"}),
        ("coco", {"scope": "coalition"}),
    ]
