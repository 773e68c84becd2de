"""What a line of the radar shows, loaded in bulk for one page of deadlines.

The deadlines themselves are plain values (:class:`haven_core.deadlines.Deadline`); only the page shown
needs the household, its owner and current urgency (one query), the person's name (decrypted). Two
queries per page, whatever its length and however many households the user may see.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from haven.assessment.models import URGENCY_CHOICES, Assessment
from haven.cases.models import Household, Person
from haven.cases.models.timeline import EVENT_CHOICES
from haven_core.deadlines import Deadline

URGENCY_LABELS = dict(URGENCY_CHOICES)
EVENT_LABELS = dict(EVENT_CHOICES)


@dataclass(frozen=True)
class RadarRow:
    deadline: Deadline
    household: Household
    person: Person | None  # None for an event of the whole household
    days_left: int
    urgency: str  # the current assessment's urgency level code; "" when not assessed

    @property
    def urgency_label(self) -> str:
        return str(URGENCY_LABELS.get(self.urgency, self.urgency))

    @property
    def event_label(self) -> str:
        if self.deadline.event_kind == "other":  # "Other" alone, in a list of deadlines, says nothing
            return _("Other dated event")
        return str(EVENT_LABELS.get(self.deadline.event_kind, self.deadline.event_kind))


def _uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


# What a line shows of a person: their name (``display_name``) and the link to their record. A person's
# other fields are encrypted too, and decrypting them all for a hundred and twenty-five lines cost more
# than reading them.
NAME_FIELDS = (
    "public_id",
    "household_id",
    "surname_cyrillic",
    "given_name_cyrillic",
    "patronymic_cyrillic",
    "surname_latin",
    "given_name_latin",
)


def people_by_id(ids: Sequence[str]) -> dict[str, Person]:
    """The people of ``ids`` (public ids), with only their names and ids read (:data:`NAME_FIELDS`)."""
    wanted = {u for u in map(_uuid, ids) if u is not None}
    if not wanted:
        return {}
    found = Person.objects.filter(public_id__in=wanted).only(*NAME_FIELDS).order_by()  # a dict: no sort
    return {str(p.public_id): p for p in found}


def households_by_reference(references: Sequence[str]) -> dict[str, Household]:
    """The households of ``references``, with their organisation, owner and current urgency level (as
    ``current_urgency``: "" when not assessed), in one query."""
    current = Assessment.objects.filter(household=OuterRef("pk"), current=True).order_by("-computed_at")
    found = (
        Household.objects.filter(reference__in=set(references))
        .select_related("organisation", "owner")
        .defer("closed_reason", "notes")  # encrypted, and never shown on a line
        .annotate(current_urgency=Coalesce(Subquery(current.values("urgency_level")[:1]), Value("")))
        .order_by()  # a dict: the households' own order (latest updated first) would be sorted for nothing
    )
    return {h.reference: h for h in found}


def current_urgency(households: Sequence[Any]) -> dict[int, str]:
    """The current urgency level of each of ``households``, from :func:`households_by_reference` when
    they came from it."""
    if all(hasattr(h, "current_urgency") for h in households):
        return {h.pk: h.current_urgency for h in households if h.current_urgency}
    rows = Assessment.objects.filter(household__in=[h.pk for h in households], current=True)
    return dict(rows.values_list("household_id", "urgency_level"))


def radar_rows(
    deadlines: Sequence[Deadline],
    today: dt.date,
    *,
    households: dict[str, Household] | None = None,
    people: dict[str, Person] | None = None,
) -> list[RadarRow]:
    """The lines for one page of ``deadlines`` (already limited to households the user may see); the
    page's ``households`` and ``people`` are read here unless the caller read them already."""
    if households is None:
        households = households_by_reference([d.household for d in deadlines])
    if people is None:
        people = people_by_id([d.person for d in deadlines if d.person])
    urgency = current_urgency(list(households.values()))
    return [
        RadarRow(
            deadline=d,
            household=households[d.household],
            person=people.get(d.person),
            days_left=d.days_left(today),
            urgency=urgency.get(households[d.household].pk, ""),
        )
        for d in deadlines
        if d.household in households
    ]
