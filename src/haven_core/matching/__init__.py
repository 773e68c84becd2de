"""Finding the same person across scripts, spellings and lists.

``compare(query, entry)`` scores one pair; ``Matcher(entries).candidates(query)`` finds the entries
worth scoring through a blocking index and returns the candidates best first. Every
:class:`Candidate` carries its reasons in words. ``parse_registry_name`` takes registry names apart.
See docs/matching.md for the features, weights, thresholds and measured quality.
"""

from haven_core.matching.index import Matcher
from haven_core.matching.records import Candidate, Decision, NameRecord
from haven_core.matching.registry_names import ParsedName, parse_registry_name
from haven_core.matching.scoring import compare

__all__ = ["Candidate", "Decision", "Matcher", "NameRecord", "ParsedName", "compare", "parse_registry_name"]
