"""Haven believes forwarding headers only from the proxies in HAVEN_TRUSTED_PROXIES: the login limits and
the audit trail see the client's address, and nobody else can claim an address or HTTPS."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from haven.serving.middleware import TrustedProxyMiddleware


def _seen(settings: Any, **meta: str) -> dict[str, Any]:
    settings.HAVEN_TRUSTED_PROXIES = ["127.0.0.1", "::1"]
    got: dict[str, Any] = {}

    def view(request: HttpRequest) -> HttpResponse:
        got.update(request.META)
        return HttpResponse()

    TrustedProxyMiddleware(view)(RequestFactory().get("/", **meta))
    return got


def test_the_trusted_proxy_names_the_client(settings: Any) -> None:
    meta = _seen(
        settings, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7", HTTP_X_FORWARDED_PROTO="https"
    )
    assert meta["REMOTE_ADDR"] == "198.51.100.7" and meta["HTTP_X_FORWARDED_PROTO"] == "https"


def test_anyone_else_loses_the_forwarding_headers(settings: Any) -> None:
    meta = _seen(
        settings,
        REMOTE_ADDR="203.0.113.9",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
        HTTP_X_FORWARDED_PROTO="https",
    )
    assert meta["REMOTE_ADDR"] == "203.0.113.9"
    assert "HTTP_X_FORWARDED_FOR" not in meta and "HTTP_X_FORWARDED_PROTO" not in meta


def test_in_production_a_forged_https_header_is_redirected_to_https(client: Any, settings: Any) -> None:
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    forged = client.get("/login/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_PROTO="https")
    assert forged.status_code == 301 and forged["Location"].startswith("https://")
    proxied = client.get("/login/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    assert proxied.status_code == 200
