"""Registry snapshots, hits and identity links come back whole from a backup."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from haven.registries.models import Change, Entry, ScreeningHit, Snapshot
from tests.support.registries import ROSFIN, ROSFIN_UPDATED, import_file, registry_objects
from tests.support.security import empty_installation, snapshot, unchanged

pytestmark = pytest.mark.django_db


def test_registries_and_hits_survive_a_backup(household_a: Any, tmp_path: Path) -> None:
    import_file(ROSFIN, taken_on=dt.date(2025, 3, 1))
    import_file(ROSFIN_UPDATED, taken_on=dt.date(2025, 3, 15))  # refers back to the first snapshot
    objects = registry_objects(household_a.principal)
    before = snapshot()
    backup = tmp_path / "haven.backup"
    call_command("backup", str(backup), stdout=io.StringIO())
    empty_installation()
    assert not Snapshot.objects.exists()
    call_command("restore", str(backup), stdout=io.StringIO())
    assert unchanged(before, snapshot())
    newer = Snapshot.objects.get(taken_on=dt.date(2025, 3, 15))
    assert newer.previous is not None and newer.previous.taken_on == dt.date(2025, 3, 1)
    assert Change.objects.filter(snapshot=newer, kind="added").count() == 3
    hit = ScreeningHit.objects.get(public_id=objects["hit"])
    assert Entry.objects.get(public_id=hit.entry_ref).reference == "L-1"
