"""Data built once for the tests of a module (tests/support/demo.py): each test starts from it, whatever
an earlier test changed, and nothing of it is left once the module is done."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from haven.accounts.models import Organisation
from tests.support.demo import built_once

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def built(django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: Any) -> Iterator[None]:
    with built_once(django_db_blocker, tmp_path_factory.mktemp("files")):
        Organisation.objects.create(name="Built once", slug="once")
        yield


@pytest.mark.parametrize("turn", [1, 2, 3])
def test_each_test_starts_from_what_was_built_and_its_changes_are_undone(built: None, turn: int) -> None:
    assert list(Organisation.objects.values_list("slug", flat=True)) == ["once"]
    Organisation.objects.all().delete()
    Organisation.objects.create(name=f"Changed {turn}", slug=f"changed-{turn}")


def test_what_was_built_is_rolled_back_at_the_end(tmp_path: Path, django_db_blocker: Any) -> None:
    with built_once(django_db_blocker, tmp_path):
        Organisation.objects.create(name="Inside", slug="inside")
        assert Organisation.objects.filter(slug="inside").exists()
    assert not Organisation.objects.filter(slug="inside").exists()
