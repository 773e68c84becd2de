"""Reads the facts the data-quality rules of :mod:`haven_core.data_quality` check, for some households.

Only US records that can break a rule are read: detained with an empty facility, a final order with no
removal date, or a next hearing already past. The SQL narrows; the core rules decide. So a coalition of a
hundred thousand households costs one query over the few records with a gap, not one per household.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    DateField,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Trim

from haven.cases.models import Household, TimelineEvent, USRecord
from haven.radar.window import in_scope
from haven_core.data_quality import (
    FINAL_ORDER,
    RULES,
    DataWarning,
    HouseholdWarning,
    Problem,
    RecordFacts,
    Test,
    check,
    distinct,
    problems,
)
from haven_core.pipeline import Stage

INACTIVE = (Stage.CLOSED.value, Stage.RESETTLED.value)
# Records read per problem for each warning shown: a warning a family shares is one row per member.
FAMILY = 8


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


# The columns of a US record (annotated below) that the facts of haven_core.data_quality.RULES name.
COLUMN = {
    "detained": "detained",
    "has_facility": "q_has_facility",
    "status": "status",
    "removal_scheduled": "removal_scheduled_date",
    "next_hearing": "next_hearing_date",
    "last_hearing_held": "q_last_held",
}


def _condition(test: Test, today: dt.date) -> Q:
    """One test of the core's rules as an SQL condition on :func:`_records`."""
    column = COLUMN[test.fact]
    if test.op == "true":
        return Q(**{column: True})
    if test.op == "false":
        return Q(**{column: False})
    if test.op == "none":
        return Q(**{f"{column}__isnull": True})
    if test.op == "equals":
        return Q(**{column: test.value})
    if test.op == "before_today":
        return Q(**{f"{column}__lt": today})
    return Q(**{f"{column}__isnull": True}) | Q(**{f"{column}__lt": F(COLUMN[test.value])})


def rule_condition(problem: Problem, today: dt.date) -> Q:
    condition = Q()
    for test in RULES[problem]:
        condition &= _condition(test, today)
    return condition


def _records(households: QuerySet[Any], today: dt.date, *, counted: bool = False) -> QuerySet[Any]:
    """The US records of the active households in ``households``, with the derived facts as columns.

    A record names its household itself (``USRecord.household``), so neither the count nor the rows
    reach a record's person for it. The latest hearing held is looked up only for a record whose next
    hearing has passed, the one rule that reads it (:data:`haven_core.data_quality.RULES`): a subquery
    for every record that can break a rule took a third of the count's time over a large coalition.
    ``counted``: for the count, which reads no household's column, the closed and resettled households
    (a tenth or so) are left out by their ids instead of joining every household to the records (a
    sixth less time at 10,000 and at 100,000 households); the rows shown keep the join, which orders
    them by reference."""
    held = (
        TimelineEvent.objects.filter(
            household_id=OuterRef("household_id"), kind="hearing_held", withdrawn_at=None
        )
        .order_by()
        .values("household_id")
        .annotate(last=Max("date"))
        .values("last")
    )
    records = USRecord.objects.filter(in_scope(households, "household_id"))
    if counted:
        inactive = Household.objects.filter(stage__in=INACTIVE).values("pk")
        records = records.exclude(household_id__in=inactive)
    else:
        records = records.exclude(household__stage__in=INACTIVE)
    return records.annotate(
        q_trimmed=Trim("detention_facility"),
        q_has_facility=ExpressionWrapper(~Q(q_trimmed=""), output_field=BooleanField()),
        q_last_held=Case(When(next_hearing_date__lt=today, then=Subquery(held)), default=None),
    )


