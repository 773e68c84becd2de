"""The item page shows what an original photo says about itself beside its claims; a working copy,
cleaned of its metadata, has nothing to show."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.evidence.actions import evidence_add, working_copy_create
from tests.support.evidence_files import mp4, photo, webm
from tests.support.personas import client_for

pytestmark = pytest.mark.django_db


def _page(user: Any, item: Any) -> str:
    return (
        client_for(user)
        .get(f"/cases/{item.person.household.reference}/evidence/{item.public_id}/")
        .content.decode()
    )


def test_the_item_page_shows_the_photos_metadata_and_its_working_copy_has_none(
    caseworker_a: Any, household_a: Any
) -> None:
    actor = Actor.for_user(caseworker_a)
    original = evidence_add(
        actor=actor,
        person=household_a.principal,
        fields={"kind": "photo", "title": "Фото", "published_on": dt.date(2022, 3, 1)},
        data=photo(taken="2022:03:06 14:05:00"),
    )
    html = _page(caseworker_a, original)
    assert "What the file says about itself" in html
    assert "Apple iPhone 12" in html and "55.76580, 37.60560" in html
    assert "5 days after it was published" in html

    copy = working_copy_create(
        actor=actor, original=original, derivation="crop", data=photo(), filename="c.jpg"
    )
    assert "What the file says about itself" not in _page(caseworker_a, copy)


def test_a_video_shows_its_device_and_position(caseworker_a: Any, household_a: Any) -> None:
    item = evidence_add(
        actor=Actor.for_user(caseworker_a),
        person=household_a.principal,
        fields={"kind": "video", "title": "Видео", "tags": [("protest_participation", dt.date(2022, 3, 6))]},
        data=mp4(created=dt.datetime(2022, 3, 6, 11, 0)),
    )
    html = _page(caseworker_a, item)
    assert "samsung SM-G991B" in html and "55.76580, 37.60560" in html and "CapCut 9.1" in html
    assert "days after the activity" not in html


def test_a_webm_video_shows_when_it_was_made_and_the_contradiction(
    caseworker_a: Any, household_a: Any
) -> None:
    item = evidence_add(
        actor=Actor.for_user(caseworker_a),
        person=household_a.principal,
        fields={"kind": "video", "title": "Видео", "tags": [("protest_participation", dt.date(2022, 3, 6))]},
        data=webm(created=dt.datetime(2022, 3, 9, 11, 0, tzinfo=dt.UTC)),
    )
    html = _page(caseworker_a, item)
    assert "What the file says about itself" in html and "Lavf60.16.100" in html
    assert "(UTC+0000)" in html  # WebM dates are in UTC, and the panel says so
    assert "3 days after the activity it is said to show (Protest participation" in html
