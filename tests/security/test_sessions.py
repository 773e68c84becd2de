"""Sessions are sealed: the searched names kept in them never show in the sessions table."""

from __future__ import annotations

import base64
import json
import zlib
from typing import Any

import pytest
from django.contrib.sessions.backends.db import SessionStore as DjangoSessionStore
from django.contrib.sessions.models import Session

from haven.security import keys
from haven.security.sessions import SessionStore
from tests.support.personas import client_for

pytestmark = pytest.mark.django_db
SEARCHES = {"haven_searches": {"k3Jq9x": "Котова Юлия"}}


def readable_without_any_key(stored: str) -> str:
    """What someone holding only the sessions table reads from Django's signed (not encrypted) format."""
    payload = stored.split(":")[0]
    raw = base64.urlsafe_b64decode(payload.lstrip(".") + "=" * (-len(payload.lstrip(".")) % 4))
    return json.dumps(
        json.loads(zlib.decompress(raw) if payload.startswith(".") else raw), ensure_ascii=False
    )


def test_session_data_is_sealed_and_reads_back(own_keys: Any) -> None:
    store = SessionStore()
    store.update(SEARCHES)
    store.save()
    stored = Session.objects.get(pk=store.session_key).session_data
    assert stored.startswith(f"v1:{keys.sealer().current}:")
    assert "Котова" not in stored
    assert SessionStore(session_key=store.session_key).load() == SEARCHES


def test_control_django_s_own_sessions_show_the_names(own_keys: Any) -> None:
    store = DjangoSessionStore()
    store.update(SEARCHES)
    store.save()
    assert "Котова Юлия" in readable_without_any_key(Session.objects.get(pk=store.session_key).session_data)


def test_a_session_sealed_under_a_retired_key_is_simply_empty(own_keys: Any) -> None:
    store = SessionStore()
    store.update(SEARCHES)
    store.save()
    Session.objects.filter(pk=store.session_key).update(session_data="v1:d-00000000:AAAA")
    assert SessionStore(session_key=store.session_key).load() == {}


def test_signing_in_writes_a_sealed_session(own_keys: Any, caseworker_a: Any) -> None:
    client_for(caseworker_a)
    assert [s.session_data[:3] for s in Session.objects.all()] == ["v1:"]
