"""RFC 3161 timestamps against a local authority: requested over the hash, checked, kept, verified; a
failure loses no evidence and ``haven timestamp-pending`` makes up for it."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from haven.audit.models import AuditEntry
from haven.evidence.models import StoredBlob, TrustedTimestamp
from haven.evidence.storage import store_blob
from haven.evidence.timestamps import TimestampFailed, pending_blobs, timestamp_blob, verify_timestamp
from haven_core.timestamps import read_token, timestamp_request, verify_token
from tests.support.timestamp_authority import (  # noqa: F401
    OPENSSL,
    Authority,
    built_authority_fixture,
    needs_openssl,
    tsa_fixture,
)

pytestmark = needs_openssl
DATA = "Пост Юлии Котовой от 24 февраля 2022 года".encode()


def test_a_blob_is_timestamped_and_the_token_verifies(tsa: Authority, db: Any) -> None:
    blob = store_blob(DATA)
    stamp = timestamp_blob(blob)
    assert stamp is not None and stamp.authority == tsa.url
    assert abs(stamp.generated_at - timezone.now()) < dt.timedelta(minutes=1)
    info = read_token(bytes(stamp.token))
    assert info.imprint == hashlib.sha256(DATA).digest() and info.policy == "1.3.6.1.4.1.99999.1"
    assert verify_timestamp(stamp).ok
    entry = AuditEntry.objects.get(action="evidence.timestamp")
    assert entry.target == f"sha256:{blob.sha256}"


def test_no_authority_configured_means_no_timestamp(settings: Any, db: Any) -> None:
    settings.HAVEN_TSA_URL = ""
    assert timestamp_blob(store_blob(DATA)) is None


def test_the_token_covers_only_its_own_bytes(tsa: Authority, db: Any) -> None:
    token = bytes(timestamp_blob(store_blob(DATA)).token)  # type: ignore[union-attr]
    ca = tsa.ca_pem.read_bytes()
    assert verify_token(token, hashlib.sha256(DATA).hexdigest(), ca).ok
    other = verify_token(token, hashlib.sha256(DATA + b"!").hexdigest(), ca)
    assert not other.ok and "another hash" in other.problem


def test_a_token_does_not_verify_against_another_authority(tsa: Authority, db: Any) -> None:
    token = bytes(timestamp_blob(store_blob(DATA)).token)  # type: ignore[union-attr]
    check = verify_token(token, hashlib.sha256(DATA).hexdigest(), tsa.other_ca_pem.read_bytes())
    assert not check.ok and "does not check out" in check.problem


def test_a_token_with_a_changed_signature_does_not_verify(tsa: Authority, db: Any) -> None:
    token = bytearray(timestamp_blob(store_blob(DATA)).token)  # type: ignore[union-attr]
    token[-3] ^= 0x01  # inside the signature, at the end of the SignedData
    assert not verify_token(bytes(token), hashlib.sha256(DATA).hexdigest(), tsa.ca_pem.read_bytes()).ok


def test_a_replayed_answer_is_refused_by_its_nonce(tsa: Authority, db: Any) -> None:
    """The same hash asked for again: an old token over it would fit but for the nonce."""
    blob = store_blob(DATA)
    timestamp_blob(blob)
    tsa.mode = "replay"  # the authority (or someone in between) answers with the earlier token
    with pytest.raises(TimestampFailed, match="nonce"):
        timestamp_blob(blob)
    assert blob.timestamps.count() == 1


def test_a_capture_is_timestamped_when_it_commits(
    tsa: Authority,
    caseworker_a: Any,
    household_a: Any,
    settings: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from haven.accounts.actor import Actor
    from haven.evidence.capture import capture_url
    from tests.support.local_sites import POST_HTML, local_site, page

    settings.HAVEN_CAPTURE_ALLOW_PRIVATE, settings.HAVEN_CAPTURE_CHROMIUM = True, ""
    person = household_a.people.get(relationship="principal")
    with local_site({"/p": page(POST_HTML.format(extra="").encode("cp1251"))}) as site:
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            item = capture_url(
                actor=Actor.for_user(caseworker_a),
                person=person,
                url=site.url("/p"),
                fields={"kind": "social_post"},
            )
            assert not TrustedTimestamp.objects.exists()  # not before the capture is committed
    # the timestamping waits for the commit (beside it, the change event that reassesses the household)
    assert [c.__qualname__.split(".")[0] for c in callbacks].count("timestamp_on_commit") == 1
    stamped = {f.role: f.blob.timestamps.count() for f in item.files.all()}
    assert stamped == {"capture_warc": 1, "capture_text": 1}
    assert all(verify_timestamp(t).ok for t in TrustedTimestamp.objects.all())


def test_the_request_is_what_openssl_itself_reads(tmp_path: Any) -> None:
    query = tmp_path / "q.tsq"
    query.write_bytes(timestamp_request(hashlib.sha256(DATA).digest(), 12345))
    text = subprocess.run(  # noqa: S603
        [str(OPENSSL), "ts", "-query", "-in", str(query), "-text"], capture_output=True, check=True
    )
    out = text.stdout.decode()
    assert "SHA256" in out.upper() and "Nonce: 0x3039" in out and "Certificate required: yes" in out
    assert hashlib.sha256(DATA).hexdigest()[:8] in out.replace(" ", "").replace("-", "").lower()


def test_an_authority_that_is_down_loses_nothing_and_pending_retries(
    tsa: Authority, caseworker_a: Any, household_a: Any
) -> None:
    from haven.accounts.actor import Actor
    from haven.evidence.actions import evidence_add

    tsa.mode = "down"
    person = household_a.people.get(relationship="principal")
    item = evidence_add(
        actor=Actor.for_user(caseworker_a),
        person=person,
        fields={"kind": "photo"},
        data=DATA,
        filename="p.txt",
    )
    blob = item.files.get().blob
    with pytest.raises(TimestampFailed, match="HTTP 503"):
        timestamp_blob(blob)
    assert pending_blobs() == [blob]
    with pytest.raises(CommandError, match="1 files could not be timestamped"):
        call_command("timestamp-pending")
    failed = AuditEntry.objects.get(action="evidence.timestamp_failed")
    assert failed.target == f"sha256:{blob.sha256}" and "503" in failed.detail["reason"]
    tsa.mode = "ok"
    call_command("timestamp-pending")
    assert pending_blobs() == [] and TrustedTimestamp.objects.get().blob == blob
    assert StoredBlob.objects.count() == 1


def test_timestamp_pending_needs_an_authority(settings: Any, db: Any) -> None:
    settings.HAVEN_TSA_URL = ""
    with pytest.raises(CommandError, match="HAVEN_TSA_URL"):
        call_command("timestamp-pending")


def test_an_upload_and_a_working_copy_are_timestamped_when_they_commit(
    tsa: Authority, caseworker_a: Any, household_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from haven.accounts.actor import Actor
    from haven.evidence.actions import evidence_add, working_copy_create

    actor = Actor.for_user(caseworker_a)
    person = household_a.people.get(relationship="principal")
    with django_capture_on_commit_callbacks(execute=True):
        item = evidence_add(
            actor=actor, person=person, fields={"kind": "other"}, data=DATA, filename="post.txt"
        )
    with django_capture_on_commit_callbacks(execute=True):
        copy = working_copy_create(
            actor=actor,
            original=item,
            derivation="translation",
            data=b"A post of 24 February 2022",
            filename="en.txt",
        )
    for evidence in (item, copy):
        blob = evidence.files.get().blob
        assert blob.timestamps.count() == 1
        assert verify_timestamp(blob.timestamps.get()).ok
