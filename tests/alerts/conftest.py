"""Alerts tests: the personas with email addresses, and deadlines set through Haven's own actions."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.alerts import with_email


@pytest.fixture(autouse=True)
def _emails(db: Any, request: Any) -> None:
    """The personas a test uses get an address (make_user gives none)."""
    for name in ("caseworker_a", "caseworker_b", "reviewer_a", "coordinator"):
        if name in request.fixturenames:
            with_email(request.getfixturevalue(name))
