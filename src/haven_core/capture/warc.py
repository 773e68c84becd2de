"""Writing a capture as a WARC/1.1 file (ISO 28500), the web archives' own format.

One ``warcinfo`` record says what made the file; then, for every hop of the capture, a ``request``
record with the request exactly as sent and a ``response`` record with the response exactly as received,
the address it came from, the time, and SHA-256 digests of the block and of the payload (the body as
received), so any WARC tool (``warcio check``, pywb, the Wayback Machine's) can read it and
check it. Written by hand: the format is a few header lines per record, and this keeps Haven free of an
untyped dependency at run time; the tests read it back with ``warcio``, an independent implementation.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from haven_core.capture.fetch import Exchange, Fetched

MEDIA_TYPE = "application/warc"


def _digest(data: bytes) -> str:
    return "sha256:" + base64.b32encode(hashlib.sha256(data).digest()).decode("ascii")


def _date(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _record(headers: list[tuple[str, str]], block: bytes) -> bytes:
    headers = [*headers, ("WARC-Block-Digest", _digest(block)), ("Content-Length", str(len(block)))]
    head = "WARC/1.1\r\n" + "".join(f"{name}: {value}\r\n" for name, value in headers) + "\r\n"
    return head.encode("utf-8") + block + b"\r\n\r\n"


def _payload(exchange: Exchange) -> bytes:
    """What ``WARC-Payload-Digest`` covers: the body as received after the headers. With chunked transfer
    coding that includes the chunk framing, as Heritrix, wget and warcio compute it (ISO 28500 leaves
    the point open; agreeing with the tools that will read these files is what matters)."""
    head_end = exchange.response.find(b"\r\n\r\n")
    return exchange.response[head_end + 4 :] if head_end >= 0 else b""


@dataclass(frozen=True)
class WarcRecord:
    """One record as written, and what an index of the archive says about it."""

    data: bytes
    kind: str  # "warcinfo", "request" or "response"
    exchange: Exchange | None = None  # the hop a request or response record is of


def warc_records(
    exchanges: Sequence[Exchange],
    *,
    software: str,
    new_id: Callable[[], str] = lambda: f"<urn:uuid:{uuid.uuid4()}>",
) -> list[WarcRecord]:
    """A ``warcinfo`` record, then a request and a response record for each of ``exchanges``."""
    first = exchanges[0]
    info_id = new_id()
    info = f"software: {software}\r\nformat: WARC File Format 1.1\r\nconformsTo: ISO 28500:2017\r\n"
    records = [
        WarcRecord(
            _record(
                [
                    ("WARC-Type", "warcinfo"),
                    ("WARC-Record-ID", info_id),
                    ("WARC-Date", _date(first.at)),
                    ("Content-Type", "application/warc-fields"),
                ],
                info.encode("utf-8"),
            ),
            "warcinfo",
        )
    ]
    for exchange in exchanges:
        request_id, response_id = new_id(), new_id()
        common = [("WARC-Date", _date(exchange.at)), ("WARC-Target-URI", exchange.url)]
        request = _record(
            [
                ("WARC-Type", "request"),
                ("WARC-Record-ID", request_id),
                *common,
                ("WARC-Warcinfo-ID", info_id),
                ("WARC-Concurrent-To", response_id),
                ("Content-Type", "application/http;msgtype=request"),
            ],
            exchange.request,
        )
        response = _record(
            [
                ("WARC-Type", "response"),
                ("WARC-Record-ID", response_id),
                *common,
                ("WARC-Warcinfo-ID", info_id),
                ("WARC-IP-Address", exchange.address),
                ("WARC-Payload-Digest", payload_digest(exchange)),
                ("Content-Type", "application/http;msgtype=response"),
            ],
            exchange.response,
        )
        records += [WarcRecord(request, "request", exchange), WarcRecord(response, "response", exchange)]
    return records


def payload_digest(exchange: Exchange) -> str:
    return _digest(_payload(exchange))


def warc_file(
    fetched: Fetched,
    *,
    software: str,
    new_id: Callable[[], str] = lambda: f"<urn:uuid:{uuid.uuid4()}>",
) -> bytes:
    """The whole capture as one uncompressed WARC file."""
    return b"".join(r.data for r in warc_records(fetched.exchanges, software=software, new_id=new_id))
