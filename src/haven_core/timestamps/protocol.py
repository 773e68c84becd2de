"""The RFC 3161 exchange: a ``TimeStampReq`` over a SHA-256, and the checks on the ``TimeStampResp``.

Only the hash leaves Haven: the authority learns that something was timestamped, never what.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from asn1crypto import algos, cms, tsp

REQUEST_TYPE = "application/timestamp-query"
RESPONSE_TYPE = "application/timestamp-reply"
_GRANTED = ("granted", "granted_with_mods")


class TimestampError(Exception):
    """The authority refused, answered something else than what was asked, or the token is unreadable."""


@dataclass(frozen=True)
class TokenInfo:
    """What a ``TimeStampToken`` says (read, not yet verified: see :func:`haven_core.timestamps.verify`)."""

    hash_algorithm: str  # e.g. "sha256"
    imprint: bytes  # the hash that was timestamped
    generated_at: dt.datetime  # genTime, in UTC
    serial: int
    nonce: int | None
    policy: str  # the authority's policy OID


def new_nonce() -> int:
    return secrets.randbits(63)


def timestamp_request(sha256: bytes, nonce: int) -> bytes:
    """A DER ``TimeStampReq`` for ``sha256`` with ``nonce``, asking for the authority's certificate."""
    if len(sha256) != 32:
        raise ValueError("a SHA-256 digest is 32 bytes")
    request = tsp.TimeStampReq(
        {
            "version": "v1",
            "message_imprint": {
                "hash_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}),
                "hashed_message": sha256,
            },
            "nonce": nonce,
            "cert_req": True,
        }
    )
    return bytes(request.dump())


def read_token(token: bytes) -> TokenInfo:
    """Read a DER ``TimeStampToken`` (a CMS ``SignedData`` holding a ``TSTInfo``)."""
    try:
        info = cms.ContentInfo.load(token, strict=True)  # no bytes may follow the token
        if info["content_type"].native != "signed_data":
            raise TimestampError("not a timestamp token (no signed data)")
        encap = info["content"]["encap_content_info"]
        if encap["content_type"].native != "tst_info":
            raise TimestampError("not a timestamp token (no TSTInfo)")
        tst = encap["content"].parsed
        generated = tst["gen_time"].native
        return TokenInfo(
            hash_algorithm=str(tst["message_imprint"]["hash_algorithm"]["algorithm"].native),
            imprint=bytes(tst["message_imprint"]["hashed_message"].native),
            generated_at=generated.astimezone(dt.UTC),
            serial=int(tst["serial_number"].native),
            nonce=None if tst["nonce"].native is None else int(tst["nonce"].native),
            policy=str(tst["policy"].dotted),
        )
    except TimestampError:
        raise
    except Exception as exc:  # asn1crypto raises ValueError, TypeError, KeyError… on malformed input
        raise TimestampError(f"the timestamp token cannot be read ({type(exc).__name__})") from None


def parse_response(response: bytes, *, sha256: bytes, nonce: int) -> tuple[bytes, TokenInfo]:
    """Check a DER ``TimeStampResp`` against the request; return the token (DER) and what it says."""
    try:
        parsed = tsp.TimeStampResp.load(response, strict=True)
        status = parsed["status"]["status"].native
    except Exception as exc:
        raise TimestampError(f"the authority's answer cannot be read ({type(exc).__name__})") from None
    if status not in _GRANTED:
        raise TimestampError(f"the authority did not grant the timestamp (status: {status})")
    try:
        token = bytes(parsed["time_stamp_token"].dump())
    except Exception as exc:
        raise TimestampError(f"the authority's answer holds no token ({type(exc).__name__})") from None
    info = read_token(token)
    if info.hash_algorithm != "sha256" or info.imprint != sha256:
        raise TimestampError("the token is for another hash than the one sent")
    if info.nonce != nonce:
        raise TimestampError("the token does not carry the nonce sent (a replayed or mixed-up answer)")
    return token, info
