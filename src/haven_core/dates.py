"""Partial dates: a birth date may be known only to the year or the month.

Stored as ISO text ("1984", "1984-03", "1984-03-12") so that the value can be encrypted like any other
sensitive text; parsed from the forms caseworkers type: ISO, Russian ``DD.MM.YYYY`` and ``MM.YYYY``, and
the American ``MM/DD/YYYY`` and ``MM/YYYY`` that US documents and notices print.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_RUSSIAN = re.compile(r"^(?:(\d{1,2})\.)?(\d{1,2})\.(\d{4})$")
_SLASHED = re.compile(r"^(\d{1,2})/(?:(\d{1,2})/)?(\d{4})$")


def _slashed(first: str, second: str | None, year: str) -> tuple[int, int | None, int | None]:
    """(year, month, day) of ``MM/DD/YYYY`` or ``MM/YYYY``.

    Slashes are read the American way, as US notices print them; a first number above 12 can only be a
    day, so ``13/06/1987`` (the British and French spelling) is read as 13 June rather than refused.
    """
    if second is None:
        return int(year), int(first), None
    a, b = int(first), int(second)
    if a > 12 >= b:
        return int(year), b, a
    return int(year), a, b


class PartialDateError(ValueError):
    """The text is not a date Haven can read."""


@dataclass(frozen=True)
class PartialDate:
    """A calendar date of which the month and day may be unknown."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1850 <= self.year <= 2200:
            raise PartialDateError(f"year {self.year} is out of range")
        if self.day is not None and self.month is None:
            raise PartialDateError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise PartialDateError(f"month {self.month} does not exist")
        if self.day is not None and self.month is not None:
            try:
                dt.date(self.year, self.month, self.day)
            except ValueError as exc:
                raise PartialDateError(str(exc)) from exc

    @classmethod
    def parse(cls, text: str, *, slashes: bool = False) -> PartialDate:
        """Read ``1984``, ``1984-03``, ``1984-03-12``, ``12.03.1984``, ``03.1984``, ``03/12/1984``,
        ``03/1984``.

        Slashes are read only when asked (``slashes=True``: what a person types in a form), the American
        way unless the first number can only be a day; data from elsewhere (registries, imports) with
        slashes is refused rather than guessed at.
        """
        value = (text or "").strip()
        if m := _ISO.match(value):
            year, month, day = m.groups()
            return cls(int(year), int(month) if month else None, int(day) if day else None)
        if m := _RUSSIAN.match(value):
            day, month, year = m.groups()
            return cls(int(year), int(month), int(day) if day else None)
        if slashes and (m := _SLASHED.match(value)):
            return cls(*_slashed(*m.groups()))
        raise PartialDateError(f"{value!r} is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY")

    def __lt__(self, other: PartialDate) -> bool:
        """Earlier first; a less precise date sorts before the more precise dates within it."""
        return (self.year, self.month or 0, self.day or 0) < (other.year, other.month or 0, other.day or 0)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def age_on(self, today: dt.date) -> int:
        """Completed years on ``today``, counting from the earliest date the value allows."""
        born = self.earliest()
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))

    def __str__(self) -> str:
        return self.iso()


def parse_day(text: str) -> dt.date:
    """A whole date as people type it: ``1987-06-13``, ``13.06.1987``, ``06/13/1987`` or ``13/06/1987``.

    >>> parse_day("06/13/1987") == parse_day("13.06.1987") == parse_day(" 1987-06-13 ")
    True
    """
    value = PartialDate.parse(text, slashes=True)
    if value.day is None:
        raise PartialDateError(f"{text!r} is not a whole date: the day is missing")
    return value.earliest()
