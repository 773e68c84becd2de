"""The deadline digest: each case owner hears once of every deadline that reaches one of the windows.

With windows (14, 7, 2) a hearing is announced when it is 14 days away or less, again at 7, again at 2
(a deadline first seen 5 days ahead is announced in the 7-day window only). What was announced is kept
in :class:`~haven.alerts.models.AlertSent`, so a second run the same day sends nothing; a deadline whose
date moves is a new deadline and is announced again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from django.core.management.base import OutputWrapper

from haven.accounts.actor import Actor
from haven.alerts import emails
from haven.alerts.delivery import deliver
from haven.alerts.models import AlertSent
from haven.alerts.recipients import case_recipients
from haven.cases.models import Household
from haven.progress import Progress
from haven.radar.deadlines import deadlines_for
from haven_core.deadlines import Deadline, window_reached
from haven_core.pipeline import Stage

FINISHED = (Stage.CLOSED.value, Stage.RESETTLED.value)  # no deadline of theirs needs anyone any more


def deadline_key(deadline: Deadline) -> str:
    """The deadline by codes and public ids, its date included: a moved date is a new deadline."""
    parts = (
        deadline.kind.value,
        deadline.person or "-",
        deadline.event_kind or "-",
        deadline.date.isoformat(),
    )
    return ":".join(parts)


@dataclass
class _Pending:
    user: Any
    items: dict[tuple[str, str, int], tuple[Household, Deadline]] = field(default_factory=dict)


@dataclass
class DigestReport:
    recipients: int = 0
    households: int = 0
    deadlines: int = 0  # deadline announcements (a deadline in a window, to one recipient)
    emails: int = 0
    unreachable: list[str] = field(default_factory=list)  # references with no one to tell


def digests_send(
    *,
    actor: Actor,
    today: dt.date,
    windows: Sequence[int],
    dry_run: bool = False,
    stream: TextIO | OutputWrapper,
) -> DigestReport:
    """Email every recipient one digest of what is newly due in their households (not with ``dry_run``)."""
    report = DigestReport()
    if not windows:
        return report
    due = [
        (deadline, window)
        for deadline in deadlines_for(Household.objects.exclude(stage__in=FINISHED), today, max(windows))
        if (window := window_reached(deadline, today, windows)) is not None
    ]
    references = {deadline.household for deadline, _ in due}
    households = {
        h.reference: h
        for h in Household.objects.filter(reference__in=references)
        .select_related("owner__membership")
        .defer("notes", "closed_reason")
    }
    sent = set(
        AlertSent.objects.filter(household__reference__in=references, kind="deadline").values_list(
            "household__reference", "key", "window", "recipient_id"
        )
    )
    pending: dict[int, _Pending] = {}
    recipients_of: dict[str, list[Any]] = {}
    for deadline, window in due:
        household = households[deadline.household]
        if household.reference not in recipients_of:
            recipients_of[household.reference] = case_recipients(household)
            if not recipients_of[household.reference]:
                report.unreachable.append(household.reference)
        key = deadline_key(deadline)
        for user in recipients_of[household.reference]:
            if (household.reference, key, window, user.pk) not in sent:
                slot = pending.setdefault(user.pk, _Pending(user))
                slot.items[(household.reference, key, window)] = (household, deadline)
    with Progress("sending deadline digests", len(pending), stream) as progress:
        for slot in pending.values():
            progress.advance()
            if not _send_digest(actor, slot, today, dry_run=dry_run):
                continue  # another run sent it meanwhile
            report.recipients += 1
            report.deadlines += len(slot.items)
            report.households += len({ref for ref, _, _ in slot.items})
            report.emails += 0 if dry_run else 1
    return report


def _send_digest(actor: Actor, slot: _Pending, today: dt.date, *, dry_run: bool) -> bool:
    soon = [
        emails.Soon(household.reference, deadline.days_left(today), deadline.date)
        for household, deadline in slot.items.values()
    ]
    email = emails.digest(soon, emails.languages_for(slot.user))
    if dry_run:
        return True
    records = [
        AlertSent(household=household, kind="deadline", key=key, window=window, recipient=slot.user)
        for (_, key, window), (household, _) in slot.items.items()
    ]
    return deliver(
        actor=actor,
        recipient=slot.user,
        email=email,
        kind="deadline",
        records=records,
        households=len({h.pk for h, _ in slot.items.values()}),
    )
