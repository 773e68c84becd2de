"""A household's page as it is served costs at most 15 queries (issue 14), counted with everything the request
runs: the session, the signed-in user, the second-factor guard, the staged audit read and the page itself.

The user signs in as in production: password, then a code from their authenticator (not a session made
up by the test), and opens the page of a family of eight with everything a page can show, a listing in
a registry among it. The session's write that pushes its idle limit forward is not made on every page
(``haven.security.sessions``): a page that makes it costs exactly that one write more.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pyotp
import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from haven.accounts.actor import Actor
from haven.accounts.models import TOTPDevice
from haven.evidence.actions import evidence_add
from tests.support.families import MAX_QUERIES, family
from tests.support.personas import PASSWORD, make_user


def signed_in_with_a_code(user: Any) -> Client:
    """A client that signed in with ``user``'s password and then a code of their authenticator."""
    secret = pyotp.random_base32()
    TOTPDevice.objects.create(user=user, secret=secret, confirmed_at=timezone.now())
    client = Client()
    assert client.post("/login/", {"username": user.username, "password": PASSWORD}).status_code == 302
    assert client.get("/cases/")["Location"].startswith("/account/2fa/verify/")  # held at the guard
    assert client.post("/account/2fa/verify/", {"code": pyotp.TOTP(secret).now()}).status_code == 302
    return client


def signed_in_with_a_password(user: Any) -> Client:
    """A client that signed in with ``user``'s password only: a caseworker who uses no authenticator."""
    client = Client()
    assert client.post("/login/", {"username": user.username, "password": PASSWORD}).status_code == 302
    return client


def served_queries(client: Client, url: str, *, stale_session: bool) -> list[str]:
    """The SQL of one GET of ``url``; with ``stale_session``, one whose session must be written again."""
    if stale_session:  # its expiry as if the last page was opened a minute ago
        key = client.cookies[settings.SESSION_COOKIE_NAME].value
        expiry = timezone.now() + dt.timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)
        Session.objects.filter(session_key=key).update(expire_date=expiry)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in captured.captured_queries]


def household_of_eight(org_a: Any, caseworker_a: Any) -> Any:
    household = family(org_a, caseworker_a, make_user("rita", "reviewer", org_a), people=8)
    evidence_add(
        actor=Actor.for_user(caseworker_a),
        person=household.people.first(),
        fields={
            "kind": "registry_listing",
            "title": "Реестр иностранных агентов",
            "registry": "minjust-foreign-agents",
            "registry_listed_on": dt.date(2023, 5, 12),
            "tags": [("registry_listing", dt.date(2023, 5, 12))],
        },
    )
    return household


@pytest.mark.parametrize("persona", ["caseworker_a", "coordinator"])
def test_a_served_household_page_is_within_the_target(
    request: Any, persona: str, org_a: Any, caseworker_a: Any
) -> None:
    household = household_of_eight(org_a, caseworker_a)
    client = signed_in_with_a_code(request.getfixturevalue(persona))
    url = f"/cases/{household.reference}/"
    page = client.get(url).content.decode()  # the first page after signing in: the session's bookkeeping
    assert "Ministry of Justice: registry of foreign agents" in page and page.count("Ольга Котова") == 8
    queries = served_queries(client, url, stale_session=False)
    assert any("django_session" in q for q in queries)  # the request's own session is counted
    assert any("stagedentry" in q for q in queries)  # and so is the audit entry of the view
    assert len(queries) <= MAX_QUERIES, "\n".join(queries)


def test_a_served_page_of_a_caseworker_without_an_authenticator_is_within_the_target(
    org_a: Any, caseworker_a: Any
) -> None:
    # The guard asks on each of their requests whether they have a second factor or need one.
    household = household_of_eight(org_a, caseworker_a)
    client = signed_in_with_a_password(caseworker_a)
    url = f"/cases/{household.reference}/"
    assert client.get(url).status_code == 200
    queries = served_queries(client, url, stale_session=False)
    assert sum("accounts_totpdevice" in q for q in queries) == 1
    assert len(queries) <= MAX_QUERIES, "\n".join(queries)


def test_refreshing_the_session_costs_its_one_write(org_a: Any, caseworker_a: Any, coordinator: Any) -> None:
    household = household_of_eight(org_a, caseworker_a)
    client = signed_in_with_a_code(coordinator)
    url = f"/cases/{household.reference}/"
    client.get(url)
    fresh = served_queries(client, url, stale_session=False)
    stale = served_queries(client, url, stale_session=True)
    # The savepoint around it is the test's transaction: served, the write runs in autocommit.
    written = [q for q in stale if "SAVEPOINT" not in q]
    assert len(written) == len(fresh) + 1 and written[-1].startswith('UPDATE "django_session"')
