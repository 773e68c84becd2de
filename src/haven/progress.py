"""A progress line for Haven's long jobs: seeding, imports, screening against registries.

On a terminal the line is rewritten in place a few times a second, so the person waiting sees the job
move without the screen scrolling. Written to a file or a pipe (a cron log, CI), a line is printed only
now and then, and once at the end, so the log stays short.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

from django.core.management.base import OutputWrapper


class Progress:
    """Counts work done towards ``total`` and shows it: ``seeding households 4,000/10,000 (40%)``.

    Use as a context manager, or call :meth:`finish` at the end::

        with Progress("seeding households", total=10_000, stream=self.stderr) as progress:
            for batch in batches:
                ...
                progress.advance(len(batch))
    """

    def __init__(
        self,
        label: str,
        total: int | None,
        stream: TextIO | OutputWrapper,
        *,
        refresh_seconds: float = 0.25,
        log_seconds: float = 15.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self._stream = stream
        self._terminal = bool(getattr(stream, "isatty", lambda: False)())
        self._interval = refresh_seconds if self._terminal else log_seconds
        self._clock = clock
        self._started = clock()
        self._shown_at = self._started
        self._width = 0

    def advance(self, amount: int = 1) -> None:
        self.update(self.done + amount)

    def update(self, done: int) -> None:
        self.done = done
        now = self._clock()
        if now - self._shown_at >= self._interval:
            self._shown_at = now
            self._show(self.line(now))

    def finish(self) -> None:
        """Show the final count and the time taken, ending the line."""
        elapsed = self._clock() - self._started
        self._show(f"{self._count()} in {elapsed:,.1f} s", final=True)

    def line(self, now: float) -> str:
        """The text shown while the job runs, with its rate and, when the total is known, time left."""
        elapsed = now - self._started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        text = f"{self._count()} · {rate:,.0f}/s"
        if self.total and rate > 0:
            text += f" · about {max(self.total - self.done, 0) / rate:,.0f} s left"
        return text

    def _count(self) -> str:
        if not self.total:
            return f"{self.label} {self.done:,}"
        return f"{self.label} {self.done:,}/{self.total:,} ({100 * self.done // self.total}%)"

    def _show(self, text: str, final: bool = False) -> None:
        if self._terminal:
            padding = " " * max(self._width - len(text), 0)  # wipe the end of a longer previous line
            self._width = len(text)
            self._write(f"\r{text}{padding}" + ("\n" if final else ""))
        else:
            self._write(text + "\n")
        self._stream.flush()

    def _write(self, text: str) -> None:
        if isinstance(self._stream, OutputWrapper):
            # Plain text, as it is: a command's stderr would otherwise colour it as an error and end
            # every write with a newline.
            self._stream.write(text, style_func=str, ending="")
        else:
            self._stream.write(text)

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if kind is None:
            self.finish()
        elif self._terminal and self._width:
            self._write("\n")  # leave the error message on a line of its own
