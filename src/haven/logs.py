"""Log formatting that keeps personal data out of logs.

Tracebacks name files, lines and exception types, which is what an operator needs; exception
*messages* can carry the values being processed (a name that failed to parse, a row of a spreadsheet),
so they are withheld. Haven's own log calls never pass sensitive values.
"""

from __future__ import annotations

import logging
import traceback
from types import TracebackType

WITHHELD = "[message withheld: it may contain personal data]"

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]


class RedactingFormatter(logging.Formatter):
    def formatException(self, ei: ExcInfo) -> str:
        exc_type, exc, tb = ei
        if exc_type is None or exc is None:
            return ""
        lines = traceback.format_tb(tb)
        chain = []
        cause = exc.__cause__ or exc.__context__
        if cause is not None:
            chain.append(f"(raised while handling {type(cause).__module__}.{type(cause).__qualname__})\n")
        return "".join(
            [
                "Traceback (most recent call last):\n",
                *lines,
                *chain,
                f"{exc_type.__module__}.{exc_type.__qualname__}: {WITHHELD}",
            ]
        )
