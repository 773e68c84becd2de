"""``haven evidence-bundle`` and ``haven verify-bundle``: a household's evidence leaves Haven with a
manifest, and any change to a file, a hash or a timestamp is named when the bundle is checked offline."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from haven.audit.models import AuditEntry
from tests.support.evidence_bundle import PASSPHRASE, evidence_fixture, export, members, rewrite, verify  # noqa: F401
from tests.support.timestamp_authority import Authority, built_authority_fixture, needs_openssl, tsa_fixture  # noqa: F401

pytestmark = needs_openssl


def manifest_of(entries: list[tuple[str, bytes]]) -> dict[str, Any]:
    return json.loads(dict(entries)["manifest.json"])


def test_a_fresh_bundle_verifies_clean(evidence: Any, tmp_path: Path) -> None:
    household, *_ = evidence
    said = export(household, tmp_path / "b.tar")
    # The capture's two files and the photo's copy without metadata; the photo's original stays in Haven,
    # but its token travels (it proves when the original existed), beside the copy's own.
    assert "Wrote 2 items, 3 files and 4 timestamps" in said and "NOT encrypted" in said
    ok, report = verify(tmp_path / "b.tar")
    assert ok, report
    assert "3 files and 5 timestamps checked" in report  # four tokens and the manifest's own
    entries = dict(members(tmp_path / "b.tar"))
    for item in manifest_of(list(entries.items()))["items"]:
        for file in item["files"]:
            if not file["in_bundle"]:  # the photo's original stays in Haven, its clean copy is here
                assert file["role"] == "original" and file["path"] not in entries
                continue
            assert hashlib.sha256(entries[file["path"]]).hexdigest() == file["sha256"] == file["path"][6:70]


def test_the_manifest_says_what_the_evidence_is_and_who_handled_it(evidence: Any, tmp_path: Path) -> None:
    household, post, photo = evidence
    export(household, tmp_path / "b.tar")
    manifest = manifest_of(members(tmp_path / "b.tar"))
    assert manifest["household"] == household.reference
    assert manifest["people"][0]["surname_cyrillic"] == "Котова"
    items = {item["id"]: item for item in manifest["items"]}
    captured = items[str(post.public_id)]
    assert captured["status"] == "verified" and captured["source_url"].endswith("/post")
    assert captured["verdicts"] == [
        {
            "verdict": "verified",
            "reviewer": "rita",
            "note": "Сверено с архивом",
            "at": captured["verdicts"][0]["at"],
        }
    ]
    assert {f["role"] for f in captured["files"]} == {"capture_warc", "capture_text"}
    stamp = captured["files"][0]["timestamps"][0]
    assert base64.b64decode(stamp["token"]) and stamp["path"].startswith("timestamps/")
    actions = [(e["who"], e["action"]) for e in captured["custody"]]
    assert ("anna", "evidence.add") in actions and ("anna", "evidence.capture") in actions
    assert ("rita", "evidence.verify") in actions
    assert ("Haven", "evidence.timestamp") in actions
    assert items[str(photo.public_id)]["files"][0]["media_type"] == "image/png"


def test_the_export_is_audited_with_the_manifest_hash(evidence: Any, tmp_path: Path) -> None:
    household, *_ = evidence
    said = export(household, tmp_path / "b.tar")
    entry = AuditEntry.objects.get(action="evidence.bundle")
    assert entry.household_ref == household.reference and entry.detail["items"] == 2
    assert entry.detail["manifest_sha256"] in said and entry.detail["encrypted"] is False
    manifest = dict(members(tmp_path / "b.tar"))["manifest.json"]
    assert hashlib.sha256(manifest).hexdigest() == entry.detail["manifest_sha256"]


def test_one_altered_byte_is_found_and_the_file_named(evidence: Any, tmp_path: Path) -> None:
    household, *_ = evidence
    path = tmp_path / "b.tar"
    export(household, path)
    entries = members(path)
    index = next(i for i, (name, _d) in enumerate(entries) if name.endswith(".png"))
    name, data = entries[index]
    entries[index] = (name, data[:40] + bytes([data[40] ^ 0x01]) + data[41:])
    rewrite(path, entries)
    ok, report = verify(path)
    assert not ok
    assert f"FAILED  {name}: its SHA-256 does not match the manifest" in report
    assert f"{name}: its timestamp" in report  # the token no longer covers these bytes either
    assert report.count("FAILED") == 2


def test_an_altered_hash_in_the_manifest_is_found(evidence: Any, tmp_path: Path) -> None:
    household, *_ = evidence
    path = tmp_path / "b.tar"
    export(household, path)
    entries = members(path)
    manifest = manifest_of(entries)
    target = manifest["items"][0]["files"][0]
    target["sha256"] = hashlib.sha256(b"something else").hexdigest()
    entries[0] = ("manifest.json", json.dumps(manifest).encode())
    rewrite(path, entries)
    ok, report = verify(path)
    assert not ok
    assert f"{target['path']}: its SHA-256 does not match the manifest" in report
    assert "manifest.json: its timestamp (manifest.tsr) fails" in report  # the manifest was timestamped


def test_a_token_that_does_not_match_its_file_is_found(evidence: Any, tmp_path: Path) -> None:
    """The photo's token is swapped for the post's: a valid token, but over other bytes."""
    household, post, photo = evidence
    path = tmp_path / "b.tar"
    export(household, path)
    entries = members(path)
    manifest = manifest_of(entries)
    items = {item["id"]: item for item in manifest["items"]}
    photo_file = items[str(photo.public_id)]["files"][0]
    other = items[str(post.public_id)]["files"][0]["timestamps"][0]
    photo_file["timestamps"][0]["token"] = other["token"]
    entries = [
        (n, base64.b64decode(other["token"]) if n == photo_file["timestamps"][0]["path"] else d)
        for n, d in entries
    ]
    entries[0] = ("manifest.json", json.dumps(manifest).encode())
    rewrite(path, entries)
    ok, report = verify(path)
    assert not ok
    assert f"{photo_file['path']}: its timestamp {photo_file['timestamps'][0]['path']} fails" in report
    assert "another hash" in report


def test_a_certificate_from_elsewhere_replaces_the_bundled_one(
    evidence: Any, tsa: Authority, tmp_path: Path
) -> None:
    """A reader who got the authority's certificate from the authority checks against that one."""
    household, *_ = evidence
    export(household, tmp_path / "b.tar")
    ok, report = verify(tmp_path / "b.tar", "--authority-cert", str(tsa.ca_pem))
    assert ok and "Timestamp authority certificate (given), SHA-256:" in report
    ok, report = verify(tmp_path / "b.tar", "--authority-cert", str(tsa.other_ca_pem))
    # five tokens (the capture's two, the photo's original and its copy, the manifest) all fail
    assert not ok and report.count("FAILED") == 5 and "self-signed certificate in certificate chain" in report


