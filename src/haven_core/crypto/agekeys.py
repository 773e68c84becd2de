"""age's X25519 keys as text: ``age1…`` recipients and ``AGE-SECRET-KEY-1…`` identities (Bech32, BIP 173).

The encoding is the one ``age-keygen`` prints, so a key made by either tool works in the other.
"""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

RECIPIENT_HRP = "age"
IDENTITY_HRP = "age-secret-key-"
_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


class KeyFormatError(ValueError):
    """The text is not an age key of the expected kind."""


def _polymod(values: list[int]) -> int:
    check = 1
    for value in values:
        top = check >> 25
        check = (check & 0x1FFFFFF) << 5 ^ value
        for bit in range(5):
            check ^= _GENERATOR[bit] if (top >> bit) & 1 else 0
    return check


def _expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _convert(data: list[int] | bytes, source: int, target: int, *, pad: bool) -> list[int]:
    accumulator, bits, out, limit = 0, 0, [], (1 << target) - 1
    for value in data:
        accumulator = (accumulator << source) | value
        bits += source
        while bits >= target:
            bits -= target
            out.append((accumulator >> bits) & limit)
    if pad and bits:
        out.append((accumulator << (target - bits)) & limit)
    elif not pad and (bits >= source or (accumulator << (target - bits)) & limit):
        raise KeyFormatError("the key has stray bits at its end")
    return out


def encode(hrp: str, data: bytes) -> str:
    words = _convert(data, 8, 5, pad=True)
    check = _polymod(_expand(hrp) + words + [0] * 6) ^ 1
    words += [(check >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_CHARSET[w] for w in words)


def decode(text: str, hrp: str) -> bytes:
    """The bytes of Bech32 ``text`` whose human-readable part is ``hrp``; raise on any error."""
    if text.lower() != text and text.upper() != text:
        raise KeyFormatError("the key mixes upper and lower case")
    text = text.lower()
    head, sep, tail = text.rpartition("1")
    if not sep or head != hrp or len(tail) < 6 or any(c not in _CHARSET for c in tail):
        raise KeyFormatError(f"not an age key starting {hrp}1")
    words = [_CHARSET.index(c) for c in tail]
    if _polymod(_expand(hrp) + words) != 1:
        raise KeyFormatError("the key's checksum is wrong (a character was mistyped)")
    return bytes(_convert(words[:-6], 5, 8, pad=False))


def recipient_bytes(text: str) -> bytes:
    """The 32-byte X25519 public key of an ``age1…`` recipient."""
    raw = decode(text.strip(), RECIPIENT_HRP)
    if len(raw) != 32:
        raise KeyFormatError("an age recipient holds 32 bytes")
    return raw


def identity_key(text: str) -> X25519PrivateKey:
    """The X25519 private key of an ``AGE-SECRET-KEY-1…`` identity."""
    raw = decode(text.strip(), IDENTITY_HRP)
    if len(raw) != 32:
        raise KeyFormatError("an age identity holds 32 bytes")
    return X25519PrivateKey.from_private_bytes(raw)


def identity_text(key: X25519PrivateKey) -> str:
    raw = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return encode(IDENTITY_HRP, raw).upper()


def recipient_text(key: X25519PublicKey) -> str:
    return encode(RECIPIENT_HRP, key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))


def identities_in(text: str) -> list[X25519PrivateKey]:
    """The identities of an identity file as ``age-keygen`` writes it (``#`` comments, blank lines)."""
    lines = [line.strip() for line in text.splitlines()]
    return [identity_key(line) for line in lines if line and not line.startswith("#")]
