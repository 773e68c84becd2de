"""Writing audit entries. Call :func:`audit_record` inside the transaction of the change it records, from
an actions module (``tests/security/test_audit_only_from_actions.py`` keeps it so). The action must be one
of :class:`haven.audit.catalogue.AuditAction`."""

from __future__ import annotations

import json
from typing import Any

from django.db import transaction
from django.utils import timezone

from haven.audit.catalogue import AuditAction
from haven.audit.chain import entry_content, link_hash
from haven.audit.models import AuditEntry, ChainHead


def _locked_head() -> ChainHead:
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


def _link(
    head: ChainHead,
    *,
    actor: Any,
    action: str,
    organisation: Any = None,
    household_ref: str = "",
    target: str = "",
    ip: str | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """The next entry of the chain after ``head`` (not yet saved); moves ``head`` on to it."""
    entry = AuditEntry(
        seq=head.last_seq + 1,
        at=timezone.now(),
        actor=actor if getattr(actor, "pk", None) else None,
        action=_check_action(action),
        organisation=organisation,
        household_ref=household_ref,
        target=target,
        ip=ip,
        # Round-trip the detail through JSON now so the hash covers what the database will return.
        detail=json.loads(json.dumps(detail or {}, default=str)),
        prev_hash=head.last_hash,
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
