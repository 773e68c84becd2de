"""What `haven serve` asks of gunicorn, what a worker does once loaded, and the query count that only
benchmarks turn on."""

from __future__ import annotations

import gc
from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from haven.serving.gunicorn import (
    SETTLE_AFTER,
    HavenApplication,
    ServeOptions,
    default_workers,
    is_loopback_bind,
    post_request,
)
from haven.serving.middleware import QueryCountMiddleware
from haven.wsgi import application
from tests.support.serving import clean_env, haven


def test_defaults_suit_one_server_behind_a_proxy_on_the_same_machine() -> None:
    options = ServeOptions().gunicorn()
    assert options["bind"] == ["127.0.0.1:8000"] and options["workers"] == default_workers() <= 8
    assert options["worker_class"] == "sync" and options["timeout"] == 60
    assert options["forwarded_allow_ips"] == "127.0.0.1,::1"
    assert options["max_requests"] > 0 and options["accesslog"] == "-"


def test_the_access_log_names_the_path_without_its_query_string() -> None:
    log_format = ServeOptions().gunicorn()["access_log_format"]
    assert "%(U)s" in log_format and "%(r)s" not in log_format and "%(q)s" not in log_format


def test_threads_switch_to_threaded_workers_and_proxies_are_passed_on() -> None:
    options = ServeOptions(workers=3, threads=4, trusted_proxies=("10.0.0.5",)).gunicorn()
    assert options["workers"] == 3 and options["worker_class"] == "gthread" and options["threads"] == 4
    assert options["forwarded_allow_ips"] == "10.0.0.5"


@pytest.mark.parametrize(
    ("bind", "loopback"),
    [
        ("127.0.0.1:8000", True),
        ("localhost:8000", True),
        ("[::1]:8000", True),
        ("unix:/run/haven.sock", True),
        ("0.0.0.0:8000", False),
        ("10.0.0.11:8000", False),
        ("haven.example.org:80", False),
    ],
)
def test_loopback_binds(bind: str, loopback: bool) -> None:
    assert is_loopback_bind(bind) is loopback


def test_the_query_count_says_how_many_queries_a_response_took(db: Any) -> None:
    def view(request: HttpRequest) -> HttpResponse:
        get_user_model().objects.count()
        get_user_model().objects.exists()
        return HttpResponse()

    response = QueryCountMiddleware(view)(RequestFactory().get("/"))
    assert response["X-Haven-Queries"] == "2" and float(response["X-Haven-Server-Ms"]) >= 0
    assert 0 <= float(response["X-Haven-Cpu-Ms"]) <= float(response["X-Haven-Server-Ms"]) + 1


def test_the_query_count_is_refused_in_production(tmp_path: Any) -> None:
    env = clean_env(
        HAVEN_PRODUCTION="1",
        HAVEN_SECRET_KEY="x" * 60,
        HAVEN_BENCH_QUERY_COUNT="1",
        HAVEN_VAR_DIR=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    done = haven(env, "check", check=False)
    assert done.returncode != 0 and "HAVEN_BENCH_QUERY_COUNT is for benchmarks" in done.stderr


def test_a_worker_keeps_what_it_loaded_out_of_full_collections() -> None:
    gc.unfreeze()
    try:
        assert HavenApplication(ServeOptions()).load() is application
        assert gc.get_freeze_count() > 10_000  # Django and Haven, as loaded
    finally:
        gc.unfreeze()


def test_a_worker_settles_again_once_after_its_first_requests() -> None:
    worker = SimpleNamespace()
    assert ServeOptions().gunicorn()["post_request"] is post_request
    gc.unfreeze()
    try:
        for _ in range(SETTLE_AFTER - 1):
            post_request(worker, None, {}, None)
        assert gc.get_freeze_count() == 0
        post_request(worker, None, {}, None)
        settled = gc.get_freeze_count()
        assert settled > 10_000
        gc.unfreeze()
        for _ in range(SETTLE_AFTER):
            post_request(worker, None, {}, None)
        assert gc.get_freeze_count() == 0  # once only
    finally:
        gc.unfreeze()
