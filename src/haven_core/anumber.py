"""US Alien Registration Numbers (A-numbers).

"A" followed by 8 or 9 digits; EOIR pads 8-digit numbers to 9 with a leading zero
(../shared/DOMAIN.md §4). Haven stores the 9 digits and shows ``A123-456-789``.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s\-.]")
_FORM = re.compile(r"^A?(\d{8,9})$")


class ANumberError(ValueError):
    """The text is not an A-number."""


def normalise_a_number(text: str) -> str:
    """Return the nine digits of an A-number, padding 8-digit numbers with a leading zero.

    >>> normalise_a_number("A 12-345-678")
    '012345678'
    """
    compact = _SEPARATORS.sub("", (text or "").strip().upper())
    match = _FORM.match(compact)
    if not match:
        raise ANumberError("An A-number is the letter A followed by 8 or 9 digits, e.g. A012345678.")
    return match.group(1).zfill(9)


def format_a_number(digits: str) -> str:
    """Show nine stored digits the way US documents print them: ``A012-345-678``."""
    return f"A{digits[0:3]}-{digits[3:6]}-{digits[6:9]}" if len(digits) == 9 else digits
