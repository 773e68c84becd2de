"""Reads the facts the data-quality rules of :mod:`haven_core.data_quality` check, for some households.

Only US records that can break a rule are read: detained with an empty facility, a final order with no
removal date, or a next hearing already past. The SQL narrows; the core rules decide. So a coalition of a
hundred thousand households costs one query over the few records with a gap, not one per household.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Max, Q, QuerySet

from haven.cases.models import TimelineEvent, USRecord
from haven_core.data_quality import FINAL_ORDER, DataWarning, RecordFacts, check
from haven_core.pipeline import Stage

INACTIVE = (Stage.CLOSED.value, Stage.RESETTLED.value)


def warnings_for(households: QuerySet[Any], today: dt.date) -> list[DataWarning]:
    """Every data-quality warning of ``households`` (already limited to what the user may see)."""
    candidates = (
        USRecord.objects.filter(person__household__in=households)
        .exclude(person__household__stage__in=INACTIVE)
        .filter(
            Q(detained=True, detention_facility="")
            | Q(status=FINAL_ORDER, removal_scheduled_date__isnull=True)
            | Q(next_hearing_date__lt=today)
        )
        .values_list(
            "person__household_id",
            "person__household__reference",
            "person__public_id",
            "status",
            "detained",
            "detention_facility",
            "next_hearing_date",
            "removal_scheduled_date",
        )
    )
    rows = list(candidates)
    # The latest hearing held, read only for the households whose next hearing has passed.
    past = {row[0] for row in rows if row[6] is not None and row[6] < today}
    held: dict[int, dt.date] = {}
    if past:
        events = TimelineEvent.objects.filter(household_id__in=past, kind="hearing_held", withdrawn_at=None)
        held = dict(
            events.values("household_id").annotate(last=Max("date")).values_list("household_id", "last")
        )
    facts = (
        RecordFacts(
            household=reference,
            person=str(person),
            status=status,
            detained=detained,
            has_facility=bool(facility.strip()),
            next_hearing=hearing,
            removal_scheduled=removal,
            last_hearing_held=held.get(household_id),
        )
        for household_id, reference, person, status, detained, facility, hearing, removal in rows
    )
    return check(facts, today)
