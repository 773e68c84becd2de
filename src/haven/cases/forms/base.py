"""What Haven's forms share: fieldsets for long forms, accessible error markup and date inputs."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Model
from django.forms.models import model_to_dict
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from haven_core.dates import PartialDate, PartialDateError, parse_day

FieldT = TypeVar("FieldT", bound=forms.Field)


def field_of(form: forms.BaseForm, name: str, kind: type[FieldT]) -> FieldT:
    """The form's own copy of the field ``name``, as the kind of field it is (to set its choices or its
    queryset for this form only)."""
    field = form.fields[name]
    if not isinstance(field, kind):
        raise TypeError(f"{type(form).__name__}.{name} is a {type(field).__name__}, not a {kind.__name__}")
    return field


def date_hint() -> str:
    """How the page's language writes a date: ``YYYY-MM-DD`` in English, ``ДД.ММ.ГГГГ`` in Russian."""
    pattern = formats.get_format("DATE_INPUT_FORMATS")[0]
    for code, letters in (
        ("%Y", pgettext("date hint", "YYYY")),
        ("%m", pgettext("date hint", "MM")),
        ("%d", pgettext("date hint", "DD")),
    ):
        pattern = pattern.replace(code, letters)
    return str(pattern)


class DateInput(forms.DateInput):
    """A text box showing the date as the page's language writes it, with that format as its hint.

    Not ``<input type=date>``: Chromium draws its picker and its placeholder (``mm/dd/yyyy``) from the
    browser's locale whatever the page's ``lang`` says, so a Russian page in an English browser asked for
    American dates, and an English page in a Russian browser for Russian ones. A text box with the page's
    own hint reads the same for everyone, and the field behind it accepts every common spelling.
    """

    input_type = "text"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"autocomplete": "off", "spellcheck": "false", "size": "12", **(attrs or {})})

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        hint = date_hint()
        attrs = {"placeholder": hint, "data-date-format": hint, **(attrs or {})}
        return super().get_context(name, value, attrs)


class DateField(forms.DateField):
    """A whole date typed as ``2026-03-06``, ``06.03.2026``, ``03/06/2026`` (American) or ``06/03/2026`` when
    the first number can only be a day; shown back as the page's language writes it."""

    widget = DateInput

    def to_python(self, value: Any) -> dt.date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return parse_day(str(value))
        except PartialDateError:
            raise ValidationError(
                _("Write the date as %(hint)s, for example %(example)s.")
                % {
                    "hint": date_hint(),
                    "example": formats.date_format(dt.date(1987, 6, 13), "SHORT_DATE_FORMAT"),
                },
                code="invalid",
            ) from None


class PartialDateInput(forms.TextInput):
    """A date that may be known only to the year or month (a birth date), shown as the page writes dates."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"autocomplete": "off", "spellcheck": "false", **(attrs or {})})

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        return super().get_context(name, value, {"placeholder": date_hint(), **(attrs or {})})

    def format_value(self, value: Any) -> str | None:
        try:
            parsed = PartialDate.parse(str(value or ""), slashes=True)
        except PartialDateError:
            typed: str | None = super().format_value(value)  # shown as typed, beside its error
            return typed
        return show_partial_date(parsed)


def show_partial_date(value: PartialDate) -> str:
    """A partial date as the page writes dates: ``12.04.1988``, ``04.1988`` or ``1988`` in Russian."""
    if value.precision == "day":
        return formats.date_format(value.earliest(), "SHORT_DATE_FORMAT")
    if value.precision == "month":
        return formats.date_format(value.earliest(), "YEAR_MONTH_FORMAT")
    return str(value.year)


def formfield_for(db_field: models.Field[Any, Any], **kwargs: Any) -> forms.Field | None:
    """Every model date in a Haven form is entered through ``DateField``."""
    if isinstance(db_field, models.DateField) and not isinstance(db_field, models.DateTimeField):
        kwargs.setdefault("form_class", DateField)
        if kwargs.get("widget") is None or kwargs["widget"] is forms.DateInput:
            kwargs["widget"] = DateInput
    return db_field.formfield(**kwargs)


class HavenForm(forms.Form):
    """A form whose fields are laid out in named groups (``fieldsets``: a list of (legend, names))."""

    required_css_class = "required"
    error_css_class = "has-error"
    fieldsets: list[tuple[Any, list[str]]] = []

    def grouped(self) -> list[tuple[Any, list[forms.BoundField]]]:
        if not self.fieldsets:
            return [("", list(self))]
        groups = [(legend, [self[n] for n in names if n in self.fields]) for legend, names in self.fieldsets]
        return [(legend, fields) for legend, fields in groups if fields]


# Generic in django-stubs only (Django's class takes no subscript at runtime): hence the ignore.
class HavenModelForm(forms.ModelForm):  # type: ignore[type-arg]
    """A form that takes its fields from a model but never touches a saved row.

    Bind it with ``initial_from(instance)`` rather than ``instance=``: a ModelForm writes cleaned
    values onto its instance while validating, and Haven's rows change only through case actions.
    """

    required_css_class = "required"
    error_css_class = "has-error"
    fieldsets: list[tuple[Any, list[str]]] = []
    grouped = HavenForm.grouped

    class Meta:
        formfield_callback = formfield_for

    @classmethod
    def initial_from(cls, instance: Model) -> dict[str, Any]:
        return model_to_dict(instance, fields=cls._meta.fields)

    def save(self, commit: bool = True) -> Any:
        raise NotImplementedError("Case data is written by haven.cases.actions, never by a form.")
