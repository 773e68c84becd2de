"""Birth dates as evidence: equal, partly known, day and month swapped, or in conflict."""

from __future__ import annotations

from functools import lru_cache

from haven_core.dates import PartialDate, PartialDateError
from haven_core.matching.features import Evidence


@lru_cache(maxsize=16384)
def parse_birth(text: str | None) -> PartialDate | None:
    """A birth date from its ISO or Russian text; None when missing or unreadable."""
    if not text:
        return None
    try:
        return PartialDate.parse(text)
    except PartialDateError:
        return None


def birth_evidence(query: PartialDate | None, entry: PartialDate | None) -> Evidence:
    """What two birth dates say about two records being one person.

    >>> from haven_core.dates import PartialDate as D
    >>> str(birth_evidence(D(1988, 3, 12), D(1988, 12, 3)))
    'birth year equal, day and month swapped (1988-03-12 / 1988-12-03)'
    >>> birth_evidence(D(1988), D(1988, 3, 12)).feature, birth_evidence(D(1987), D(1988, 3, 12)).feature
    ('birth_year', 'birth_year_differs')
    """
    if query is None or entry is None:
        return Evidence("birth_missing")
    q, e = query.iso(), entry.iso()
    if query.year != entry.year:
        return Evidence("birth_year_differs", q, e)
    if query == entry and query.day is not None:
        return Evidence("birth_equal", q, e)
    if query.month is None or entry.month is None:
        return Evidence("birth_year", q, e)
    if query.month == entry.month and (query.day is None or entry.day is None):
        return Evidence("birth_month", q, e)
    if query.month == entry.day and query.day == entry.month:
        return Evidence("birth_swapped", q, e)
    if query == entry:
        return Evidence("birth_month", q, e)
    return Evidence("birth_differs", q, e)
