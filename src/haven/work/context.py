"""The count of waiting work beside "My work" in the navigation.

Counted when the home page is drawn (where every section is counted anyway) and kept in the session,
so that no other page runs a query for it: the household page and the lists cost what they cost
without it. The home page is where a user lands, and the brand link leads back to it, so the figure
is renewed whenever they go back to their work.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.http import HttpRequest

from haven.work.items import Section

SESSION_KEY = "haven_work_count"


def remember_counts(request: HttpRequest, sections: Sequence[Section]) -> None:
    total = sum(s.count for s in sections)
    if request.session.get(SESSION_KEY) != total:
        request.session[SESSION_KEY] = total


def work_count(request: HttpRequest) -> dict[str, Any]:
    session = getattr(request, "session", None)
    if session is None or not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    return {"haven_work_count": session.get(SESSION_KEY)}
