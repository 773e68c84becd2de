"""Citizenships in the reader's words: "RU, UA" is recorded, "Russia, Ukraine" (or "Россия, Украина") is read.

Django has no country names and Haven carries no country library: this is the short list of the
citizenships Haven's households hold (ISO 3166-1 alpha-2 codes), each named in English, French and
Russian through the translation catalogues. A code not in the list is shown as it was recorded, and so
is a citizenship typed in words rather than as codes.
"""

from __future__ import annotations

import re

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

COUNTRIES: dict[str, Promise] = {
    "AM": pgettext_lazy("country", "Armenia"),
    "AZ": pgettext_lazy("country", "Azerbaijan"),
    "BY": pgettext_lazy("country", "Belarus"),
    "CA": pgettext_lazy("country", "Canada"),
    "DE": pgettext_lazy("country", "Germany"),
    "EE": pgettext_lazy("country", "Estonia"),
    "FR": pgettext_lazy("country", "France"),
    "GB": pgettext_lazy("country", "United Kingdom"),
    "GE": pgettext_lazy("country", "Georgia"),
    "IL": pgettext_lazy("country", "Israel"),
    "KG": pgettext_lazy("country", "Kyrgyzstan"),
    "KZ": pgettext_lazy("country", "Kazakhstan"),
    "LT": pgettext_lazy("country", "Lithuania"),
    "LV": pgettext_lazy("country", "Latvia"),
    "MD": pgettext_lazy("country", "Moldova"),
    "PL": pgettext_lazy("country", "Poland"),
    "RS": pgettext_lazy("country", "Serbia"),
    "RU": pgettext_lazy("country", "Russia"),
    "TJ": pgettext_lazy("country", "Tajikistan"),
    "TR": pgettext_lazy("country", "Turkey"),
    "UA": pgettext_lazy("country", "Ukraine"),
    "US": pgettext_lazy("country", "United States"),
    "UZ": pgettext_lazy("country", "Uzbekistan"),
}

_SEPARATORS = re.compile(r"[\s,;/]+")
_CODE = re.compile(r"^[A-Za-z]{2}$")


def country_name(code: str) -> str:
    """The country of ``code`` in the active language; the code itself when Haven has no name for it."""
    name = COUNTRIES.get(code.strip().upper())
    return str(name) if name is not None else code.strip().upper()


def citizenship_names(recorded: str | list[str] | tuple[str, ...] | None) -> str:
    """ "RU, UA" as "Russia, Ukraine" in the active language; text that is not a list of two-letter
    codes ("Russian Federation") as it was recorded."""
    if not recorded:
        return ""
    parts = (
        [p for p in _SEPARATORS.split(recorded) if p]
        if isinstance(recorded, str)
        else [str(p).strip() for p in recorded if str(p).strip()]
    )
    if not parts or not all(_CODE.match(p) for p in parts):
        return recorded if isinstance(recorded, str) else ", ".join(parts)
    return ", ".join(country_name(p) for p in parts)
