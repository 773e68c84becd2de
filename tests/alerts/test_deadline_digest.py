"""The deadline digest: one email per case owner, their households only, each window once."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.test import TestCase

from haven.accounts.actor import Actor
from haven.alerts.digests import digests_send
from haven.alerts.models import AlertSent
from haven.audit.models import AuditEntry
from haven.cases.actions import household_update
from haven.cases.actions.households import household_move
from haven.cases.actions.timeline import event_add
from haven_core.pipeline import Stage
from tests.support.alerts import SENSITIVE, TODAY, bodies_to, hearing_in, set_us_record

WINDOWS = (2, 7, 14)


def run(today: dt.date = TODAY, **options: Any) -> Any:
    """A run as cron makes it: its emails leave once each alert's transaction has committed."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return digests_send(
            actor=Actor.system(), today=today, windows=WINDOWS, stream=io.StringIO(), **options
        )


def test_each_owner_gets_one_digest_of_their_own_households(
    household_a: Any, household_b: Any, caseworker_a: Any, caseworker_b: Any, mailoutbox: list[Any]
) -> None:
    principal, child = household_a.people.order_by("pk")
    hearing_in(principal, caseworker_a, 10)  # 14-day window
    set_us_record(child, caseworker_a, removal_scheduled_date=TODAY + dt.timedelta(days=2))  # 2-day window
    hearing_in(household_b.principal, caseworker_b, 5)  # 7-day window

    report = run()

    assert (report.recipients, report.deadlines, report.emails) == (2, 3, 2)
    [anna] = bodies_to(mailoutbox, caseworker_a)
    [boris] = bodies_to(mailoutbox, caseworker_b)
    assert household_a.reference in anna and household_b.reference not in anna
    assert household_b.reference in boris and household_a.reference not in boris
    assert "in 10 days" in anna and "in 2 days" in anna and "in 5 days" in boris
    assert f"http://127.0.0.1:8000/cases/{household_a.reference}/" in anna
    windows = set(AlertSent.objects.filter(recipient=caseworker_a).values_list("window", flat=True))
    assert windows == {14, 2}


def test_deadlines_beyond_every_window_or_past_are_not_announced(
    household_a: Any, caseworker_a: Any, mailoutbox: list[Any]
) -> None:
    hearing_in(household_a.principal, caseworker_a, 15)
    assert run().emails == 0 and mailoutbox == []
    hearing_in(household_a.principal, caseworker_a, -1)
    assert run().emails == 0 and mailoutbox == []


def test_a_second_run_sends_nothing_and_the_next_window_is_announced_once(
    household_a: Any, caseworker_a: Any, mailoutbox: list[Any]
) -> None:
    hearing_in(household_a.principal, caseworker_a, 10)
    assert run().emails == 1
    assert run().emails == 0
    assert run(TODAY + dt.timedelta(days=1)).emails == 0  # 9 days left: still the 14-day window
    assert run(TODAY + dt.timedelta(days=3)).emails == 1  # 7 days left: the 7-day window
    assert run(TODAY + dt.timedelta(days=3)).emails == 0
    assert "in 7 days" in mailoutbox[-1].body
    assert len(mailoutbox) == 2


def test_a_deadline_whose_date_moves_is_announced_again(
    household_a: Any, caseworker_a: Any, mailoutbox: list[Any]
) -> None:
    hearing_in(household_a.principal, caseworker_a, 10)
    run()
    hearing_in(household_a.principal, caseworker_a, 12)  # the court moved the hearing
    assert run().emails == 1
    assert "in 12 days" in mailoutbox[-1].body


def test_future_timeline_events_are_deadlines_too(
    household_a: Any, caseworker_a: Any, mailoutbox: list[Any]
) -> None:
    event_add(
        actor=Actor.for_user(caseworker_a),
        household=household_a,
        fields={"kind": "other", "date": TODAY + dt.timedelta(days=6), "note": "Judge Ramirez"},
    )
    assert run().emails == 1
    assert "in 6 days" in mailoutbox[0].body and "Ramirez" not in mailoutbox[0].body


