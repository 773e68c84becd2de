"""A head of the audit chain kept outside the database, and whether a chain extends it."""

from __future__ import annotations

import datetime as dt

import pytest

from haven_core.audit_anchor import GENESIS, Anchor, AnchorProblem, Head, extends, parse_head

HASH = "ab" * 32


def test_a_head_reads_as_printed() -> None:
    assert parse_head(f"12:{HASH.upper()}") == Head(12, HASH)
    assert str(Head(12, HASH)) == f"12:{HASH}"
    for bad in ("12", f"x:{HASH}", "12:abc", f"0:{HASH}"):
        with pytest.raises(AnchorProblem):
            parse_head(bad)


def test_the_digest_binds_count_and_hash() -> None:
    assert Head(12, HASH).digest() != Head(13, HASH).digest() != Head(12, "cd" * 32).digest()


def test_a_chain_extends_a_head_only_with_as_many_entries_and_the_same_hash_there() -> None:
    known = Head(12, HASH)
    assert extends(known, 12, HASH) == "" and extends(known, 40, HASH) == ""
    assert "deleted" in extends(known, 0, None)  # wiped whole, head reset: "holds: 0 entries" before
    assert "deleted" in extends(known, 11, None)
    assert "rewritten" in extends(known, 40, "cd" * 32)
    assert extends(Head(0, GENESIS), 0, None) == ""


def test_an_anchor_file_round_trips_and_refuses_an_edited_head() -> None:
    anchor = Anchor(Head(12, HASH), dt.datetime(2026, 12, 7, 3, 0, tzinfo=dt.UTC), "https://tsa", b"\x30\x03")
    assert Anchor.from_json(anchor.to_json()) == anchor
    assert anchor.file_name() == "audit-head-20261207T030000Z-12.json"
    edited = anchor.to_json().replace('"count": 12', '"count": 11')
    with pytest.raises(AnchorProblem, match="altered"):
        Anchor.from_json(edited)
    with pytest.raises(AnchorProblem):
        Anchor.from_json("{}")
