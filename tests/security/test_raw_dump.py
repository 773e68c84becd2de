"""A raw copy of the database shows no name, A-number, birth date or other sensitive value.

This is what a stolen disk, a leaked database dump or a curious database administrator sees. SQLite: the
database's own pages, written out by ``VACUUM INTO``. PostgreSQL: every table's contents as ``COPY`` gives
them. The control proves the search can fail: with the plain codec the very same values are there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.support.security import SECRETS, raw_database


def found(dump: str) -> list[str]:
    return [secret for secret in SECRETS if secret.casefold() in dump]


@pytest.mark.django_db(transaction=True)
def test_a_raw_dump_shows_no_sensitive_value(caseload: Any, tmp_path: Path) -> None:
    dump = raw_database(tmp_path)
    assert all(h.reference.casefold() in dump for h in caseload)  # the rows are there, not sensitive
    assert found(dump) == []


@pytest.mark.django_db(transaction=True)
def test_control_without_encryption_the_same_dump_shows_them(
    settings: Any, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    settings.HAVEN_FIELD_CODEC = "haven.security.sensitive.PlainCodec"
    request.getfixturevalue("caseload")
    assert found(raw_database(tmp_path)) == list(SECRETS)


@pytest.mark.django_db(transaction=True)
def test_a_registry_listing_is_not_readable_from_a_raw_dump(household_a: Any, tmp_path: Path) -> None:
    """With the public registry, a listing's reference or date would name the person it is about."""
    import datetime as dt

    from haven.accounts.actor import Actor
    from haven.evidence.actions import evidence_add
    from haven.evidence.models import EvidenceItem

    person = household_a.principal
    coordinator_like = Actor.system()
    fields = {
        "kind": "registry_listing",
        "registry": "minjust-foreign-agents",
        "registry_reference": "FA-7351-Q",
        "registry_listed_on": dt.date(2023, 9, 29),
    }
    item = evidence_add(actor=coordinator_like, person=person, fields=fields)
    assert EvidenceItem.objects.get(pk=item.pk).registry_listed_on == dt.date(2023, 9, 29)
    dump = raw_database(tmp_path)
    assert "fa-7351-q" not in dump and "minjust-foreign-agents" not in dump and "2023-09-29" not in dump
