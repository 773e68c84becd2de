"""The one place where sensitive values are turned into what the database stores.

Every sensitive model field goes through :class:`haven.cases.fields.SensitiveField`, which calls the
codec named by ``settings.HAVEN_FIELD_CODEC``. The default stores text as it is; encryption at rest is
an encrypting codec with the same two methods.
"""

from __future__ import annotations

from functools import cache
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


class Codec(Protocol):
    def encode(self, text: str) -> str: ...

    def decode(self, stored: str) -> str: ...

    def index(self, text: str) -> str: ...


class PlainCodec:
    """Stores sensitive text unchanged (no encryption configured)."""

    def encode(self, text: str) -> str:
        return text

    def decode(self, stored: str) -> str:
        return stored

    def index(self, text: str) -> str:
        """The value kept in a search index column (a keyed hash once encryption is on)."""
        return text


@cache
def _codec_for(path: str) -> Codec:
    codec: Codec = import_string(path)()
    return codec


def codec() -> Codec:
    return _codec_for(settings.HAVEN_FIELD_CODEC)


def index_value(text: str) -> str:
    """What a search index column stores for ``text`` (an exact-match key)."""
    return codec().index(text)
