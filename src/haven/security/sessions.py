"""Sessions stored encrypted, like every sensitive field.

Django keeps session data in the database signed but readable: base64 of JSON. Haven puts sensitive
things there (the names a caseworker searched for, kept out of URLs by ``haven.cases.searches``), so a
raw dump of the sessions table would show them. This engine seals the whole session with the data key.
A session written under a key since retired, or before encryption, reads as empty: its user signs in
again.
"""

from __future__ import annotations

from typing import Any

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore

from haven.security.codec import EncryptingCodec
from haven_core.crypto.sealing import DecryptionError

_codec = EncryptingCodec()


class SessionStore(DatabaseSessionStore):
    def encode(self, session_dict: dict[str, Any]) -> str:
        return _codec.encode(super().encode(session_dict))

    def decode(self, session_data: str) -> dict[str, Any]:
        try:
            signed = _codec.decode(session_data)
        except DecryptionError:
            return {}
        decoded: dict[str, Any] = super().decode(signed)
        return decoded
