"""A tiny web site on 127.0.0.1 for capture tests: pages, redirects, slow and oversized answers.

Every request it gets is recorded (``site.requests``), so a test can prove that Haven sent none.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Handler = Callable[[BaseHTTPRequestHandler], None]

POST_HTML = """<!doctype html><html lang="ru"><head><meta charset="windows-1251">
<title>Юлия Котова: Нет войне</title>
<meta property="og:description" content="Пост от 24 февраля 2022 года">
<style>body {{ font-family: serif }}</style><script>document.title = "changed by a script"</script>
</head><body><h1>Нет войне</h1><p>Я против войны в Украине. {extra}</p></body></html>"""


def page(
    body: bytes, *, status: int = 200, content_type: str = "text/html; charset=windows-1251", **headers: str
) -> Handler:
    def answer(request: BaseHTTPRequestHandler) -> None:
        request.send_response(status)
        request.send_header("Content-Type", content_type)
        request.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            request.send_header(name.replace("_", "-"), value)
        request.end_headers()
        request.wfile.write(body)

    return answer


def redirect(location: str, status: int = 302) -> Handler:
    def answer(request: BaseHTTPRequestHandler) -> None:
        request.send_response(status)
        request.send_header("Location", location)
        request.send_header("Content-Length", "0")
        request.end_headers()

    return answer


def endless(
    chunk: bytes = b"<p>" + b"x" * 8192 + b"</p>", *, pause: float = 0.0, declare: int = 0
) -> Handler:
    """An answer that never ends (no length, or a false one): only a limit stops the reader."""

    def answer(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        if declare:
            request.send_header("Content-Length", str(declare))
        request.end_headers()
        try:
            for _ in range(100_000):
                request.wfile.write(chunk)
                if pause:
                    time.sleep(pause)
        except OSError:
            pass  # the client gave up, as it should

    return answer


def silent(seconds: float) -> Handler:
    def answer(request: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)

    return answer


@dataclass
class Site:
    host: str
    port: int
    routes: dict[str, Handler] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"


@contextmanager
def local_site(routes: dict[str, Handler] | None = None, *, host: str = "127.0.0.1") -> Iterator[Site]:
    site = Site(host, 0, dict(routes or {}))

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            site.requests.append(self.path)
            route = site.routes.get(self.path) or site.routes.get(self.path.partition("?")[0])
            if route is None:
                page(b"<html><body>not found</body></html>", status=404)(self)
            else:
                route(self)
            self.close_connection = True

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer((host, 0), Handler)
    server.daemon_threads = True
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
