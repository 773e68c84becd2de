"""A session's idle limit moves forward with activity, without a write on every page (issue 14): a session
whose stored expiry is already within the slack of where the page would put it is not written again."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.sessions.models import Session
from django.utils import timezone

from haven.cases.searches import SESSION_KEY
from haven.security.sessions import REFRESH_SLACK, SessionStore
from tests.support.personas import client_for


def _set_remaining(seconds: float) -> dt.datetime:
    expiry = timezone.now() + dt.timedelta(seconds=seconds)
    Session.objects.update(expire_date=expiry)
    return expiry


def test_a_fresh_session_is_not_written_again(caseworker_a: Any, settings: Any) -> None:
    client = client_for(caseworker_a)
    assert client.get("/cases/").status_code == 200
    expiry = _set_remaining(settings.SESSION_COOKIE_AGE - REFRESH_SLACK.total_seconds() / 3)
    assert client.get("/cases/").status_code == 200
    assert Session.objects.get().expire_date == expiry


def test_an_older_session_is_pushed_forward(caseworker_a: Any, settings: Any) -> None:
    client = client_for(caseworker_a)
    expiry = _set_remaining(settings.SESSION_COOKIE_AGE - 3 * REFRESH_SLACK.total_seconds())
    assert client.get("/cases/").status_code == 200
    stored = Session.objects.get().expire_date
    assert stored > expiry
    assert (stored - timezone.now()).total_seconds() > settings.SESSION_COOKIE_AGE - 5


def test_a_changed_session_is_written_even_when_fresh(caseworker_a: Any, settings: Any) -> None:
    client = client_for(caseworker_a)
    expiry = _set_remaining(settings.SESSION_COOKIE_AGE - REFRESH_SLACK.total_seconds() / 3)
    client.post("/cases/", {"q": "Котова"})  # a search keeps the searched name in the session
    stored = Session.objects.get()
    assert stored.expire_date > expiry
    assert SESSION_KEY in SessionStore(session_key=stored.session_key).load()
