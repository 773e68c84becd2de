"""Registry watch: a newer snapshot's newly listed people are screened at once and their owners told."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from haven.accounts.actor import Actor
from haven.alerts.models import AlertSent
from haven.audit.models import AuditEntry
from haven.cases.actions import household_create
from haven.registries.importing import registry_import
from haven.registries.models import Entry, ScreeningHit
from haven.registries.screening import screen_everyone
from tests.support.alerts import SENSITIVE, bodies_to
from tests.support.registries import CSV_2024, XLSX_2025, data_file

HEADER = "reference,name,birth_date,listed_on\n"
SOMEONE = "L-1,Иванов Пётр Алексеевич,1970-01-01,2024-05-17\n"
KOTOVA = "L-2,Котова Юлия Сергеевна,1988-04-12,2025-02-01\n"  # household_a's principal
STRANGER = "L-3,Сидоров Олег Иванович,1965-07-09,2025-02-01\n"


def snapshot(rows: str, day: int, capture: Any) -> None:
    with capture(execute=True):
        registry_import(
            actor=Actor.system(),
            data=(HEADER + rows).encode(),
            registry="watch-list",
            taken_on=dt.date(2025, 2, day),
        )


def test_the_owner_of_a_newly_listed_person_is_told_and_no_one_else(
    household_a: Any,
    household_b: Any,
    caseworker_a: Any,
    caseworker_b: Any,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    snapshot(SOMEONE, 1, django_capture_on_commit_callbacks)
    assert mailoutbox == []  # a registry's first snapshot lists no one anew
    snapshot(SOMEONE + KOTOVA + STRANGER, 10, django_capture_on_commit_callbacks)

    [body] = bodies_to(mailoutbox, caseworker_a)
    assert len(mailoutbox) == 1 and bodies_to(mailoutbox, caseworker_b) == []
    assert household_a.reference in body and "1 possible match" in body
    for secret in (*SENSITIVE, "watch-list", "L-2"):
        assert secret not in body
    # The reviewers' queue has the hit, as any screening puts it there.
    hit = ScreeningHit.objects.get(person=household_a.principal)
    assert hit.status == "open" and hit.entry_ref == str(Entry.objects.get(reference="L-2").public_id)
    audit = AuditEntry.objects.get(action="alerts.send")
    assert audit.detail == {"kind": "registry", "recipient": caseworker_a.pk, "households": 1, "items": 1}


def test_a_hit_is_announced_once(
    household_a: Any, caseworker_a: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    from haven.alerts.registry_watch import registry_watch
    from haven.registries.models import Snapshot

    snapshot(SOMEONE, 1, django_capture_on_commit_callbacks)
    snapshot(SOMEONE + KOTOVA, 10, django_capture_on_commit_callbacks)
    newest = Snapshot.objects.get(taken_on=dt.date(2025, 2, 10))
    report = registry_watch(actor=Actor.system(), snapshot_id=newest.pk, stream=io.StringIO())
    assert (report.added, report.people, report.hits, report.emails) == (1, 1, 1, 0)
    assert len(mailoutbox) == 1 and AlertSent.objects.filter(kind="registry").count() == 1


def test_people_listed_before_are_not_announced_again(
    household_a: Any, caseworker_a: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    snapshot(SOMEONE + KOTOVA, 1, django_capture_on_commit_callbacks)
    screen_everyone(actor=Actor.system(), stream=io.StringIO())  # as `haven registry-import` does
    assert ScreeningHit.objects.filter(person=household_a.principal).count() == 1
    snapshot(SOMEONE + KOTOVA + STRANGER, 10, django_capture_on_commit_callbacks)
    assert mailoutbox == []


def test_an_older_snapshot_imported_late_announces_nothing(
    household_a: Any, caseworker_a: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    snapshot(SOMEONE, 10, django_capture_on_commit_callbacks)
    snapshot(SOMEONE + KOTOVA, 20, django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 1
    snapshot(SOMEONE + KOTOVA + STRANGER, 15, django_capture_on_commit_callbacks)  # older than the 20th
    assert len(mailoutbox) == 1


def test_a_dry_run_import_screens_and_announces_nothing(
    household_a: Any, caseworker_a: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    snapshot(SOMEONE, 1, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        registry_import(
            actor=Actor.system(),
            data=(HEADER + SOMEONE + KOTOVA).encode(),
            registry="watch-list",
            taken_on=dt.date(2025, 2, 10),
            dry_run=True,
        )
    assert mailoutbox == [] and not ScreeningHit.objects.exists()


def test_a_person_newly_in_the_ministrys_real_registry_is_announced_to_their_owner(
    caseworker_a: Any,
    caseworker_b: Any,
    household_b: Any,
    org_a: Any,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    """Марк Солонин, entry 1049, listed 15.08.2025: absent from the February 2024 file, in August 2025's."""
    older, newer = data_file(CSV_2024), data_file(XLSX_2025)
    registry_import(actor=Actor.system(), data=older, file_name=CSV_2024, taken_on=dt.date(2024, 2, 2))
    household = household_create(
        actor=Actor.for_user(caseworker_a),
        organisation=org_a,
        principal={
            "surname_latin": "SOLONIN",
            "given_name_latin": "MARK",
            "sex": "M",
            "birth_date": "1958-05-29",
        },
    )
    with django_capture_on_commit_callbacks(execute=True):
        registry_import(actor=Actor.system(), data=newer, file_name=XLSX_2025)
    [body] = bodies_to(mailoutbox, caseworker_a)
    assert household.reference in body and "SOLONIN" not in body and "Солонин" not in body
    assert bodies_to(mailoutbox, caseworker_b) == []
    hit = ScreeningHit.objects.get(person=household.principal)
    entry = Entry.objects.get(public_id=hit.entry_ref)
    assert entry.reference == "1049" and hit.status == "open"
