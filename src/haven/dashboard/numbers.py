"""The dashboard's numbers: a few GROUP BY queries over the households one reader may see.

Every function takes ``scope``, the queryset of :func:`haven.accounts.access.visible_households`, and
counts only what hangs off those households, so no number reaches past the lists' own access rule.
Nothing here loops over households in Python; only the documentation verdict, which is computed from
evidence (:mod:`haven.evidence.documentation`), is evaluated per principal, and only for principals
whose verified evidence could possibly meet the criteria.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import connection
from django.db.models import CharField, Count, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, NullIf, TruncMonth

from haven.assessment.models import Assessment, AssessmentOverride
from haven.cases.models import Person, TimelineEvent
from haven.evidence.documentation import assess_items, criteria
from haven.evidence.models import EvidenceItem

NOT_ASSESSED = "not_assessed"
OUTCOME_KINDS = ("protection_granted", "removed")


def stage_counts(scope: QuerySet[Any]) -> dict[str, int]:
    """Households per pipeline stage."""
    rows = scope.order_by().values_list("stage").annotate(n=Count("id"))
    return {stage: n for stage, n in rows}


def organisation_counts(scope: QuerySet[Any]) -> list[tuple[str, int]]:
    """Households per organisation, by name, largest first."""
    rows = scope.order_by().values_list("organisation__name").annotate(n=Count("id"))
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def level_counts(scope: QuerySet[Any], dimension: str) -> dict[str, int]:
    """Households per level of ``dimension`` (risk, urgency): the current assessment's level, or a
    reviewer's latest override of it where there is one; households without a current assessment count
    as :data:`NOT_ASSESSED` (an override alone does not make a household assessed)."""
    latest_override = (
        AssessmentOverride.objects.filter(household_id=OuterRef("household_id"), dimension=dimension)
        .order_by("-created_at", "-id")
        .values("level")[:1]
    )
    assessed = (
        Assessment.objects.filter(current=True, household__in=scope.values("pk"))
        .annotate(
            level=Coalesce(
                NullIf(Subquery(latest_override), Value("")), f"{dimension}_level", output_field=CharField()
            )
        )
        .order_by()
        .values_list("level")
        .annotate(n=Count("id"))
    )
    counts = {level: n for level, n in assessed}
    counts[NOT_ASSESSED] = scope.count() - sum(counts.values())
    return counts


@dataclass(frozen=True)
class Coverage:
    principals: int
    well_documented: int


def documentation_coverage(scope: QuerySet[Any]) -> Coverage:
    """How many principal applicants are well documented, by the evidence documentation score itself.

    Only verified originals count towards that score (unreviewed, disputed and retracted items and
    working copies are listed as not counted and change nothing), so a principal with fewer verified
    originals than the criteria's minimum (less the bonus an official item may add) cannot be well
    documented; the score is computed for the others only, from their verified originals.
    """
    principals = Person.objects.filter(household__in=scope.values("pk"), relationship="principal")
    total = principals.count()
    rules = criteria()
    least = max(rules.min_verified_items - rules.official_bonus_items, 1)
    verified = EvidenceItem.objects.filter(status="verified", original__isnull=True)
    candidates = list(
        verified.filter(person__in=principals.values("pk"))
        .order_by()
        .values_list("person_id")
        .annotate(n=Count("id"))
        .filter(n__gte=least)
        .values_list("person_id", flat=True)
    )
    well = 0
    for start in range(0, len(candidates), 500):
        chunk = candidates[start : start + 500]
        items: dict[int, list[EvidenceItem]] = defaultdict(list)
        for item in verified.filter(person_id__in=chunk).prefetch_related("tags", "files__blob"):
            items[item.person_id].append(item)
        well += sum(assess_items(items[pk]).well_documented for pk in chunk)
    if assess_items([]).well_documented:  # criteria that ask for nothing: the undocumented count too
        without = principals.exclude(pk__in=verified.values("person_id")).count()
        well += without
    return Coverage(principals=total, well_documented=well)


def outcomes_by_month(scope: QuerySet[Any], since: dt.date) -> dict[str, dict[dt.date, int]]:
    """Timeline events "protection granted" and "removed" per month of their date, from ``since``."""
    rows = (
        TimelineEvent.objects.filter(household__in=scope.values("pk"), kind__in=OUTCOME_KINDS)
        .filter(date__gte=since)
        .annotate(month=TruncMonth("date"))
        .order_by()
        .values_list("kind", "month")
        .annotate(n=Count("id"))
    )
    out: dict[str, dict[dt.date, int]] = {kind: {} for kind in OUTCOME_KINDS}
    for kind, month, n in rows:
        start = month.date() if isinstance(month, dt.datetime) else month
        out[kind][start] = out[kind].get(start, 0) + n
    return out


def referral_model() -> Any:
    """The referral entries' model once its table exists, else None (then stages stand in for it)."""
    try:
        model = apps.get_model("referral", "ReferralEntry")
    except LookupError:
        return None
    if model._meta.db_table not in connection.introspection.table_names():
        return None
    return model


def referral_decisions(scope: QuerySet[Any]) -> dict[str, int] | None:
    """Referral entries per decision for the households in scope; None without referral entries."""
    model = referral_model()
    if model is None:
        return None
    rows = (
        model.objects.filter(household__in=scope.values("pk"))
        .order_by()
        .values_list("decision")
        .annotate(n=Count("id"))
    )
    return {decision: n for decision, n in rows}


def referral_choices() -> Sequence[tuple[str, Any]]:
    model = referral_model()
    return list(model.DECISION_CHOICES) if model is not None else []
