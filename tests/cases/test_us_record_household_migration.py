"""Migration 0010 gives the US records already kept their people's households."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.support.cases import give_us_record, principal

BEFORE = [("cases", "0009_timeline_outcomes_index")]
FILLED = [("cases", "0010_usrecord_household")]


def migrate(targets: list[tuple[str, str]]) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_records_kept_before_it_get_their_people_s_households(household_a: Any, household_b: Any) -> None:
    give_us_record(principal(household_a))
    give_us_record(principal(household_b))
    son = household_a.people.exclude(relationship="principal").get()
    give_us_record(son, detained=True)
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    migrate(BEFORE)  # the column is gone, the records stay
    try:
        migrate(FILLED)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT r.household_id, p.household_id FROM cases_usrecord r"
                " JOIN cases_person p ON p.id = r.person_id ORDER BY r.id"
            )
            pairs = cursor.fetchall()
    finally:
        migrate(latest)
    assert pairs == [(household_a.pk,) * 2, (household_b.pk,) * 2, (household_a.pk,) * 2]
