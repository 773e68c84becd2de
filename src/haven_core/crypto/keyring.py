"""The keys that protect Haven's data, and the JSON file they are kept in.

Two families of key live on one ring:

- **data keys** encrypt values (AES-256-GCM). Each has a short id that is written beside every value it
  encrypts, so that after a rotation values written under an older key can still be read while they are
  re-encrypted. Exactly one data key is *current*: it encrypts everything new.
- **index keys** make blind indexes (HMAC-SHA256 of normalised search keys). There is one, except during
  a rotation of the index key, when searches try the old key as well so that they keep finding people.

The keys never go into the database: they come from the ``HAVEN_KEYS`` environment variable or a key file
(see ``haven.security.keys``). This module has no Django in it and never touches the file system.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

KEY_BYTES = 32  # AES-256 and a 256-bit HMAC key
FORMAT = 1
_KEY_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,31}$")  # short, and never contains ":" (the value separator)


class KeyRingError(ValueError):
    """The key ring is malformed, or lacks a key that was asked for."""


def new_key_id(prefix: str) -> str:
    """A fresh key id such as ``d-3f9a1c2e``; random, so two installations never share ids by chance."""
    return f"{prefix}-{secrets.token_hex(4)}"


@dataclass(frozen=True)
class KeySet:
    """Keys of one family (data or index) by id, and which of them is current."""

    current: str
    keys: Mapping[str, bytes] = field(repr=False)

    def __post_init__(self) -> None:
        for key_id, secret in self.keys.items():
            if not _KEY_ID.match(key_id):
                raise KeyRingError(f"key id {key_id!r} is not valid (lower-case letters, digits and '-')")
            if len(secret) != KEY_BYTES:
                raise KeyRingError(f"key {key_id!r} must be {KEY_BYTES} bytes, not {len(secret)}")
        if self.current not in self.keys:
            raise KeyRingError(f"the current key {self.current!r} is not on the key ring")

    @classmethod
    def generate(cls, prefix: str) -> KeySet:
        key_id = new_key_id(prefix)
        return cls(current=key_id, keys={key_id: secrets.token_bytes(KEY_BYTES)})

    def with_new_current(self, prefix: str) -> KeySet:
        """This set plus a fresh key that becomes current; the old keys stay so old values stay readable."""
        key_id = new_key_id(prefix)
        return KeySet(current=key_id, keys={**self.keys, key_id: secrets.token_bytes(KEY_BYTES)})

    def only_current(self) -> KeySet:
        """This set without its retired keys."""
        return KeySet(current=self.current, keys={self.current: self.keys[self.current]})

    def secret(self, key_id: str) -> bytes:
        try:
            return self.keys[key_id]
        except KeyError:
            raise KeyRingError(f"key {key_id!r} is not on this installation's key ring") from None


@dataclass(frozen=True)
class KeyRing:
    data: KeySet
    index: KeySet

    @classmethod
    def generate(cls) -> KeyRing:
        return cls(data=KeySet.generate("d"), index=KeySet.generate("i"))


def _secret(text: Any, where: str) -> bytes:
    if not isinstance(text, str):
        raise KeyRingError(f"{where}: a key must be base64 text")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise KeyRingError(f"{where}: not valid base64") from None


def _key_set(raw: Any, family: str) -> KeySet:
    if not isinstance(raw, dict) or not isinstance(raw.get("keys"), dict) or not raw["keys"]:
        raise KeyRingError(f'"{family}" must be an object with "current" and a non-empty "keys"')
    keys = {str(k): _secret(v, f"{family} key {k!r}") for k, v in raw["keys"].items()}
    return KeySet(current=str(raw.get("current", "")), keys=keys)


def parse(text: str) -> KeyRing:
    """Read a key ring from its JSON form; raise :class:`KeyRingError` saying what is wrong."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise KeyRingError(f"the key ring is not valid JSON ({exc.msg}, line {exc.lineno})") from None
    if not isinstance(raw, dict):
        raise KeyRingError("the key ring must be a JSON object")
    if raw.get("format") != FORMAT:
        raise KeyRingError(f"unknown key ring format {raw.get('format')!r} (expected {FORMAT})")
    return KeyRing(data=_key_set(raw.get("data"), "data"), index=_key_set(raw.get("index"), "index"))


def dump(ring: KeyRing) -> str:
    """The JSON form of ``ring``, as kept in the key file."""

    def key_set(keys: KeySet) -> dict[str, Any]:
        return {
            "current": keys.current,
            "keys": {k: base64.b64encode(v).decode("ascii") for k, v in keys.keys.items()},
        }

    return json.dumps({"format": FORMAT, "data": key_set(ring.data), "index": key_set(ring.index)}, indent=2)