def test_an_encrypted_bundle_needs_its_passphrase(evidence: Any, tmp_path: Path) -> None:
    household, *_ = evidence
    phrase, wrong = tmp_path / "phrase", tmp_path / "wrong"
    phrase.write_text(PASSPHRASE)
    wrong.write_text("not the right passphrase at all")
    path = tmp_path / "b.sealed"
    said = export(household, path, "--passphrase-file", str(phrase))
    assert (
        "Encrypted" in said and AuditEntry.objects.get(action="evidence.bundle").detail["encrypted"] is True
    )
    raw = path.read_bytes()
    assert "Котова".encode() not in raw and b"manifest.json" not in raw
    assert verify(path, "--passphrase-file", str(phrase))[0]
    assert "cannot be opened with this passphrase" in verify(path, "--passphrase-file", str(wrong))[1]
    assert "encrypted: give its passphrase" in verify(path)[1]
    damaged = bytearray(raw)
    damaged[len(raw) // 2] ^= 0x01
    path.write_bytes(bytes(damaged))
    assert "damaged" in verify(path, "--passphrase-file", str(phrase))[1]


def test_a_bundle_must_be_encrypted_or_said_not_to_be(evidence: Any, tmp_path: Path) -> None:
    household, *_ = evidence
    with pytest.raises(CommandError, match="--recipient AGE_PUBLIC_KEY, or say --unencrypted"):
        call_command("evidence-bundle", household.reference, "--out", str(tmp_path / "b"))
    assert not (tmp_path / "b").exists() and not AuditEntry.objects.filter(action="evidence.bundle").exists()


def test_extract_unpacks_only_after_a_clean_check(evidence: Any, tmp_path: Path) -> None:
    household, *_ = evidence
    path = tmp_path / "b.tar"
    export(household, path)
    ok, _report = verify(path, "--extract", str(tmp_path / "out"))
    assert (
        ok and (tmp_path / "out" / "manifest.json").is_file() and (tmp_path / "out" / "README.txt").is_file()
    )
    entries = [(n, d + b"x" if n.endswith(".png") else d) for n, d in members(path)]
    rewrite(path, entries)
    ok, _report = verify(path, "--extract", str(tmp_path / "out2"))
    assert not ok and not (tmp_path / "out2").exists()


def test_verify_bundle_needs_no_database(evidence: Any, tmp_path: Path) -> None:
    """Run as a separate process whose database does not exist: the check still works."""
    household, *_ = evidence
    export(household, tmp_path / "b.tar")
    env = {**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1:1/no_such_database"}
    haven = Path(sys.executable).parent / "haven"
    result = subprocess.run(  # noqa: S603
        [str(haven), "verify-bundle", str(tmp_path / "b.tar")], capture_output=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr.decode()
    assert b"Every file and every timestamp checks out." in result.stdout
