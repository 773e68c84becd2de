"""Registry files from ../shared/data, and importing them as the tests need."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.registries.importing import ImportResult, registry_import

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


@pytest.fixture
def minjust_2025(db: Any) -> ImportResult:
    return import_file(XLSX_2025)
