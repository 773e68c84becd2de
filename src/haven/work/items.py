"""What a home page lists: sections of work, each a count and its first items, each item a link to the page
where that piece of work is done.

Every section is counted by the database and its first :data:`SHOWN` items read with what they show
(people, households) in a fixed number of queries, however much work waits: a home page's queries do not
grow with the caseload. Each list is narrowed by :mod:`haven.accounts.visibility` first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.functional import Promise

SHOWN = 8  # the first items of each section; the section's own page lists the rest


@dataclass(frozen=True)
class Item:
    """One piece of work: what it is, about whom, and where it is done."""

    title: str
    url: str
    household: str = ""  # the household's reference, when the item belongs to one
    person: str = ""  # the person's name, when the item is about one person
    detail: str = ""  # a line under the title: a reason, a date, a score
    date: dt.date | None = None
    days_left: int | None = None  # for a deadline
    tone: str = ""  # "danger", "warning" or "" (always with words beside it, never colour alone)
    flag: str = ""  # a short word shown as a tag (e.g. "Detained", "Referable")
    flag_tone: str = ""  # the tag's own tone when it differs from the item's


@dataclass(frozen=True)
class Section:
    key: str  # the anchor and the test's handle: "deadlines", "to_verify"…
    title: str | Promise
    count: int
    items: list[Item] = field(default_factory=list)
    empty: str | Promise = ""  # said when there is nothing to do
    more_url: str = ""  # the page listing every item, when there is one
    more_label: str | Promise = ""

    @property
    def hidden(self) -> int:
        return max(0, self.count - len(self.items))
