"""The hash chain over audit entries: how a link is computed and how the chain is checked."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


def link_hash(prev_hash: str, content: dict[str, Any]) -> str:
    """SHA-256 over the previous link and a canonical JSON form of this entry's content."""
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{prev_hash}\n{canonical}".encode()).hexdigest()


def entry_content(entry: Any) -> dict[str, Any]:
    """What a link covers: every column of the entry except the two hashes."""
    return {"seq": entry.seq, **_recorded(entry)}


def _recorded(entry: Any) -> dict[str, Any]:
    """What was recorded, without the entry's place in the chain."""
    return {
        "at": entry.at.isoformat(),
        "actor": entry.actor_id,
        "action": entry.action,
        "organisation": entry.organisation_id,
        "household_ref": entry.household_ref,
        "target": entry.target,
        "ip": entry.ip,
        "detail": entry.detail,
    }


def staged_digest(entry: Any) -> str:
    """What a staged entry (not yet in the chain, so without a place in it) is checked against."""
    return link_hash("staged", _recorded(entry))


@dataclass(frozen=True)
class Break:
    """The first place where the chain does not hold, in words a person can act on."""

    seq: int
    reason: str


def first_break(entries: Iterator[Any], head_seq: int, head_hash: str) -> Break | None:
    """Walk entries in ``seq`` order; return the first broken link, or None if the chain holds."""
    expected_seq, prev = 1, GENESIS
    for entry in entries:
        if entry.seq != expected_seq:
            return Break(expected_seq, f"entry #{expected_seq} is missing (next present is #{entry.seq})")
        if entry.prev_hash != prev:
            return Break(entry.seq, f"entry #{entry.seq} does not follow entry #{entry.seq - 1}")
        if link_hash(prev, entry_content(entry)) != entry.hash:
            return Break(entry.seq, f"entry #{entry.seq} was altered after it was written")
        expected_seq, prev = entry.seq + 1, entry.hash
    if expected_seq - 1 != head_seq or prev != head_hash:
        return Break(expected_seq, f"entries after #{expected_seq - 1} were removed (head is #{head_seq})")
    return None
