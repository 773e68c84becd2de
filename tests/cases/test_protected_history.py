"""A household's history cannot be quietly rewritten: events Haven writes stay as written, and a person's
own event is withdrawn with a reason — it stays on the timeline, struck through — never deleted."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.cases.actions import event_add, event_withdraw, household_move
from haven.cases.models import TimelineEvent
from haven.errors import InvalidChange, NotAllowed
from haven_core.pipeline import Stage
from tests.support.cases import audit_actions, detail_url, in_days, principal
from tests.support.personas import client_for

NOTE = "Слушание перенесено: судья Гарсия, зал 4."
REASON = "Entered on the wrong family by mistake."


def an_event(user: Any, household: Any, **fields: Any) -> TimelineEvent:
    fields = {"date": in_days(-3), "kind": "hearing_held", "note": NOTE, **fields}
    return event_add(actor=Actor.for_user(user), household=household, fields=fields)


def withdraw_url(household: Any, event: TimelineEvent) -> str:
    return f"/cases/{household.reference}/events/{event.public_id}/withdraw/"


def audit_verify() -> str:
    out = StringIO()
    call_command("audit-verify", stdout=out)
    return out.getvalue()


def test_a_withdrawn_event_stays_on_the_timeline_struck_through_with_who_when_and_why(
    caseworker_a: Any, reviewer_a: Any, household_a: Any
) -> None:
    event = an_event(caseworker_a, household_a, person=principal(household_a))
    client = client_for(reviewer_a)  # anyone who may edit the household, not only who recorded it
    assert client.get(withdraw_url(household_a, event)).status_code == 200
    response = client.post(withdraw_url(household_a, event), {"reason": REASON})
    assert response["Location"] == f"{detail_url(household_a)}#timeline"

    event.refresh_from_db()
    assert (event.kind, event.note, event.date) == ("hearing_held", NOTE, in_days(-3))  # kept as it was
    assert (event.withdrawn_by, event.withdrawn_reason) == (reviewer_a, REASON)
    assert event.withdrawn_at is not None

    timeline = client.get(detail_url(household_a)).content.decode().split('id="timeline"')[1]
    item = timeline[timeline.index("is-withdrawn") : timeline.index("</li>", timeline.index("is-withdrawn"))]
    assert "Hearing held" in item and NOTE in item and REASON in item
    assert "Withdrawn by rita" in item
    assert "/withdraw/" not in item  # withdrawn once, for good


def test_the_audit_entry_names_what_was_withdrawn_and_the_sensitive_text_stays_encrypted_on_the_event(
    caseworker_a: Any, household_a: Any
) -> None:
    event = an_event(caseworker_a, household_a, person=principal(household_a))
    event_withdraw(actor=Actor.for_user(caseworker_a), event=event, reason=REASON)
    entry = AuditEntry.objects.filter(action="event.withdraw").get()
    assert entry.household_ref == household_a.reference and entry.target == str(event.public_id)
    assert entry.detail == {
        "kind": "hearing_held",
        "date": in_days(-3).isoformat(),
        "person": str(principal(household_a).public_id),
    }
    assert NOTE not in str(entry.detail) and REASON not in str(entry.detail)
    with connection.cursor() as cursor:
        cursor.execute("SELECT note, withdrawn_reason FROM cases_timelineevent WHERE id = %s", [event.pk])
        stored_note, stored_reason = cursor.fetchone()
    assert stored_note != NOTE and stored_reason != REASON  # both through the codec, never in clear
    assert "holds" in audit_verify()


def test_withdrawing_needs_a_reason(caseworker_a: Any, household_a: Any) -> None:
    event = an_event(caseworker_a, household_a)
    response = client_for(caseworker_a).post(withdraw_url(household_a, event), {"reason": "  "})
    assert list(response.context["form"].errors) == ["reason"]
    with pytest.raises(InvalidChange):
        event_withdraw(actor=Actor.for_user(caseworker_a), event=event, reason=" ")
    event.refresh_from_db()
    assert not event.withdrawn and "event.withdraw" not in audit_actions(household_a)


def test_an_event_is_withdrawn_once(caseworker_a: Any, household_a: Any) -> None:
    event = an_event(caseworker_a, household_a)
    event_withdraw(actor=Actor.for_user(caseworker_a), event=event, reason=REASON)
    with pytest.raises(InvalidChange):
        event_withdraw(actor=Actor.for_user(caseworker_a), event=event, reason="again")
    event.refresh_from_db()
    assert event.withdrawn_reason == REASON


def test_an_event_haven_wrote_cannot_be_withdrawn_by_anyone(
    caseworker_a: Any, coordinator: Any, household_a: Any
) -> None:
    household_move(actor=Actor.for_user(caseworker_a), household=household_a, stage=Stage.DOCUMENTING)
    move = TimelineEvent.objects.get(household=household_a, kind="status_changed")
    assert move.system
    for user in (caseworker_a, coordinator):
        with pytest.raises(NotAllowed):
            event_withdraw(actor=Actor.for_user(user), event=move, reason=REASON)
        response = client_for(user).post(withdraw_url(household_a, move), {"reason": REASON})
        assert response.status_code == 302
    move.refresh_from_db()
    assert not move.withdrawn
    page = client_for(caseworker_a).get(detail_url(household_a)).content.decode()
    assert withdraw_url(household_a, move) not in page and "written by Haven" in page


def test_nothing_on_a_timeline_can_be_deleted_any_more(caseworker_a: Any, household_a: Any) -> None:
    event = an_event(caseworker_a, household_a)
    old = f"/cases/{household_a.reference}/events/{event.public_id}/remove/"
    assert client_for(caseworker_a).post(old).status_code == 404
    assert TimelineEvent.objects.filter(pk=event.pk).exists()
    import haven.cases.actions as actions

    assert not hasattr(actions, "event_delete")


def test_case_status_changed_is_not_a_kind_anyone_records_by_hand(
    caseworker_a: Any, household_a: Any
) -> None:
    url = f"/cases/{household_a.reference}/events/new/"
    client = client_for(caseworker_a)
    assert 'value="status_changed"' not in client.get(url).content.decode()
    response = client.post(url, {"date": "2024-01-01", "kind": "status_changed", "note": "Referred"})
    assert list(response.context["form"].errors) == ["kind"]
    with pytest.raises(InvalidChange):
        an_event(caseworker_a, household_a, kind="status_changed")
    assert not TimelineEvent.objects.exists()


def test_a_withdrawn_event_is_no_deadline_and_no_outcome(caseworker_a: Any, household_a: Any) -> None:
    from haven.cases.models import Household
    from haven.dashboard.counts import outcomes_by_month
    from haven.radar.deadlines import deadlines_for

    ahead = an_event(caseworker_a, household_a, date=in_days(5), kind="removal_scheduled")
    granted = an_event(caseworker_a, household_a, date=in_days(-5), kind="protection_granted")
    scope = Household.objects.filter(pk=household_a.pk)
    assert len(deadlines_for(scope, in_days(0), 30)) == 1
    assert sum(outcomes_by_month(scope, in_days(-60))["protection_granted"].values()) == 1
    for event in (ahead, granted):
        event_withdraw(actor=Actor.for_user(caseworker_a), event=event, reason=REASON)
    assert deadlines_for(scope, in_days(0), 30) == []
    assert sum(outcomes_by_month(scope, in_days(-60))["protection_granted"].values()) == 0


def test_withdrawal_and_the_move_rules_speak_russian(caseworker_a: Any, household_a: Any) -> None:
    from django.conf import settings

    event = an_event(caseworker_a, household_a)
    event_withdraw(actor=Actor.for_user(caseworker_a), event=event, reason=REASON)
    household_move(actor=Actor.for_user(caseworker_a), household=household_a, stage=Stage.DOCUMENTING)
    an_event(caseworker_a, household_a, kind="other")  # one still to withdraw
    client = client_for(caseworker_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    html = client.get(detail_url(household_a)).content.decode()
    for text in ("Отозвано пользователем anna", "записано Haven", "Отозвать", "Я возвращаю семью"):
        assert text in html, text
    response = client.post(f"/cases/{household_a.reference}/status/", {"stage": "intake"})
    errors = str(response.context["form"].errors)
    assert "Укажите, почему семья возвращается" in errors and "Отметьте, чтобы подтвердить" in errors


def test_a_person_with_events_is_not_removed_with_them(caseworker_a: Any, household_a: Any) -> None:
    son = household_a.people.get(relationship="child")
    event = an_event(caseworker_a, household_a, person=son)
    response = client_for(caseworker_a).post(
        f"/cases/{household_a.reference}/people/{son.public_id}/remove/", follow=True
    )
    assert "stays in its history" in response.content.decode()
    assert TimelineEvent.objects.filter(pk=event.pk, person=son).exists()


def test_the_migration_marks_the_events_haven_wrote_before_the_flag_existed(
    caseworker_a: Any, liaison: Any, household_a: Any
) -> None:
    import importlib

    from django.apps import apps

    migration = importlib.import_module("haven.cases.migrations.0005_timeline_event_protected")
    move = TimelineEvent.objects.create(household=household_a, date=in_days(-9), kind="status_changed")
    decision = TimelineEvent.objects.create(
        household=household_a,
        date=in_days(-8),
        kind="other",
        note="Referral R-2026-0001: …",
        created_by=liaison,
    )
    own = an_event(caseworker_a, household_a)
    migration.mark_system_events(apps, None)
    marked = dict(TimelineEvent.objects.values_list("pk", "system"))
    assert marked == {move.pk: True, decision.pk: True, own.pk: False}


def test_the_withdraw_page_names_the_event_by_its_date_as_the_timeline_writes_it(
    caseworker_a: Any, household_a: Any
) -> None:
    from django.conf import settings

    event = an_event(caseworker_a, household_a, date=dt.date(2026, 11, 20))
    client = client_for(caseworker_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    html = client.get(withdraw_url(household_a, event)).content.decode()
    assert "20.11.2026 · " in html and "2026-11-20" not in html
