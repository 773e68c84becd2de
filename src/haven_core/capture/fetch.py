"""Fetching a page the way an investigator's archive does: every hop checked, every byte recorded.

The host name is resolved once, *every* address it resolves to is checked (:mod:`.addresses`), and the
connection is made to the checked address itself, so a name cannot resolve to a public address for the
check and to a private one for the connection (DNS rebinding). Each redirect is a new hop, checked again.
The request is written by hand and the response read through a recorder, so the WARC record holds the
bytes exactly as they were sent and received. Timeouts bound each connection, each silence while reading,
and the capture as a whole; bodies larger than the limit are cut off with an error.
"""

from __future__ import annotations

import datetime as dt
import http.client
import io
import socket
import ssl
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

from haven_core.capture.addresses import IPAddress, is_public, parse_address
from haven_core.capture.policy import CaptureFailed, CapturePolicy, Target, parse_target

Resolver = Callable[[str, int], Sequence[str]]
AddressCheck = Callable[[IPAddress], bool]
REDIRECTS = frozenset({301, 302, 303, 307, 308})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_HEAD_ALLOWANCE = 256 * 1024  # status line, headers and chunk framing on top of the body limit


def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, in the resolver's order, without repeats."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise CaptureFailed("unresolvable") from None
    found: list[str] = []
    for info in infos:
        address = str(info[4][0])
        if address not in found:
            found.append(address)
    return found


