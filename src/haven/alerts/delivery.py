"""Sending one alert email: the record of what it announced, its audit entry and the email in the outbox,
in one transaction; the email itself leaves once that transaction has committed (:mod:`haven.alerts.outbox`).

The audit entry locks the audit chain until the transaction ends, so the mail server is never spoken
to inside it: a slow or hanging server cannot hold every other writer up, and an alert rolled back
sends nothing. If the server refuses the email, the alert stays recorded and its email waits in the
outbox for the next ``haven send-alerts``. If another run (a second ``send-alerts``, the alert after an
assessment) has recorded the same announcement meanwhile, the unique record refuses this one and
nothing is written. The audit entry says what kind of alert went to which user id and how many
households and items it named, never which ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import IntegrityError, transaction

from haven.accounts.actor import Actor
from haven.alerts.actions import alert_send_record
from haven.alerts.emails import Email
from haven.alerts.models import AlertSent, OutboxEmail
from haven.alerts.outbox import send_after_commit


def deliver(
    *, actor: Actor, recipient: Any, email: Email, kind: str, records: Sequence[AlertSent], households: int
) -> bool:
    """Record ``email`` to ``recipient`` and send it once committed; False when another run already had."""
    with transaction.atomic():
        try:
            with transaction.atomic():  # a savepoint: after a clash the transaction stays usable
                AlertSent.objects.bulk_create(records)
        except IntegrityError:
            return False
        queued = OutboxEmail.objects.create(
            kind=kind, recipient=recipient, address=recipient.email, subject=email.subject, body=email.body
        )
        alert_send_record(
            actor=actor,
            kind=kind,
            recipient=recipient,
            households=households,
            items=len(records),
            target=f"outbox:{queued.pk}",
        )
        send_after_commit([queued.pk])
    return True
