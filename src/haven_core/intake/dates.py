"""Dates as caseload spreadsheets write them: ISO, Russian ``DD.MM.YYYY`` and US ``MM/DD/YYYY``.

The rule, so that no date is guessed silently:

* ``YYYY-MM-DD`` (and a spreadsheet's own date cells) are read as they are.
* With ``--date-order dmy`` or ``mdy`` every day-and-month date is read in that order.
* Otherwise (``auto``), a date with dots is Russian, day first, as Russian Excel writes it. A date with
  slashes or dashes is read from its own numbers when one of the first two is over 12; when both are 12
  or less, the other dates of the same column in the file decide, if those that can be read without
  doubt all agree; and if they do not, the date is **ambiguous** and its row is reported, with both
  readings, so that the person importing says which order the file uses.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from enum import Enum

from haven_core.dates import PartialDate, PartialDateError
from haven_core.intake.messages import say


class DateOrder(Enum):
    AUTO = "auto"
    DMY = "dmy"
    MDY = "mdy"


class DateProblem(ValueError):
    """The text is not a date, or is one that could be read two ways (a code of :mod:`.messages`)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(say(code, params))
        self.code, self.params = code, params


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_MONTH = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[./-](\d{4})$")


def _order_said(value: str) -> DateOrder | None:
    """The order an unambiguous slash or dash date says (``03/14/1990`` is month first), if any."""
    m = _DAY_MONTH.match((value or "").strip())
    if m is None or m.group(2) == ".":
        return None
    first, second = int(m.group(1)), int(m.group(3))
    if first > 12 >= second:
        return DateOrder.DMY
    if second > 12 >= first:
        return DateOrder.MDY
    return None


def column_order(values: Iterable[str]) -> DateOrder:
    """What the unambiguous slash or dash dates of one column say the order is (AUTO: nothing or mixed)."""
    seen = {order for value in values if (order := _order_said(value)) is not None}
    return seen.pop() if len(seen) == 1 else DateOrder.AUTO


def column_orders(rows: Iterable[tuple[int, list[str]]], positions: dict[str, int]) -> dict[str, DateOrder]:
    """:func:`column_order` of each date column (key → its index in a row), in one pass over ``rows``."""
    seen: dict[str, set[DateOrder]] = {key: set() for key in positions}
    for _number, cells in rows:
        for key, index in positions.items():
            if index < len(cells) and (order := _order_said(cells[index])) is not None:
                seen[key].add(order)
    return {key: orders.pop() if len(orders) == 1 else DateOrder.AUTO for key, orders in seen.items()}


def _day_month(text: str, order: DateOrder, column_hint: DateOrder) -> tuple[int, int, int] | None:
    """``(year, month, day)`` of a day-and-month date, or None if ``text`` is not of that form."""
    m = _DAY_MONTH.match(text)
    if m is None:
        return None
    first, separator, second, year = int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4))
    if order is DateOrder.AUTO:
        if separator == ".":
            order = DateOrder.DMY
        elif first > 12:
            order = DateOrder.DMY
        elif second > 12:
            order = DateOrder.MDY
        elif first == second:
            order = DateOrder.DMY  # 05/05/1990 reads the same both ways
        elif column_hint is not DateOrder.AUTO:
            order = column_hint
        else:
            raise DateProblem("date_ambiguous", value=text, first=first, second=second)
    day, month = (first, second) if order is DateOrder.DMY else (second, first)
    return year, month, day


def parse_date(
    text: str, order: DateOrder = DateOrder.AUTO, column_hint: DateOrder = DateOrder.AUTO
) -> dt.date:
    """A full calendar date."""
    value = (text or "").strip()
    try:
        if m := _ISO.match(value):
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if parts := _day_month(value, order, column_hint):
            return dt.date(*parts)
    except ValueError as exc:
        if isinstance(exc, DateProblem):
            raise
        raise DateProblem("date_impossible", value=value) from exc
    raise DateProblem("date_unreadable", value=value)


def parse_partial_date(
    text: str, order: DateOrder = DateOrder.AUTO, column_hint: DateOrder = DateOrder.AUTO
) -> PartialDate:
    """A birth date, which may be known only to the month (``03.1984``, ``03/1984``) or the year."""
    value = (text or "").strip()
    try:
        if parts := _day_month(value, order, column_hint):
            year, month, day = parts
            return PartialDate(year, month, day)
        if m := _MONTH_YEAR.match(value):
            return PartialDate(int(m.group(2)), int(m.group(1)))
        return PartialDate.parse(value)
    except PartialDateError as exc:
        code = "date_unreadable" if "is not a date" in str(exc) else "date_impossible"
        raise DateProblem(code, value=value) from exc
