"""An administrator in a real browser: sign in with the second factor, open Users, promote a caseworker to
coordinator; the change is saved and audited. Any CSP violation on the pages fails the test."""

from __future__ import annotations

from typing import Any

import pytest

from haven.accounts.models import Membership
from haven.audit.models import AuditEntry
from tests.support.accounts import give_authenticator
from tests.support.browser import sign_in
from tests.support.personas import make_user

pytestmark = pytest.mark.e2e


def test_an_administrator_promotes_a_caseworker(live_server: Any, page: Any, caseworker_a: Any) -> None:
    admin = make_user("ada", "admin", None)
    secret = give_authenticator(admin)
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))

    sign_in(page, live_server.url, "ada", secret)

    page.click("nav >> text=Users")
    page.wait_for_url("**/account/users/")
    row = page.locator("tbody tr", has_text="anna")
    assert "Caseworker" in row.inner_text() and "Free Russia Aid" in row.inner_text()
    row.locator("a", has_text="anna").click()
    page.wait_for_url("**/account/users/anna/")
    page.select_option("#id_role", "coordinator")
    page.select_option("#id_organisation", "")
    page.click("text=Save role")
    page.wait_for_url("**/account/users/anna/")
    assert "Role saved." in page.locator(".messages").inner_text()
    assert page.locator("#current-role").inner_text().strip() == "Coordinator"
    assert not [m for m in console if "Content Security Policy" in m or "Refused" in m], console

    assert Membership.objects.get(user=caseworker_a).role == "coordinator"
    entry = AuditEntry.objects.get(action="user.role_change")
    assert entry.actor == admin and entry.detail["role"] == ["caseworker", "coordinator"]
