"""The audit trail anchored outside the database: ``haven audit-verify --head`` and ``--anchor`` catch a
trail deleted whole or rewritten whole with its head row (which verified as "holds" before), and
``haven audit-anchor`` timestamps the head with the authority into a private file beside the backups."""

from __future__ import annotations

import io
import stat
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from haven.accounts.actor import Actor
from haven.audit.anchor import current_head
from haven.audit.chain import GENESIS, entry_content, link_hash
from haven.audit.models import AuditEntry, ChainHead
from haven.cases.actions import household_update
from tests.support.timestamp_authority import Authority, built_authority_fixture, needs_openssl, tsa_fixture  # noqa: F401


def verify(*args: str) -> str:
    out = io.StringIO()
    call_command("audit-verify", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def trail(household_a: Any, caseworker_a: Any) -> None:
    for note in ("first", "second"):
        household_update(actor=Actor.for_user(caseworker_a), household=household_a, fields={"notes": note})


def _wipe() -> None:
    AuditEntry.objects.all().delete()
    ChainHead.objects.filter(pk=1).update(last_seq=0, last_hash=GENESIS)


def _rewrite_whole() -> None:
    """Re-hash every entry from the first, with one changed, and move the head: the chain holds."""
    prev = GENESIS
    for entry in AuditEntry.objects.order_by("seq"):
        if entry.seq == 1:
            entry.target = "forged"
        entry.prev_hash, entry.hash = prev, link_hash(prev, entry_content(entry))
        AuditEntry.objects.filter(pk=entry.pk).update(
            target=entry.target, prev_hash=entry.prev_hash, hash=entry.hash
        )
        prev = entry.hash
    ChainHead.objects.filter(pk=1).update(last_hash=prev)


def test_verify_prints_the_head_to_keep_and_a_grown_chain_extends_it(
    trail: None, household_a: Any, caseworker_a: Any
) -> None:
    head = current_head()
    assert f"(for --head): {head}" in verify()
    household_update(actor=Actor.for_user(caseworker_a), household=household_a, fields={"notes": "third"})
    assert current_head().count > head.count
    assert "It extends the given head" in verify("--head", str(head))


@pytest.mark.parametrize("tamper", [_wipe, _rewrite_whole])
def test_a_whole_wipe_or_rewrite_verifies_alone_but_not_against_the_head(trail: None, tamper: Any) -> None:
    known = current_head()
    tamper()
    verify()  # the chain alone still holds: that is the hole an outside head closes
    with pytest.raises(CommandError, match="does not extend the given head"):
        verify("--head", str(known))


@needs_openssl
def test_audit_anchor_timestamps_the_head_into_a_private_file(
    tsa: Authority, trail: None, tmp_path: Path, settings: Any
) -> None:
    settings.HAVEN_BACKUP_DIR = tmp_path / "backups"
    out = io.StringIO()
    call_command("audit-anchor", stdout=out)
    (path,) = (tmp_path / "backups" / "audit-anchors").glob("audit-head-*.json")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert str(path) in out.getvalue()
    entry = AuditEntry.objects.filter(action="audit.anchor").get()
    assert entry.detail["file"] == path.name and entry.detail["authority"] == tsa.url
    assert "It extends the anchor" in verify("--anchor", str(path))
    _wipe()
    with pytest.raises(CommandError, match="does not extend the anchor"):
        verify("--anchor", str(path))


@needs_openssl
def test_an_anchor_from_another_authority_or_edited_is_refused(
    tsa: Authority, trail: None, tmp_path: Path, settings: Any
) -> None:
    call_command("audit-anchor", "--dir", str(tmp_path), stdout=io.StringIO())
    (path,) = tmp_path.glob("audit-head-*.json")
    settings.HAVEN_TSA_CA_FILE = str(tsa.other_ca_pem)
    with pytest.raises(CommandError, match="timestamp does not verify"):
        verify("--anchor", str(path))
    path.write_text(path.read_text().replace('"count": ', '"count": 1'))
    with pytest.raises(CommandError, match="altered"):
        verify("--anchor", str(path))


def test_audit_anchor_needs_an_authority(db: Any, settings: Any) -> None:
    settings.HAVEN_TSA_URL = ""
    with pytest.raises(CommandError, match="HAVEN_TSA_URL"):
        call_command("audit-anchor", stdout=io.StringIO())
