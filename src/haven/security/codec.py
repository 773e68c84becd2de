"""The encrypting codec: what ``settings.HAVEN_FIELD_CODEC`` names by default.

Every sensitive field goes through it (see ``haven.sensitive`` and ``haven.cases.fields``): values are
sealed with AES-256-GCM under the current data key, and search-index columns hold keyed blind indexes.
"""

from __future__ import annotations

from haven.security import keys
from haven_core.crypto.sealing import DecryptionError, key_id_of


class EncryptingCodec:
    def encode(self, text: str) -> str:
        return keys.sealer().seal_text(text)

    def decode(self, stored: str) -> str:
        sealer = keys.sealer()
        key_id = key_id_of(stored)
        if key_id is not None and key_id not in sealer.ring.data.keys:
            sealer = keys.source().reload()  # written by a process that rotated the keys moments ago
        try:
            return sealer.open_text(stored)
        except DecryptionError as exc:
            raise DecryptionError(
                f"{exc}. If this database was written before encryption was switched on, run "
                "`haven rotate-keys` once to encrypt it; otherwise check HAVEN_KEYS / HAVEN_KEYS_FILE."
            ) from None

    def index(self, text: str) -> str:
        return keys.sealer().blind_index(text)

    def index_candidates(self, text: str) -> list[str]:
        return keys.sealer().blind_indexes(text)
