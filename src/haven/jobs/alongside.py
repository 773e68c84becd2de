"""One ``haven worker`` as a child process for as long as something else runs (``haven demo``'s server)."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from django.core.management.base import OutputWrapper


@contextmanager
def worker_alongside(say: TextIO | OutputWrapper | None = None) -> Iterator[subprocess.Popen[bytes]]:
    """Start ``haven worker`` (same interpreter, same environment); stop it, gently, on the way out."""
    child = subprocess.Popen([sys.executable, "-m", "haven", "worker", "-v", "1"])
    if say is not None:
        say.write(
            f"Started one background worker (haven worker, process {child.pid}); it stops with the server."
        )
    # SIGTERM (a service manager, `timeout`) would end this process without unwinding: make it unwind, so
    # the worker is stopped too and never left behind.
    previous = signal.signal(signal.SIGTERM, _exit)
    try:
        yield child
    finally:
        signal.signal(signal.SIGTERM, previous)
        if child.poll() is None:
            child.terminate()  # finishes the job it is running, then exits
            try:
                child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


def _exit(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)
