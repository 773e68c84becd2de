"""Starting and stopping ``haven serve`` as a subprocess on a free loopback port, for the serving tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

# Variables of the developer's or CI's own environment that must not reach a server under test.
UNWANTED = ("HAVEN_", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def clean_env(**extra: str) -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if not k.startswith(UNWANTED)}, **extra}


def haven(
    env: dict[str, str], *args: str, check: bool = True, timeout: int = 300
) -> subprocess.CompletedProcess[str]:
    """``haven ARGS`` with ``env``; must succeed when ``check``."""
    done = subprocess.run(  # noqa: S603  (our own command, fixed arguments)
        [sys.executable, "-m", "haven", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0 or not check, done.stdout + done.stderr
    return done


@contextmanager
def serving(env: dict[str, str], log: Path, *args: str) -> Iterator[str]:
    """``haven serve`` on a free loopback port with ``env``; yields its base URL once it answers, and stops
    it (SIGTERM, as systemd does) afterwards. Its output goes to ``log``, shown if it never answers."""
    port = free_port()
    with log.open("w") as out:
        process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "haven", "serve", "--bind", f"127.0.0.1:{port}", *args],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90  # a busy shared machine starts Django slowly
        while True:
            assert process.poll() is None, f"haven serve stopped:\n{log.read_text()}"
            try:
                requests.get(f"{base}/login/", timeout=5)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline, f"haven serve never answered:\n{log.read_text()}"
                time.sleep(0.3)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
