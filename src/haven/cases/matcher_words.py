"""The identity matcher's reasons in the reader's language.

The matcher (:mod:`haven_core.matching.features`) writes each reason in English from its feature's
pattern, and Haven stores those sentences (encrypted) with the hit or link. A Russian reader gets the same
sentence in Russian: the stored English is read back against each feature's pattern and written again
with the translated pattern, keeping the quoted names exactly as each side wrote them. A sentence that
fits no pattern (written by an older matcher) is shown as stored.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from django.utils import formats
from django.utils.translation import gettext_lazy as _

from haven_core.matching.features import FEATURES

# The feature's pattern in the reader's language; {q} our side's words, {e} the other side's.
SAYS = {
    "surname_same": _("surname equal ({q} = {e})"),
    "surname_translit": _("surname equal after transliteration ({q} = {e})"),
    "surname_part": _("one part of a double surname equal ({q} = {e})"),
    "surname_alike": _("surnames alike but for letters transliteration confuses ({q} ~ {e})"),
    "surname_one_letter": _("surnames differ by one letter ({q} ~ {e})"),
    "surname_other_form": _("surname in the other gender's form ({q} / {e})"),
    "surname_joined": _("double surname written as one word or as two ({q} = {e})"),
    "surname_letters_swapped": _("two neighbouring letters of the surname swapped ({q} ~ {e})"),
    "surname_differs": _("surname differs ({q} / {e})"),
    "given_same": _("given name equal ({q} = {e})"),
    "given_translit": _("given name {q} = {e}"),
    "given_form": _("given name {q} = {e} (forms of one name)"),
    "given_short": _("given name {q} = {e} (a short form)"),
    "given_alike": _("given names alike ({q} ~ {e})"),
    "given_one_letter": _("given names differ by one letter ({q} ~ {e})"),
    "given_letters_swapped": _("two neighbouring letters of the given name swapped ({q} ~ {e})"),
    "given_initial": _("given name's initial agrees ({q} / {e})"),
    "given_differs": _("given name differs ({q} / {e})"),
    "given_missing": _("no given name on one side"),
    "patronymic_equal": _("patronymic equal ({q} = {e})"),
    "patronymic_as_middle_name": _("patronymic written as a middle name ({q} = {e})"),
    "patronymic_alike": _("patronymics alike ({q} ~ {e})"),
    "patronymic_initial": _("patronymic's initial agrees ({q} / {e})"),
    "patronymic_differs": _("patronymic differs ({q} / {e})"),
    "sex_differs": _("a man and a woman ({q} / {e})"),
    "other_name": _("found under the entry's other name {e}"),
    "birth_equal": _("birth date equal ({q})"),
    "birth_month": _("birth year and month equal, the day unknown on one side ({q} / {e})"),
    "birth_year": _("birth year equal, the rest unknown on one side ({q} / {e})"),
    "birth_swapped": _("birth year equal, day and month swapped ({q} / {e})"),
    "birth_differs": _("birth date differs within the same year ({q} / {e})"),
    "birth_year_differs": _("birth year differs ({q} / {e})"),
    "birth_missing": _("no birth date to compare"),
    "set_aside": _("left out as not part of the name: {q}"),
}


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Each feature's English pattern as a regular expression capturing {q} and {e}; longest first, so
    that "given name {q} = {e} (a short form)" is tried before "given name {q} = {e}"."""
    found = []
    for name, feature in FEATURES.items():
        pattern = re.escape(feature.says).replace(r"\{q\}", "(?P<q>.*?)").replace(r"\{e\}", "(?P<e>.*?)")
        found.append((name, re.compile(f"^{pattern}$", re.S)))
    return sorted(found, key=lambda item: -len(FEATURES[item[0]].says))


def reason_in_language(reason: str) -> str:
    """``reason`` as the matcher wrote it, in the active language."""
    for name, pattern in _patterns():
        if name in SAYS and (m := pattern.match(reason)):
            words = {key: _dated(value) for key, value in m.groupdict().items()}
            return str(SAYS[name]).format(q=words.get("q", ""), e=words.get("e", ""))
    return reason


def _dated(value: str) -> str:
    """A whole date the matcher wrote (1988-03-12) as the page writes dates (12.03.1988 in Russian); a
    partial one (1988-03) and any other value as written."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return formats.date_format(dt.date.fromisoformat(value), "SHORT_DATE_FORMAT")
        except ValueError:
            return value
    return value
