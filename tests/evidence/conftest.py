"""Evidence tests store files in a folder of their own; items are added the way the pages add them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.evidence.actions import evidence_add
from tests.support.evidence import POST_TEXT


@pytest.fixture(autouse=True)
def files_dir(settings: Any, tmp_path: Path) -> Path:
    settings.HAVEN_FILES_DIR = tmp_path / "files"
    return Path(settings.HAVEN_FILES_DIR)


@pytest.fixture
def post(caseworker_a: Any, household_a: Any) -> Any:
    """A social-media post about household A's principal, added by caseworker A with its text file."""
    return evidence_add(
        actor=Actor.for_user(caseworker_a),
        person=household_a.principal,
        fields={
            "kind": "social_post",
            "title": "Пост о пикете",
            "source_url": "https://t.me/kotova_ju/118",
            "author": "@kotova_ju",
            "language": "ru",
            "followers": 2400,
            "tags": [("public_antiwar_statement", None), ("protest_participation", None)],
        },
        data=POST_TEXT,
        filename="пост.txt",
    )
