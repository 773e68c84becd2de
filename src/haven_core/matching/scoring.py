"""Scoring one pair of name records (first version: key overlap and birth date)."""

from __future__ import annotations

from haven_core.matching.records import Candidate, NameRecord
from haven_core.names import name_keys


def compare(query: NameRecord, entry: NameRecord) -> Candidate | None:
    """Score ``query`` against ``entry``; ``None`` when they are not even worth a human's look."""
    qk, ek = name_keys(*query.names), name_keys(*entry.names)
    shared = len(qk & ek)
    if shared < 2:
        return None
    reasons = [f"{shared} name keys shared"]
    score = 0.6
    if query.birth and entry.birth:
        if query.birth == entry.birth:
            score, reasons = 0.95, [*reasons, "birth date equal"]
        else:
            score, reasons = 0.3, [*reasons, "birth date differs"]
    if score < 0.4:
        return None
    return Candidate(query.id, entry.id, score, "match" if score >= 0.9 else "review", tuple(reasons))
