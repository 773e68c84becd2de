"""``haven verify-bundle FILE``: check an evidence bundle offline, with nothing but the bundle.

Re-computes every file's SHA-256 against the manifest and checks every RFC 3161 token (its hash, its
signature and the authority's certificate, with ``openssl ts -verify``); reports each problem with the
file concerned and exits non-zero if there is any. Needs no database and opens none. Says which format
it read: an age file (passphrase or recipients), the container used before, or an unencrypted tar.
"""

from __future__ import annotations

import tarfile
from pathlib import Path
from typing import IO, Any, cast

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.security.passphrase import read_passphrase
from haven_core.bundles.archive import BundleError, opened
from haven_core.bundles.verify import verify_bundle
from haven_core.crypto import agekeys


class Command(BaseCommand):
    help = "Check an evidence bundle's files and timestamps against its manifest, offline."
    requires_system_checks: list[str] = []  # runs where Haven has no database, e.g. a lawyer's laptop

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--passphrase-file", type=Path, help="The passphrase of an encrypted bundle.")
        parser.add_argument(
            "--identity-file",
            type=Path,
            help="The age identity (from age-keygen) of a bundle encrypted to an age public key.",
        )
        parser.add_argument(
            "--authority-cert",
            type=Path,
            help="Check timestamps against this certificate (PEM, obtained from the authority itself) "
            "instead of the one inside the bundle.",
        )
        parser.add_argument("--extract", type=Path, help="After a clean check, unpack the bundle here.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        passphrase = read_passphrase(options)
        identities = self._identities(options["identity_file"])
        authority = self._authority(options["authority_cert"])
        try:
            with open(path, "rb") as source:
                archive, format_read = opened(source, passphrase, identities)
                self.stdout.write(f"Format: {format_read}.")
                report = verify_bundle(archive, authority_pem=authority)
        except BundleError as exc:
            raise CommandError(str(exc)) from None
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}.") from None
        packages = report.packages_checked
        self.stdout.write(
            f"Bundle of household {report.household or '?'} made {report.created_at or '?'}: "
            f"{report.files_checked} files and {report.timestamps_checked} timestamps checked"
            f"{f', with the contents of {packages} WACZ web captures' if packages else ''}.\n"
            f"SHA-256 of its manifest: {report.manifest_sha256 or '?'}"
        )
        if report.kept_in_haven:
            self.stdout.write(
                f"{report.kept_in_haven} originals stayed in Haven (they carry metadata): their SHA-256 and "
                "timestamps are in the manifest, and their copies without metadata in the bundle."
            )
        for fingerprint in report.authority_fingerprints:
            source_name = "given" if authority is not None else "in the bundle"
            self.stdout.write(f"Timestamp authority certificate ({source_name}), SHA-256: {fingerprint}")
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(f"FAILED  {problem}")
            raise CommandError(f"The bundle does not check out: {len(report.problems)} problem(s).")
        self.stdout.write(self.style.SUCCESS("Every file and every timestamp checks out."))
        if options["extract"]:
            self._extract(path, passphrase, identities, options["extract"])

    def _authority(self, path: Path | None) -> bytes | None:
        if path is None:
            return None
        try:
            return path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}.") from None

    def _identities(self, path: Path | None) -> list[X25519PrivateKey]:
        if path is None:
            return []
        try:
            return agekeys.identities_in(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}.") from None
        except (agekeys.KeyFormatError, UnicodeDecodeError) as exc:
            raise CommandError(f"{path} is not an age identity file ({exc}).") from None

    def _extract(
        self, path: Path, passphrase: bytes | None, identities: list[X25519PrivateKey], folder: Path
    ) -> None:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            with open(path, "rb") as source:
                archive = cast(IO[bytes], opened(source, passphrase, identities)[0])
                with tarfile.open(fileobj=archive, mode="r|*") as tar:
                    tar.extractall(folder, filter="data")
        except (BundleError, tarfile.TarError, OSError) as exc:
            raise CommandError(f"Unpacking failed: {exc}") from None
        self.stdout.write(f"Unpacked into {folder} (in clear: keep it safe).")
