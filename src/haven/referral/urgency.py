"""The batch page's urgency columns: for each referred household its urgency, whether anyone is
detained, the next scheduled removal and its size — each only where the batch's field profile lets that
field out, and never a field a person asked to keep private.

Read in a few queries for the whole batch (not a dossier record per household).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from haven.assessment.models import Assessment, AssessmentOverride
from haven.cases.models import Person
from haven.referral.models import ReferralEntry
from haven_core.referral.profile import FieldProfile
from haven_core.referral.urgency_order import Urgency, sort_key


def _levels_in_force(household_ids: Sequence[int]) -> dict[int, str]:
    levels = dict(
        Assessment.objects.filter(household_id__in=household_ids, current=True).values_list(
            "household_id", "urgency_level"
        )
    )
    latest: dict[int, str] = {}
    overrides = AssessmentOverride.objects.filter(household_id__in=household_ids, dimension="urgency")
    for household_id, level in overrides.order_by("-created_at", "-id").values_list("household_id", "level"):
        latest.setdefault(household_id, level)
    for household_id, level in latest.items():
        if level:  # an empty override withdraws an earlier one: the computed level stands
            levels[household_id] = level
    return levels


def urgency_rows(entries: Sequence[ReferralEntry], profile: FieldProfile | None) -> dict[int, Urgency]:
    """Each entry's :class:`Urgency`, by entry id."""
    ids = [e.household_id for e in entries]
    show_level = profile is not None and "assessment" in profile.household
    show_detained = profile is not None and "detained" in profile.person
    show_removal = profile is not None and "removal_scheduled_date" in profile.person
    levels = _levels_in_force(ids) if show_level else {}
    detained: dict[int, bool] = defaultdict(bool)
    removals: dict[int, list[Any]] = defaultdict(list)
    people = Person.objects.filter(household_id__in=ids).select_related("us_record")
    for person in people:
        record = getattr(person, "us_record", None)
        if record is None:
            continue
        private = set(person.private_fields)
        if show_detained and record.detained and "detained" not in private:
            detained[person.household_id] = True
        if show_removal and record.removal_scheduled_date and "removal_scheduled_date" not in private:
            removals[person.household_id].append(record.removal_scheduled_date)
    return {
        e.pk: Urgency(
            level=levels.get(e.household_id, ""),
            detained=detained[e.household_id],
            next_removal=min(removals[e.household_id]) if removals[e.household_id] else None,
            people=e.people,
            rank=e.rank,
        )
        for e in entries
    }


def most_urgent_first(
    entries: Sequence[ReferralEntry], profile: FieldProfile | None
) -> list[tuple[ReferralEntry, Urgency]]:
    """Each of ``entries`` with its urgency, the most urgent first."""
    rows = urgency_rows(entries, profile)
    return sorted(((e, rows[e.pk]) for e in entries), key=lambda pair: sort_key(pair[1]))
