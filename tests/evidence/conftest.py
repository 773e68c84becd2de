"""Evidence tests store files in a folder of their own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def files_dir(settings: Any, tmp_path: Path) -> Path:
    settings.HAVEN_FILES_DIR = tmp_path / "files"
    return Path(settings.HAVEN_FILES_DIR)
