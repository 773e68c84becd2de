"""Registry files from ../shared/data, importing them as the tests need, and small registry objects for
tests that need one of each: a snapshot, a hit and an identity link."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.accounts.models import Organisation
from haven.cases.models import Household, Person
from haven.registries.importing import ImportResult, registry_import
from haven.registries.models import Entry, IdentityLink, ScreeningHit

LIST = "reference,name,birth_date,listed_on\nL-1,Котова Юлия Сергеевна,1988-04-12,2024-05-17\n"


def registry_objects(person: Person) -> dict[str, Any]:
    """A one-entry registry, a hit of it on ``person``, and a proposed link with another organisation's."""
    result = registry_import(
        actor=Actor.system(), data=LIST.encode(), registry="test-list", taken_on=dt.date(2025, 1, 10)
    )
    assert result.snapshot is not None
    entry = Entry.objects.get(registry__slug="test-list", reference="L-1")
    hit = ScreeningHit.objects.create(
        person=person, entry_ref=str(entry.public_id), score=0.97, decision="match", status="open"
    )
    other = Organisation.objects.get_or_create(slug="other-org", defaults={"name": "Another organisation"})[0]
    household = Household.objects.create(organisation=other)
    twin = Person.objects.create(
        household=household, relationship="principal", surname_latin="KOTOVA", given_name_latin="YULIA"
    )
    a, b = sorted((person.pk, twin.pk))
    link = IdentityLink.objects.create(person_a_id=a, person_b_id=b, score=0.93, decision="match")
    return {"snapshot": result.snapshot.public_id, "hit": hit.public_id, "link": link.public_id}


DATA = Path(__file__).parents[2] / ".." / "shared" / "data"

XLSX_2025 = "minjust-foreign-agents-2025-08-15.xlsx"

CSV_2024 = "minjust-foreign-agents-2024-02-02.csv"

ROSFIN = "rosfinmonitoring-list-page-2025-03.html"

ROSFIN_UPDATED = "rosfinmonitoring-list-page-2025-03-updated.html"


def data_file(name: str) -> bytes:
    """The bytes of a real registry file; the test is skipped, saying why, where it is absent."""
    path = DATA / name
    if not path.exists():
        pytest.skip(f"registry sample {name} is not in {DATA.resolve()} (the shared data folder)")
    return path.read_bytes()


def import_file(name: str, taken_on: dt.date | None = None, **options: Any) -> ImportResult:
    return registry_import(
        actor=Actor.system(), data=data_file(name), file_name=name, taken_on=taken_on, **options
    )
