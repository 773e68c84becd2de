"""Reads are audited without queuing behind the audit chain's lock: a household page opened (or an API
call) stages its entry, and the next change seals the staged entries into the hash chain in the order
they came. Once sealed they are links like any other; while staged, ``haven audit-verify`` counts them
and names one that was altered."""

from __future__ import annotations

import threading
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections, transaction

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry, ChainHead, StagedEntry
from haven.audit.record import audit_record
from haven.cases.actions import household_update, household_view
from tests.support.personas import client_for

pytestmark = pytest.mark.django_db


def verify() -> str:
    out = StringIO()
    call_command("audit-verify", stdout=out)
    return out.getvalue()


def head_seq() -> int:
    head = ChainHead.objects.filter(pk=1).first()
    return head.last_seq if head else 0


def test_opening_a_household_stages_its_view_without_touching_the_chain(
    caseworker_a: Any, household_a: Any
) -> None:
    client = client_for(caseworker_a)  # signing in is a change of its own, chained at once
    before = head_seq()
    assert client.get(f"/cases/{household_a.reference}/").status_code == 200
    assert head_seq() == before and not AuditEntry.objects.filter(action="household.view").exists()
    [staged] = StagedEntry.objects.all()
    assert (staged.action, staged.household_ref, staged.actor_id) == (
        "household.view", household_a.reference, caseworker_a.pk,
    )  # fmt: skip
    assert "1 read entries are staged, not sealed into the chain yet" in verify()


def test_the_next_change_seals_the_staged_views_before_its_own_entry(
    caseworker_a: Any, household_a: Any
) -> None:
    actor = Actor.for_user(caseworker_a)
    household_view(actor=actor, household=household_a, page="detail")
    household_view(actor=actor, household=household_a, page="person_edit")
    household_update(actor=actor, household=household_a, fields={"notes": "Met in person"})
    assert not StagedEntry.objects.exists()
    last = list(AuditEntry.objects.order_by("-seq")[:3])[::-1]
    assert [(e.action, e.detail.get("page")) for e in last] == [
        ("household.view", "detail"), ("household.view", "person_edit"), ("household.update", None),
    ]  # fmt: skip
    output = verify()
    assert "holds" in output and "staged" not in output


def test_a_sealed_view_is_covered_by_the_chain(caseworker_a: Any, household_a: Any) -> None:
    household_view(actor=Actor.for_user(caseworker_a), household=household_a, page="detail")
    call_command("audit-seal", stdout=StringIO())
    view = AuditEntry.objects.get(action="household.view")
    AuditEntry.objects.filter(pk=view.pk).update(household_ref="H-2026-9999")  # who looked at what, rewritten
    with pytest.raises(CommandError, match=f"entry #{view.seq} was altered"):
        verify()


def test_a_staged_entry_altered_before_sealing_is_reported_and_never_sealed(
    caseworker_a: Any, household_a: Any
) -> None:
    actor = Actor.for_user(caseworker_a)
    household_view(actor=actor, household=household_a, page="detail")
    household_view(actor=actor, household=household_a, page="evidence")
    altered = StagedEntry.objects.latest("id")
    StagedEntry.objects.filter(pk=altered.pk).update(actor=None)  # hide who looked
    with pytest.raises(CommandError, match=f"1 of the 2 staged read entries .* staged entry {altered.pk}"):
        verify()
    out = StringIO()
    call_command("audit-seal", stdout=out)
    assert "Sealed 1 staged" in out.getvalue() and "1 staged entries were altered" in out.getvalue()
    assert list(StagedEntry.objects.values_list("pk", flat=True)) == [altered.pk]
    assert AuditEntry.objects.filter(action="household.view").count() == 1
    with pytest.raises(CommandError, match="were altered"):
        verify()


def test_staged_entries_are_append_only(caseworker_a: Any, household_a: Any) -> None:
    from haven.audit.models import AppendOnlyError

    household_view(actor=Actor.for_user(caseworker_a), household=household_a, page="detail")
    staged = StagedEntry.objects.get()
    staged.action = "household.update"
    with pytest.raises(AppendOnlyError):
        staged.save()
    with pytest.raises(AppendOnlyError):
        staged.delete()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL only")
def test_a_reader_does_not_wait_for_a_writer_holding_the_chain(caseworker_a: Any, household_a: Any) -> None:
    holding, release = threading.Event(), threading.Event()

    def writer() -> None:
        try:
            with transaction.atomic():
                audit_record(
                    actor=caseworker_a, action="household.update", household_ref=household_a.reference
                )
                holding.set()
                release.wait(20)
        finally:
            connections.close_all()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert holding.wait(20)
        read = threading.Thread(
            target=lambda: (
                household_view(actor=Actor.for_user(caseworker_a), household=household_a, page="detail"),
                connections.close_all(),
            )
        )
        read.start()
        read.join(5)
        assert not read.is_alive(), "the reader waited for the writer's lock"
    finally:
        release.set()
        thread.join(20)
    assert StagedEntry.objects.count() == 1
