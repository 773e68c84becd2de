"""Shared test fixtures: the personas every permission rule is checked against, and two households.
Helpers that are not fixtures (making a user, a signed-in client) are in tests/support/.

Personas: caseworker of organisation A (``caseworker_a``), caseworker of B (``caseworker_b``), a
reviewer of A, the coalition coordinator, a liaison, and anonymous (the plain ``client``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.accounts.models import Organisation
from tests.support.personas import kotova_household, make_user

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

# --- Encryption at rest: every test session runs with its own key file (haven.security) ---------------
_TEST_KEYS = tempfile.TemporaryDirectory(prefix="haven-test-keys-")


def pytest_configure(config: Any) -> None:
    """Tests run with encryption on, under keys made for this session and thrown away after it."""
    from django.conf import settings

    from haven.security import keys

    os.environ.pop("HAVEN_KEYS", None)  # a developer's own keys never reach the tests
    settings.HAVEN_KEYS_FILE = Path(_TEST_KEYS.name) / "keys.json"
    os.environ["HAVEN_KEYS_FILE"] = str(settings.HAVEN_KEYS_FILE)  # and `haven` run as a subprocess
    keys.reset()


def pytest_unconfigure(config: Any) -> None:
    _TEST_KEYS.cleanup()


@pytest.fixture(autouse=True)
def _own_files_dir(settings: Any, tmp_path: Path) -> None:
    """Stored files (evidence) go to a folder of each test's own, never to the developer's var/files."""
    settings.HAVEN_FILES_DIR = tmp_path / "stored-files"


@pytest.fixture(autouse=True)
def _default_language() -> Any:
    """A test that renders a page in Russian leaves that language active in its thread; the next test
    starts in the default language whatever ran before it."""
    from django.utils import translation

    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """Argon2 is deliberately slow; tests that are not about hashing use a fast hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def org_a(db: Any) -> Organisation:
    return Organisation.objects.create(name="Free Russia Aid", slug="fra")


@pytest.fixture
def org_b(db: Any) -> Organisation:
    return Organisation.objects.create(name="Exile Legal Defence", slug="eld")


@pytest.fixture
def caseworker_a(org_a: Organisation) -> Any:
    return make_user("anna", "caseworker", org_a)


@pytest.fixture
def caseworker_b(org_b: Organisation) -> Any:
    return make_user("boris", "caseworker", org_b)


@pytest.fixture
def reviewer_a(org_a: Organisation) -> Any:
    return make_user("rita", "reviewer", org_a)


@pytest.fixture
def coordinator(org_a: Organisation) -> Any:
    return make_user("coco", "coordinator", None)


@pytest.fixture
def coordinator_b(db: Any) -> Any:
    """A second coordinator: the one who approves what ``coordinator`` selected (four eyes)."""
    return make_user("cora", "coordinator", None)


@pytest.fixture
def liaison(db: Any) -> Any:
    return make_user("lia", "liaison", None)


@pytest.fixture
def household_a(caseworker_a: Any, org_a: Organisation) -> Any:
    """A household of organisation A: Юлия Котова with her son."""
    return kotova_household(caseworker_a, org_a)


@pytest.fixture
def household_b(caseworker_b: Any, org_b: Organisation) -> Any:
    """A household of organisation B: Дмитрий Щербаков, alone."""
    from haven.cases.actions import household_create

    return household_create(
        actor=Actor.for_user(caseworker_b),
        organisation=org_b,
        principal={
            "surname_cyrillic": "Щербаков",
            "given_name_cyrillic": "Дмитрий",
            "surname_latin": "SHCHERBAKOV",
            "given_name_latin": "DMITRII",
            "sex": "M",
            "birth_date": "1979",
        },
    )