def warning_summary(
    households: QuerySet[Any], today: dt.date, shown: int
) -> tuple[int, list[HouseholdWarning]]:
    """How many distinct data-quality warnings ``households`` have, and the first ``shown`` of them in
    the order of :func:`haven_core.data_quality.check`, each said once for its household
    (:func:`haven_core.data_quality.distinct`): counted by the database with the core's rules, in one
    query, then at most one query per problem for the rows shown (decided again by the core)."""
    records = _records(households, today)
    conditions = {problem: rule_condition(problem, today) for problem in Problem}
    counts = _counts(households, today, conditions)
    total = sum(counts.values())
    if not total:
        return 0, []
    # The first rows of every problem in one query: each problem's rows are ordered and cut to
    # ``shown`` by the database, then the core decides again and the first ``shown`` are kept.
    columns = (
        "household__reference",
        "person__public_id",
        "status",
        "detained",
        "q_has_facility",
        "next_hearing_date",
        "removal_scheduled_date",
        "q_last_held",
    )
    parts = [
        records.filter(condition)
        .annotate(q_problem=Value(n, output_field=IntegerField()))
        .order_by("household__reference", "person__public_id")
        .values_list("q_problem", *columns)[: shown * FAMILY]
        for n, (problem, condition) in enumerate(conditions.items())
        if counts[problem]
    ]
    order = list(Problem)
    found: list[DataWarning] = []
    for n, reference, person, status, detained, has_facility, hearing, removal, held in _union(parts):
        facts = RecordFacts(
            household=reference,
            person=str(uuid.UUID(str(person))),
            status=status,
            detained=bool(detained),
            has_facility=bool(has_facility),
            next_hearing=_day(hearing),
            removal_scheduled=_day(removal),
            last_hearing_held=_day(held),
        )
        found += [w for w in problems(facts, today) if w.problem is order[n]]
    return total, distinct(sorted(found, key=DataWarning.sort_key))[:shown]


# The warnings of each problem: its records' households (and for a past hearing its date) said once.
_COUNTED = (
    "SELECT q_problem, COUNT(*) FROM (SELECT DISTINCT q_problem, household_id, q_day FROM ({rows}) AS said)"
    " AS warnings GROUP BY q_problem"
)


def _counts(households: QuerySet[Any], today: dt.date, conditions: dict[Problem, Q]) -> dict[Problem, int]:
    """How many distinct warnings of each problem ``households`` have, in one query: each problem's
    records by its own condition, which the database reads from an index of that problem's gap alone
    (the partial indexes of :class:`~haven.cases.models.USRecord`; a past hearing from the hearing
    dates' index), rather than every record that can break any rule from the table."""
    records = _records(households, today, counted=True)
    parts = [
        records.filter(condition)
        .annotate(q_problem=Value(n, output_field=IntegerField()), q_day=_said_once(problem))
        .values_list("q_problem", "household_id", "q_day")
        for n, (problem, condition) in enumerate(conditions.items())
    ]
    counted = dict(_union(parts, outer=_COUNTED))
    return {problem: int(counted.get(n, 0)) for n, problem in enumerate(conditions)}


def _said_once(problem: Problem) -> Any:
    """What tells one warning from another for ``problem`` besides its household: for a past hearing,
    its date (a family sharing its hearing has one warning; see haven_core.data_quality.distinct)."""
    if problem is Problem.HEARING_NO_OUTCOME:
        return F("next_hearing_date")
    return Cast(Value(None), DateField())


def _union(parts: list[QuerySet[Any]], outer: str = "{rows}") -> list[tuple[Any, ...]]:
    """The rows of ``parts``, each ordered and cut by the database, in one ``UNION ALL`` (each part
    wrapped in a subquery: SQLite allows no ORDER BY or LIMIT in a compound statement's own parts);
    ``outer``, the SQL that reads them (``{rows}``), for instance to count them."""
    sqls: list[str] = []
    params: list[Any] = []
    for part in parts:
        sql, part_params = part.query.sql_with_params()
        sqls.append(f"SELECT * FROM ({sql}) AS part{len(sqls)}")  # noqa: S608 - Django-compiled, parametrised
        params += part_params
    with connection.cursor() as cursor:
        cursor.execute(outer.format(rows=" UNION ALL ".join(sqls)), params)
        return list(cursor.fetchall())


def _day(value: Any) -> dt.date | None:
    """A date read through a union (SQLite hands such columns back as text)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
