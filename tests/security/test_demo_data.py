"""Rotation and backup on the demo data (``haven seed``): thousands of values, nothing lost or changed."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from haven.cases.models import Person
from haven.security import keys
from tests.security.conftest import empty_installation, finds, snapshot, stored_values, unchanged

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(own_keys: Path) -> list[Person]:
    call_command("seed", "--households", "40", "--seed", "7", stdout=io.StringIO(), stderr=io.StringIO())
    people = list(Person.objects.exclude(surname_latin="").order_by("pk")[:5])
    assert len(people) == 5
    return people


def test_rotation_on_the_demo_data(demo: list[Person]) -> None:
    before, old_values = snapshot(), stored_values()
    found = {p.pk: finds(f"{p.given_name_latin} {p.surname_latin}") for p in demo}

    call_command("rotate-keys", "--retire-old", stdout=io.StringIO())
    call_command("rotate-keys", "--index-key", stdout=io.StringIO())

    values = stored_values()
    assert len(values) == len(old_values) > 1000
    assert all(v.startswith(f"v1:{keys.sealer().current}:") for v in values)
    after = snapshot()
    for record in (*before["cases.usrecord"].values(), *after["cases.usrecord"].values()):
        record.pop("a_number_key")  # recomputed under the new index key
    assert unchanged(before, after)
    assert {p.pk: finds(f"{p.given_name_latin} {p.surname_latin}") for p in demo} == found
    assert all(p.pk in found[p.pk] for p in demo)


def test_backup_round_trip_of_the_demo_data(demo: list[Person], tmp_path: Path) -> None:
    before = snapshot()
    backup = tmp_path / "demo.backup"
    call_command("backup", str(backup), stdout=io.StringIO())
    empty_installation()

    call_command("restore", str(backup), stdout=io.StringIO())

    assert unchanged(before, snapshot())
    assert all(p.pk in finds(f"{p.given_name_latin} {p.surname_latin}") for p in demo)
