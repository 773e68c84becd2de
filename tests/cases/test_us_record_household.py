"""A US record names its person's household (the radar counts from it without reaching the person),
whichever way the record was written: the record form's action, an import, or the demo's seeding
(tests/demo/test_seeded_coalition.py)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.db.models import F

from haven.cases.models import Household, USRecord
from tests.support.cases import give_us_record, principal

TWO_FAMILIES = (
    "ID семьи;Родство;Фамилия;Имя;Фамилия (латиницей);Имя (латиницей);Пол;Дата рождения;"
    "A-номер;Статус в США;Под стражей;Следующее заседание\n"
    "F-1;;Смирнова;Ольга;SMIRNOVA;OLGA;Ж;12.03.1984;A 012-345-678;Под стражей;да;01.06.2026\n"
    "F-1;сын;Смирнов;Иван;SMIRNOV;IVAN;М;2015;A 012-345-679;Под стражей;нет;01.06.2026\n"
    "F-2;;Лебедев;Артём;LEBEDEV;ARTEM;М;1979;A 012-345-680;Под стражей;нет;02.06.2026\n"
)


def misplaced() -> list[Any]:
    """The records whose household is not their person's."""
    return list(USRecord.objects.exclude(household_id=F("person__household_id")))


def test_a_record_saved_for_a_person_is_in_their_household(household_a: Any, household_b: Any) -> None:
    record = give_us_record(principal(household_b), detained=True)
    give_us_record(principal(household_a))
    assert record.household_id == household_b.pk
    give_us_record(principal(household_b), detained=False)  # saved again: still theirs
    assert USRecord.objects.count() == 2 and not misplaced()


def test_imported_records_are_in_their_people_s_households(tmp_path: Path, org_a: Any) -> None:
    path = tmp_path / "caseload.csv"
    path.write_bytes(TWO_FAMILIES.encode("cp1251"))
    call_command("import-cases", str(path), "--org", org_a.slug, "--no-duplicates", stdout=io.StringIO())
    first = Household.objects.get(organisation=org_a, external_id="F-1")
    assert USRecord.objects.filter(household=first).count() == 2
    assert USRecord.objects.count() == 3 and not misplaced()
