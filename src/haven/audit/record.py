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

from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction
from django.db.models import Exists
from django.utils import timezone

from haven.audit.catalogue import AuditAction
from haven.audit.chain import entry_content, link_hash, staged_digest
from haven.audit.models import AuditEntry, ChainHead, StagedEntry

SEAL_BATCH = 5000  # staged entries sealed by one writer at most; ``haven audit-seal`` seals the rest


def _head() -> ChainHead:
    """The chain's head, locked until the transaction ends. Its ``staged`` says whether reads were waiting
    to be sealed when it was read: a hint that saves a query when none are, and only a hint (a read staged
    a moment later waits for the next writer, as it would after the stage was read)."""
    waiting = StagedEntry.objects.all()
    locked = ChainHead.objects.select_for_update().annotate(staged=Exists(waiting)).filter(pk=1)
    head = locked.first()
    if head is None:
        ChainHead.objects.get_or_create(pk=1)
        head = locked.get()
    return head


_KNOWN = frozenset(AuditAction.values)


def _check_action(action: str) -> str:
    if action not in _KNOWN:
        raise ValueError(f"not an audit action of haven.audit.catalogue.AuditAction: {action!r}")
    return str(action)


def _sealed(head: ChainHead, limit: int = SEAL_BATCH) -> tuple[list[AuditEntry], list[int]]:
    """The staged entries as the next links of the chain after ``head`` (not yet saved; ``head`` moves on
    to the last), oldest first, and the ids of those staged entries. One whose content no longer matches
    its digest is left out, and stays staged for ``haven audit-verify``."""
    if not getattr(head, "staged", True):
        return [], []
    staged = list(StagedEntry.objects.order_by("id")[:limit])
    rows = []
    sound = [s for s in staged if staged_digest(s) == s.digest]
    for s in sound:
        entry = AuditEntry(
            seq=head.last_seq + 1, at=s.at, actor_id=s.actor_id, action=s.action,
            organisation_id=s.organisation_id, household_ref=s.household_ref, target=s.target, ip=s.ip,
            detail=s.detail, prev_hash=head.last_hash,
        )  # fmt: skip
        entry.hash = link_hash(head.last_hash, entry_content(entry))
        head.last_seq, head.last_hash = entry.seq, entry.hash
        rows.append(entry)
    return rows, [s.pk for s in sound]


def _append(head: ChainHead, rows: list[AuditEntry], sealed: list[int]) -> None:
    """Write ``rows`` (links after the head as it was locked, ``head`` already moved on to the last) in
    one insert, take the ``sealed`` staged entries off the stage, and move the stored head."""
    if rows:
        AuditEntry.objects.bulk_create(rows, batch_size=500)
    if sealed:
        StagedEntry.objects.filter(pk__in=sealed).delete()
    if rows:
        head.save(update_fields=["last_seq", "last_hash"])


def _seal_staged(head: ChainHead, limit: int = SEAL_BATCH) -> int:
    """Append the staged entries to the chain after ``head``, oldest first, and remove them from the
    stage. One whose content no longer matches its digest is left there for ``haven audit-verify``."""
    rows, sealed = _sealed(head, limit)
    _append(head, rows, sealed)
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
    actor: User | AnonymousUser | None,
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
        "actor": actor if isinstance(actor, User) and actor.pk else None,
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
    actor: User | AnonymousUser | None,
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
    actor: User | AnonymousUser | None,
    action: str,
    organisation: Any = None,
    household_ref: str = "",
    target: str = "",
    ip: str | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry to the chain. ``detail`` names fields that changed, never their sensitive values.
    An ``action`` that is not an :class:`AuditAction` is refused (``ValueError``)."""
    return _chain([{
        "actor": actor, "action": action, "organisation": organisation, "household_ref": household_ref,
        "target": target, "ip": ip, "detail": detail,
    }])[-1]  # fmt: skip


def audit_records(entries: list[dict[str, Any]]) -> int:
    """Append several entries to the chain at once, for bulk actions (a spreadsheet import records one
    entry per household): each dict holds :func:`audit_record`'s keyword arguments. The head is locked
    once and the entries are inserted together; the chain is the same as from one call per entry."""
    return len(_chain(entries)) if entries else 0


def _chain(entries: list[dict[str, Any]]) -> list[AuditEntry]:
    """Append ``entries`` (:func:`audit_record`'s keyword arguments each) after the staged reads, which
    are sealed first, in as few round trips as the chain allows: lock the head (learning whether reads are
    staged), read the stage only if so, one insert of every new link, take the sealed reads off the stage,
    move the head. Inside a caller's transaction no savepoint is made: a failed append fails the change."""
    for fields in entries:
        _check_action(fields["action"])
    with transaction.atomic(savepoint=False):
        head = _head()
        rows, sealed = _sealed(head)
        new = [_link(head, **fields) for fields in entries]
        _append(head, rows + new, sealed)
    return new
