"""Haven under gunicorn: the options ``haven serve`` starts it with, and the application it runs.

Defaults suit one server behind a TLS reverse proxy on the same machine: listen on the loopback address,
2 × CPUs + 1 worker processes (at most 8), one thread each, requests that take over a minute killed, each
worker replaced after about 1,000 requests (bounded memory), an access log on standard output that names
the path without its query string (which may hold what a user searched for).
"""

from __future__ import annotations

import gc
import ipaddress
import os
from dataclasses import dataclass
from typing import Any

from gunicorn.app.base import BaseApplication

# Path without the query string; the client's address as the proxy gave it; status, bytes, milliseconds.
ACCESS_LOG_FORMAT = '%({x-forwarded-for}i)s %(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'


def default_workers() -> int:
    return min(2 * (os.cpu_count() or 1) + 1, 8)


@dataclass(frozen=True)
class ServeOptions:
    bind: str = "127.0.0.1:8000"
    workers: int = 0  # 0: default_workers()
    threads: int = 1
    timeout: int = 60
    trusted_proxies: tuple[str, ...] = ("127.0.0.1", "::1")

    def gunicorn(self) -> dict[str, Any]:
        """The gunicorn settings these options mean."""
        return {
            "bind": [self.bind],
            "workers": self.workers or default_workers(),
            "threads": self.threads,
            "worker_class": "gthread" if self.threads > 1 else "sync",
            "timeout": self.timeout,
            "graceful_timeout": 30,
            "keepalive": 5,
            "max_requests": 1000,
            "max_requests_jitter": 100,
            "accesslog": "-",
            "access_log_format": ACCESS_LOG_FORMAT,
            "errorlog": "-",
            "forwarded_allow_ips": ",".join(self.trusted_proxies),
            "proc_name": "haven",
            # No runtime control socket: one per user by default, which two servers on a machine share.
            "control_socket_disable": True,
            "post_request": post_request,
        }


def is_loopback_bind(bind: str) -> bool:
    """Whether ``host:port`` (or ``[v6]:port``) listens on a loopback address only."""
    if bind.startswith("unix:"):
        return True  # a socket file: reached only from this machine
    host = bind.rsplit(":", 1)[0].strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class HavenApplication(BaseApplication):  # type: ignore[misc]
    """gunicorn's application object, configured from ``ServeOptions`` rather than its command line."""

    def __init__(self, options: ServeOptions) -> None:
        self.settings = options.gunicorn()
        super().__init__()

    def load_config(self) -> None:
        for name, value in self.settings.items():
            self.cfg.set(name, value)

    def load(self) -> Any:
        from haven.wsgi import application

        settle_heap()
        return application


def settle_heap() -> None:
    """Take what a worker holds for good (Django, Haven, their modules, then its compiled templates, URL
    patterns and translation catalogues: some 150,000 objects) out of the garbage collector's full
    passes, which otherwise walk all of it every so often in the middle of a request: 75 to 100 ms each
    on this kind of machine. What a request makes is collected as before; only reference cycles among
    the settled objects wait for the worker's replacement (after about 1,000 requests)."""
    gc.collect()
    gc.freeze()


SETTLE_AFTER = 50  # requests: by then a worker has compiled the templates and loaded what pages need


def post_request(worker: Any, req: Any, environ: Any, resp: Any) -> None:
    """gunicorn's hook after each response is sent: the worker settles its heap again once, when its
    first requests have loaded the rest of what it keeps."""
    worker.haven_requests = getattr(worker, "haven_requests", 0) + 1
    if worker.haven_requests == SETTLE_AFTER:
        settle_heap()
