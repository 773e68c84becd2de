"""An item's English and French title and summary for referral dossiers: stored encrypted, edited through
the evidence form with its audit entry, and, since a translation says the same thing, a verified item is
not sent back to review by it (any other change still is)."""

from __future__ import annotations

from typing import Any

from django.db import connection

from haven.accounts.actor import Actor
from haven.evidence.actions import evidence_update, evidence_verify, item_custody
from haven.evidence.models import EvidenceItem
from tests.support.evidence import evidence_url
from tests.support.personas import client_for

FRENCH = "Publication contre la guerre sur Telegram"


def raw(item: EvidenceItem, column: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM evidence_evidenceitem WHERE id = %s", [item.pk])  # noqa: S608
        return str(cursor.fetchone()[0])


def test_translations_are_stored_encrypted_and_keep_a_verified_item_verified(
    post: EvidenceItem, caseworker_a: Any, reviewer_a: Any
) -> None:
    evidence_verify(actor=Actor.for_user(reviewer_a), item=post, verdict="verified", note="ok")
    changed = evidence_update(
        actor=Actor.for_user(caseworker_a),
        item=post,
        fields={"title_fr": FRENCH, "summary_en": "A post against the war."},
    )
    assert changed == ["title_fr", "summary_en"]
    post.refresh_from_db()
    assert post.title_fr == FRENCH and post.summary_en == "A post against the war."
    assert post.status == "verified"
    assert FRENCH not in raw(post, "title_fr") and "Telegram" not in raw(post, "title_fr")
    entry = item_custody(post).last()
    assert entry is not None and entry.action == "evidence.update"
    assert entry.detail == {"fields": ["title_fr", "summary_en"], "review_reset": False}
    # Anything else still sends it back to review.
    evidence_update(actor=Actor.for_user(caseworker_a), item=post, fields={"title_en": "A post", "views": 7})
    post.refresh_from_db()
    assert post.status == "unreviewed"


def test_the_edit_form_offers_the_translations(
    post: EvidenceItem, caseworker_a: Any, household_a: Any
) -> None:
    client = client_for(caseworker_a)
    url = evidence_url(household_a, f"{post.public_id}/edit/")
    html = client.get(url).content.decode()
    assert 'name="title_fr"' in html and 'name="summary_en"' in html
    assert "Translations for referral dossiers (optional)" in html
    form = {
        "kind": post.kind,
        "title": post.title,
        "description": post.description or "",
        "title_en": "Anti-war post",
        "title_fr": FRENCH,
        "tag_public_antiwar_statement": "on",
    }
    response = client.post(url, form)
    assert response.status_code == 302
    post.refresh_from_db()
    assert (post.title_en, post.title_fr) == ("Anti-war post", FRENCH)
