"""The worded part of the assessment panel, kept per process once rendered.

A stored assessment never changes: a new one is stored beside it. What the panel words from it (every
contribution's reason, points and public sources, the categories and routes) therefore depends only on
that assessment, the rules that word its sources, the names of the household's people and the titles of
its evidence, and the reader's language and time zone. Rendering those few hundred lines is a fifth of a
household page; a caseworker opens the same household many times between two assessments. So the
rendered HTML is kept, in this process only, under a key made of all those inputs: a renamed person, a
retitled item, new rules or another language is another key, and the page is worded afresh.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from django.utils.safestring import SafeString

SIZE = 512  # households whose panel a process keeps (some 20 KB each)

_kept: OrderedDict[Hashable, tuple[dict[str, int], SafeString]] = OrderedDict()
_lock = threading.Lock()


def worded(
    key: Hashable, render: Callable[[], tuple[dict[str, int], SafeString]]
) -> tuple[dict[str, int], SafeString]:
    """The evidence counts and the rendered details for ``key``: kept ones, or ``render()``'s, kept."""
    with _lock:
        found = _kept.get(key)
        if found is not None:
            _kept.move_to_end(key)
            return found
    made = render()
    with _lock:
        _kept[key] = made
        while len(_kept) > SIZE:
            _kept.popitem(last=False)
    return made


def forget() -> None:
    """Drop every kept panel (tests)."""
    with _lock:
        _kept.clear()
