"""Template helpers for case pages: days left until a date, partial dates, country names, labels from the
models."""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from django import template
from django.db.models import Field, Model
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.formats import get_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from haven.cases.countries import citizenship_names
from haven_core.dates import PartialDate, PartialDateError

register = template.Library()

# What Django's reverse() leaves unquoted in a path (RFC 3986's sub-delimiters and "/~:@").
_SAFE = "!$&'()*+,;=/~:@"
_REFERENCE = "REFERENCE0"  # stand-ins reversed once, then replaced by each line's values
_PERSON = uuid.UUID(int=0)


def url_filler(name: str, *, person: bool = False) -> Callable[..., str]:
    """A function giving the URL of ``name`` for a household reference (and a person's public id):
    reversed once with stand-ins, then filled in and quoted per line as reverse() would have."""
    head, tail = reverse(name, args=[_REFERENCE, _PERSON] if person else [_REFERENCE]).split(_REFERENCE)
    middle, tail = tail.split(str(_PERSON)) if person else ("", tail)

    def url(reference: str, person_id: Any = None) -> str:
        link = head + quote(reference, safe=_SAFE)
        return link + middle + quote(str(person_id), safe=_SAFE) + tail if person else link + tail

    return url


class PageDates:
    """Dates in the reader's short format, each formatted once per page: for tags that write a page's
    lines in Python, where the same few days recur."""

    def __init__(self) -> None:
        self._format = get_format("SHORT_DATE_FORMAT")
        self._said: dict[Any, str] = {}

    def __call__(self, day: Any) -> str:
        if day not in self._said:
            self._said[day] = dateformat.format(day, self._format)
        return self._said[day]


URGENT_DAYS = 14  # a removal or hearing this close is shown as urgent


def days_phrase(days: int) -> str:
    if days == 0:
        return _("today")
    if days > 0:
        return ngettext("in %(count)d day", "in %(count)d days", days) % {"count": days}
    return ngettext("%(count)d day ago", "%(count)d days ago", -days) % {"count": -days}


def shown_date(value: Any, format_name: str = "SHORT_DATE_FORMAT") -> str:
    """A date or time as the template's ``date`` filter shows it, for tags that write HTML in Python: an
    aware time in the reader's zone (the template engine converts it before the filter; a direct call
    would print it in UTC), then in the reader's format."""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return str(date_filter(value, format_name))


@register.simple_tag
def days_left(value: dt.date | None) -> SafeString | str:
    """``in 3 days``, ``today`` or ``5 days ago``, marked urgent when close."""
    if not value:
        return ""
    return days_badge((value - timezone.localdate()).days)


def days_badge(days: int) -> SafeString:
    """``in 3 days``, ``today`` or ``5 days ago`` for a number of days from today, marked urgent when
    close: what :func:`days_left` writes, for tags that know the number already."""
    kind = "past" if days < 0 else "urgent" if days <= URGENT_DAYS else "later"
    return format_html('<span class="days days-{}">{}</span>', kind, days_phrase(days))


@register.filter
def partial_date(value: str) -> str:
    """A stored partial date (``1988``, ``1988-04``, ``1988-04-12``) in the reader's locale."""
    if not value:
        return ""
    try:
        parsed = PartialDate.parse(value)
    except PartialDateError:
        return value  # shown as typed rather than hidden
    if parsed.precision == "day":
        return date_filter(parsed.earliest(), "SHORT_DATE_FORMAT")
    if parsed.precision == "month":
        return date_filter(parsed.earliest(), "YEAR_MONTH_FORMAT")
    return str(parsed.year)


@register.filter
def countries(recorded: str) -> str:
    """Recorded citizenships ("RU, UA") as the reader's country names ("Russia, Ukraine")."""
    return citizenship_names(recorded)


@register.filter
def label(instance: Model, field_name: str) -> str:
    """The translated name of a model field, capitalised, for a heading or a definition list."""
    return _field_label(type(instance), field_name, get_language())


@functools.lru_cache(maxsize=1024)
def _field_label(model: type[Model], field_name: str, language: str | None) -> str:
    """A household page shows a hundred of these; each is worked out once per language."""
    field = model._meta.get_field(field_name)
    assert isinstance(field, Field), f"{field_name} is a relation seen from the other side, with no name here"
    return str(capfirst(field.verbose_name))


@register.filter
def vulnerability_labels(person: Any) -> list[str]:
    """The person's vulnerability facts, by their translated names."""
    return [label(person, name) for name in person.vulnerabilities(timezone.localdate())]


@register.filter
def cyrillic_name(person: Any) -> str:
    """Surname, given name and patronymic in Cyrillic, as far as they are known."""
    parts = (person.surname_cyrillic, person.given_name_cyrillic, person.patronymic_cyrillic)
    return " ".join(p for p in parts if p)


@register.filter
def reasons_in_language(reasons: Any) -> list[str]:
    """The identity matcher's stored reasons in the reader's language (:mod:`haven.cases.matcher_words`)."""
    from haven.cases.matcher_words import reason_in_language

    return [reason_in_language(str(reason)) for reason in reasons or ()]
