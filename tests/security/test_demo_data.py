"""Rotation and backup on the demo data (``haven seed``): thousands of values, nothing lost or changed."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from haven.cases.models import Person, USRecord
from haven.security import keys
from tests.support.security import empty_installation, finds, raw_database, snapshot, stored_values, unchanged

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


def test_backup_round_trip_of_the_demo_data(demo: list[Person], tmp_path: Path, settings: Any) -> None:
    before = snapshot()
    backup = tmp_path / "demo.backup"
    call_command("backup", str(backup), stdout=io.StringIO())
    empty_installation(Path(settings.HAVEN_FILES_DIR))  # the seeded evidence files too

    call_command("restore", str(backup), stdout=io.StringIO())

    assert unchanged(before, snapshot())
    assert all(p.pk in finds(f"{p.given_name_latin} {p.surname_latin}") for p in demo)


def distinctive(value: str) -> bool:
    """Values that cannot turn up by chance elsewhere in a dump.

    Short Latin names do (a 4-letter name matches somewhere in megabytes of base64 ciphertext), and so
    do recent dates (hearing and entry dates are stored in clear). Cyrillic text, A-numbers, contacts and
    adults' full birth dates cannot. Latin names are covered by test_raw_dump.py, with its control.
    """
    if re.search(r"[А-Яа-яЁё]", value) or re.fullmatch(r"\d{9}", value):
        return True
    if re.fullmatch(r"(19[0-9]{2})-\d{2}-\d{2}", value):
        return True
    return len(value) >= 8 and bool(re.search(r"[@ +]", value))


@pytest.mark.django_db(transaction=True)
def test_a_raw_dump_of_the_demo_data_shows_no_name_a_number_or_birth_date(
    own_keys: Path, tmp_path: Path
) -> None:
    call_command("seed", "--households", "40", "--seed", "7", stdout=io.StringIO(), stderr=io.StringIO())
    seeded = set()
    for person in Person.objects.all():
        seeded |= {person.surname_cyrillic, person.given_name_cyrillic, person.patronymic_cyrillic}
        seeded |= {person.place_of_birth, person.birth_date, person.phone, person.email, person.address}
    seeded |= set(USRecord.objects.values_list("a_number", flat=True))
    seeded = {value for value in seeded if value and distinctive(value)}
    for kind in (r"[А-Яа-я]", r"^\d{9}$", r"^19", r"[@+]"):  # Cyrillic, A-numbers, birth dates, contacts
        assert sum(bool(re.search(kind, value)) for value in seeded) >= 10, kind

    dump = raw_database(tmp_path)

    assert sorted(value for value in seeded if value.casefold() in dump) == []
