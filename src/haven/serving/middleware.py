"""Middleware of the serving layer: believing a trusted proxy, and (benchmarks only) counting queries."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import connections
from django.http import HttpRequest, HttpResponse

from haven_core.forwarded import client_address, is_trusted, trusted_networks

# What a proxy says about the original request; dropped unless the connection comes from a trusted proxy.
FORWARDED = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST", "HTTP_FORWARDED")


class TrustedProxyMiddleware:
    """First in the chain: a request from a proxy in ``HAVEN_TRUSTED_PROXIES`` gets the client's address
    from ``X-Forwarded-For`` as its ``REMOTE_ADDR`` (the login limits and the audit trail read it); any
    other request loses its forwarding headers, so that ``X-Forwarded-Proto`` (which Django reads to know
    a request came over HTTPS) counts only when a trusted proxy set it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.trusted = trusted_networks(settings.HAVEN_TRUSTED_PROXIES)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        meta = request.META
        peer = str(meta.get("REMOTE_ADDR", ""))
        if is_trusted(peer, self.trusted):
            meta["REMOTE_ADDR"] = client_address(peer, meta.get("HTTP_X_FORWARDED_FOR"), self.trusted)
        else:
            for header in FORWARDED:
                meta.pop(header, None)
        return self.get_response(request)


class QueryCountMiddleware:
    """For ``bench/web.py`` only (``HAVEN_BENCH_QUERY_COUNT=1``, refused in production): each response
    says how many database queries it took, the server's time and the processor time the worker's thread
    spent on it (the steadier figure on a shared machine: no waiting for the database or for a turn on a
    busy processor), in ``X-Haven-Queries``, ``X-Haven-Server-Ms`` and ``X-Haven-Cpu-Ms``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        count = 0

        def counted(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        started, started_cpu = time.perf_counter(), time.thread_time()
        with connections["default"].execute_wrapper(counted):
            response = self.get_response(request)
        response["X-Haven-Queries"] = str(count)
        response["X-Haven-Server-Ms"] = f"{(time.perf_counter() - started) * 1000:.1f}"
        response["X-Haven-Cpu-Ms"] = f"{(time.thread_time() - started_cpu) * 1000:.1f}"
        return response
