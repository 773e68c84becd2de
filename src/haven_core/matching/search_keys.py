"""The keys a person is found by in the case-list search, read as the matcher reads their names.

The stored keys are the coarse skeleton keys of every word of every spelling
(:func:`haven_core.names.name_keys`: every transliteration family, no suffix or title), plus the key
of a surname of several words written as one, as :mod:`.name_parts` reads the surname ("Vladimir Kara
Murza" is also found as "Karamurza", and a hyphenated one already was). The database holds only keyed
hashes of these (``haven.security.sensitive.index_value``), never the keys themselves.
"""

from __future__ import annotations

from haven_core.matching.name_parts import readings
from haven_core.names import name_keys, query_keys
from haven_core.names.keys import token_keys

__all__ = ["person_search_keys", "query_keys"]


def person_search_keys(*names: str) -> set[str]:
    """Every search key of a person with these spellings.

    >>> "karamurza" in person_search_keys("Vladimir Kara Murza")
    True
    >>> sorted(person_search_keys("KARA-MURZA, VLADIMIR JR."))
    ['kara', 'karamurza', 'murza', 'vladimir']
    """
    keys = name_keys(*names)
    for name in names:
        for reading in readings(name):
            if len(reading.surname) > 1:
                keys |= token_keys("".join(t.bare for t in reading.surname))
    return keys
