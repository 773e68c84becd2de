"""Names across scripts: transliteration systems and search keys."""

from haven_core.names.keys import name_keys, prefix_keys, query_keys, search_keys, tokens
from haven_core.names.transliteration import System, transliterate

__all__ = ["System", "name_keys", "prefix_keys", "query_keys", "search_keys", "tokens", "transliterate"]
