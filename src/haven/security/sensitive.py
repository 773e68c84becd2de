"""The one place where sensitive values are turned into what the database stores.

Every sensitive model field goes through :class:`haven.security.fields.SensitiveField`, which calls the
codec named by ``settings.HAVEN_FIELD_CODEC``. The default is ``haven.security.codec.EncryptingCodec``:
values are encrypted and search-index columns hold keyed blind indexes. ``PlainCodec`` stores text as it
is; it is an explicit opt-out for experiments, refused in production.
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

    def index_candidates(self, text: str) -> list[str]: ...


class PlainCodec:
    """Stores sensitive text unchanged (no encryption configured)."""

    def encode(self, text: str) -> str:
        return text

    def decode(self, stored: str) -> str:
        return stored

    def index(self, text: str) -> str:
        """The value kept in a search index column (a keyed hash once encryption is on)."""
        return text

    def index_candidates(self, text: str) -> list[str]:
        return [text]


@cache
def _codec_for(path: str) -> Codec:
    codec: Codec = import_string(path)()
    return codec


def codec() -> Codec:
    return _codec_for(settings.HAVEN_FIELD_CODEC)


def index_value(text: str) -> str:
    """What a search index column stores for ``text`` (an exact-match key). Use it when writing."""
    return codec().index(text)


def index_values(text: str) -> list[str]:
    """Every index value ``text`` may be stored under; search with ``key__in=index_values(...)``.

    Normally a single value. While ``haven rotate-keys --index-key`` runs, rows are being recomputed
    from the old index key to the new one, and searching for both keeps finding everybody meanwhile.
    """
    return codec().index_candidates(text)
