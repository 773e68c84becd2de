"""What a capture may do (timeouts, sizes, redirects, addresses), which URLs it accepts, and why it fails.

Failures carry a ``code`` the web layer words for the user in their language; they never carry the URL,
which can identify the person whose page it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

# A plain desktop browser's user agent: a capture should not tell the site that an archive is looking.
DEFAULT_USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"
)


@dataclass(frozen=True)
class CapturePolicy:
    connect_timeout: float = 5.0  # seconds to open each connection (TLS handshake included)
    read_timeout: float = 10.0  # seconds of silence tolerated while reading
    total_timeout: float = 30.0  # seconds for the whole capture, redirects included
    max_bytes: int = 20 * 1024 * 1024  # of each response body
    max_redirects: int = 5
    allow_private: bool = False  # fetch from private and loopback addresses (tests only)
    # These exact addresses may be fetched from although they are not public (tests only: a fixture site
    # on 127.0.0.1 is allowed while every other local address stays refused).
    allowed_addresses: frozenset[str] = frozenset()
    max_requests: int = 400  # requests a page may make in the browser; the rest are blocked
    max_total_bytes: int = 200 * 1024 * 1024  # of everything a page loads in the browser
    user_agent: str = DEFAULT_USER_AGENT


class CaptureFailed(Exception):
    """The page could not be captured. ``code`` says why; ``detail`` holds only non-identifying facts.

    Codes: ``bad_url``, ``scheme``, ``credentials``, ``unresolvable``, ``private_address``,
    ``connection_failed``, ``tls_error``, ``timeout``, ``too_large``, ``too_many_redirects``,
    ``bad_redirect``, ``http_status``, ``not_html``, ``bad_response``, ``unsupported_encoding``.
    """

    def __init__(self, code: str, **detail: object) -> None:
        super().__init__(code, detail)
        self.code = code
        self.detail = detail

    def __str__(self) -> str:
        facts = ", ".join(f"{key}={value}" for key, value in sorted(self.detail.items()))
        return f"capture failed: {self.code}" + (f" ({facts})" if facts else "")


@dataclass(frozen=True)
class Target:
    """A URL Haven will fetch, taken apart."""

    url: str  # normalised: scheme and host in lower case, no fragment
    scheme: str  # "http" or "https"
    host: str  # ASCII (IDNA) host name, or an IP address without brackets
    port: int
    path: str  # path and query, as sent in the request line

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        return host if self.port == default else f"{host}:{self.port}"


_UNSAFE = re.compile(r"[\x00-\x20\x7f]")


def parse_target(url: str) -> Target:
    """Check that ``url`` is an absolute http(s) URL without credentials and take it apart."""
    url = url.strip()
    if not url or _UNSAFE.search(url) or len(url) > 8192:
        raise CaptureFailed("bad_url")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise CaptureFailed("bad_url") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise CaptureFailed("scheme")
    if parts.username is not None or parts.password is not None:
        raise CaptureFailed("credentials")  # they would be sent, and kept in the record
    if not parts.hostname:
        raise CaptureFailed("bad_url")
    try:
        host = parts.hostname.encode("idna").decode("ascii") if not _is_ip(parts.hostname) else parts.hostname
    except UnicodeError:
        raise CaptureFailed("bad_url") from None
    port = port or (443 if scheme == "https" else 80)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    if not path.isascii():
        path = _quote_non_ascii(path)
    netloc = f"[{host}]" if ":" in host else host
    if parts.port is not None:
        netloc += f":{parts.port}"
    return Target(url=f"{scheme}://{netloc}{path}", scheme=scheme, host=host, port=port, path=path)


def _is_ip(host: str) -> bool:
    return ":" in host or host.replace(".", "").isdigit()


def _quote_non_ascii(path: str) -> str:
    return quote(path, safe="/?&=%:@!$'()*+,;~-._")
