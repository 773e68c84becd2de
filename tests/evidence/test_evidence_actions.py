"""Evidence is written through actions that check permission and record custody in the same transaction;
originals are never modified, and the two-person rule is enforced, not just shown."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.audit.record import audit_record
from haven.errors import NotAllowed
from haven.evidence.actions import (
    evidence_add,
    evidence_update,
    evidence_verify,
    evidence_viewed,
    file_downloaded,
    item_custody,
    working_copy_create,
)
from haven.evidence.errors import InvalidEvidence
from haven.evidence.models import EvidenceItem, ItemFile, Verification
from haven.evidence.storage import read_blob
from tests.support.evidence import POST_TEXT
from tests.support.personas import make_user

pytestmark = pytest.mark.django_db


def actions_of(item: EvidenceItem) -> list[str]:
    return [entry.action for entry in item_custody(item)]


def test_adding_stores_the_original_and_opens_the_chain_of_custody(
    post: EvidenceItem, caseworker_a: Any
) -> None:
    original = post.files.get()
    assert (original.role, original.filename) == ("original", "пост.txt")
    assert read_blob(original.blob) == POST_TEXT
    assert sorted(post.tags.values_list("tag", flat=True)) == [
        "protest_participation",
        "public_antiwar_statement",
    ]
    assert (post.status, post.added_by) == ("unreviewed", caseworker_a)
    entry = item_custody(post).get()
    assert (entry.action, entry.actor, entry.household_ref) == (
        "evidence.add",
        caseworker_a,
        post.person.household.reference,
    )
    assert entry.detail["sha256"] == original.blob.sha256
    assert "Пост" not in str(entry.detail) and "kotova" not in str(entry.detail)  # no sensitive values


def test_another_organisation_cannot_add_evidence(caseworker_b: Any, household_a: Any) -> None:
    with pytest.raises(NotAllowed):
        evidence_add(
            actor=Actor.for_user(caseworker_b), person=household_a.principal, fields={"kind": "photo"}
        )
    assert not EvidenceItem.objects.exists()


def test_the_adder_cannot_verify_their_own_item(post: EvidenceItem, caseworker_a: Any, org_a: Any) -> None:
    adder_as_reviewer = make_user("rev-adder", "reviewer", org_a)
    item = evidence_add(actor=Actor.for_user(adder_as_reviewer), person=post.person, fields={"kind": "photo"})
    with pytest.raises(NotAllowed, match="two-person rule"):
        evidence_verify(
            actor=Actor.for_user(adder_as_reviewer), item=item, verdict="verified", note="checked"
        )
    item.refresh_from_db()
    assert item.status == "unreviewed" and not Verification.objects.exists()


def test_caseworkers_do_not_verify(post: EvidenceItem, org_a: Any) -> None:
    colleague = make_user("colleague", "caseworker", org_a)
    with pytest.raises(NotAllowed, match="Only a reviewer"):
        evidence_verify(actor=Actor.for_user(colleague), item=post, verdict="verified", note="looks right")


def test_a_reviewer_of_another_organisation_cannot_verify(post: EvidenceItem, org_b: Any) -> None:
    with pytest.raises(NotAllowed):
        evidence_verify(
            actor=Actor.for_user(make_user("rb", "reviewer", org_b)), item=post, verdict="verified", note="x"
        )


def test_a_different_reviewer_verifies_and_the_verdict_is_in_the_custody(
    post: EvidenceItem, reviewer_a: Any
) -> None:
    verification = evidence_verify(
        actor=Actor.for_user(reviewer_a),
        item=post,
        verdict="verified",
        note="Post still online, archived copy matches",
    )
    post.refresh_from_db()
    assert post.status == "verified" and verification.reviewer == reviewer_a
    entry = item_custody(post).last()
    assert entry is not None and (entry.action, entry.actor) == ("evidence.verify", reviewer_a)
    assert entry.detail == {"verdict": "verified", "previous": "unreviewed"}


def test_the_coordinator_may_dispute_and_a_note_is_required(post: EvidenceItem, coordinator: Any) -> None:
    actor = Actor.for_user(coordinator)
    with pytest.raises(InvalidEvidence):
        evidence_verify(actor=actor, item=post, verdict="disputed", note="  ")
    with pytest.raises(InvalidEvidence):
        evidence_verify(actor=actor, item=post, verdict="approved", note="x")
    evidence_verify(actor=actor, item=post, verdict="disputed", note="The account was created in 2024.")
    post.refresh_from_db()
    assert post.status == "disputed"


def test_editing_changes_metadata_only_and_sends_a_verified_item_back_to_review(
    post: EvidenceItem, caseworker_a: Any, reviewer_a: Any
) -> None:
    evidence_verify(actor=Actor.for_user(reviewer_a), item=post, verdict="verified", note="ok")
    files_before = list(ItemFile.objects.values_list("blob__sha256", "role"))
    changed = evidence_update(
        actor=Actor.for_user(caseworker_a),
        item=post,
        fields={"views": 51000, "tags": [("public_antiwar_statement", dt.date(2022, 3, 6))]},
    )
    assert changed == ["views", "tags"]
    post.refresh_from_db()
    assert post.status == "unreviewed" and post.views == 51000
    assert list(post.tags.values_list("tag", "activity_date")) == [
        ("public_antiwar_statement", dt.date(2022, 3, 6))
    ]
    assert list(ItemFile.objects.values_list("blob__sha256", "role")) == files_before
    assert item_custody(post).last().detail == {"fields": ["views", "tags"], "review_reset": True}  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="not fields"):
        evidence_update(actor=Actor.for_user(caseworker_a), item=post, fields={"status": "verified"})


def test_an_unchanged_edit_writes_nothing(post: EvidenceItem, caseworker_a: Any) -> None:
    before = AuditEntry.objects.count()
    same = {
        "title": post.title,
        "tags": [("protest_participation", None), ("public_antiwar_statement", None)],
    }
    assert evidence_update(actor=Actor.for_user(caseworker_a), item=post, fields=same) == []
    assert AuditEntry.objects.count() == before


def test_a_working_copy_is_a_separate_item_linked_to_its_original(
    post: EvidenceItem, caseworker_a: Any
) -> None:
    copy = working_copy_create(
        actor=Actor.for_user(caseworker_a),
        original=post,
        derivation="translation",
        data=b"No to war. A picket at the Pushkin monument, 6 March 2022.",
        filename="post-en.txt",
        fields={"title": "Post (English)", "language": "en"},
    )
    assert copy.original == post and copy.person == post.person and copy.kind == post.kind
    assert (copy.title, copy.language, copy.source_url) == ("Post (English)", "en", post.source_url)
    assert copy.files.get().role == "working"
    assert read_blob(post.files.get().blob) == POST_TEXT  # the original is untouched
    assert actions_of(copy) == ["evidence.working_copy"]
    assert actions_of(post) == ["evidence.add", "evidence.working_copy_made"]
    with pytest.raises(InvalidEvidence):
        working_copy_create(
            actor=Actor.for_user(caseworker_a), original=copy, derivation="crop", data=b"x", filename="x"
        )


def test_the_adder_of_an_original_cannot_verify_its_working_copy(post: EvidenceItem, org_a: Any) -> None:
    reviewer = make_user("rev2", "reviewer", org_a)
    original = evidence_add(actor=Actor.for_user(reviewer), person=post.person, fields={"kind": "photo"})
    copy = working_copy_create(
        actor=Actor.for_user(make_user("cw2", "caseworker", org_a)),
        original=original,
        derivation="redaction",
        data=b"redacted",
        filename="r.txt",
    )
    with pytest.raises(NotAllowed, match="two-person rule"):
        evidence_verify(actor=Actor.for_user(reviewer), item=copy, verdict="verified", note="x")


def test_views_and_downloads_are_custody_entries(
    post: EvidenceItem, reviewer_a: Any, caseworker_b: Any
) -> None:
    actor = Actor.for_user(reviewer_a)
    evidence_viewed(actor=actor, item=post)
    file_downloaded(actor=actor, item_file=post.files.get())
    file_downloaded(actor=actor, item_file=post.files.get(), preview=True)
    assert actions_of(post) == ["evidence.add", "evidence.view", "evidence.download", "evidence.preview"]
    with pytest.raises(NotAllowed):
        evidence_viewed(actor=Actor.for_user(caseworker_b), item=post)
    assert len(actions_of(post)) == 4


def test_an_export_of_the_households_evidence_is_in_every_items_custody(
    post: EvidenceItem, caseworker_a: Any, household_a: Any, household_b: Any
) -> None:
    other = evidence_add(actor=Actor.for_user(caseworker_a), person=post.person, fields={"kind": "photo"})
    for household in (household_a, household_b):
        audit_record(
            actor=None, action="evidence.bundle", household_ref=household.reference, detail={"items": 2}
        )
    assert actions_of(post)[-1] == "evidence.bundle" and actions_of(other)[-1] == "evidence.bundle"
    assert actions_of(post).count("evidence.bundle") == 1  # not household B's export
