"""The caseload spreadsheet the import benchmarks read, and the empty organisation they import it into.

The file is made by the demo generator (``haven.demo.generator``): one row per person, Russian headers,
Russian dates, UTF-8 CSV, written with the export's own column table (``haven_core.intake.COLUMNS``), as
a coalition member's spreadsheet would come in. Household IDs are ``B-000001`` on.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from seeded import run

from haven.demo.generator import SyntheticHousehold, iter_households
from haven_core.anumber import format_a_number
from haven_core.intake import COLUMNS, header_row, write_csv

TODAY = dt.date(2026, 1, 15)
ORGANISATION = "bench"
_TEXT = (
    "surname_cyrillic", "given_name_cyrillic", "patronymic_cyrillic", "surname_latin", "given_name_latin",
    "sex", "place_of_birth", "citizenships", "languages", "phone", "email", "address", "vulnerability_notes",
    "relationship_detail",
)  # fmt: skip
_YES_NO = {True: "да", False: "нет", None: ""}


def rows(household: SyntheticHousehold, number: int) -> list[list[str]]:
    """The rows of one household, its ID ``B-<number>``, in the order of ``COLUMNS``."""
    out = []
    for index, person in enumerate(household.people):
        values = {
            "household_id": f"B-{number:06d}",
            "relationship": person.relationship,
            "other_spellings": "; ".join(person.other_spellings),
            "former_names": "; ".join(person.former_names),
            "household_notes": household.notes if index == 0 else "",
        }
        for key in _TEXT:
            values[key] = getattr(person, key)
        for key in ("serious_medical", "disability", "pregnancy", "lgbtq", "survivor_of_violence"):
            values[key] = _YES_NO[getattr(person, key)]
        birth = person.birth_date.split("-")
        values["birth_date"] = ".".join(reversed(birth))  # Russian form: 12.03.1984, 03.1984, 1984
        record = person.us_record
        if record is not None:
            values["a_number"] = format_a_number(record.a_number) if record.a_number else ""
            values["us_status"] = record.status
            values["detained"] = _YES_NO[record.detained]
            values["court"] = record.court
            for key in ("next_hearing_date", "removal_order_date", "removal_scheduled_date"):
                date = getattr(record, key)
                values[key] = date.strftime("%d.%m.%Y") if date else ""
            values["detention_facility"] = record.detention_facility
            values["attorney_of_record"] = record.attorney_of_record
        out.append([values.get(column.key, "") for column in COLUMNS])
    return out


def table(households: int, *, seed: int = 2025, people: int | None = None) -> list[list[str]]:
    """The rows of ``households`` generated households; with ``people``, only that many rows (the
    households that fill them, the last one cut short if it must be)."""
    out: list[list[str]] = []
    for number, household in enumerate(iter_households(seed, households, TODAY, 1), start=1):
        out += rows(household, number)
        if people is not None and len(out) >= people:
            break
    return out if people is None else out[:people]


def spreadsheet(table: list[list[str]]) -> bytes:
    """The rows as the UTF-8 CSV file a coalition member would send, under the Russian headers."""
    return write_csv(header_row("ru"), table)


def write_file(path: Path, households: int, *, people: int | None = None) -> list[list[str]]:
    """Write the caseload of ``households`` (or its first ``people`` rows) to ``path``; its rows."""
    rows_written = table(households, people=people)
    path.write_bytes(spreadsheet(rows_written))
    return rows_written


def empty_organisation(env: dict[str, str]) -> None:
    """The organisation the caseload is imported into, with no households (a PostgreSQL database given
    to a benchmark may hold some from a previous run)."""
    setup = (
        "from haven.accounts.models import Organisation as O; "
        "from haven.cases.models import Household as H; "
        f"H.objects.filter(organisation__slug={ORGANISATION!r}).only('pk').delete(); "
        f"O.objects.get_or_create(slug={ORGANISATION!r}, defaults={{'name': 'Benchmark'}})"
    )
    run(env, "shell", "--no-imports", "-c", setup)
