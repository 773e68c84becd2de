"""The audit chain's head kept outside the database (``haven_core.audit_anchor``): reading the current
head, checking the chain against a head known from before, and writing a timestamped anchor file.

The timestamp itself comes from the RFC 3161 client that timestamps evidence
(``haven.evidence.timestamps.request_token``), handed in by ``haven audit-anchor``: the audit trail sits
below the evidence app and does not import it.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from haven.audit.models import AuditEntry, ChainHead
from haven.audit.record import audit_record, audit_seal
from haven_core.audit_anchor import GENESIS, Anchor, Head, extends
from haven_core.timestamps import TimestampError, TokenInfo, read_token, verify_token

Stamp = Callable[[str], tuple[bytes, TokenInfo]]  # SHA-256 hex -> (token, what it says)


def current_head() -> Head:
    head = ChainHead.objects.filter(pk=1).first()
    return Head(head.last_seq, head.last_hash) if head else Head(0, GENESIS)


def chain_problem_against(known: Head) -> str:
    """Why the chain in the database does not extend ``known`` ("" when it does)."""
    count = AuditEntry.objects.count()
    at_known = AuditEntry.objects.filter(seq=known.count).values_list("hash", flat=True).first()
    return extends(known, count, at_known)


def token_problem(anchor: Anchor) -> str:
    """Why the anchor's token does not prove its head ("" when it does). Checked against
    ``HAVEN_TSA_CA_FILE`` when set; without it only the digest the token covers is compared."""
    ca_file = str(getattr(settings, "HAVEN_TSA_CA_FILE", "") or "")
    certificates = Path(ca_file).read_bytes() if ca_file else b""
    if certificates:
        check = verify_token(anchor.token, anchor.head.digest(), certificates)
        return "" if check.ok else f"its timestamp does not verify: {check.problem}"
    try:
        info = read_token(anchor.token)
    except TimestampError as exc:
        return f"its timestamp cannot be read: {exc}"
    return "" if info.imprint.hex() == anchor.head.digest() else "its timestamp is for another head"


def anchor_directory() -> Path:
    return Path(settings.HAVEN_BACKUP_DIR) / "audit-anchors"


def _write_private(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".anchor-")  # created 0600
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        path = directory / name
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def audit_anchor(*, stamp: Stamp, authority: str, directory: Path | None = None) -> tuple[Anchor, Path]:
    """Seal the staged reads, have the authority timestamp the chain's head, keep the token in a file
    (mode 0600) under ``directory`` (``HAVEN_BACKUP_DIR``/audit-anchors by default) and record it."""
    audit_seal()
    head = current_head()
    token, info = stamp(head.digest())
    anchor = Anchor(head=head, taken_at=timezone.now().astimezone(dt.UTC), authority=authority, token=token)
    path = _write_private(directory or anchor_directory(), anchor.file_name(), anchor.to_json())
    audit_record(
        actor=None,
        action="audit.anchor",
        target=f"head:{head.count}",
        detail={
            "count": head.count,
            "hash": head.hash,
            "file": path.name,
            "authority": authority,
            "generated_at": info.generated_at.isoformat(),
        },
    )
    return anchor, path