def test_an_unowned_household_goes_to_its_organisations_caseworkers_only(
    household_a: Any, caseworker_a: Any, caseworker_b: Any, reviewer_a: Any, mailoutbox: list[Any]
) -> None:
    from tests.support.alerts import with_email
    from tests.support.personas import make_user

    other_a = with_email(make_user("olga", "caseworker", household_a.organisation))
    household_update(actor=Actor.for_user(caseworker_a), household=household_a, fields={"owner": None})
    hearing_in(household_a.principal, caseworker_a, 3)

    assert run().emails == 2
    assert {tuple(m.to) for m in mailoutbox} == {(caseworker_a.email,), (other_a.email,)}


def test_an_owner_who_left_the_organisation_is_not_told(
    household_a: Any, caseworker_a: Any, caseworker_b: Any, coordinator: Any, mailoutbox: list[Any]
) -> None:
    """Anna moved to organisation B: household A's deadlines are not hers to hear of any more; with no
    other caseworker in A, the run says so."""
    membership = caseworker_a.membership
    membership.organisation = caseworker_b.membership.organisation
    membership.save()
    hearing_in(household_a.principal, coordinator, 3)
    report = run()
    assert report.emails == 0 and household_a.reference in report.unreachable
    assert mailoutbox == []


def test_bodies_hold_no_names_a_numbers_or_places_by_default(
    household_a: Any, household_b: Any, caseworker_a: Any, caseworker_b: Any, mailoutbox: list[Any]
) -> None:
    for person in household_a.people.all():
        hearing_in(person, caseworker_a, 4)
    hearing_in(household_b.principal, caseworker_b, 4)
    run()
    assert len(mailoutbox) == 2
    for message in mailoutbox:
        for secret in SENSITIVE:
            assert secret not in message.body and secret not in message.subject
        assert (TODAY + dt.timedelta(days=4)).isoformat() not in message.body  # no dates by default
        assert "hearing" not in message.body.lower()  # nor what the deadline is


def test_dates_are_given_when_the_setting_allows(
    household_a: Any, caseworker_a: Any, mailoutbox: list[Any], settings: Any
) -> None:
    settings.HAVEN_ALERT_DETAIL = "dates"
    hearing_in(household_a.principal, caseworker_a, 4)
    run()
    assert f"{(TODAY + dt.timedelta(days=4)).isoformat()}, in 4 days" in mailoutbox[0].body
    assert "216554903" not in mailoutbox[0].body


def test_every_digest_is_audited_with_counts_and_the_recipient_only(
    household_a: Any, caseworker_a: Any, mailoutbox: list[Any]
) -> None:
    hearing_in(household_a.principal, caseworker_a, 4)
    run()
    entry = AuditEntry.objects.get(action="alerts.send")
    assert entry.detail == {"kind": "deadline", "recipient": caseworker_a.pk, "households": 1, "items": 1}
    assert household_a.reference not in str(entry.detail)


def test_a_dry_run_sends_and_records_nothing(
    household_a: Any, caseworker_a: Any, mailoutbox: list[Any]
) -> None:
    hearing_in(household_a.principal, caseworker_a, 4)
    report = run(dry_run=True)
    assert (report.recipients, report.deadlines, report.emails) == (1, 1, 0)
    assert mailoutbox == [] and not AlertSent.objects.exists()
    assert not AuditEntry.objects.filter(action="alerts.send").exists()


def test_an_announcement_another_run_recorded_meanwhile_is_not_sent_again(
    household_a: Any, caseworker_a: Any, mailoutbox: list[Any]
) -> None:
    from haven.alerts.delivery import deliver
    from haven.alerts.emails import Email

    def record() -> AlertSent:
        return AlertSent(household=household_a, kind="deadline", key="k", window=7, recipient=caseworker_a)

    email = Email("subject", "body")
    with TestCase.captureOnCommitCallbacks(execute=True):
        first = deliver(actor=Actor.system(), recipient=caseworker_a, email=email, kind="deadline",
                        records=[record()], households=1)  # fmt: skip
        again = deliver(actor=Actor.system(), recipient=caseworker_a, email=email, kind="deadline",
                        records=[record()], households=1)  # fmt: skip
    assert first and not again
    assert len(mailoutbox) == 1 and AuditEntry.objects.filter(action="alerts.send").count() == 1


def test_a_move_along_the_pipeline_is_not_announced(
    household_a: Any, caseworker_a: Any, mailoutbox: list[Any]
) -> None:
    household_move(actor=Actor.for_user(caseworker_a), household=household_a, stage=Stage.DOCUMENTING)
    moved = household_a.events.get(kind="status_changed").date  # dated the day of the move
    assert run(moved).emails == 0 and mailoutbox == []
