"""``haven screen-file``: a partner's list in, one row per candidate out, bad rows refused by number."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from haven.audit.models import AuditEntry
from haven.registries.importing import ImportResult
from haven.registries.screen_file import OUTPUT_HEADER

PEOPLE = (
    "id,name,birth_date\n"
    "p1,Mark Solonin,1958-05-29\n"  # entry 1049, press spelling, given name first
    'p2,"CHKHARTISHVILI, GRIGORII",1956\n'  # entry 743 (Борис Акунин), US style, year only
    "p3,Котова Юлия Сергеевна,\n"  # not listed
)


def run(tmp_path: Path, text: str) -> Path:
    source, out = tmp_path / "people.csv", tmp_path / "results.csv"
    source.write_text(text, encoding="utf-8")
    call_command("screen-file", str(source), "--out", str(out))
    return out


def test_one_row_per_candidate_with_the_exact_header(
    minjust_2025: ImportResult, tmp_path: Path, capsys: Any
) -> None:
    out = run(tmp_path, PEOPLE)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == OUTPUT_HEADER
    assert ",".join(rows[0]) == "id,source,entry_ref,entry_name,entry_birth_date,score,decision,why"
    found = {(r[0], r[2]): dict(zip(OUTPUT_HEADER, r, strict=True)) for r in rows[1:]}
    solonin = found[("p1", "1049")]
    assert solonin["source"] == "minjust-foreign-agents" and solonin["decision"] == "match"
    assert solonin["entry_name"] == "Солонин Марк Семенович" and solonin["entry_birth_date"] == "1958-05-29"
    assert float(solonin["score"]) > 0.9 and "Solonin" in solonin["why"]
    assert ("p2", "743") in found and found[("p2", "743")]["decision"] in ("match", "review")
    assert all(r[6] in ("match", "review") for r in rows[1:])
    assert not any(r[0] == "p3" for r in rows[1:])
    assert "Screened 3 people" in capsys.readouterr().out
    audit = AuditEntry.objects.get(action="registry.screen_file")
    assert audit.detail["rows"] == 3 and audit.detail["candidates"] == len(rows) - 1
    assert "Solonin" not in str(audit.detail)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id,name\np1,Mark Solonin\n", "row 1: the header must be id,name,birth_date"),
        ("id,name,birth_date\np1,Mark Solonin,1958-05-29\np2,Ivan Ivanov,29.05.1958\n", "row 3: birth_date"),
        ("id,name,birth_date\np1,Mark Solonin,\np2,,1990\n", "row 3: the name is empty"),
        ("id,name,birth_date\np1,Mark Solonin,\n\np1,Ivan Ivanov,\n", "row 4: the id 'p1' appears twice"),
        ("id,name,birth_date\np1,Mark Solonin,1958-02-30\n", "row 2: birth_date '1958-02-30' is not a date"),
        ("id,name,birth_date\np1,Mark,Solonin,1958\n", "row 2: 4 cells, expected 3"),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(db: Any, tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(CommandError) as raised:
        run(tmp_path, text)
    assert message in str(raised.value) and "Nothing was written" in str(raised.value)
    assert list(tmp_path.iterdir()) == [tmp_path / "people.csv"]
    assert not AuditEntry.objects.filter(action="registry.screen_file").exists()
