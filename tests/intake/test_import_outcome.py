"""What an import says it did: every household counted, only those worth naming kept (updated, or with
people Haven has that the file does not list), so writing a large new caseload does not keep a record of
each household it creates; ``haven import-cases -v 2`` still lists every one."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from django.core.management import call_command

from haven.accounts.actor import Actor
from haven.intake.actions import cases_import
from haven.intake.choices import import_choices
from haven_core.intake import Table, validate

HEADER = ["Household ID", "Person ID", "Родство", "Фамилия", "Имя"]
ROWS = [
    ["A-1", "p1", "", "Иванова", "Анна"],
    ["A-2", "p2", "", "Петров", "Олег"],
    ["A-3", "p3", "", "Сидоров", "Иван"],
    ["A-3", "p4", "сын", "Сидоров", "Пётр"],
]


def _import(org: Any, rows: list[list[str]]) -> Any:
    report = validate(Table(HEADER, [(n, row) for n, row in enumerate(rows, start=2)]), import_choices())
    return cases_import(actor=Actor.system(), organisation=org, report=report)


def test_households_created_are_counted_not_kept(org_a: Any) -> None:
    outcome = _import(org_a, ROWS)
    assert outcome.counts["created"] == 3
    assert outcome.households == []


def test_a_reimport_names_the_households_it_changed_and_those_missing_people(org_a: Any) -> None:
    _import(org_a, ROWS)
    changed = [["A-1", "p1", "", "Иванова", "Анна-Мария"], ROWS[1], ROWS[2]]  # A-3 without its son
    outcome = _import(org_a, changed)
    assert dict(outcome.counts) == {"updated": 1, "unchanged": 2}
    assert [(h.external_id, h.outcome, h.people_missing) for h in outcome.households] == [
        ("A-1", "updated", []),
        ("A-3", "unchanged", ["p4"]),
    ]


def test_the_command_lists_every_household_at_verbosity_2(tmp_path: Path, org_a: Any) -> None:
    path = tmp_path / "caseload.csv"
    path.write_text("\n".join(",".join(row) for row in [HEADER, *ROWS]) + "\n", encoding="utf-8")
    out = io.StringIO()
    call_command("import-cases", str(path), "--org", org_a.slug, "-v", "2", stdout=out, stderr=io.StringIO())
    listed = [line.split(" → ")[0] for line in out.getvalue().splitlines() if ": created (" in line]
    assert listed == ["A-1", "A-2", "A-3"]
    assert "Imported: 3 created, 0 updated, 0 unchanged" in out.getvalue()
