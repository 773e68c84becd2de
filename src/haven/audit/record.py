"""Writing audit entries. Call :func:`audit_record` inside the transaction of the change it records, from
an actions module (``tests/audit/test_audit_only_from_actions.py`` keeps it so). The action must be one of
:class:`haven.audit.catalogue.AuditAction`.

A change locks the chain's head to append its entry, and keeps it locked until its transaction ends.
A read (a household page opened, an API call) must not wait for that: :func:`audit_read` stages its
entry without the lock, and the next writer that holds the lock (or ``haven audit-seal``) seals the
staged entries into the chain first, in the order they were written.
"""

from __future__ import annotations

import json
from typing import Any

from django.db import transaction
from django.utils import timezone

from haven.audit.catalogue import AuditAction
from haven.audit.chain import entry_content, link_hash, staged_digest
from haven.audit.models import AuditEntry, ChainHead, StagedEntry

SEAL_BATCH = 5000  # staged entries sealed by one writer at most; ``haven audit-seal`` seals the rest


def _head() -> ChainHead:
    """The chain's head, locked until the transaction ends."""
    head = ChainHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        ChainHead.objects.get_or_create(pk=1)
        head = ChainHead.objects.select_for_update().get(pk=1)
    return head


_KNOWN = frozenset(AuditAction.values)


def _check_action(action: str) -> str:
    if action not in _KNOWN:
        raise ValueError(f"not an audit action of haven.audit.catalogue.AuditAction: {action!r}")
    return str(action)


def _locked_head() -> ChainHead:
    """The chain's head, locked until the transaction ends, with the staged reads sealed before it."""
    head = _head()
    _seal_staged(head)
    return head


def _seal_staged(head: ChainHead, limit: int = SEAL_BATCH) -> int:
    """Append the staged entries to the chain after ``head``, oldest first, and remove them from the
    stage. One whose content no longer matches its digest is left there for ``haven audit-verify``."""
    staged = list(StagedEntry.objects.order_by("id")[:limit])
    sound = [s for s in staged if staged_digest(s) == s.digest]
    if not sound:
        return 0
    rows = []
    for s in sound:
        entry = AuditEntry(
            seq=head.last_seq + 1, at=s.at, actor_id=s.actor_id, action=s.action,
            organisation_id=s.organisation_id, household_ref=s.household_ref, target=s.target, ip=s.ip,
            detail=s.detail, prev_hash=head.last_hash,
        )  # fmt: skip
        entry.hash = link_hash(head.last_hash, entry_content(entry))
        head.last_seq, head.last_hash = entry.seq, entry.hash
        rows.append(entry)
    AuditEntry.objects.bulk_create(rows, batch_size=500)
    StagedEntry.objects.filter(pk__in=[s.pk for s in sound]).delete()
    head.save(update_fields=["last_seq", "last_hash"])
    return len(rows)


def audit_seal() -> int:
    """Seal every staged entry into the chain now (``haven audit-seal``); how many were sealed."""
    sealed = 0
    while True:
        with transaction.atomic():
            count = _seal_staged(_head())
        sealed += count
        if count < SEAL_BATCH:
            return sealed


def _fields(
    *,
    actor: Any,
    action: str,
    organisation: Any = None,
    household_ref: str = "",
    target: str = "",
    ip: str | None = None,
    detail: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The fields of a new entry, chained or staged, from :func:`audit_record`'s arguments."""
    return {
        "at": timezone.now(),
        "actor": actor if getattr(actor, "pk", None) else None,
        "action": _check_action(action),
        "organisation": organisation,
        "household_ref": household_ref,
        "target": target,
        "ip": ip,
        # Round-trip the detail through JSON now so the hash covers what the database will return.
        "detail": json.loads(json.dumps(detail or {}, default=str)),
    }


def audit_read(
    *,
    actor: Any,
    action: str,
    organisation: Any = None,
    household_ref: str = "",
    target: str = "",
    ip: str | None = None,
    detail: dict[str, Any] | None = None,
) -> StagedEntry:
    """Record a read without taking the chain's lock: staged now, sealed into the chain by the next
    writer. Same arguments as :func:`audit_record`; the same rule, never a sensitive value."""
    entry = StagedEntry(
        **_fields(
            actor=actor, action=action, organisation=organisation, household_ref=household_ref,
            target=target, ip=ip, detail=detail,
        )
    )  # fmt: skip
    entry.digest = staged_digest(entry)
    entry.save(force_insert=True)
    return entry


def _link(head: ChainHead, **fields: Any) -> AuditEntry:
    """The next entry of the chain after ``head`` (not yet saved), from :func:`audit_record`'s arguments;
    moves ``head`` on to it."""
    entry = AuditEntry(
        seq=head.last_seq + 1,
        prev_hash=head.last_hash,
        **_fields(**fields),
    )
    entry.hash = link_hash(head.last_hash, entry_content(entry))
    head.last_seq, head.last_hash = entry.seq, entry.hash
    return entry


def audit_record(
    *,
    actor: Any,
    action: str,
    organisation: Any = None,
    household_ref: str = "",
    target: str = "",
    ip: str | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry to the chain. ``detail`` names fields that changed, never their sensitive values.
    An ``action`` that is not an :class:`AuditAction` is refused (``ValueError``)."""
    _check_action(action)
    with transaction.atomic():
        head = _locked_head()
        entry = _link(
            head,
            actor=actor,
            action=action,
            organisation=organisation,
            household_ref=household_ref,
            target=target,
            ip=ip,
            detail=detail,
        )
        entry.save(force_insert=True)
        head.save(update_fields=["last_seq", "last_hash"])
    return entry


def audit_records(entries: list[dict[str, Any]]) -> int:
    """Append several entries to the chain at once, for bulk actions (a spreadsheet import records one
    entry per household): each dict holds :func:`audit_record`'s keyword arguments. The head is locked
    once and the entries are inserted together; the chain is the same as from one call per entry."""
    if not entries:
        return 0
    for fields in entries:
        _check_action(fields["action"])
    with transaction.atomic():
        head = _locked_head()
        rows = [_link(head, **fields) for fields in entries]
        AuditEntry.objects.bulk_create(rows, batch_size=500)
        head.save(update_fields=["last_seq", "last_hash"])
    return len(rows)
