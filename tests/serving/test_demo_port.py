"""``haven demo --port`` (and ``make demo PORT=…``): the demo serves on the port asked, or on the next free
one when 8000 is taken, and its stylesheet is served by WhiteNoise however Haven is started."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from haven.demo.management.commands import demo
from tests.support.serving import free_port


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """What ``haven demo`` asked runserver for; every other command it calls runs for real."""
    calls: list[tuple[Any, ...]] = []
    real = demo.call_command

    def fake(name: str, *args: Any, **options: Any) -> Any:
        if name == "runserver":
            calls.append((*args, options))
            return None
        return real(name, *args, **options)

    monkeypatch.setattr(demo, "call_command", fake)
    return calls


@pytest.fixture
def taken() -> Iterator[int]:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield int(holder.getsockname()[1])


def test_the_demo_serves_on_the_port_asked_with_whitenoise_serving_static_files(
    household_a: Any, served: list[tuple[Any, ...]]
) -> None:
    port = free_port()
    out = StringIO()
    call_command("demo", "--port", str(port), stdout=out, stderr=StringIO())  # has households: no seeding
    assert served == [(f"127.0.0.1:{port}", {"use_reloader": False, "use_static_handler": False})]


def test_a_taken_port_asked_for_is_refused(
    household_a: Any, served: list[tuple[Any, ...]], taken: int
) -> None:
    with pytest.raises(CommandError, match=f"Port {taken} on 127.0.0.1 is taken"):
        call_command("demo", "--port", str(taken), stdout=StringIO(), stderr=StringIO())
    assert served == []


def test_without_a_port_the_demo_moves_past_a_taken_8000(
    household_a: Any, served: list[tuple[Any, ...]], taken: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo, "PORT", taken)  # stands for 8000, which this shared machine may hold
    out = StringIO()
    call_command("demo", stdout=out, stderr=StringIO())
    [(address, _)] = served
    host, port = address.split(":")
    assert host == "127.0.0.1" and int(port) > taken
    assert f"Port {taken} is taken: the demo serves on {port}" in out.getvalue()


@pytest.mark.parametrize("port", ["0", "70000", "eighty"])
def test_a_port_that_is_no_port_is_refused(port: str, db: Any) -> None:
    with pytest.raises(CommandError, match="--port"):
        call_command("demo", "--port", port, stdout=StringIO(), stderr=StringIO())


def test_static_files_are_served_without_collecting_and_a_missing_one_is_not_found(db: Any) -> None:
    client = Client()
    stylesheet = client.get("/static/haven/haven.css")
    assert stylesheet.status_code == 200 and b"".join(stylesheet.streaming_content).strip()  # type: ignore[attr-defined]
    assert client.get("/static/haven/no-such-file.css").status_code == 404
