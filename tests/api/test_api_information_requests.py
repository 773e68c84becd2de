"""The liaison's requests for more information over the API: a caseworker's system lists the requests on
its organisation's households, reads one and answers it through the page's own action (the same timeline
and audit entries); another organisation's request is not found and the refusal is audited; a request
is answered once."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache

from haven.accounts.actor import Actor
from haven.api.actions import token_create
from haven.api.models import TokenScope
from haven.audit.models import AuditEntry
from haven.referral.actions import referral_decision_record
from haven.referral.models import InformationRequest, ReferralEntry
from tests.support.api import ApiClient
from tests.support.referral import batch_for

QUESTION = "Пришлите, пожалуйста, копию повестки в суд и перевод."
ANSWER = "Повестка загружена как доказательство; перевод будет к пятнице."


@pytest.fixture
def entry(coordinator: Any, liaison: Any, household_a: Any) -> ReferralEntry:
    return batch_for(coordinator, liaison, [household_a]).entries.get()


@pytest.fixture
def asked(entry: ReferralEntry, liaison: Any) -> InformationRequest:
    """The liaison's "more information needed" on household A, as the batch page records it."""
    referral_decision_record(
        actor=Actor.for_user(liaison), entry=entry, decision="more_information", note=QUESTION
    )
    return entry.information_requests.get()


def test_a_caseworker_lists_reads_and_answers_a_request(
    api_as: Any, asked: InformationRequest, entry: ReferralEntry, household_a: Any, caseworker_a: Any
) -> None:
    client = api_as(caseworker_a)
    waiting = client.get("/information-requests?status=open")
    assert waiting.status_code == 200, waiting.content
    assert waiting.json()["count"] == 1
    (listed,) = waiting.json()["requests"]
    assert (listed["id"], listed["household"], listed["batch"]) == (
        str(asked.public_id),
        household_a.reference,
        entry.batch.reference,
    )
    assert (listed["status"], listed["question"], listed["answer"]) == ("open", QUESTION, None)
    assert client.get("/information-requests?status=answered").json()["requests"] == []

    path = f"/information-requests/{asked.public_id}"
    assert client.get(path).json() == listed

    answered = client.post(f"{path}/answer", {"answer": f"  {ANSWER}  "})
    assert answered.status_code == 200, answered.content
    body = answered.json()
    assert (body["status"], body["answer"], body["answered_by"]) == ("answered", ANSWER, "anna")
    asked.refresh_from_db()
    assert (asked.status, asked.answer, asked.answered_by) == ("answered", ANSWER, caseworker_a)
    # The page's own action: its audit entry (references only, never the answer) and the timeline note.
    (entry_written,) = AuditEntry.objects.filter(action="referral.request_answer")
    assert entry_written.actor == caseworker_a and entry_written.target == str(asked.public_id)
    assert entry_written.detail == {"batch": entry.batch.reference}
    notes = [e.note for e in household_a.events.filter(kind="other")]
    reference = entry.batch.reference
    assert f"Referral {reference}: answer to the liaison's request for information — {ANSWER}" in notes
    # Reading one request is a read of the household's sensitive text, as its page is (sealed by now).
    read = AuditEntry.objects.get(action="household.view", actor=caseworker_a)
    assert read.detail == {"page": "api-v1:information_request"}
    assert client.get("/information-requests?status=open").json()["count"] == 0
    assert client.get("/information-requests?status=answered").json()["requests"] == [body]
    assert client.get("/information-requests").json()["count"] == 1


def test_another_organisations_request_is_not_found_and_the_refusal_is_audited(
    api_as: Any, asked: InformationRequest, household_a: Any, caseworker_b: Any
) -> None:
    client = api_as(caseworker_b)
    listed = client.get("/information-requests").json()
    assert (listed["count"], listed["requests"]) == (0, [])
    path = f"/information-requests/{asked.public_id}"
    read = client.get(path)
    assert read.status_code == 404 and QUESTION not in read.content.decode()
    (refused,) = AuditEntry.objects.filter(action="access.refused")
    assert refused.actor == caseworker_b and refused.household_ref == household_a.reference
    assert refused.detail == {"kind": "information_request"}
    cache.clear()  # a new minute: the answer's refusal is recorded too
    assert client.post(f"{path}/answer", {"answer": ANSWER}).status_code == 404
    assert AuditEntry.objects.filter(action="access.refused", actor=caseworker_b).count() == 2
    asked.refresh_from_db()
    assert asked.status == "open" and not AuditEntry.objects.filter(action="referral.request_answer").exists()


def test_an_answered_request_is_not_answered_again(
    api_as: Any, asked: InformationRequest, caseworker_a: Any, reviewer_a: Any
) -> None:
    path = f"/information-requests/{asked.public_id}/answer"
    assert api_as(caseworker_a).post(path, {"answer": ANSWER}).status_code == 200
    again = api_as(reviewer_a).post(path, {"answer": "Ещё одно."})
    assert again.status_code == 400
    assert again.json() == {"detail": "This request has already been answered or closed."}
    asked.refresh_from_db()
    assert (asked.answer, asked.answered_by) == (ANSWER, caseworker_a)
    assert AuditEntry.objects.filter(action="referral.request_answer").count() == 1


def test_tokens_and_answers_follow_the_rules_of_the_other_operations(
    api_as: Any, asked: InformationRequest, caseworker_a: Any, liaison: Any, coordinator: Any
) -> None:
    path = f"/information-requests/{asked.public_id}"
    reading = ApiClient(token_create(actor=Actor.for_user(caseworker_a), name="r", scope=TokenScope.READ)[1])
    assert reading.get(path).status_code == 200
    assert reading.post(f"{path}/answer", {"answer": ANSWER}).status_code == 403  # a read-only token
    assert api_as(liaison).get("/information-requests").status_code == 403  # no caseload: the batch page
    blank = api_as(caseworker_a).post(f"{path}/answer", {"answer": "   "})
    assert blank.status_code == 422 and blank.json()["detail"][0]["loc"] == ["body", "answer", "answer"]
    asked.refresh_from_db()
    assert asked.status == "open"
    # The coordinator sees every organisation's requests, as on the requests page.
    assert api_as(coordinator).get("/information-requests?status=open").json()["count"] == 1
    assert api_as(caseworker_a).get("/information-requests?status=nothing").status_code == 422
