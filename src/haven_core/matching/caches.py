"""Letting go of what the matcher worked out about records once a large check is done.

The matcher keeps recent names and records worked out (bounded caches, a few kilobytes a record) for
the next query. After checking a whole caseload file they hold only that file's people, of no use to
what follows (writing the file), which would otherwise have to grow beside them. The caches of single
words are kept: they are bounded by the words of the language, not by the people.
"""

from __future__ import annotations

from haven_core.matching.birth import parse_birth
from haven_core.matching.index import _one_letter_apart
from haven_core.matching.name_parts import readings, record_readings
from haven_core.matching.profiles import _filing, profile


def forget_records() -> None:
    """Empty the caches of names and records (not those of words): after a large check."""
    for cached in (readings, record_readings, profile, _filing, _one_letter_apart, parse_birth):
        cached.cache_clear()
