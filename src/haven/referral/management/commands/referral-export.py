"""``haven referral-export BATCH --recipient AGE_PUBLIC_KEY --out DIR``: deliver a referral batch.

Renders every file of the batch (a dossier per household in English and French, the cover letters,
the batch list), signs their manifest with Haven's referral key, encrypts the whole to the recipient's
``age`` public key, and writes to DIR: ``<batch>.tar.age``, ``<batch>.README.txt`` (how to decrypt and
verify it with standard tools) and ``haven-signing-key.pub``. The export is audited (counts only).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser, no_translations

from haven.accounts.actor import Actor
from haven.errors import HavenError
from haven.progress import Progress
from haven.referral.actions import referral_export
from haven.referral.models import ReferralBatch, ReferralEntry


class Command(BaseCommand):
    help = "Export a referral batch as a package signed by Haven and encrypted to the recipient's age key."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("batch", help="The batch's reference (R-2026-0001) or its id.")
        parser.add_argument(
            "--recipient", required=True, metavar="AGE_PUBLIC_KEY", help="The recipient's age1… key."
        )
        parser.add_argument("--out", required=True, type=Path, metavar="DIR", help="Folder to write to.")
        parser.add_argument(
            "--jobs",
            type=int,
            default=min(os.cpu_count() or 1, 4),
            help="Processes rendering dossiers (default: the CPUs, at most 4).",
        )

    @no_translations  # the terminal speaks English, whatever language a page last asked for
    def handle(self, *args: Any, **options: Any) -> None:
        batch = _find(options["batch"])
        out: Path = options["out"]
        if out.exists() and not out.is_dir():
            raise CommandError(f"{out} is not a folder.")
        total = batch.entries.exclude(decision=ReferralEntry.WITHDRAWN).count()
        progress = Progress(f"rendering dossiers of {batch.reference}", total=total, stream=self.stderr)
        try:
            done = referral_export(
                actor=Actor.system(),
                batch=batch,
                recipient_key=options["recipient"],
                out_dir=out,
                progress=lambda n, _total: progress.update(n),
                say=lambda text: self.stderr.write(self.style.WARNING(text)),
                jobs=max(options["jobs"], 1),
            )
        except HavenError as exc:
            raise CommandError(str(exc)) from exc
        progress.finish()
        self.stdout.write(
            f"Referral {batch.reference}: {done.households} households, {done.files} files, "
            f"{done.size:,} bytes encrypted.\n"
            f"  {done.package}\n  {done.readme}\n  {done.public_key}\n"
            f"Send the package and its README to the recipient; tell them the key's fingerprint by "
            f"another way (haven referral-public-key)."
        )


def _find(text: str) -> ReferralBatch:
    batch = ReferralBatch.objects.filter(reference=text.strip().upper()).first()
    if batch is None:
        try:
            batch = ReferralBatch.objects.filter(public_id=text.strip()).first()
        except Exception:  # not a UUID either
            batch = None
    if batch is None:
        raise CommandError(f"There is no referral batch {text!r}.")
    return batch
