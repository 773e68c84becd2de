"""RFC 3161 trusted timestamps of stored evidence files, against the authority in ``HAVEN_TSA_URL``.

Every new original stored for evidence is timestamped after its transaction commits: the actions that
store files call :func:`timestamp_on_commit` with the blobs they attached. The authority only ever
sees the SHA-256. A failure (authority down, wrong answer) never loses evidence: the file is already
stored, the failure is written to the audit trail, and ``haven timestamp-pending`` retries every stored
file that is used by evidence and has no timestamp yet.
"""

from __future__ import annotations

import logging
import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import transaction

from haven.evidence.errors import EvidenceError
from haven.evidence.models import StoredBlob, TrustedTimestamp
from haven_core.timestamps import (
    TimestampError,
    TokenCheck,
    TokenInfo,
    new_nonce,
    parse_response,
    timestamp_request,
    verify_token,
)
from haven_core.timestamps.protocol import REQUEST_TYPE

logger = logging.getLogger(__name__)
_MAX_ANSWER = 1024 * 1024


class TimestampFailed(EvidenceError):
    """The authority could not be reached, refused, or answered something that does not check out."""


def authority() -> str:
    """The configured authority's URL without any credentials in it (what is recorded), or ""."""
    url = str(getattr(settings, "HAVEN_TSA_URL", "") or "")
    if not url:
        return ""
    parts = urlsplit(url)
    netloc = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))[:200]


def authority_certificates() -> bytes:
    """The PEM certificate(s) in ``HAVEN_TSA_CA_FILE`` that tokens are checked against (b"" if none)."""
    path = str(getattr(settings, "HAVEN_TSA_CA_FILE", "") or "")
    if not path:
        return b""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise TimestampFailed(f"cannot read HAVEN_TSA_CA_FILE: {exc.strerror}") from None


def _post(url: str, request: bytes) -> bytes:
    message = urllib.request.Request(  # noqa: S310 - an https or http URL from the settings
        url, data=request, headers={"Content-Type": REQUEST_TYPE}, method="POST"
    )
    try:
        with urllib.request.urlopen(message, timeout=settings.HAVEN_TSA_TIMEOUT) as answer:  # noqa: S310
            body: bytes = answer.read(_MAX_ANSWER + 1)
    except urllib.error.HTTPError as exc:
        raise TimestampFailed(f"the timestamp authority answered HTTP {exc.code}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise TimestampFailed(
            f"the timestamp authority cannot be reached ({type(reason).__name__})"
        ) from None
    if len(body) > _MAX_ANSWER:
        raise TimestampFailed("the timestamp authority's answer is too large")
    return body


def request_token(sha256: str) -> tuple[bytes, TokenInfo]:
    """Ask the configured authority for a token over ``sha256`` (hex) and check it; raise
    :class:`TimestampFailed` when that does not work out."""
    url = str(getattr(settings, "HAVEN_TSA_URL", "") or "")
    if not url:
        raise TimestampFailed("no timestamp authority is configured (HAVEN_TSA_URL)")
    digest = bytes.fromhex(sha256)
    nonce = new_nonce()
    try:
        token, info = parse_response(_post(url, timestamp_request(digest, nonce)), sha256=digest, nonce=nonce)
    except TimestampError as exc:
        raise TimestampFailed(str(exc)) from None
    certificates = authority_certificates()
    if certificates:  # a token Haven cannot verify now will not convince anyone later
        check = verify_token(token, sha256, certificates)
        if not check.ok:
            raise TimestampFailed(f"the token does not verify: {check.problem}")
    return token, info


def timestamp_blob(blob: StoredBlob) -> TrustedTimestamp | None:
    """Have the authority timestamp ``blob``'s SHA-256 and keep the token; ``None`` when no authority is
    configured. Raises :class:`TimestampFailed` when it does not work out; nothing is kept then."""
    # Imported here: the evidence actions timestamp the files they attach with this module.
    from haven.evidence.actions.records import evidence_timestamp_record

    if not getattr(settings, "HAVEN_TSA_URL", ""):
        return None
    token, info = request_token(blob.sha256)
    with transaction.atomic():
        stamp = TrustedTimestamp.objects.create(
            blob=blob, authority=authority(), token=token, generated_at=info.generated_at
        )
        evidence_timestamp_record(
            blob=blob, authority=stamp.authority, generated_at=info.generated_at.isoformat()
        )
    return stamp


def verify_timestamp(stamp: TrustedTimestamp) -> TokenCheck:
    """Check a kept token against its blob's hash and the configured authority certificate(s)."""
    return verify_token(bytes(stamp.token), stamp.blob.sha256, authority_certificates())


@dataclass
class PendingResult:
    stamped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (sha256, why)


def pending_blobs() -> list[StoredBlob]:
    """Stored files used by evidence that have no timestamp yet, oldest first."""
    return list(
        StoredBlob.objects.filter(uses__isnull=False, timestamps__isnull=True).distinct().order_by("pk")
    )


def timestamp_pending(blob_ids: Iterable[int] | None = None) -> PendingResult:
    """Timestamp every pending blob (or those of ``blob_ids`` still pending); record each failure."""
    from haven.evidence.actions.records import evidence_timestamp_failed_record

    result = PendingResult()
    if not getattr(settings, "HAVEN_TSA_URL", ""):
        return result
    blobs = pending_blobs()
    if blob_ids is not None:
        wanted = set(blob_ids)
        blobs = [b for b in blobs if b.pk in wanted]
    for blob in blobs:
        try:
            timestamp_blob(blob)
            result.stamped += 1
        except TimestampFailed as exc:
            result.failed.append((blob.sha256, str(exc)))
            logger.warning("Timestamping a stored evidence file failed; `haven timestamp-pending` retries.")
            evidence_timestamp_failed_record(blob=blob, authority=authority(), reason=str(exc))
    return result


def timestamp_on_commit(blobs: Iterable[StoredBlob]) -> None:
    """Timestamp these newly attached blobs once the current transaction commits (if an authority is
    configured). Call it from inside the action's transaction, after the files are attached."""
    if not getattr(settings, "HAVEN_TSA_URL", ""):
        return
    ids = [blob.pk for blob in blobs]
    transaction.on_commit(lambda: timestamp_pending(blob_ids=ids), robust=True)
