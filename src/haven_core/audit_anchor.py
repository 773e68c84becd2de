"""Anchoring the audit trail outside the database: a known head of its hash chain, and checking the
chain against it.

The chain (``haven.audit.chain``) shows any entry altered, removed or inserted, but someone who can write
the database can delete the whole trail, or rewrite all of it and its head row, and it verifies again.
What defeats that is a head (how many entries, and the newest link's hash) kept where the database
cannot reach: printed by ``haven audit-verify``, copied into a ticket, or timestamped daily by an
RFC 3161 authority into a file beside the backups (``haven audit-anchor``). A later chain must *extend*
that head: hold at least that many entries, with the same hash at that place.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass

GENESIS = "0" * 64
_HEAD = re.compile(r"(\d+):([0-9a-fA-F]{64})")
FORMAT = "haven-audit-anchor/1"


class AnchorProblem(ValueError):
    """A head or an anchor file that cannot be read."""


@dataclass(frozen=True)
class Head:
    """A head of the audit chain: ``count`` entries, the newest with link hash ``hash``."""

    count: int
    hash: str

    def __str__(self) -> str:
        return f"{self.count}:{self.hash}"

    def digest(self) -> str:
        """The SHA-256 (hex) a timestamp authority signs for this head: it binds count and hash."""
        return hashlib.sha256(f"{FORMAT}\n{self.count}\n{self.hash.lower()}\n".encode()).hexdigest()


def parse_head(text: str) -> Head:
    """``COUNT:HASH`` as ``haven audit-verify`` prints it."""
    match = _HEAD.fullmatch(text.strip())
    if match is None:
        raise AnchorProblem("A head is written COUNT:HASH, the hash in 64 hexadecimal digits.")
    count, digest = int(match.group(1)), match.group(2).lower()
    if count == 0 and digest != GENESIS:
        raise AnchorProblem("An empty chain's head hash is 64 zeros.")
    return Head(count, digest)


def extends(known: Head, current_count: int, hash_at_known: str | None) -> str:
    """Why the current chain (``current_count`` entries, whose entry number ``known.count`` has link
    hash ``hash_at_known``, None if absent) does not extend ``known``; "" when it does."""
    if current_count < known.count:
        return (
            f"the chain holds {current_count} entries but held {known.count} at the known head: "
            "entries were deleted (a wipe or a truncation)"
        )
    expected = GENESIS if known.count == 0 else hash_at_known
    if expected != known.hash:
        return (
            f"entry #{known.count} no longer has the known head's hash: the chain was rewritten up to "
            "that point"
        )
    return ""


@dataclass(frozen=True)
class Anchor:
    """What ``haven audit-anchor`` keeps: a head, when it was read, and the authority's token over
    :meth:`Head.digest`."""

    head: Head
    taken_at: dt.datetime
    authority: str
    token: bytes

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "count": self.head.count,
                "hash": self.head.hash,
                "digest": self.head.digest(),
                "taken_at": self.taken_at.isoformat(),
                "authority": self.authority,
                "token": base64.b64encode(self.token).decode("ascii"),
            },
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str) -> Anchor:
        try:
            data = json.loads(text)
            if data.get("format") != FORMAT:
                raise AnchorProblem("This is not a Haven audit anchor file.")
            head = parse_head(f"{data['count']}:{data['hash']}")
            if data.get("digest") != head.digest():
                raise AnchorProblem("The anchor file's digest does not match its head: it was altered.")
            return cls(
                head=head,
                taken_at=dt.datetime.fromisoformat(data["taken_at"]),
                authority=str(data.get("authority", "")),
                token=base64.b64decode(data["token"], validate=True),
            )
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, AnchorProblem):
                raise
            raise AnchorProblem(f"The anchor file cannot be read ({type(exc).__name__}).") from None

    def file_name(self) -> str:
        return f"audit-head-{self.taken_at.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}-{self.head.count}.json"
