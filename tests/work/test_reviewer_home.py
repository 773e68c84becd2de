"""A reviewer lands on evidence to verify (the longest waiting first), registry hits to decide,
households ready for review and overrides to sign again; only their organisation's."""

from __future__ import annotations

from typing import Any

from haven.accounts.actor import Actor
from haven.cases.models import Household
from tests.support.personas import client_for, make_user
from tests.support.work import busy_household, evidence


def _sections(client: Any) -> dict[str, Any]:
    return client.get("/").context["by_key"]


def test_evidence_to_verify_oldest_first_linked_to_the_review_queue(
    org_a: Any, caseworker_a: Any, reviewer_a: Any
) -> None:
    first = busy_household(org_a, caseworker_a, reviewer_a, "Котова")
    second = busy_household(org_a, caseworker_a, reviewer_a, "Петрова")
    to_verify = _sections(client_for(reviewer_a))["to_verify"]
    assert [i.household for i in to_verify.items] == [first.reference, second.reference]
    item = first.principal.evidence.get(status="unreviewed")
    assert to_verify.items[0].url == f"/evidence/review/{item.public_id}/"
    assert to_verify.more_url == "/evidence/review/"
    assert client_for(reviewer_a).get(to_verify.items[0].url).status_code == 200


def test_evidence_the_reviewer_added_is_left_to_someone_else(
    org_a: Any, caseworker_a: Any, reviewer_a: Any
) -> None:
    household = busy_household(org_a, caseworker_a, reviewer_a, "Котова")
    evidence(Actor.for_user(reviewer_a), household.principal, "Своё")
    assert _sections(client_for(reviewer_a))["to_verify"].count == 1  # the caseworker's only


def test_hits_households_ready_and_overrides_to_sign(org_a: Any, caseworker_a: Any, reviewer_a: Any) -> None:
    household = busy_household(org_a, caseworker_a, reviewer_a, "Котова")
    Household.objects.filter(pk=household.pk).update(stage="ready_for_review")
    sections = _sections(client_for(reviewer_a))
    (hit,) = sections["hits"].items
    assert hit.url.startswith("/registries/screening/")
    (ready,) = sections["ready_for_review"].items
    assert ready.url == f"/cases/{household.reference}/#assessment"
    (override,) = sections["overrides"].items
    assert override.url == f"/assessment/{household.reference}/override/?dimension=risk"
    assert "Very high" in override.detail


def test_signing_the_override_again_takes_it_off_the_list(
    org_a: Any, caseworker_a: Any, reviewer_a: Any
) -> None:
    busy_household(org_a, caseworker_a, reviewer_a, "Котова")
    client = client_for(reviewer_a)
    url = _sections(client)["overrides"].items[0].url
    response = client.post(
        url,
        {"dimension": "risk", "level": "very_high", "justification": "Still wanted: checked again today."},
    )
    assert response.status_code == 302
    assert _sections(client)["overrides"].count == 0


def test_a_reviewer_sees_only_their_organisations_work(
    org_a: Any, org_b: Any, caseworker_b: Any, reviewer_a: Any
) -> None:
    busy_household(org_b, caseworker_b, make_user("rob", "reviewer", org_b), "Щербакова")
    sections = _sections(client_for(reviewer_a))
    assert [s.count for s in sections.values()] == [0, 0, 0, 0]
