"""Names across scripts: transliteration systems and search keys."""

from haven_core.names.keys import name_keys, query_keys, tokens
from haven_core.names.transliteration import System, transliterate

__all__ = ["System", "name_keys", "query_keys", "tokens", "transliterate"]
