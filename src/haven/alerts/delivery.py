"""Sending one alert email: the record of what it announced, its audit entry, then the email itself.

All in one transaction, the email last: if the mail server refuses it, nothing is recorded and the
next run tries again. If another run (a second ``send-alerts``, the alert after an assessment) has
recorded the same announcement meanwhile, the unique record refuses this one and nothing is sent.
The audit entry says what kind of alert went to which user id and how many households and items it
named, never which ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction

from haven.accounts.actor import Actor
from haven.alerts.actions import alert_send_record
from haven.alerts.emails import Email
from haven.alerts.models import AlertSent


def deliver(
    *, actor: Actor, recipient: Any, email: Email, kind: str, records: Sequence[AlertSent], households: int
) -> bool:
    """Send ``email`` to ``recipient`` and record it; False when another run already had."""
    with transaction.atomic():
        try:
            with transaction.atomic():  # a savepoint: after a clash the transaction stays usable
                AlertSent.objects.bulk_create(records)
        except IntegrityError:
            return False
        alert_send_record(
            actor=actor, kind=kind, recipient=recipient, households=households, items=len(records)
        )
        EmailMessage(
            subject=email.subject,
            body=email.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[recipient.email],
        ).send()
    return True
