"""RFC 3161 trusted timestamps, without Django: building requests, checking responses, verifying tokens.

A timestamp authority (TSA) signs "this SHA-256 existed at this time"; anyone holding the token, the
bytes and the authority's certificate can check it later, without Haven. :mod:`.protocol` speaks the
protocol (requests and responses, parsed with ``asn1crypto``); :mod:`.verify` checks a kept token, its
signature and certificate chain through ``openssl ts -verify``.
"""

from haven_core.timestamps.protocol import (
    TimestampError,
    TokenInfo,
    new_nonce,
    parse_response,
    read_token,
    timestamp_request,
)
from haven_core.timestamps.verify import TokenCheck, verify_token

__all__ = [
    "TimestampError",
    "TokenCheck",
    "TokenInfo",
    "new_nonce",
    "parse_response",
    "read_token",
    "timestamp_request",
    "verify_token",
]
