"""The dashboard reads evidence as plain rows; the facts it scores are those the evidence pages score."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from haven.dashboard.documentation_coverage import facts_of
from haven.evidence.documentation_facts import item_facts
from haven.evidence.models import EvidenceItem, EvidenceTag, ItemFile, StoredBlob
from tests.support import dashboard

pytestmark = pytest.mark.django_db


def _blob(digit: str) -> StoredBlob:
    return StoredBlob.objects.create(sha256=digit * 64, size=10, media_type="application/pdf")


def test_facts_from_rows_equal_the_evidence_pages_facts(caseworker_a: Any) -> None:
    household = dashboard.household(caseworker_a)
    person = household.people.get(relationship="principal")

    def item(**fields: Any) -> EvidenceItem:
        return EvidenceItem.objects.create(person=person, status="verified", **fields)

    tagged = item(kind="social_post", source_url="https://www.t.me/x/1/", published_on=dt.date(2023, 1, 5))
    EvidenceTag.objects.create(item=tagged, tag="protest_participation", activity_date=dt.date(2022, 3, 6))
    EvidenceTag.objects.create(item=tagged, tag="public_antiwar_statement", activity_date=dt.date(2022, 2, 2))
    EvidenceTag.objects.create(item=tagged, tag="donation_ukraine")  # undated
    item(kind="witness_statement", author="  Мария Петрова ", published_on=dt.date(2024, 6, 1))
    listed = item(kind="registry_listing", registry="РФМ", registry_listed_on=dt.date(2024, 2, 1))
    EvidenceTag.objects.create(item=listed, tag="registry_listing")
    with_file = item(kind="court_document")
    ItemFile.objects.create(item=with_file, blob=_blob("b"), role="screenshot", filename="снимок.png")
    ItemFile.objects.create(item=with_file, blob=_blob("a"), role="original", filename="решение.pdf")
    EvidenceItem.objects.create(person=person, status="verified", kind="photo", original=with_file)  # a copy
    EvidenceItem.objects.create(person=person, status="disputed", kind="photo")

    expected = [
        item_facts(i)
        for i in EvidenceItem.objects.filter(person=person, status="verified", original__isnull=True)
        .prefetch_related("tags", "files__blob")
        .order_by("id")
    ]
    assert len(expected) == 4  # the working copy and the disputed photo do not count
    assert facts_of([person.pk]) == {person.pk: expected}
