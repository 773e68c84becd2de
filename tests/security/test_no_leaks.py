"""No sensitive value reaches logs, error pages or URLs."""

from __future__ import annotations

import io
import logging
import re
from typing import Any

import pytest
from django.test import Client

from haven.logs import WITHHELD, RedactingFormatter
from tests.support.personas import client_for

NAME = "Котова"


@pytest.fixture
def failing_household_page(monkeypatch: Any, household_a: Any) -> None:
    """Make the household page fail with an exception whose message carries a person's name."""
    person = household_a.principal

    def explode(*args: Any, **kwargs: Any) -> Any:
        # The message is built from stored values, as a real failure's would be.
        raise ValueError(f"cannot lay out the timeline of {person.display_name}, born {person.birth_date}")

    monkeypatch.setattr("haven.cases.views.household.timeline_entries", explode)


@pytest.fixture
def root_log() -> Any:
    """What Haven's configured console handler writes, captured."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(RedactingFormatter("%(levelname)s %(name)s %(message)s"))
    logging.getLogger().addHandler(handler)
    yield stream
    logging.getLogger().removeHandler(handler)


def test_a_server_error_shows_no_data_and_logs_none(
    failing_household_page: None, root_log: io.StringIO, caseworker_a: Any, household_a: Any
) -> None:
    client = client_for(caseworker_a)
    client.raise_request_exception = False
    response = client.get(f"/cases/{household_a.reference}/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong" in body
    assert NAME not in body and "1988-04-12" not in body and "Traceback" not in body
    log = root_log.getvalue()
    assert "Internal Server Error" in log and "ValueError" in log and WITHHELD in log
    assert NAME not in log and "1988-04-12" not in log


def test_the_configured_console_handler_redacts(settings: Any) -> None:
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler.formatter, RedactingFormatter)


def test_not_found_and_forbidden_pages_say_nothing_about_the_household(
    caseworker_b: Any, liaison: Any, household_a: Any
) -> None:
    url = f"/cases/{household_a.reference}/"
    not_found = client_for(caseworker_b).get(url)
    forbidden = client_for(liaison).get(url)
    assert not_found.status_code == 404 and forbidden.status_code == 403
    for response in (not_found, forbidden):
        body = response.content.decode()
        assert NAME not in body and "KOTOVA" not in body and "Free Russia Aid" not in body


def test_debug_is_off_unless_asked_for(settings: Any) -> None:
    from django.conf import settings as live

    assert live.DEBUG is False


def test_urls_of_every_page_carry_only_references(caseworker_a: Any, household_a: Any) -> None:
    client = client_for(caseworker_a)
    person = household_a.principal
    pages = [
        "/cases/",
        f"/cases/{household_a.reference}/",
        f"/cases/{household_a.reference}/people/{person.public_id}/edit/",
        f"/cases/{household_a.reference}/people/{person.public_id}/us-record/",
    ]
    for page in pages:
        html = client.get(page).content.decode()
        for link in re.findall(r'(?:href|action|src)="([^"]*)"', html):
            assert not re.search(r"[А-Яа-яЁё]|kotova|iuliia|1988", link, re.IGNORECASE), (page, link)


def test_login_failure_logs_no_password(client: Client, root_log: io.StringIO, caseworker_a: Any) -> None:
    client.post("/login/", {"username": "anna", "password": "hunter2-secret"})
    assert "hunter2-secret" not in root_log.getvalue()
