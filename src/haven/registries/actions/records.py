"""The audit entries of registry work done in bulk: importing a snapshot, looking for the same people
across organisations, screening a file of people that Haven does not keep.

Each is called inside the transaction of the write it records (the snapshot, the proposed links); a
screened file writes nothing in Haven but its entry. Details are counts, hashes and codes, never names.
"""

from __future__ import annotations

from typing import Any

from haven.accounts.actor import Actor
from haven.audit.record import audit_record


def registry_import_record(*, actor: Actor, snapshot: Any, detail: dict[str, Any]) -> None:
    """Record a registry snapshot imported: the registry, its date, format, file hash and counts."""
    audit_record(
        actor=actor.user, action="registry.import", target=str(snapshot.public_id), ip=actor.ip, detail=detail
    )


def identity_search_record(*, actor: Actor, people: int, proposed: int, withdrawn: int) -> None:
    """Record a search for the same people across organisations, and how many pairs it proposed."""
    audit_record(
        actor=actor.user,
        action="identity.search",
        ip=actor.ip,
        detail={"people": people, "proposed": proposed, "withdrawn": withdrawn},
    )


def screen_file_record(*, actor: Actor, rows: int, candidates: int, matches: int) -> None:
    """Record a file of people screened against the registries (``haven screen-file``)."""
    audit_record(
        actor=actor.user,
        action="registry.screen_file",
        ip=actor.ip,
        detail={"rows": rows, "candidates": candidates, "matches": matches},
    )
