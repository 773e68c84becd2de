"""What an export writes beside the sealed package: Haven's public key and the recipient's instructions.

The README travels unencrypted next to the package, so it names no household and no file inside it:
only the batch reference, the package's own SHA-256 and the fingerprint of Haven's signing key.
"""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

# Step 5 without jq: the same "hash  name" lines from the manifest, for sha256sum -c.
_PYTHON_CHECK = (
    'python3 -c \'import json; [print(f["sha256"] + "  " + f["name"])'
    ' for f in json.load(open("MANIFEST.json"))["files"]]\' | sha256sum -c -'
)


def fingerprint(key: Ed25519PublicKey) -> str:
    """SHA-256 of the raw 32-byte public key, in hex groups: what a recipient compares out of band."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    digest = hashlib.sha256(raw).hexdigest()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def readme(*, reference: str, package_name: str, package_sha256: str, key_fingerprint: str) -> str:
    folder = reference
    return f"""Haven referral package {reference}
{"=" * (24 + len(reference))}

{package_name} is encrypted to your age public key and signed by Haven. Nothing in it can be read
without your age identity (key.txt); nothing in it can be changed without the check below failing.

You need: age (https://age-encryption.org), OpenSSL 3, sha256sum, and jq (or Python 3). Type the
lines that start with $ (without the $) in a terminal, in the folder holding these files.

1. Check the file arrived whole:

   $ echo "{package_sha256}  {package_name}" | sha256sum -c -

2. Decrypt and unpack it:

   $ age -d -i key.txt -o {reference}.tar {package_name}
   $ mkdir {folder} && tar -xf {reference}.tar -C {folder} && cd {folder}

3. Check that the public key is Haven's. haven-signing-key.pub came with the package, so it proves
   nothing by itself: compare its fingerprint with the one the coalition gave you separately (by
   phone, or in person). It must be

   {key_fingerprint}

   $ openssl pkey -pubin -in ../haven-signing-key.pub -outform DER | tail -c 32 | sha256sum

   (the same hex digits, without the spaces).

4. Check Haven's signature on the manifest (MANIFEST.json lists every file with its SHA-256):

   $ openssl pkeyutl -verify -pubin -inkey ../haven-signing-key.pub -rawin \\
         -in MANIFEST.json -sigfile MANIFEST.json.sig

   It must say "Signature Verified Successfully".

5. Check every file against the signed manifest:

   $ jq -r '.files[] | "\\(.sha256)  \\(.name)"' MANIFEST.json | sha256sum -c -

   or, without jq:

   $ {_PYTHON_CHECK}

   Every line must end in OK. If any step fails, do not use the package: ask the coalition for a new one.

The package holds a cover letter and a dossier per household in English and French (PDF), and the
list of households (households.xlsx, households.csv). It holds only what the referral's field profile
lets out of Haven; each dossier lists the fields kept back. Please keep it as you would the case files
themselves: these are people at risk.
"""
