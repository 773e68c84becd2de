"""Fetching a page to capture: only public addresses, every redirect checked, limits that hold.

Pages come from a web site on 127.0.0.1 run by the test. Refusals are checked with the connection
forbidden (``no_connections``): a refused address must be refused before anything is sent to it.
"""

from __future__ import annotations

import gzip
import io
import socket
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from haven_core.capture.addresses import is_public
from haven_core.capture.fetch import fetch_page
from haven_core.capture.policy import CaptureFailed, CapturePolicy
from haven_core.capture.warc import warc_file
from tests.support.local_sites import POST_HTML, endless, local_site, page, redirect, silent

LOCAL = CapturePolicy(allow_private=True, connect_timeout=2, read_timeout=2, total_timeout=5)
STRICT = CapturePolicy(connect_timeout=2, read_timeout=2, total_timeout=5)
POST = POST_HTML.format(extra="").encode("cp1251")


@pytest.fixture
def no_connections(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError(f"a connection was attempted to {args[0]!r}")

    monkeypatch.setattr(socket, "create_connection", refuse)


def failure(url: str, policy: CapturePolicy = STRICT, **kwargs: Any) -> CaptureFailed:
    with pytest.raises(CaptureFailed) as caught:
        fetch_page(url, policy, **kwargs)
    return caught.value


def test_a_page_is_fetched_and_recorded_exactly() -> None:
    with local_site({"/posts/1": page(POST)}) as site:
        fetched = fetch_page(site.url("/posts/1"), LOCAL)
    exchange = fetched.final
    assert exchange.status == 200 and exchange.address == "127.0.0.1"
    assert exchange.charset == "windows-1251" and fetched.content == POST
    assert exchange.request.startswith(b"GET /posts/1 HTTP/1.1\r\nHost: 127.0.0.1:")
    assert exchange.response.startswith(b"HTTP/1.1 200 OK\r\n") and exchange.response.endswith(POST)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://10.1.2.3/",
        "http://172.16.0.5/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",  # IPv4-mapped
        "http://[::ffff:10.0.0.1]/",
        "http://[fe80::1]/",
        "http://[fc00::1]/",
        "http://224.0.0.1/",
        "http://2130706433/",  # 127.0.0.1 written as a number
        "http://0x7f.1/",
        "http://localhost/",  # a name that resolves to loopback
    ],
)
def test_private_and_local_addresses_are_refused_before_connecting(url: str, no_connections: None) -> None:
    assert failure(url).code == "private_address"


def test_a_name_is_refused_if_any_of_its_addresses_is_private(no_connections: None) -> None:
    def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "127.0.0.1"] if host == "mixed.example" else []

    assert failure("http://mixed.example/", resolver=resolver).code == "private_address"


def test_the_checked_address_is_the_one_connected_to() -> None:
    """No second look-up between the check and the connection: a rebinding name cannot slip through."""
    answers = iter([["127.0.0.1"], ["10.9.9.9"]])  # a resolver that changes its mind on a second call

    def rebinding(host: str, port: int) -> list[str]:
        return next(answers)

    with local_site({"/": page(POST)}) as site:
        url = f"http://rebind.example:{site.port}/"
        fetched = fetch_page(url, STRICT, resolver=rebinding, address_allowed=lambda a: str(a) == "127.0.0.1")
    assert fetched.final.address == "127.0.0.1"
    assert fetched.final.request.split(b"\r\n")[1] == f"Host: rebind.example:{site.port}".encode()


def test_a_redirect_to_a_private_address_is_refused() -> None:
    """The site itself is treated as public here; where it redirects is judged by the real policy."""
    with local_site(
        {"/go": redirect("http://10.0.0.7/admin"), "/go6": redirect("http://[::1]:8080/")}
    ) as site:
        for path in ("/go", "/go6"):
            refused = failure(site.url(path), address_allowed=lambda a: str(a) == "127.0.0.1" or is_public(a))
            assert refused.code == "private_address"
        assert site.requests == ["/go", "/go6"]


def test_redirects_are_followed_and_recorded_up_to_the_limit() -> None:
    routes = {f"/r{n}": redirect(f"/r{n + 1}") for n in range(10)}
    routes["/r3"] = page(POST)
    with local_site(routes) as site:
        fetched = fetch_page(site.url("/r0"), LOCAL)
        assert [e.status for e in fetched.exchanges] == [302, 302, 302, 200]
        assert fetched.final.url == site.url("/r3")
        site.routes["/r3"] = redirect("/r4")
        refused = failure(site.url("/r0"), CapturePolicy(allow_private=True, max_redirects=5))
    assert refused.code == "too_many_redirects"


def test_a_redirect_to_another_scheme_is_refused() -> None:
    with local_site({"/": redirect("file:///etc/passwd")}) as site:
        assert failure(site.url("/"), LOCAL).code == "scheme"


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("ftp://example.org/file", "scheme"),
        ("file:///etc/passwd", "scheme"),
        ("javascript:alert(1)", "scheme"),
        ("http://user:secret@example.org/", "credentials"),
        ("http:///nohost", "bad_url"),
        ("http://exa mple.org/", "bad_url"),
        ("", "bad_url"),
    ],
)
def test_urls_that_are_not_plain_web_addresses_are_refused(url: str, code: str, no_connections: None) -> None:
    assert failure(url).code == code


