"""Sending the alert emails of the outbox, after the transaction that wrote them has committed.

:func:`send_after_commit` is called in the transaction that records an alert (and its audit entry,
which locks the audit chain): the email is sent only once that transaction has committed, never
while it holds the lock, and never for an alert that was rolled back. :func:`outbox_flush` sends
whatever is still waiting (a mail server that was down) and is run by ``haven send-alerts``.

Each email is sent under a lock on its own outbox row (skipped by a concurrent sender), so two
senders never send it twice; a failed send counts the attempt, keeps the kind of error (never its
text, which may quote the address) and leaves the row for the next try.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from haven.alerts.models import OutboxEmail

log = logging.getLogger(__name__)


@dataclass
class FlushReport:
    sent: int = 0
    failed: int = 0


def send_after_commit(row_ids: Iterable[int]) -> None:
    """Send these outbox rows once the current transaction commits."""
    ids = list(row_ids)
    transaction.on_commit(lambda: _send_quietly(ids))


def _send_quietly(ids: list[int]) -> None:
    try:
        outbox_flush(ids=ids)
    except Exception:  # the alert is recorded; the row waits for the next ``haven send-alerts``
        log.exception("sending alert emails after commit failed")


def outbox_flush(*, ids: Iterable[int] | None = None) -> FlushReport:
    """Send every unsent email of the outbox (or of ``ids``), oldest first."""
    report = FlushReport()
    waiting = OutboxEmail.objects.filter(sent_at=None)
    if ids is not None:
        waiting = waiting.filter(pk__in=list(ids))
    for pk in list(waiting.order_by("pk").values_list("pk", flat=True)):
        sent = _send_one(pk)
        if sent is not None:
            report.sent += sent
            report.failed += not sent
    return report


def _send_one(pk: int) -> bool | None:
    """Send one row under its own lock: True when sent, False when it failed (it stays unsent), None
    when another sender has it or has sent it meanwhile."""
    with transaction.atomic():
        row = OutboxEmail.objects.select_for_update(skip_locked=True).filter(pk=pk, sent_at=None).first()
        if row is None:
            return None
        try:
            EmailMessage(
                subject=row.subject, body=row.body, from_email=settings.DEFAULT_FROM_EMAIL, to=[row.address]
            ).send()
        except Exception as exc:
            row.attempts += 1
            row.last_error = type(exc).__name__[:200]
            row.save(update_fields=["attempts", "last_error"])
            log.warning(
                "alert email #%s could not be sent (%s); it waits for the next try", pk, row.last_error
            )
            return False
        row.attempts += 1
        row.sent_at = timezone.now()
        row.last_error = ""
        row.save(update_fields=["attempts", "sent_at", "last_error"])
    return True
