"""How fast encryption at rest is: values per second encoded, decoded and indexed, and backup MB/s.

Run with ``.venv/bin/python bench/crypto.py``. It uses throwaway keys (given in HAVEN_KEYS, so no key file
is written) and touches no database. The projection at the end is for 100,000 households of 2.5 people
with about 20 sensitive values each, the largest caseload Haven is sized for.
"""

from __future__ import annotations

import io
import os
import sys
import time
from collections.abc import Callable

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from haven_core.crypto import agefile, agekeys, container, keyring
from haven_core.crypto.keyring import KeyRing
from haven_core.crypto.sealing import Sealer

VALUES = [
    "Котова",
    "Юлия",
    "Сергеевна",
    "KOTOVA",
    "IULIIA",
    "1988-04-12",
    "204718395",
    "+1 917 555 0142",
    "1180 Ocean Parkway, Apt 4B, Brooklyn, NY 11230",
    "Detained for eleven days after the anti-war rally in Perm in March 2022; "
    "a criminal case under article 207.3 was opened against her and she left through Georgia.",
]
ROUNDS = 20_000
HOUSEHOLDS, PEOPLE_PER_HOUSEHOLD, VALUES_PER_PERSON = 100_000, 2.5, 20


def rate(label: str, work: Callable[[str], object], inputs: list[str]) -> float:
    started = time.perf_counter()
    for _ in range(ROUNDS // len(inputs)):
        for value in inputs:
            work(value)
    elapsed = time.perf_counter() - started
    per_second = (ROUNDS // len(inputs)) * len(inputs) / elapsed
    print(f"  {label:<34} {per_second:>12,.0f} values/s   ({1e6 / per_second:.1f} µs each)")
    return per_second


def main() -> None:
    ring = KeyRing.generate()
    sealer = Sealer(ring)
    stored = [sealer.seal_text(v) for v in VALUES]

    print(f"Haven crypto benchmark ({ROUNDS:,} values per line, Python {sys.version.split()[0]})")
    print("Core (haven_core.crypto.sealing.Sealer):")
    encode = rate("encode (AES-256-GCM)", sealer.seal_text, VALUES)
    decode = rate("decode", sealer.open_text, stored)
    rate("blind index (HMAC-SHA256)", sealer.blind_index, VALUES)

    os.environ["HAVEN_KEYS"] = keyring.dump(ring)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")
    import django

    django.setup()
    from haven.security.codec import EncryptingCodec

    codec = EncryptingCodec()
    print("Through the Django codec (haven.security.codec.EncryptingCodec):")
    codec_encode = rate("encode", codec.encode, VALUES)
    codec_decode = rate("decode", codec.decode, stored)
    rate("index", codec.index, VALUES)

    values = HOUSEHOLDS * PEOPLE_PER_HOUSEHOLD * VALUES_PER_PERSON
    print(f"Projection for {HOUSEHOLDS:,} households (~{values:,.0f} sensitive values):")
    print(f"  encrypt all (seed or rotation)     {values / codec_encode:>8.1f} s of CPU")
    print(f"  decrypt all (backup)               {values / codec_decode:>8.1f} s of CPU")
    print(f"  one page of 25 households          {25 * 2.5 * 20 / codec_decode * 1000:>8.2f} ms to decrypt")
    print(f"  (core: {values / encode:.1f} s to encrypt, {values / decode:.1f} s to decrypt)")

    payload = os.urandom(1 << 20) * 64
    step = 1 << 16  # tarfile writes in small pieces too
    key = bytes(32)

    def old_container() -> tuple[float, float]:
        out = io.BytesIO()
        started = time.perf_counter()
        writer = container.SealedWriter(out, key, kdf={"kind": "bench"}, salt=container.new_salt())
        for start in range(0, len(payload), step):
            writer.write(payload[start : start + step])
        writer.close()
        sealed_in = time.perf_counter() - started
        source = io.BytesIO(out.getvalue())
        started = time.perf_counter()
        assert container.verify(source, container.read_header(source), key) == len(payload)
        return sealed_in, time.perf_counter() - started

    def age_file() -> tuple[float, float]:
        identity = X25519PrivateKey.generate()
        out = io.BytesIO()
        started = time.perf_counter()
        writer = agefile.AgeWriter(out, recipients=[agekeys.recipient_text(identity.public_key())])
        for start in range(0, len(payload), step):
            writer.write(payload[start : start + step])
        writer.close()
        sealed_in = time.perf_counter() - started
        source = io.BytesIO(out.getvalue())
        started = time.perf_counter()
        file_key = agefile.file_key(agefile.read_header(source), identities=[identity])
        assert agefile.verify(source, file_key) == len(payload)
        return sealed_in, time.perf_counter() - started

    for label, run in (
        ("Backups and bundles as age files (ChaCha20-Poly1305 in 64 KiB chunks)", age_file),
        ("Old backup container, still read (AES-256-GCM in 1 MiB chunks)", old_container),
    ):
        sealed_in, opened_in = run()
        print(f"{label}, {len(payload) >> 20} MiB:")
        print(f"  seal   {len(payload) / sealed_in / 1e6:>8,.0f} MB/s")
        print(f"  verify {len(payload) / opened_in / 1e6:>8,.0f} MB/s")
    started = time.perf_counter()
    agefile.AgeWriter(io.BytesIO(), passphrase=b"a passphrase for the bench").close()
    took = time.perf_counter() - started
    print(f"  age passphrase (scrypt, work factor {agefile.WORK_FACTOR}): {took:.2f} s per file")


if __name__ == "__main__":
    main()
