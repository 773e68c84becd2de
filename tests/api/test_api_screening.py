"""Registry screening over the API, by the pages' rules: reviewers (their organisation's people) and the
coordinator see and decide hits, caseworkers do not; a confirmed hit becomes evidence on the person."""

from __future__ import annotations

from typing import Any

import pytest

from haven.audit.models import AuditEntry
from haven.audit.record import audit_seal
from haven.evidence.models import EvidenceItem
from haven.registries.models import ScreeningHit
from tests.support.api import locs
from tests.support.personas import make_user
from tests.support.registries import registry_objects


@pytest.fixture
def hit(household_a: Any) -> Any:
    return ScreeningHit.objects.get(public_id=registry_objects(household_a.principal)["hit"])


def test_a_reviewer_lists_the_households_hits_with_their_entries(
    api_as: Any, household_a: Any, hit: Any, reviewer_a: Any
) -> None:
    response = api_as(reviewer_a).get(f"/households/{household_a.reference}/screening")
    assert response.status_code == 200
    [listed] = response.json()
    assert listed["id"] == str(hit.public_id) and listed["status"] == "open" and listed["score"] == 0.97
    assert listed["person"] == str(household_a.principal.public_id)
    assert listed["entry"] == {
        "registry": "test-list",
        "reference": "L-1",
        "name": "Котова Юлия Сергеевна",
        "listed_on": "2024-05-17",
    }
    closed = api_as(reviewer_a).get(f"/households/{household_a.reference}/screening?status=confirmed")
    assert closed.json() == []
    audit_seal()
    views = AuditEntry.objects.filter(action="household.view", household_ref=household_a.reference)
    assert [v.detail for v in views] == [{"page": "api-v1:screening"}] * 2


def test_confirming_a_hit_makes_it_evidence_on_the_person(
    api_as: Any, household_a: Any, hit: Any, reviewer_a: Any
) -> None:
    client = api_as(reviewer_a)
    path = f"/households/{household_a.reference}/screening/{hit.public_id}"
    assert locs(client.post(path, {"decision": "undo"})) == {("body", "decision", "decision")}
    assert locs(client.post(path, {"decision": "reject", "note": "x" * 2001})) == {
        ("body", "decision", "note")
    }
    response = client.post(path, {"decision": "confirm", "note": "Same birth date and patronymic"})
    assert response.status_code == 200, response.content
    decided = response.json()
    assert decided["status"] == "confirmed" and decided["reviewer"] == "rita"
    item = EvidenceItem.objects.get(public_id=decided["evidence"])
    assert item.kind == "registry_listing" and item.person == household_a.principal
    listing = client.get(f"/households/{household_a.reference}/evidence/{item.public_id}").json()
    assert (listing["registry"], listing["registry_reference"], listing["registry_listed_on"]) == (
        "test-list",
        "L-1",
        "2024-05-17",
    )
    entry = AuditEntry.objects.get(action="registry.hit_confirm")
    assert entry.target == str(hit.public_id) and entry.detail == {"evidence": str(item.public_id)}
    again = client.post(path, {"decision": "reject"})
    assert again.status_code == 400 and "already been decided" in again.json()["detail"]


def test_caseworkers_and_liaisons_are_refused_and_other_organisations_hits_not_found(
    api_as: Any,
    household_a: Any,
    household_b: Any,
    hit: Any,
    caseworker_a: Any,
    reviewer_a: Any,
    caseworker_b: Any,
    liaison: Any,
    coordinator: Any,
) -> None:
    listing = f"/households/{household_a.reference}/screening"
    decide = f"{listing}/{hit.public_id}"
    for refused in (caseworker_a, caseworker_b, liaison):
        assert api_as(refused).get(listing).status_code == 403
        assert api_as(refused).post(decide, {"decision": "reject"}).status_code == 403
    # A reviewer of another organisation does not find it; nor does anyone through another household.
    reviewer_b = make_user("rob", "reviewer", household_b.organisation)
    assert api_as(reviewer_b).get(listing).status_code == 404
    assert api_as(reviewer_b).post(decide, {"decision": "reject"}).status_code == 404
    elsewhere = f"/households/{household_b.reference}/screening/{hit.public_id}"
    assert api_as(coordinator).post(elsewhere, {"decision": "reject"}).status_code == 404
    hit.refresh_from_db()
    assert hit.status == "open"
    assert api_as(coordinator).post(decide, {"decision": "reject"}).json()["status"] == "rejected"
    assert AuditEntry.objects.get(action="registry.hit_reject").actor == coordinator
