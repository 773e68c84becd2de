"""Evidence metadata over the API: a person's items with their files' SHA-256 and review status, one
item read as a custody event, for those who see the household on the pages."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.evidence.actions import evidence_add, evidence_verify
from haven.evidence.models import EvidenceItem
from tests.support.api import locs

PLACARD = b"Net voyne: placard photographed at the picket, 6 March 2022.\n"


@pytest.fixture
def item(household_a: Any, caseworker_a: Any) -> Any:
    return evidence_add(
        actor=Actor.for_user(caseworker_a),
        person=household_a.principal,
        fields={"kind": "photo", "title": "Пикет", "tags": [("protest_participation", dt.date(2022, 3, 6))]},
        data=PLACARD,
        filename="picket.txt",
    )


def test_a_persons_evidence_lists_hashes_tags_and_review(
    api_as: Any, household_a: Any, item: Any, caseworker_a: Any, reviewer_a: Any
) -> None:
    evidence_verify(
        actor=Actor.for_user(reviewer_a), item=item, verdict="verified", note="Checked the source"
    )
    path = f"/households/{household_a.reference}/people/{household_a.principal.public_id}/evidence"
    response = api_as(caseworker_a).get(path)
    assert response.status_code == 200
    [listed] = response.json()
    assert listed["id"] == str(item.public_id) and listed["title"] == "Пикет"
    assert listed["status"] == "verified" and listed["verifications"][0]["reviewer"] == "rita"
    assert listed["tags"] == [{"tag": "protest_participation", "activity_date": "2022-03-06"}]
    [stored] = listed["files"]
    assert stored["sha256"] == hashlib.sha256(PLACARD).hexdigest() and stored["size"] == len(PLACARD)
    assert stored["role"] == "original" and stored["media_type"] == "text/plain"
    child = household_a.people.get(relationship="child")
    empty = api_as(caseworker_a).get(f"/households/{household_a.reference}/people/{child.public_id}/evidence")
    assert empty.json() == []


def test_reading_an_item_is_in_its_chain_of_custody(
    api_as: Any, household_a: Any, item: Any, reviewer_a: Any
) -> None:
    response = api_as(reviewer_a).get(f"/households/{household_a.reference}/evidence/{item.public_id}")
    assert response.status_code == 200 and response.json()["person"] == str(household_a.principal.public_id)
    viewed = AuditEntry.objects.get(action="evidence.view")
    assert viewed.actor == reviewer_a and viewed.target == str(item.public_id)
    assert viewed.detail == {"page": "api"}


def test_other_organisations_evidence_is_not_found_and_a_liaison_is_refused(
    api_as: Any,
    household_a: Any,
    household_b: Any,
    item: Any,
    caseworker_b: Any,
    coordinator: Any,
    liaison: Any,
) -> None:
    path = f"/households/{household_a.reference}/evidence/{item.public_id}"
    assert api_as(caseworker_b).get(path).status_code == 404
    # Not through a household the caller may see either.
    assert (
        api_as(caseworker_b).get(f"/households/{household_b.reference}/evidence/{item.public_id}").status_code
        == 404
    )
    assert api_as(liaison).get(path).status_code == 403
    assert not AuditEntry.objects.filter(action="evidence.view").exists()
    assert api_as(coordinator).get(path).status_code == 200


def _upload(client: Any, path: str, fields: dict[str, Any], name: str = "", data: bytes = b"") -> Any:
    body: dict[str, Any] = dict(fields)
    if name:
        body["upload"] = SimpleUploadedFile(name, data)
    return client.client.post(f"/api/v1{path}", body)  # multipart, as a browser sends the upload page


def test_an_item_is_added_with_its_file_through_the_evidence_action(
    api_as: Any, household_a: Any, caseworker_a: Any
) -> None:
    path = f"/households/{household_a.reference}/people/{household_a.principal.public_id}/evidence"
    fields = {"kind": "photo", "title": "Пикет", "tags": ["protest_participation:2022-03-06", "fbk_work"]}
    response = _upload(api_as(caseworker_a), path, fields, "picket.txt", PLACARD)
    assert response.status_code == 201, response.content
    added = response.json()
    assert added["status"] == "unreviewed" and added["added_by"] == "anna"
    assert sorted((t["tag"], t["activity_date"]) for t in added["tags"]) == [
        ("fbk_work", None),
        ("protest_participation", "2022-03-06"),
    ]
    sha = hashlib.sha256(PLACARD).hexdigest()
    assert [f["sha256"] for f in added["files"]] == [sha]
    entry = AuditEntry.objects.get(action="evidence.add")
    assert entry.target == added["id"] and entry.detail["sha256"] == sha and "Пикет" not in str(entry.detail)


def test_an_upload_the_page_would_refuse_names_the_field(
    api_as: Any, household_a: Any, caseworker_a: Any
) -> None:
    client = api_as(caseworker_a)
    path = f"/households/{household_a.reference}/people/{household_a.principal.public_id}/evidence"
    zipped = _upload(client, path, {"kind": "photo", "title": "Архив"}, "all.zip", b"PK\x03\x04" + b"\0" * 40)
    assert locs(zipped) == {("file", "upload")} and "Archives" in zipped.json()["detail"][0]["msg"]
    assert locs(_upload(client, path, {"kind": "photo"})) == {("form", "title")}
    assert locs(_upload(client, path, {"kind": "photo", "title": "x", "tags": ["fbk_work", "fbk_work"]})) == {
        ("form", "tags")
    }
    assert locs(_upload(client, path, {"kind": "photo", "title": "x", "tags": ["no_such_tag"]})) == {
        ("form", "tags")
    }
    bad_day = _upload(client, path, {"kind": "photo", "title": "x", "tags": ["fbk_work:2022-13-01"]})
    assert locs(bad_day) == {("form", "tags")}
    assert not EvidenceItem.objects.exists()


def test_only_those_who_may_change_the_household_add_evidence(
    api_as: Any, household_a: Any, caseworker_b: Any, liaison: Any
) -> None:
    path = f"/households/{household_a.reference}/people/{household_a.principal.public_id}/evidence"
    fields = {"kind": "photo", "title": "Пикет"}
    assert _upload(api_as(caseworker_b), path, fields, "p.txt", PLACARD).status_code == 404
    assert _upload(api_as(liaison), path, fields, "p.txt", PLACARD).status_code == 403
    assert not EvidenceItem.objects.exists()
