"""Sending one alert email: the record of what it announced, its audit entry, then the email itself.

All in one transaction, the email last: if the mail server refuses it, nothing is recorded and the
next run tries again. The audit entry says what kind of alert went to which user id and how many
households and items it named, never which ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction

from haven.accounts.actor import Actor
from haven.alerts.emails import Email
from haven.alerts.models import AlertSent
from haven.audit.record import audit_record


def deliver(
    *, actor: Actor, recipient: Any, email: Email, kind: str, records: Sequence[AlertSent], households: int
) -> None:
    with transaction.atomic():
        AlertSent.objects.bulk_create(records)
        audit_record(
            actor=actor.user,
            action="alerts.send",
            ip=actor.ip,
            detail={
                "kind": kind,
                "recipient": recipient.pk,
                "households": households,
                "items": len(records),
            },
        )
        EmailMessage(
            subject=email.subject,
            body=email.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[recipient.email],
        ).send()
