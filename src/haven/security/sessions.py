"""Sessions stored encrypted, like every sensitive field.

Django keeps session data in the database signed but readable: base64 of JSON. Haven puts sensitive
things there (the names a caseworker searched for, kept out of URLs by ``haven.cases.searches``), so a
raw dump of the sessions table would show them. This engine seals the whole session with the data key.
A session written under a key since retired, or before encryption, reads as empty: its user signs in
again.

Every request pushes a session's expiry forward (``SESSION_SAVE_EVERY_REQUEST``), which costs a write
on every page. A session read unchanged whose stored expiry is already within :data:`REFRESH_SLACK` of
where this request would push it is not written again: the idle limit then ends at most that many
seconds early, and a page saves two queries (issue 14).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.utils import timezone

from haven.security.codec import EncryptingCodec
from haven_core.crypto.sealing import DecryptionError

_codec = EncryptingCodec()
REFRESH_SLACK = dt.timedelta(seconds=30)


class SessionStore(DatabaseSessionStore):
    _stored_expiry: dt.datetime | None = None

    def _get_session_from_db(self) -> Any:
        # Django's database store has this method (since 4.0); django-stubs does not declare it.
        found = super()._get_session_from_db()  # type: ignore[misc]
        self._stored_expiry = found.expire_date if found is not None else None
        return found

    def save(self, must_create: bool = False) -> None:
        if not must_create and not self.modified and self._fresh():
            return
        super().save(must_create=must_create)
        self._stored_expiry = None

    def _fresh(self) -> bool:
        """Whether the stored expiry is already about where saving now would put it."""
        if self._stored_expiry is None or self.session_key is None:
            return False
        wanted = timezone.now() + dt.timedelta(seconds=self.get_expiry_age())
        return self._stored_expiry >= wanted - REFRESH_SLACK

    def encode(self, session_dict: dict[str, Any]) -> str:
        return _codec.encode(super().encode(session_dict))

    def decode(self, session_data: str | bytes) -> dict[str, Any]:
        text = session_data if isinstance(session_data, str) else session_data.decode()
        try:
            signed = _codec.decode(text)
        except DecryptionError:
            return {}
        decoded: dict[str, Any] = super().decode(signed)
        return decoded