@dataclass(frozen=True)
class Exchange:
    """One request and its response: a hop of the capture."""

    url: str
    address: str  # the IP address connected to
    at: dt.datetime  # when the request was sent (UTC)
    request: bytes  # as sent
    response: bytes  # as received: status line, headers, body with its transfer coding
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes  # the body without transfer coding (content coding, if any, kept)

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((value for key, value in self.headers if key.lower() == name), None)

    @property
    def media_type(self) -> str:
        return (self.header("content-type") or "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for param in (self.header("content-type") or "").split(";")[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


@dataclass(frozen=True)
class Fetched:
    """A captured page: every hop, the last one being the page itself, and its decoded content."""

    exchanges: tuple[Exchange, ...]
    content: bytes  # the final body with any content coding (gzip, deflate) removed

    @property
    def final(self) -> Exchange:
        return self.exchanges[-1]


def fetch_page(
    url: str,
    policy: CapturePolicy,
    *,
    resolver: Resolver = system_resolver,
    address_allowed: AddressCheck = is_public,
    clock: Callable[[], float] = time.monotonic,
    deadline: float | None = None,
) -> Fetched:
    """Fetch ``url`` under ``policy``; raise :class:`CaptureFailed` unless it ends in an HTML page.

    ``resolver`` and ``address_allowed`` are the system's resolver and :func:`is_public` except in tests;
    ``deadline`` (on ``clock``) is the end of a capture of which this fetch is a part.
    """
    fetched = fetch_resource(
        url, policy, resolver=resolver, address_allowed=address_allowed, clock=clock, deadline=deadline
    )
    final = fetched.final
    if not 200 <= final.status < 300:
        raise CaptureFailed("http_status", status=final.status)
    if final.media_type not in HTML_TYPES and not (not final.media_type and _looks_like_html(final.body)):
        raise CaptureFailed("not_html", media_type=final.media_type or "unknown")
    return fetched


def fetch_resource(
    url: str,
    policy: CapturePolicy,
    *,
    resolver: Resolver = system_resolver,
    address_allowed: AddressCheck = is_public,
    clock: Callable[[], float] = time.monotonic,
    deadline: float | None = None,
) -> Fetched:
    """Fetch ``url`` of any type and status, following redirects with every hop checked.

    What a page loads (scripts, images, data) is fetched this way: an error status is an answer too.
    """
    if deadline is None:
        deadline = clock() + policy.total_timeout
    target = parse_target(url)
    exchanges: list[Exchange] = []
    while True:
        exchange = _exchange(target, policy, deadline, (resolver, address_allowed), clock)
        exchanges.append(exchange)
        if exchange.status not in REDIRECTS:
            break
        location = exchange.header("location")
        if not location:
            raise CaptureFailed("bad_redirect", status=exchange.status)
        if len(exchanges) > policy.max_redirects:
            raise CaptureFailed("too_many_redirects", limit=policy.max_redirects)
        target = parse_target(urljoin(target.url, location.strip()))
    final = exchanges[-1]
    content = _decode_content(final, policy.max_bytes)
    return Fetched(exchanges=tuple(exchanges), content=content)


def _looks_like_html(body: bytes) -> bool:
    start = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html", b"<head", b"<body"))


def _decode_content(exchange: Exchange, limit: int) -> bytes:
    """The body without content coding, never inflating past ``limit`` (no decompression bombs)."""
    coding = (exchange.header("content-encoding") or "identity").strip().lower()
    if coding in ("", "identity"):
        return exchange.body
    if coding in ("gzip", "x-gzip"):
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif coding == "deflate":
        inflater = zlib.decompressobj()
    else:
        raise CaptureFailed("unsupported_encoding", encoding=coding[:20])
    try:
        content = inflater.decompress(exchange.body, limit + 1)
    except zlib.error:
        raise CaptureFailed("bad_response") from None
    if len(content) > limit or inflater.unconsumed_tail:
        raise CaptureFailed("too_large", limit=limit)
    return content


def _checked_addresses(
    target: Target, policy: CapturePolicy, resolver: Resolver, address_allowed: AddressCheck
) -> list[str]:
    addresses = list(resolver(target.host, target.port))
    if not addresses:
        raise CaptureFailed("unresolvable")
    if not policy.allow_private:
        for address in addresses:
            if address in policy.allowed_addresses:
                continue
            try:
                public = address_allowed(parse_address(address))
            except ValueError:
                public = False
            if not public:
                raise CaptureFailed("private_address")
    return addresses


def _remaining(deadline: float, clock: Callable[[], float]) -> float:
    left = deadline - clock()
    if left <= 0:
        raise CaptureFailed("timeout")
    return left


def _connect(
    addresses: list[str], target: Target, policy: CapturePolicy, deadline: float, clock: Callable[[], float]
) -> socket.socket:
    timed_out = False
    for address in addresses:
        timeout = min(policy.connect_timeout, _remaining(deadline, clock))
        try:
            return socket.create_connection((address, target.port), timeout=timeout)
        except TimeoutError:
            timed_out = True
        except OSError:
            continue
    raise CaptureFailed("timeout" if timed_out else "connection_failed")


def _request_bytes(target: Target, policy: CapturePolicy) -> bytes:
    lines = [
        f"GET {target.path} HTTP/1.1",
        f"Host: {target.host_header}",
        f"User-Agent: {policy.user_agent}",
        "Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.8",
        "Accept-Encoding: identity",
        "Connection: close",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")


class _Recorder(io.RawIOBase):
    """The socket as a raw stream that keeps every byte read and enforces the limits while reading."""

    def __init__(
        self, sock: socket.socket, policy: CapturePolicy, deadline: float, clock: Callable[[], float]
    ) -> None:
        self._sock, self._policy, self._deadline, self._clock = sock, policy, deadline, clock
        self.received = bytearray()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        self._sock.settimeout(min(self._policy.read_timeout, _remaining(self._deadline, self._clock)))
        count = self._sock.recv_into(buffer)
        self.received += buffer[:count]
        if len(self.received) > self._policy.max_bytes + _HEAD_ALLOWANCE:
            raise CaptureFailed("too_large", limit=self._policy.max_bytes)
        return count


class _SocketFile:
    """What :class:`http.client.HTTPResponse` needs of a socket: ``makefile``."""

    def __init__(self, recorder: _Recorder) -> None:
        self._reader = io.BufferedReader(recorder)

    def makefile(self, mode: str) -> io.BufferedReader[_Recorder]:
        return self._reader


def _exchange(
    target: Target,
    policy: CapturePolicy,
    deadline: float,
    checks: tuple[Resolver, AddressCheck],
    clock: Callable[[], float],
) -> Exchange:
    addresses = _checked_addresses(target, policy, *checks)
    sock = _connect(addresses, target, policy, deadline, clock)
    try:
        address = str(sock.getpeername()[0])
        if target.scheme == "https":
            sock.settimeout(min(policy.connect_timeout, _remaining(deadline, clock)))
            sock = ssl.create_default_context().wrap_socket(sock, server_hostname=target.host)
        request = _request_bytes(target, policy)
        at = dt.datetime.now(dt.UTC)
        sock.settimeout(min(policy.read_timeout, _remaining(deadline, clock)))
        sock.sendall(request)
        recorder = _Recorder(sock, policy, deadline, clock)
        response = http.client.HTTPResponse(_SocketFile(recorder), method="GET")  # type: ignore[arg-type]
        response.begin()
        declared = response.getheader("content-length")
        if declared and declared.strip().isdigit() and int(declared) > policy.max_bytes:
            raise CaptureFailed("too_large", limit=policy.max_bytes)
        body = _read_body(response, policy.max_bytes)
        return Exchange(
            url=target.url,
            address=address,
            at=at,
            request=request,
            response=bytes(recorder.received),
            status=response.status,
            headers=tuple((str(k), str(v)) for k, v in response.getheaders()),
            body=body,
        )
    except CaptureFailed:
        raise
    except TimeoutError:
        raise CaptureFailed("timeout") from None
    except (ssl.SSLError, ssl.CertificateError):
        raise CaptureFailed("tls_error") from None
    except (http.client.HTTPException, ValueError):
        raise CaptureFailed("bad_response") from None
    except OSError:
        raise CaptureFailed("connection_failed") from None
    finally:
        sock.close()


def _read_body(response: http.client.HTTPResponse, limit: int) -> bytes:
    parts: list[bytes] = []
    size = 0
    while True:
        part = response.read(64 * 1024)
        if not part:
            return b"".join(parts)
        size += len(part)
        if size > limit:
            raise CaptureFailed("too_large", limit=limit)
        parts.append(part)
