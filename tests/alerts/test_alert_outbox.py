"""Alert emails go through an outbox: written with the alert in its transaction (which locks the audit
chain), sent only once it has committed; a rolled-back alert sends nothing, and an email the mail server
refused waits, encrypted, for ``haven send-alerts`` to try again."""

from __future__ import annotations

import io
import smtplib
from typing import Any

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection, transaction
from django.test import TestCase

from haven.accounts.actor import Actor
from haven.alerts.delivery import deliver
from haven.alerts.emails import Email
from haven.alerts.models import AlertSent, OutboxEmail
from haven.alerts.outbox import outbox_flush
from haven.audit.models import AuditEntry
from tests.support.alerts import TODAY, hearing_in

BODY = "H-2026-0001 — in 4 days"


class Refusing(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages: Any) -> int:
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed: caseworker_a@example.org")


def alert(household: Any, user: Any) -> bool:
    record = AlertSent(household=household, kind="deadline", key="k", window=7, recipient=user)
    return deliver(
        actor=Actor.system(), recipient=user, email=Email("Haven: 1 deadline", BODY), kind="deadline",
        records=[record], households=1,
    )  # fmt: skip


def test_the_email_leaves_only_once_the_alerts_transaction_has_committed(
    household_a: Any, caseworker_a: Any, mailoutbox: list[Any]
) -> None:
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert alert(household_a, caseworker_a)
        assert mailoutbox == []  # recorded and audited, the chain still locked: nothing sent yet
        assert OutboxEmail.objects.get().sent_at is None
    assert [m.to for m in mailoutbox] == [[caseworker_a.email]] and mailoutbox[0].body == BODY
    assert OutboxEmail.objects.get().sent_at is not None
    assert AuditEntry.objects.filter(action="alerts.send").count() == 1


def test_an_alert_rolled_back_sends_no_email_and_leaves_nothing_behind(
    household_a: Any, caseworker_a: Any, mailoutbox: list[Any]
) -> None:
    with TestCase.captureOnCommitCallbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            alert(household_a, caseworker_a)
            raise RuntimeError("what the alert belonged to failed")
    assert mailoutbox == []
    assert not OutboxEmail.objects.exists() and not AlertSent.objects.exists()
    assert not AuditEntry.objects.filter(action="alerts.send").exists()


def test_a_refused_email_waits_in_the_outbox_and_is_sent_by_the_next_try(
    household_a: Any, caseworker_a: Any, mailoutbox: list[Any], settings: Any
) -> None:
    settings.EMAIL_BACKEND = f"{__name__}.Refusing"
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert alert(household_a, caseworker_a)  # the alert itself stands
    waiting = OutboxEmail.objects.get()
    assert waiting.sent_at is None and waiting.attempts == 1
    assert waiting.last_error == "SMTPServerDisconnected"  # the kind of error, not its text with the address
    assert AlertSent.objects.count() == 1 and AuditEntry.objects.filter(action="alerts.send").count() == 1
    assert outbox_flush().failed == 1 and OutboxEmail.objects.get().attempts == 2

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    report = outbox_flush()
    assert (report.sent, report.failed) == (1, 0) and [m.body for m in mailoutbox] == [BODY]
    assert outbox_flush().sent == 0 and len(mailoutbox) == 1  # never twice


def test_send_alerts_retries_the_outbox_and_says_what_still_waits(
    household_a: Any, caseworker_a: Any, mailoutbox: list[Any], settings: Any
) -> None:
    hearing_in(household_a.principal, caseworker_a, 4)
    settings.EMAIL_BACKEND = f"{__name__}.Refusing"
    out = io.StringIO()
    call_command("send-alerts", "--today", TODAY.isoformat(), stdout=out, stderr=io.StringIO())
    assert "Emails sent: 0." in out.getvalue() and "1 emails could not be sent" in out.getvalue()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    out = io.StringIO()
    call_command("send-alerts", "--today", TODAY.isoformat(), stdout=out, stderr=io.StringIO())
    assert "Emails sent: 1." in out.getvalue() and "could not be sent" not in out.getvalue()
    assert [m.to for m in mailoutbox] == [[caseworker_a.email]]
    assert AuditEntry.objects.filter(action="alerts.send").count() == 1  # one alert, audited once


def test_the_outbox_keeps_address_subject_and_body_encrypted(
    household_a: Any, caseworker_a: Any, settings: Any
) -> None:
    settings.EMAIL_BACKEND = f"{__name__}.Refusing"
    alert(household_a, caseworker_a)
    with connection.cursor() as cursor:
        cursor.execute("SELECT address, subject, body FROM alerts_outboxemail")
        raw = " ".join(cursor.fetchone())
    assert caseworker_a.email not in raw and "deadline" not in raw and "H-2026" not in raw
    assert OutboxEmail.objects.get().address == caseworker_a.email
