"""The audit trail is a hash chain: altering, removing or truncating entries is detected."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from haven.accounts.actor import Actor
from haven.accounts.throttle import username_key
from haven.audit.models import AuditEntry, ChainHead
from haven.audit.record import audit_seal
from haven.cases.actions import household_update, person_update
from tests.support.personas import PASSWORD


def verify() -> str:
    from io import StringIO

    out = StringIO()
    call_command("audit-verify", stdout=out)
    return out.getvalue()


@pytest.fixture
def trail(household_a: Any, caseworker_a: Any) -> list[AuditEntry]:
    actor = Actor.for_user(caseworker_a)
    household_update(actor=actor, household=household_a, fields={"notes": "Met in person"})
    person_update(actor=actor, person=household_a.principal, fields={"phone": "+1 555 0100"})
    return list(AuditEntry.objects.order_by("seq"))


def test_actions_append_linked_entries(trail: list[AuditEntry]) -> None:
    assert [e.seq for e in trail] == list(range(1, len(trail) + 1))
    assert all(later.prev_hash == earlier.hash for earlier, later in pairwise(trail))
    assert ChainHead.objects.get().last_hash == trail[-1].hash
    assert "holds" in verify()


def test_entries_never_carry_sensitive_values(trail: list[AuditEntry]) -> None:
    text = repr([(e.target, e.detail) for e in trail])
    assert "Котова" not in text and "555 0100" not in text and "Met in person" not in text
    assert {"fields": ["phone"]}.items() <= trail[-1].detail.items()


def test_altered_entry_is_reported(trail: list[AuditEntry]) -> None:
    AuditEntry.objects.filter(seq=2).update(action="household.view")
    with pytest.raises(CommandError, match="entry #2 was altered"):
        verify()


def test_removed_entry_is_reported(trail: list[AuditEntry]) -> None:
    AuditEntry.objects.filter(seq=2).delete()
    with pytest.raises(CommandError, match="entry #2 is missing"):
        verify()


def test_truncated_chain_is_reported(trail: list[AuditEntry]) -> None:
    AuditEntry.objects.filter(seq=len(trail)).delete()
    with pytest.raises(CommandError, match="were removed"):
        verify()


def test_rewritten_chain_without_head_is_reported(trail: list[AuditEntry]) -> None:
    # Someone who rewrites an entry and its own hash still breaks the link to the next entry.
    from haven.audit.chain import entry_content, link_hash

    first = trail[0]
    first.target = "forged"
    first.hash = link_hash(first.prev_hash, entry_content(first))
    AuditEntry.objects.filter(seq=first.seq).update(target=first.target, hash=first.hash)  # straight SQL
    with pytest.raises(CommandError, match="entry #2 does not follow"):
        verify()


def test_logins_and_failed_logins_are_recorded(client: Any, caseworker_a: Any) -> None:
    client.post("/login/", {"username": "anna", "password": "wrong"}, REMOTE_ADDR="203.0.113.9")
    client.post("/login/", {"username": "anna", "password": PASSWORD}, REMOTE_ADDR="203.0.113.9")
    actions = list(AuditEntry.objects.order_by("seq").values_list("action", "ip", "target"))
    key = username_key("anna")[:32]
    assert ("auth.login_failed", "203.0.113.9", f"username-key:{key}") in actions
    assert not any("anna" in repr(row) for row in actions if row[0] == "auth.login_failed")
    assert ("auth.login", "203.0.113.9", f"user:{caseworker_a.pk}") in actions
    assert not any("wrong" in repr(row) for row in AuditEntry.objects.values_list("detail", "target"))


def test_opening_a_household_page_is_recorded_as_a_view(caseworker_a: Any, household_a: Any) -> None:
    from tests.support.personas import client_for

    client = client_for(caseworker_a)
    person = household_a.principal
    client.get(f"/cases/{household_a.reference}/", REMOTE_ADDR="203.0.113.20")
    client.get(f"/cases/{household_a.reference}/people/{person.public_id}/edit/")
    assert audit_seal() == 2  # reads are staged, then sealed into the chain in the order they came
    views = AuditEntry.objects.filter(action="household.view", household_ref=household_a.reference)
    assert [(v.detail["page"], v.actor_id) for v in views.order_by("seq")] == [
        ("detail", caseworker_a.pk),
        ("person_edit", caseworker_a.pk),
    ]
    assert views.order_by("seq").first().ip == "203.0.113.20"
    assert "holds" in verify()


def test_a_refused_look_records_no_view(caseworker_b: Any, household_a: Any) -> None:
    from tests.support.personas import client_for

    assert client_for(caseworker_b).get(f"/cases/{household_a.reference}/").status_code == 404
    assert not AuditEntry.objects.filter(action="household.view").exists()


def test_haven_itself_never_changes_or_deletes_an_entry(trail: list[AuditEntry]) -> None:
    from haven.audit.models import AppendOnlyError

    entry = AuditEntry.objects.get(seq=1)
    entry.action = "nothing.happened"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    assert AuditEntry.objects.get(seq=1).action == "household.create"
