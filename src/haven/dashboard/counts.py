"""The dashboard's numbers: a few GROUP BY queries over the households one reader may see.

Every function takes ``scope``, the queryset of :func:`haven.accounts.access.visible_households`, and
counts only what hangs off those households, so no number reaches past the lists' own access rule.
Nothing here loops over households in Python. Documentation coverage, which needs the evidence score
of each principal, is :mod:`haven.dashboard.documentation_coverage`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.apps import apps
from django.db import connection
from django.db.models import Count, Field, QuerySet
from django.db.models.functions import TruncMonth

from haven.assessment.models import Assessment, AssessmentOverride
from haven.cases.models import TimelineEvent

NOT_ASSESSED = "not_assessed"
OUTCOME_KINDS = ("protection_granted", "removed")


def caseload(scope: QuerySet[Any]) -> tuple[dict[str, int], list[tuple[str, str, int]]]:
    """Households per pipeline stage, and per organisation (name, slug for the case list's filter,
    number; largest first), from one GROUP BY."""
    rows = (
        scope.order_by()
        .values_list("stage", "organisation__name", "organisation__slug")
        .annotate(n=Count("id"))
    )
    stages: dict[str, int] = defaultdict(int)
    organisations: dict[tuple[str, str], int] = defaultdict(int)
    for stage, name, slug, n in rows:
        stages[stage] += n
        organisations[(name, slug)] += n
    by_org = [(name, slug, n) for (name, slug), n in organisations.items()]
    return dict(stages), sorted(by_org, key=lambda row: (-row[2], row[0]))


# Each household's latest override per dimension, whatever assessment it was made on.
_LATEST_OVERRIDES = """
SELECT household_id, dimension, level FROM (
  SELECT household_id, dimension, level,
    ROW_NUMBER() OVER (PARTITION BY household_id, dimension ORDER BY created_at DESC, id DESC) AS n
  FROM {overrides}
) o WHERE n = 1
"""


def level_counts(
    scope: QuerySet[Any], dimensions: Sequence[str], *, households: int | None = None
) -> dict[str, dict[str, int]]:
    """Households per level of each of ``dimensions`` (risk, urgency): the current assessment's level,
    or a reviewer's latest override of it where there is one; households without a current assessment
    count as :data:`NOT_ASSESSED` (an override alone does not make a household assessed). ``households``
    is the number of households in ``scope`` when the caller has counted them already.

    One GROUP BY over the current assessments, each joined to its household's latest override of each
    dimension (a reviewer's decisions: a small table, ranked once). Looking the override up for every
    assessment cost two subqueries per household."""
    quote = connection.ops.quote_name
    in_scope, params = scope.order_by().values("pk").query.sql_with_params()
    joins, levels, join_params = [], [], []
    for n, dimension in enumerate(dimensions):
        field = Assessment._meta.get_field(f"{dimension}_level")  # a level column, or an error
        assert isinstance(field, Field) and field.column
        column = field.column
        joins.append(f"LEFT JOIN latest o{n} ON o{n}.household_id = a.household_id AND o{n}.dimension = %s")
        join_params.append(dimension)
        levels.append(f"COALESCE(NULLIF(o{n}.level, ''), a.{quote(column)})")
    overrides = _LATEST_OVERRIDES.format(overrides=quote(AssessmentOverride._meta.db_table))
    grouped, assessments, current = ", ".join(levels), quote(Assessment._meta.db_table), quote("current")
    # Table and column names from the models, the scope's SQL compiled by Django; values parametrised.
    sql = f"WITH latest AS ({overrides}) SELECT {grouped}, COUNT(*) FROM {assessments} a "  # noqa: S608
    sql += " ".join(joins) + f" WHERE a.{current}"
    if scope.query.has_filters() or scope.query.is_sliced:  # not every household (a coordinator's scope)
        sql += f" AND a.household_id IN ({in_scope})"
    else:  # every assessment is of a household: no need to look each one up
        params = ()
    sql += f" GROUP BY {grouped}"
    found: dict[str, dict[str, int]] = {dimension: defaultdict(int) for dimension in dimensions}
    with connection.cursor() as cursor:
        cursor.execute(sql, [*join_params, *params])
        for *found_levels, n in cursor.fetchall():
            for dimension, value in zip(dimensions, found_levels, strict=True):
                found[dimension][value] += n
    total = scope.count() if households is None else households
    counts = {dimension: dict(by_level) for dimension, by_level in found.items()}
    for by_level in counts.values():
        by_level[NOT_ASSESSED] = total - sum(by_level.values())
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
