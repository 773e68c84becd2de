"""``haven referral-export``: the package is decrypted and verified as a recipient would — with Haven's
own reader, with the standard ``age`` tool, and by the README's documented check — and audited."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import stat
import subprocess
import tarfile
from pathlib import Path
from typing import Any

import pyrage
import pytest
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from django.core.management import CommandError, call_command

from haven.audit.models import AuditEntry
from haven.referral.export import fingerprint
from haven_core.referral.package import PackageError, open_package
from tests.support.referral import batch_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("own_signing_key")]

AGE = Path("/usr/bin/age")


@pytest.fixture
def own_signing_key(settings: Any, tmp_path: Path) -> Path:
    """Each test signs with a key of its own, never the developer's var/referral-signing.key."""
    settings.HAVEN_REFERRAL_SIGNING_KEY_FILE = tmp_path / "keys" / "referral-signing.key"
    return Path(settings.HAVEN_REFERRAL_SIGNING_KEY_FILE)


@pytest.fixture
def exported(
    coordinator: Any, liaison: Any, household_a: Any, household_b: Any, tmp_path: Path
) -> dict[str, Any]:
    batch = batch_for(coordinator, liaison, [household_a, household_b])
    identity = pyrage.x25519.Identity.generate()
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "referral-export",
        batch.reference,
        "--recipient",
        str(identity.to_public()),
        "--out",
        str(tmp_path / "out"),
        stdout=out,
        stderr=err,
    )
    batch.refresh_from_db()
    return {
        "batch": batch,
        "identity": identity,
        "dir": tmp_path / "out",
        "stdout": out.getvalue(),
        "stderr": err.getvalue(),
    }


def _expected_names(*households: Any) -> set[str]:
    names = {"cover-letter.en.pdf", "cover-letter.fr.pdf", "households.xlsx", "households.csv"}
    return names | {f"dossiers/{h.reference}.{lang}.pdf" for h in households for lang in ("en", "fr")}


def _check_members(members: dict[str, bytes], verify_key: Any) -> dict[str, Any]:
    """The manifest's signature by ``cryptography`` itself, then every file's SHA-256 and size."""
    manifest, signature = members.pop("MANIFEST.json"), members.pop("MANIFEST.json.sig")
    verify_key.verify(signature, manifest)  # raises InvalidSignature
    listed = json.loads(manifest)
    assert {f["name"] for f in listed["files"]} == set(members)
    for f in listed["files"]:
        assert hashlib.sha256(members[f["name"]]).hexdigest() == f["sha256"]
        assert len(members[f["name"]]) == f["size"]
    return listed


def test_the_package_opens_and_verifies_with_havens_reader(
    exported: dict[str, Any], household_a: Any, household_b: Any, own_signing_key: Path
) -> None:
    batch, out = exported["batch"], exported["dir"]
    ref = batch.reference
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{ref}.tar.age", f"{ref}.README.txt", "haven-signing-key.pub"]
    )
    assert "rendering dossiers of" in exported["stderr"] and "2/2" in exported["stderr"]
    assert "new referral signing key" in exported["stderr"]
    assert stat.S_IMODE(os.stat(own_signing_key).st_mode) == 0o600
    public = load_pem_public_key((out / "haven-signing-key.pub").read_bytes())
    data = (out / f"{ref}.tar.age").read_bytes()
    opened = open_package(data, identity=str(exported["identity"]), verify_key=public)
    assert set(opened.files) == _expected_names(household_a, household_b)
    assert all(opened.files[n].startswith(b"%PDF") for n in opened.files if n.endswith(".pdf"))
    assert (
        opened.manifest["batch"] == ref
        and opened.manifest["households"] == 2
        and opened.manifest["people"] == 3
    )
    assert opened.manifest["profile"] == "officer"
    with pytest.raises(PackageError):  # someone else's key opens nothing
        open_package(data, identity=str(pyrage.x25519.Identity.generate()), verify_key=public)
    # The README beside the package names no one, and gives the package's hash and the key's fingerprint.
    readme = (out / f"{ref}.README.txt").read_text()
    assert hashlib.sha256(data).hexdigest() in readme and fingerprint(public) in readme  # type: ignore[arg-type]
    assert household_a.reference not in readme and "Котова" not in readme and "KOTOVA" not in readme
    # Counted on the batch and audited, in counts only.
    assert batch.exported_count == 1 and batch.exported_at is not None
    entry = AuditEntry.objects.get(action="referral.export")
    assert entry.target == str(batch.public_id)
    assert (
        entry.detail["households"] == 2 and entry.detail["files"] == 8 and entry.detail["bytes"] == len(data)
    )
    assert household_a.reference not in json.dumps(entry.detail)


