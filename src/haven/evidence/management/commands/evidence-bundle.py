"""``haven evidence-bundle HOUSEHOLD --out FILE``: export a household's evidence with its manifest.

The bundle holds the evidence in clear (that is its purpose: someone outside Haven must read and check
it), so it must be sealed for the journey: ``--passphrase-file`` or ``--recipient`` (the recipient's age
public key) encrypts it as a whole as an age file, which the recipient opens with the ``age`` command or
``haven verify-bundle``; an unencrypted bundle has to be asked for with ``--unencrypted`` (for a handover
on an encrypted drive, in person, or through an already encrypted channel).

Originals that can carry metadata (a photo's or a video's GPS position, a PDF's author) stay in Haven:
the bundle holds copies without it and lists the originals by hash. A photo's or a video's copy is made
now if needed; a scan's is its searchable PDF, made when the scan is read (a background job), so while a
scan is still to be read the command writes nothing and says which items, unless
``--without-unread-scans`` is given (those originals then stay in Haven with no copy in the bundle).
``--with-originals`` adds the originals, for the coalition's own archive only: never for a bundle that
leaves the coalition.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.cases.models import Household
from haven.evidence.actions.records import evidence_bundle_record
from haven.evidence.bundle import write_bundle
from haven.evidence.errors import EvidenceError
from haven.security.passphrase import read_passphrase
from haven_core.crypto import agekeys


class Command(BaseCommand):
    help = "Export a household's evidence, decrypted, with a manifest of hashes, timestamps and custody."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("household", help="The household's reference (H-…).")
        parser.add_argument("--out", type=Path, required=True, help="The bundle file to write.")
        seal = parser.add_mutually_exclusive_group()
        seal.add_argument(
            "--passphrase-file",
            type=Path,
            help="Encrypt the bundle with the passphrase in this file (give it to the recipient apart).",
        )
        seal.add_argument(
            "--recipient",
            action="append",
            metavar="AGE_PUBLIC_KEY",
            help="Encrypt the bundle to this age public key (age1…, from the recipient's age-keygen); "
            "may be given more than once.",
        )
        seal.add_argument(
            "--unencrypted", action="store_true", help="Write the evidence in clear (a tar archive)."
        )
        parser.add_argument("--verified-only", action="store_true", help="Only items a reviewer verified.")
        parser.add_argument(
            "--without-unread-scans",
            action="store_true",
            help="Export now even if some scans are still being read: their originals stay in Haven, "
            "listed by hash, with no searchable copy in the bundle.",
        )
        parser.add_argument(
            "--with-originals",
            action="store_true",
            help="Also include the originals with their metadata (GPS, device, author): for the "
            "coalition's own archive only, never for a bundle that leaves the coalition.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        passphrase = read_passphrase(options)
        recipients = [r.strip() for r in options["recipient"] or []]
        for recipient in recipients:
            try:
                agekeys.recipient_bytes(recipient)
            except agekeys.KeyFormatError as exc:
                raise CommandError(f"{recipient!r} is not an age public key ({exc}).") from None
        encrypted = passphrase is not None or bool(recipients)
        if not encrypted and not options["unencrypted"]:
            raise CommandError(
                "The bundle holds the evidence in clear. Encrypt it with --passphrase-file FILE or "
                "--recipient AGE_PUBLIC_KEY, or say --unencrypted if it travels some other safe way."
            )
        household = (
            Household.objects.filter(reference=options["household"]).select_related("organisation").first()
        )
        if household is None:
            raise CommandError(f"No household has the reference {options['household']!r}.")
        target: Path = options["out"]
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise CommandError(f"{target} exists already; nothing was written.") from None
        except OSError as exc:
            raise CommandError(f"Cannot write {target}: {exc.strerror}.") from None
        try:
            with os.fdopen(fd, "wb") as out:
                summary = write_bundle(
                    household,
                    out,
                    passphrase=passphrase,
                    recipients=recipients,
                    verified_only=options["verified_only"],
                    with_originals=options["with_originals"],
                    without_unread=options["without_unread_scans"],
                )
        except (EvidenceError, OSError) as exc:
            target.unlink(missing_ok=True)
            raise CommandError(f"No bundle was written: {exc}") from None
        evidence_bundle_record(
            household=household,
            detail={
                "items": summary.items,
                "files": summary.files,
                "timestamps": summary.timestamps,
                "manifest_sha256": summary.manifest_sha256,
                "encrypted": encrypted,
                "verified_only": bool(options["verified_only"]),
                "originals_included": bool(options["with_originals"]),
                "kept_in_haven": summary.kept_in_haven,
                "copies_made": summary.copies_made,
                "still_reading": summary.still_reading,
            },
        )
        self.stdout.write(
            f"Wrote {summary.items} items, {summary.files} files and {summary.timestamps} timestamps of "
            f"{household.reference} to {target}.\nSHA-256 of its manifest: {summary.manifest_sha256}"
        )
        if summary.kept_in_haven:
            self.stdout.write(
                f"{summary.kept_in_haven} originals stay in Haven (they may carry metadata): the bundle "
                f"lists them by hash and holds copies without metadata ({summary.copies_made} made now)."
            )
        if summary.still_reading:
            self.stdout.write(
                self.style.WARNING(
                    f"{summary.still_reading} scans were still being read: their originals stayed in Haven "
                    "and the bundle has no copy of them."
                )
            )
        for sha256, why in sorted(summary.not_cleaned.items()):
            self.stdout.write(
                self.style.WARNING(f"No copy without metadata of {sha256[:12]}… could be made ({why}).")
            )
        if options["with_originals"]:
            self.stdout.write(
                self.style.WARNING(
                    "The originals are included WITH their metadata (GPS positions, devices, authors): "
                    "keep this bundle inside the coalition."
                )
            )
        if summary.manifest_stamp_problem:
            self.stdout.write(
                self.style.WARNING(f"The manifest could not be timestamped: {summary.manifest_stamp_problem}")
            )
        if not encrypted:
            self.stdout.write(
                self.style.WARNING("The bundle is NOT encrypted: it holds the evidence in clear.")
            )
        elif passphrase is not None:
            self.stdout.write(
                self.style.SUCCESS(
                    "Encrypted (age, passphrase): send the passphrase by another way than the file."
                )
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Encrypted (age) to {len(recipients)} recipient key(s): only their identities open it."
                )
            )
