"""The audit entries of evidence work done outside the item actions: a page captured from the web, a
file timestamped by the authority (or not), a household's evidence exported as a bundle.

Each is called inside the transaction of the write it records (the capture, the kept token); an export
and a failed timestamp have no write of their own beyond the entry.
"""

from __future__ import annotations

from typing import Any

from haven.accounts.actor import Actor
from haven.audit.record import audit_record
from haven.cases.models import Household
from haven.evidence.models import EvidenceItem, StoredBlob


def evidence_capture_record(
    *, actor: Actor, item: EvidenceItem, household: Household, detail: dict[str, Any]
) -> None:
    """Record the capture of a web page as ``item``: the answer's status, sizes and the files' hashes."""
    audit_record(
        actor=actor.user,
        action="evidence.capture",
        organisation=household.organisation,
        household_ref=household.reference,
        target=str(item.public_id),
        ip=actor.ip,
        detail=detail,
    )


def evidence_timestamp_record(*, blob: StoredBlob, authority: str, generated_at: str) -> None:
    """Record that the authority timestamped ``blob`` (by its hash; the token is kept with it)."""
    audit_record(
        actor=None,
        action="evidence.timestamp",
        target=f"sha256:{blob.sha256}",
        detail={"authority": authority, "generated_at": generated_at},
    )


def evidence_timestamp_failed_record(*, blob: StoredBlob, authority: str, reason: str) -> None:
    """Record that timestamping ``blob`` failed, and why (``haven timestamp-pending`` retries)."""
    audit_record(
        actor=None,
        action="evidence.timestamp_failed",
        target=f"sha256:{blob.sha256}",
        detail={"authority": authority, "reason": reason[:200]},
    )


def evidence_bundle_record(*, household: Household, detail: dict[str, Any]) -> None:
    """Record an export of the household's evidence as a bundle: counts and the manifest's hash. It
    joins the chain of custody of every item of the household (:mod:`haven.evidence.actions.custody`)."""
    audit_record(
        actor=None,
        action="evidence.bundle",
        organisation=household.organisation,
        household_ref=household.reference,
        detail=detail,
    )
