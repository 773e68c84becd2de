"""Sending evidence back for correction: a reviewer's audited request with a reason, under the same
two-person rule as a verdict; the caseworker sees the reason, corrects the item, and it is reviewed
again."""

from __future__ import annotations

from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.errors import NotAllowed
from haven.evidence.actions import evidence_send_back, evidence_update, evidence_verify
from haven.evidence.errors import InvalidEvidence
from haven.evidence.models import EvidenceItem
from haven.evidence.review_queue import review_queue
from tests.support.personas import client_for

pytestmark = pytest.mark.django_db

REASON = "Дата пикета не совпадает с датой поста: уточните."


def test_a_reviewer_sends_an_item_back_with_a_reason(reviewer_a: Any, post: EvidenceItem) -> None:
    reviewer = Actor.for_user(reviewer_a)
    evidence_send_back(actor=reviewer, item=post, reason=REASON)
    post.refresh_from_db()
    assert post.status == "sent_back"
    assert post.verifications.get().verdict == "sent_back"
    entry = AuditEntry.objects.get(action="evidence.send_back", target=str(post.public_id))
    assert entry.detail == {
        "previous": "unreviewed"
    }  # the reason is sensitive: kept encrypted, not in the trail
    assert post not in review_queue(reviewer)


def test_the_two_person_rule_and_a_reason_are_required(
    caseworker_a: Any, reviewer_a: Any, post: EvidenceItem
) -> None:
    with pytest.raises(NotAllowed):
        evidence_send_back(actor=Actor.for_user(caseworker_a), item=post, reason=REASON)
    with pytest.raises(InvalidEvidence):
        evidence_send_back(actor=Actor.for_user(reviewer_a), item=post, reason="   ")
    post.refresh_from_db()
    assert post.status == "unreviewed" and not AuditEntry.objects.filter(action="evidence.send_back").exists()


def test_a_verified_item_is_disputed_not_sent_back(reviewer_a: Any, post: EvidenceItem) -> None:
    reviewer = Actor.for_user(reviewer_a)
    evidence_verify(actor=reviewer, item=post, verdict="verified", note="ok")
    with pytest.raises(InvalidEvidence):
        evidence_send_back(actor=reviewer, item=post, reason=REASON)


def test_the_caseworker_sees_the_reason_corrects_the_item_and_it_returns_to_the_queue(
    caseworker_a: Any, reviewer_a: Any, household_a: Any, post: EvidenceItem
) -> None:
    reviewer = Actor.for_user(reviewer_a)
    evidence_send_back(actor=reviewer, item=post, reason=REASON)
    page = client_for(caseworker_a).get(f"/cases/{household_a.reference}/evidence/{post.public_id}/")
    html = page.content.decode()
    assert "Sent back for correction" in html and REASON in html

    post.refresh_from_db()
    evidence_update(actor=Actor.for_user(caseworker_a), item=post, fields={"title": "Пост о пикете 6 марта"})
    post.refresh_from_db()
    assert post.status == "unreviewed"
    assert post in review_queue(reviewer)