def test_an_oversized_page_is_cut_off() -> None:
    small = CapturePolicy(allow_private=True, max_bytes=64 * 1024, total_timeout=5)
    with local_site({"/declared": page(b"x" * 100_000), "/endless": endless()}) as site:
        assert failure(site.url("/declared"), small).code == "too_large"  # by its Content-Length
        refused = failure(site.url("/endless"), small)  # no length: counted while reading
    assert refused.code == "too_large" and refused.detail == {"limit": 64 * 1024}


def test_a_length_that_lies_does_not_get_past_the_limit() -> None:
    small = CapturePolicy(allow_private=True, max_bytes=64 * 1024, total_timeout=5)
    with local_site({"/liar": endless(declare=1000)}) as site:
        fetched = fetch_page(site.url("/liar"), small)
    assert len(fetched.content) == 1000  # the declared length is all that is read


def test_a_compressed_page_is_inflated_but_never_past_the_limit() -> None:
    small = CapturePolicy(allow_private=True, max_bytes=64 * 1024)
    bomb = gzip.compress(b"<html>" + b"A" * 10_000_000)
    with local_site(
        {
            "/gz": page(gzip.compress(POST), Content_Encoding="gzip"),
            "/bomb": page(bomb, Content_Encoding="gzip"),
        }
    ) as site:
        assert fetch_page(site.url("/gz"), small).content == POST
        assert len(bomb) < small.max_bytes
        assert failure(site.url("/bomb"), small).code == "too_large"


def test_a_silent_site_times_out() -> None:
    quick = CapturePolicy(allow_private=True, read_timeout=0.3, total_timeout=5)
    with local_site({"/": silent(2)}) as site:
        assert failure(site.url("/"), quick).code == "timeout"


def test_a_slow_drip_is_stopped_by_the_total_timeout() -> None:
    """Each byte arrives within the read timeout; the whole capture still has to end in time."""
    drip = CapturePolicy(allow_private=True, read_timeout=1, total_timeout=0.6, max_bytes=10**9)
    with local_site({"/": endless(b"<p>.</p>", pause=0.02)}) as site:
        assert failure(site.url("/"), drip).code == "timeout"


def test_only_web_pages_are_captured() -> None:
    with local_site(
        {"/doc.pdf": page(b"%PDF-1.7 ...", content_type="application/pdf"), "/gone": page(b"", status=404)}
    ) as site:
        refused = failure(site.url("/doc.pdf"), LOCAL)
        assert refused.code == "not_html" and refused.detail == {"media_type": "application/pdf"}
        refused = failure(site.url("/gone"), LOCAL)
        assert refused.code == "http_status" and refused.detail == {"status": 404}


def test_the_capture_is_a_valid_warc_file_with_digests() -> None:
    """Read back by warcio, an independent implementation, with its digest checks on."""
    with local_site({"/start": redirect("/posts/1", 301), "/posts/1": page(POST)}) as site:
        fetched = fetch_page(site.url("/start"), LOCAL)
    data = warc_file(fetched, software="Haven test")
    records, payloads = [], []
    for record in ArchiveIterator(io.BytesIO(data), check_digests="raise"):
        records.append(record)
        payloads.append(record.content_stream().read())
    assert [r.rec_type for r in records] == ["warcinfo", "request", "response", "request", "response"]
    final = records[-1]
    assert final.rec_headers.get_header("WARC-Target-URI") == site.url("/posts/1")
    assert final.rec_headers.get_header("WARC-IP-Address") == "127.0.0.1"
    assert final.http_headers.get_statuscode() == "200"
    assert payloads[-1] == POST
    assert records[2].http_headers.get_header("Location") == "/posts/1"
    altered = data.replace("против".encode("cp1251"), "ПРОТИВ".encode("cp1251"))
    with pytest.raises(Exception, match="digest"):  # the digests are there, and they are checked
        for record in ArchiveIterator(io.BytesIO(altered), check_digests="raise"):
            record.content_stream().read()
    assert records[3].rec_headers.get_header("WARC-Concurrent-To") == final.rec_headers.get_header(
        "WARC-Record-ID"
    )


def _chunked(request: Any) -> None:
    request.send_response(200)
    request.send_header("Content-Type", "text/html")
    request.send_header("Transfer-Encoding", "chunked")
    request.end_headers()
    for part in (b"<html><body>", "Нет войне".encode(), b"</body></html>"):
        request.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
    request.wfile.write(b"0\r\n\r\n")


def test_a_chunked_answer_is_kept_as_sent_and_read_as_a_whole() -> None:
    with local_site({"/c": _chunked}) as site:
        fetched = fetch_page(site.url("/c"), LOCAL)
    assert fetched.content == "<html><body>Нет войне</body></html>".encode()
    assert fetched.final.response.endswith(b"e\r\n</body></html>\r\n0\r\n\r\n")  # the chunks as sent
    data = warc_file(fetched, software="Haven test")
    payloads = [r.content_stream().read() for r in ArchiveIterator(io.BytesIO(data), check_digests="raise")]
    assert payloads[-1] == fetched.content  # warcio undoes the chunking and agrees with the digests
