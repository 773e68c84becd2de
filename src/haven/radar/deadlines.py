"""Reads the deadlines of some households from their records (see :mod:`haven_core.deadlines`).

Sources: each person's US record (next hearing, scheduled removal; detained flag) and the household's
timeline events dated in the window, except withdrawn ones. Callers pass a queryset already limited to
what the user may see (:func:`haven.accounts.access.visible_households`), so the radar and the alerts
share the lists' rules.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet

from haven.cases.models import TimelineEvent, USRecord
from haven_core.deadlines import Deadline, Kind, upcoming

# Timeline events that only log what Haven did (a move along the pipeline is written to the timeline
# dated the day it happened): a record of the past, never something about to happen. So is every event
# Haven writes itself (``system``: a consent recorded, a referral, a liaison's decision or question, an
# answer to it), whatever its kind.
LOG_ONLY_EVENTS = frozenset({"status_changed"})


def deadlines_for(households: QuerySet[Any], today: dt.date, days: int) -> list[Deadline]:
    """The deadlines of ``households`` from ``today`` to ``today + days``, soonest first."""
    end = today + dt.timedelta(days=days)
    found: list[Deadline] = []
    records = (
        USRecord.objects.filter(person__household__in=households)
        .filter(Q(next_hearing_date__range=(today, end)) | Q(removal_scheduled_date__range=(today, end)))
        .values_list(
            "person__household__reference",
            "person__public_id",
            "detained",
            "next_hearing_date",
            "removal_scheduled_date",
        )
    )
    for reference, person, detained, hearing, removal in records:
        if hearing is not None:
            found.append(Deadline(reference, str(person), Kind.HEARING, hearing, detained))
        if removal is not None:
            found.append(Deadline(reference, str(person), Kind.REMOVAL, removal, detained))
    # An event's person is detained if their US record says so (read in the same query: listing every
    # detained person of a coalition-wide scope took longer than the events themselves).
    events = (
        TimelineEvent.objects.filter(household__in=households, date__range=(today, end))
        .exclude(kind__in=LOG_ONLY_EVENTS)
        .filter(system=False)
        .filter(withdrawn_at__isnull=True)  # a withdrawn event is not about to happen
        .values_list(
            "household__reference", "person__public_id", "date", "kind", "person__us_record__detained"
        )
    )
    for reference, person, date, kind, detained in events:
        who = str(person) if person else ""
        found.append(Deadline(reference, who, Kind.EVENT, date, bool(detained), event_kind=kind))
    return upcoming(found, today, days)
