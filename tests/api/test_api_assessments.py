"""Assessments over the API: asking for one runs ``household_assess``; reading one explains it, each
contribution with its public sources, and says which reviewer's override is in force."""

from __future__ import annotations

import datetime as dt
from typing import Any

from haven.accounts.actor import Actor
from haven.assessment.actions import assessment_override
from haven.assessment.models import Assessment
from haven.audit.models import AuditEntry
from haven.evidence.actions import evidence_add, evidence_verify


def _protest(household: Any, caseworker: Any, reviewer: Any) -> Any:
    item = evidence_add(
        actor=Actor.for_user(caseworker),
        person=household.principal,
        fields={"kind": "photo", "title": "Пикет", "tags": [("protest_participation", dt.date(2022, 3, 6))]},
        data=b"placard at the picket\n",
        filename="picket.txt",
    )
    evidence_verify(actor=Actor.for_user(reviewer), item=item, verdict="verified", note="Checked the source")
    return item


def test_an_assessment_is_asked_for_then_read_with_its_sources(
    api_as: Any, household_a: Any, caseworker_a: Any, reviewer_a: Any
) -> None:
    item = _protest(household_a, caseworker_a, reviewer_a)
    client = api_as(caseworker_a)
    path = f"/households/{household_a.reference}/assessment"
    missing = client.get(path)
    assert missing.status_code == 404 and "not been assessed" in missing.json()["detail"]
    made = client.post(path)
    assert made.status_code == 200, made.content
    assessment = made.json()
    row = Assessment.objects.get(household=household_a, current=True)
    assert assessment["risk"] == {
        "computed": row.risk_level,
        "in_force": row.risk_level,
        "score": row.risk_score,
    }
    principal = next(p for p in assessment["people"] if p["person"] == str(household_a.principal.public_id))
    contributions = principal["risk"]["contributions"]
    [protest] = [c for c in contributions if str(item.public_id) in c["evidence"]]
    assert protest["points"] > 0 and protest["label"]["en"] and protest["label"]["ru"]
    # Each fact names the public sources it rests on, as the dossier does; the internal notes a rule was
    # taken from never leave Haven.
    assert protest["sources"] and all(s["title"]["en"] and s["title"]["fr"] for s in protest["sources"])
    assert "source" not in protest and "DOMAIN.md" not in made.content.decode()
    counted = sum(c["points"] for c in contributions if c["counted"])
    assert abs(principal["risk"]["score"] - counted) < 1e-6
    assert AuditEntry.objects.get(action="assessment.compute").detail["changed"] is True
    assert client.get(path).json() == assessment
    assert client.post(path).status_code == 200  # nothing changed: the same row stays current
    assert Assessment.objects.filter(household=household_a).count() == 1


def test_a_reviewers_override_is_in_force(
    api_as: Any, household_a: Any, caseworker_a: Any, reviewer_a: Any
) -> None:
    client = api_as(caseworker_a)
    path = f"/households/{household_a.reference}/assessment"
    client.post(path)
    assessment_override(
        actor=Actor.for_user(reviewer_a),
        household=household_a,
        dimension="urgency",
        level="emergency",
        justification="Removal flight booked for next week, confirmed by the attorney.",
    )
    read = client.get(path).json()
    assert read["urgency"]["in_force"] == "emergency" and read["urgency"]["computed"] != "emergency"
    assert read["overrides"][0]["dimension"] == "urgency" and read["overrides"][0]["reviewer"] == "rita"


def test_other_organisations_assessments_are_not_found_and_a_liaison_is_refused(
    api_as: Any, household_a: Any, caseworker_b: Any, liaison: Any, coordinator: Any
) -> None:
    path = f"/households/{household_a.reference}/assessment"
    assert api_as(caseworker_b).post(path).status_code == 404
    assert api_as(liaison).post(path).status_code == 403
    assert not Assessment.objects.exists()
    assert api_as(coordinator).post(path).status_code == 200
    assert api_as(caseworker_b).get(path).status_code == 404
