"""Checking a bundle offline: every file against the manifest, every timestamp token against its file.

Needs nothing but the bundle (and ``openssl`` for the tokens' signatures): no database, no keys. An
original the manifest lists with ``"in_bundle": false`` stayed in Haven (its metadata must not travel):
it is not looked for, but its timestamp tokens are checked against the SHA-256 the manifest gives, and
the copy made of it without metadata is checked like any file. A web
capture packaged as WACZ is also opened and every file in it checked against its ``datapackage.json``. Each
problem is reported with the path of the file concerned; a bundle is sound only when there is none.
The authority certificate(s) used are the bundle's own unless others are given: whoever could alter the
bundle could also replace them, so a careful reader compares their fingerprints (reported here) with the
authority's published ones, or passes a certificate obtained from the authority itself.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import tarfile
import zlib
from dataclasses import dataclass, field
from typing import IO, Any, cast

from cryptography import x509
from cryptography.hazmat.primitives import hashes

from haven_core.bundles import AUTHORITY_PEM, FORMAT, MANIFEST, MANIFEST_STAMP, README
from haven_core.bundles.archive import BundleError, Readable
from haven_core.capture.wacz import check_wacz
from haven_core.timestamps.verify import verify_token

_SMALL = 4 * 1024 * 1024  # manifest, tokens and certificates are far smaller than this


@dataclass
class BundleReport:
    household: str = ""
    created_at: str = ""
    manifest_sha256: str = ""
    files_checked: int = 0
    timestamps_checked: int = 0
    packages_checked: int = 0  # WACZ files whose contents were checked against their datapackage.json
    kept_in_haven: int = 0  # originals listed but kept in Haven (only their hash and tokens are here)
    authority_fingerprints: list[str] = field(default_factory=list)  # SHA-256 of each certificate
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class _Contents:
    manifest: bytes | None = None
    files: dict[str, tuple[str, int]] = field(default_factory=dict)  # path -> (sha256, size)
    small: dict[str, bytes] = field(default_factory=dict)  # tokens, certificates, the README


def _read(source: Readable, report: BundleReport) -> _Contents:
    contents = _Contents()
    seen: set[str] = set()
    try:
        with tarfile.open(fileobj=cast(IO[bytes], source), mode="r|*") as tar:
            for number, member in enumerate(tar):
                name = member.name
                if name in seen:
                    report.problems.append(f"{name}: appears twice in the archive")
                    continue
                seen.add(name)
                if not member.isfile():
                    report.problems.append(f"{name}: is not a plain file")
                    continue
                if number == 0 and name != MANIFEST:
                    report.problems.append(f"{MANIFEST}: is not the first entry of the archive")
                handle = tar.extractfile(member)
                assert handle is not None  # a regular file always has one
                if name.startswith("files/"):
                    digest, size = hashlib.sha256(), 0
                    wacz = bytearray() if name.endswith(".wacz") else None
                    while chunk := handle.read(1 << 20):
                        digest.update(chunk)
                        size += len(chunk)
                        if wacz is not None:
                            wacz += chunk
                    contents.files[name] = (digest.hexdigest(), size)
                    if wacz is not None:  # a web capture package: each file in it against its own hashes
                        report.problems += check_wacz(bytes(wacz), name=name)
                        report.packages_checked += 1
                elif name == MANIFEST:
                    contents.manifest = handle.read(_SMALL)
                elif name in (MANIFEST_STAMP, README, AUTHORITY_PEM) or (
                    name.startswith("timestamps/") and name.endswith(".tsr")
                ):
                    contents.small[name] = handle.read(_SMALL)
                else:
                    report.problems.append(f"{name}: is not part of a Haven bundle")
    except BundleError as exc:
        report.problems.append(str(exc))
    except (tarfile.TarError, EOFError, OSError, zlib.error) as exc:
        report.problems.append(f"the archive is damaged or cut short ({type(exc).__name__})")
    return contents


def _fingerprints(pem: bytes) -> list[str]:
    try:
        return [c.fingerprint(hashes.SHA256()).hex() for c in x509.load_pem_x509_certificates(pem)]
    except ValueError:
        return []


def _manifest(contents: _Contents, report: BundleReport) -> dict[str, Any] | None:
    if contents.manifest is None:
        report.problems.append(f"{MANIFEST}: is missing, so nothing can be checked")
        return None
    report.manifest_sha256 = hashlib.sha256(contents.manifest).hexdigest()
    try:
        manifest = json.loads(contents.manifest.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        report.problems.append(f"{MANIFEST}: cannot be read (not JSON)")
        return None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        report.problems.append(f"{MANIFEST}: is not the manifest of a Haven evidence bundle")
        return None
    report.household = str(manifest.get("household", ""))
    report.created_at = str(manifest.get("created_at", ""))
    return manifest


def _listed_files(manifest: dict[str, Any], report: BundleReport) -> list[dict[str, Any]]:
    """Every file entry of every item (a file used by several items is listed under each)."""
    listed = []
    try:
        for item in manifest["items"]:
            for entry in item["files"]:
                str(entry["path"]), str(entry["sha256"]), int(entry["size"])
                listed.append(entry)
    except (KeyError, TypeError, ValueError):
        report.problems.append(f"{MANIFEST}: its list of items and files is malformed")
    return listed


def verify_bundle(
    source: Readable, *, authority_pem: bytes | None = None, openssl: str = "openssl"
) -> BundleReport:
    """Check the bundle read from ``source``; ``authority_pem`` replaces the bundle's own certificates."""
    report = BundleReport()
    contents = _read(source, report)
    manifest = _manifest(contents, report)
    if manifest is None:
        return report
    pem = authority_pem if authority_pem is not None else contents.small.get(AUTHORITY_PEM, b"")
    report.authority_fingerprints = _fingerprints(pem)
    listed = _listed_files(manifest, report)
    checked: dict[str, str] = {}
    for entry in listed:
        path, expected, size = str(entry["path"]), str(entry["sha256"]).lower(), int(entry["size"])
        if path in checked:
            if checked[path] != expected:
                report.problems.append(f"{path}: the manifest gives it two different SHA-256 values")
            continue
        checked[path] = expected
        if entry.get("in_bundle") is False:
            report.kept_in_haven += 1
            if path in contents.files:
                report.problems.append(f"{path}: is in the bundle, but the manifest says it stayed in Haven")
            continue
        if path not in contents.files:
            report.problems.append(f"{path}: is listed in the manifest but missing from the bundle")
            continue
        actual, actual_size = contents.files[path]
        report.files_checked += 1
        if actual != expected:
            report.problems.append(
                f"{path}: its SHA-256 does not match the manifest (the file was altered or damaged)"
            )
        elif actual_size != size:
            report.problems.append(f"{path}: its size does not match the manifest")
    for path in sorted(set(contents.files) - set(checked)):
        report.problems.append(f"{path}: is in the bundle but not in the manifest")
    _check_tokens(listed, contents, pem, report, openssl)
    stamp = contents.small.get(MANIFEST_STAMP)
    if stamp is not None:
        check = verify_token(stamp, report.manifest_sha256, pem, openssl=openssl)
        report.timestamps_checked += 1
        if not check.ok:
            report.problems.append(f"{MANIFEST}: its timestamp ({MANIFEST_STAMP}) fails: {check.problem}")
    return report


def _check_tokens(
    listed: list[dict[str, Any]], contents: _Contents, pem: bytes, report: BundleReport, openssl: str
) -> None:
    done: set[str] = set()
    for entry in listed:
        path = str(entry["path"])
        actual = contents.files.get(path, (str(entry["sha256"]).lower(), 0))[0]
        for stamp in entry.get("timestamps") or []:
            try:
                token_file, token = str(stamp["path"]), base64.b64decode(stamp["token"], validate=True)
            except (KeyError, TypeError, ValueError, binascii.Error):
                report.problems.append(f"{path}: a timestamp entry in the manifest is malformed")
                continue
            if token_file in done:
                continue
            done.add(token_file)
            kept = contents.small.get(token_file)
            if kept is None:
                report.problems.append(f"{path}: its timestamp token {token_file} is missing")
            elif kept != token:
                report.problems.append(f"{path}: {token_file} differs from the token in the manifest")
            check = verify_token(token, actual, pem, openssl=openssl)
            report.timestamps_checked += 1
            if not check.ok:
                report.problems.append(f"{path}: its timestamp {token_file} fails: {check.problem}")