def test_the_standard_age_tool_and_the_readme_check_verify_it(
    exported: dict[str, Any], tmp_path: Path
) -> None:
    if not AGE.exists():
        pytest.skip("the age command-line tool is not installed at /usr/bin/age (apt-get install age)")
    batch, out = exported["batch"], exported["dir"]
    ref = batch.reference
    key = tmp_path / "key.txt"
    key.write_text(str(exported["identity"]) + "\n")
    tar_path = tmp_path / f"{ref}.tar"
    subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [str(AGE), "-d", "-i", str(key), "-o", str(tar_path), str(out / f"{ref}.tar.age")], check=True
    )
    with tarfile.open(tar_path) as tar:
        members = {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}  # type: ignore[union-attr]
    public = load_pem_public_key((out / "haven-signing-key.pub").read_bytes())
    listed = _check_members(dict(members), public)
    assert len(listed["files"]) == 8
    # The README's own commands, as a recipient would type them (OpenSSL 3, jq, sha256sum).
    if not all(shutil.which(t) for t in ("openssl", "jq", "sha256sum", "tar", "bash")):
        pytest.skip("openssl, jq, sha256sum, tar and bash are needed to run the README's check")
    shutil.copy(key, out / "key.txt")
    script = "set -euo pipefail\n" + "\n".join(readme_commands((out / f"{ref}.README.txt").read_text()))
    done = subprocess.run(  # noqa: S603 - the README's own commands
        ["/bin/bash", "-c", script], cwd=out, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Signature Verified Successfully" in done.stdout
    assert done.stdout.count(": OK") == 1 + 8 + 8  # the package, then every file by jq and by python
    raw_key_hash = fingerprint(public).replace(" ", "")  # type: ignore[arg-type]
    assert raw_key_hash in done.stdout  # the fingerprint the README asks the recipient to compare


def readme_commands(readme: str) -> list[str]:
    """The lines a recipient types (``$ …``), with a trailing backslash joining the next line."""
    commands: list[str] = []
    joining = False
    for line in readme.splitlines():
        text = line.strip()
        if joining:
            commands[-1] = commands[-1][:-1] + " " + text
        elif text.startswith("$ "):
            commands.append(text[2:])
        else:
            continue
        joining = commands[-1].endswith("\\")
    return commands


def test_a_bad_recipient_key_is_a_clear_error_and_nothing_is_written(
    coordinator: Any, liaison: Any, household_a: Any, tmp_path: Path
) -> None:
    batch = batch_for(coordinator, liaison, [household_a])
    with pytest.raises(CommandError, match="not an age public key"):
        call_command(
            "referral-export",
            batch.reference,
            "--recipient",
            "ssh-ed25519 AAAA",
            "--out",
            str(tmp_path / "o"),
        )
    with pytest.raises(CommandError, match="no referral batch"):
        call_command("referral-export", "R-1999-0001", "--recipient", "age1x", "--out", str(tmp_path / "o"))
    assert not (tmp_path / "o").exists()
    assert not AuditEntry.objects.filter(action="referral.export").exists()


def test_the_public_key_command_prints_the_key_packages_are_signed_with(own_signing_key: Path) -> None:
    out = io.StringIO()
    call_command("referral-public-key", stdout=out, stderr=io.StringIO())
    text = out.getvalue()
    pem = text[: text.index("-----END PUBLIC KEY-----") + len("-----END PUBLIC KEY-----")]
    public = load_pem_public_key(pem.encode())
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    private = load_pem_private_key(own_signing_key.read_bytes(), password=None)
    assert public == private.public_key()
    assert fingerprint(public) in text  # type: ignore[arg-type]
