"""The dashboard's numbers: a few GROUP BY queries over the households one reader may see.

Every function takes ``scope``, the queryset of :func:`haven.accounts.access.visible_households`, and
counts only what hangs off those households, so no number reaches past the lists' own access rule.
Nothing here loops over households in Python. Documentation coverage, which needs the evidence score
of each principal, is :mod:`haven.dashboard.documentation_coverage`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.apps import apps
from django.db import connection
from django.db.models import CharField, Count, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, NullIf, TruncMonth

from haven.assessment.models import Assessment, AssessmentOverride
from haven.cases.models import TimelineEvent

NOT_ASSESSED = "not_assessed"
OUTCOME_KINDS = ("protection_granted", "removed")


def stage_counts(scope: QuerySet[Any]) -> dict[str, int]:
    """Households per pipeline stage."""
    rows = scope.order_by().values_list("stage").annotate(n=Count("id"))
    return {stage: n for stage, n in rows}


def organisation_counts(scope: QuerySet[Any]) -> list[tuple[str, str, int]]:
    """Households per organisation: name, slug (for the case list's filter), number; largest first."""
    rows = scope.order_by().values_list("organisation__name", "organisation__slug").annotate(n=Count("id"))
    return sorted(rows, key=lambda row: (-row[2], row[0]))


def level_counts(scope: QuerySet[Any], dimension: str, *, households: int | None = None) -> dict[str, int]:
    """Households per level of ``dimension`` (risk, urgency): the current assessment's level, or a
    reviewer's latest override of it where there is one; households without a current assessment count
    as :data:`NOT_ASSESSED` (an override alone does not make a household assessed). ``households`` is
    the number of households in ``scope`` when the caller has counted them already."""
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
    total = scope.count() if households is None else households
    counts[NOT_ASSESSED] = total - sum(counts.values())
    return counts


def outcomes_by_month(scope: QuerySet[Any], since: dt.date) -> dict[str, dict[dt.date, int]]:
    """Households with a timeline event "protection granted" (or "removed") per month of its date, from
    ``since``: a household counts once a month however many of its people the event was recorded for, as
    the case list filtered on that outcome and month counts it (a withdrawn event did not happen, as far
    as the counts go)."""
    rows = (
        TimelineEvent.objects.filter(household__in=scope.values("pk"), kind__in=OUTCOME_KINDS)
        .filter(date__gte=since, withdrawn_at__isnull=True)
        .annotate(month=TruncMonth("date"))
        .order_by()
        .values_list("kind", "month")
        .annotate(n=Count("household_id", distinct=True))
    )
    out: dict[str, dict[dt.date, int]] = {kind: {} for kind in OUTCOME_KINDS}
    for kind, month, n in rows:
        start = month.date() if isinstance(month, dt.datetime) else month
        out[kind][start] = out[kind].get(start, 0) + n
    return out


_REFERRAL_TABLE: list[str] = []  # the table's name, once seen: a table is not dropped while Haven runs


def referral_model() -> Any:
    """The referral entries' model once its table exists, else None (then stages stand in for it)."""
    try:
        model = apps.get_model("referral", "ReferralEntry")
    except LookupError:
        return None
    table = model._meta.db_table
    if table not in _REFERRAL_TABLE:
        if table not in connection.introspection.table_names():
            return None
        _REFERRAL_TABLE.append(table)
    return model


def referral_decisions(scope: QuerySet[Any]) -> dict[str, int] | None:
    """Households in scope per decision on their referral entries (a household referred twice counts
    under each decision it received, once for each), as the case list filtered on that decision counts
    them; None without referral entries."""
    model = referral_model()
    if model is None:
        return None
    rows = (
        model.objects.filter(household__in=scope.values("pk"))
        .order_by()
        .values_list("decision")
        .annotate(n=Count("household_id", distinct=True))
    )
    return {decision: n for decision, n in rows}


def referral_choices() -> Sequence[tuple[str, Any]]:
    model = referral_model()
    return list(model.DECISION_CHOICES) if model is not None else []
