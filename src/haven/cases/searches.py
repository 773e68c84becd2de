"""Keeping searched names out of URLs.

A name typed into the case-list search is posted, kept in the user's session under a random token,
and the list is shown at a URL that carries only the token. Names therefore never reach browser
history, proxy or server access logs, or the Referer header.
"""

from __future__ import annotations

import secrets
from typing import Any

SESSION_KEY = "haven_searches"
KEEP = 20  # the most recent searches a session remembers


def remember(session: Any, text: str) -> str:
    """Store ``text`` in the session and return the token that stands for it in URLs."""
    searches: dict[str, str] = dict(session.get(SESSION_KEY, {}))
    for token, known in searches.items():
        if known == text:
            return token
    token = secrets.token_urlsafe(9)
    searches[token] = text
    session[SESSION_KEY] = dict(list(searches.items())[-KEEP:])
    return token


def recall(session: Any, token: str) -> str | None:
    """The search text a token stands for in this session, or None if it is unknown or forgotten."""
    text = session.get(SESSION_KEY, {}).get(token)
    return text if isinstance(text, str) else None
