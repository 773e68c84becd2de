"""``haven referral-public-key``: print the public half of Haven's referral signing key and its
fingerprint — what recipients check packages against, to be given to them by another way."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from haven.referral.export import fingerprint
from haven.referral.signing import key_path, public_key_pem, signing_key


class Command(BaseCommand):
    help = "Print the public key recipients verify referral packages with, and its fingerprint."

    def handle(self, *args: Any, **options: Any) -> None:
        key = signing_key(say=lambda text: self.stderr.write(self.style.WARNING(text))).public_key()
        self.stdout.write(public_key_pem(key).decode("ascii"), ending="")
        self.stdout.write(f"Fingerprint (SHA-256 of the raw key): {fingerprint(key)}")
        self.stderr.write(f"(private key: {key_path()})")
