"""Authorisation matrix rows for the review queue and the pictures Haven draws of evidence files (see
test_authorisation_matrix.py).

The queue is for those who verify evidence: reviewers (their organisation's items), the coordinator
and admins (every household). Caseworkers and liaisons are refused it whoever owns the item; the
item pages' pictures follow the household, as the item page does. The objects include a PNG, so that
a picture exists to be refused or served.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

VERIFIERS = (403, 200, 403, 200, 403, 200, "login")
HOUSEHOLD = (200, 200, 404, 200, 403, 200, "login")

ROWS: dict[str, tuple[Callable[[dict[str, Any]], str], tuple[int | str, ...]]] = {
    # Items are waiting, so the queue opens at the oldest.
    "review:queue": (lambda o: "/evidence/review/", (403, 302, 403, 302, 403, 302, "login")),
    "review:item": (lambda o: f"/evidence/review/{o['photo']}/", VERIFIERS),
    "review:verify": (lambda o: f"/evidence/review/{o['photo']}/verify/", (405,) * 7),  # POST only
    "review:send_back": (lambda o: f"/evidence/review/{o['photo']}/send-back/", (405,) * 7),
    "review:picture": (
        lambda o: f"/evidence/review/{o['photo']}/files/{o['photo_sha']}/pictures/1/",
        VERIFIERS,
    ),
    "review:search": (lambda o: "/evidence/review/search/", VERIFIERS),
    # POST only: reading a scan (a job) and deciding a fact read from it (test_document_reading.py)
    "evidence:read": (lambda o: f"/cases/{o['ref']}/evidence/{o['photo']}/read/", (405,) * 7),
    "evidence:decide_fact": (lambda o: f"/cases/{o['ref']}/evidence/{o['photo']}/facts/1/", (405,) * 7),
    "evidence:picture": (
        lambda o: f"/cases/{o['ref']}/evidence/{o['photo']}/files/{o['photo_sha']}/pictures/1/",
        HOUSEHOLD,
    ),
}


def extra_objects(objects: dict[str, Any], users: dict[str, Any]) -> dict[str, Any]:
    from haven.accounts.actor import Actor
    from haven.evidence.actions import evidence_add
    from haven.evidence.previews import pictures_make
    from tests.support.evidence_files import photo

    household = users["household_a"]
    item = evidence_add(
        actor=Actor.for_user(users["caseworker_a"]),
        person=household.principal,
        fields={"kind": "photo", "title": "Фото"},
        data=photo(),
    )
    pictures_make(item.files.get().blob)  # as the worker does after an upload: a picture to serve
    return {"photo": item.public_id, "photo_sha": item.files.get().blob.sha256}
