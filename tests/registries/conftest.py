"""Registry files from ../shared/data, and importing them as the tests need."""

from __future__ import annotations

from typing import Any

import pytest

from haven.registries.importing import ImportResult
from tests.support.registries import XLSX_2025, import_file


@pytest.fixture
def minjust_2025(db: Any) -> ImportResult:
    return import_file(XLSX_2025)
