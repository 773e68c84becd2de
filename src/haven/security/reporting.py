"""How rotations, backups and restores tell what they are doing while they run.

The jobs call :meth:`Reporter.say` for a status line and :meth:`Reporter.batch` after each batch they
finish; the base class stays silent. Commands use :class:`TerminalReporter`, which shows one moving
progress line per table (``haven.progress``); tests use their own to act between batches.
"""

from __future__ import annotations

from types import TracebackType
from typing import TextIO

from django.core.management.base import OutputWrapper

from haven.progress import Progress


class Reporter:
    def say(self, text: str) -> None:
        """A status line: what has just happened or is about to."""

    def batch(self, what: str, done: int, total: int) -> None:
        """``done`` of ``total`` rows of ``what`` are finished: 0 when it starts, then after each batch."""

    def close(self) -> None:
        """The job is over (or stopped)."""


class TerminalReporter(Reporter):
    def __init__(self, stream: TextIO | OutputWrapper) -> None:
        self.stream = stream
        self._what: str | None = None
        self._progress: Progress | None = None

    def say(self, text: str) -> None:
        self.close()
        self.stream.write(text if isinstance(self.stream, OutputWrapper) else text + "\n")

    def batch(self, what: str, done: int, total: int) -> None:
        if what != self._what or self._progress is None:
            self.close()
            self._what, self._progress = what, Progress(what, total, self.stream)
        self._progress.update(done)
        if done >= total:
            self.close()

    def close(self) -> None:
        if self._progress is not None:
            self._progress.finish()
        self._what, self._progress = None, None

    def __enter__(self) -> TerminalReporter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if kind is None:
            self.close()
        elif self._progress is not None:
            self._progress.__exit__(kind, error, trace)  # end the moving line; the error follows on its own
            self._what, self._progress = None, None
