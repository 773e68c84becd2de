"""Model fields for sensitive values. Every sensitive value in Haven is stored through these.

They keep text in the database column as ``haven.security.sensitive.codec()`` encodes it, so turning on
encryption at rest changes the codec, not the models. Sensitive columns cannot be filtered or sorted
on by value: search goes through index tables (see ``PersonNameKey``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models

from haven.security.sensitive import codec


# Generic in django-stubs only (Django's class takes no subscript at runtime): hence the ignore.
class SensitiveField(models.TextField):  # type: ignore[type-arg]
    """Base: turns a Python value into text and back; ``None`` and empty values are stored as NULL."""

    sensitive = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("null", True)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def to_text(self, value: Any) -> str | None:
        return None if value in (None, "") else str(value)

    def from_text(self, text: str | None) -> Any:
        return "" if text is None else text

    def get_prep_value(self, value: Any) -> Any:
        text = self.to_text(value)
        return None if text is None else codec().encode(text)

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        return self.from_text(None if value is None else codec().decode(value))

    def to_python(self, value: Any) -> Any:
        return value


class SensitiveTextField(SensitiveField):
    """Sensitive free text: names, addresses, contact details, notes."""

    def to_python(self, value: Any) -> Any:
        return "" if value is None else str(value)


class SensitiveDateField(SensitiveField):
    """A sensitive calendar date (a ``datetime.date``), stored as encrypted ISO text."""

    # The Python types django-stubs' plugin gives the model attribute: a sensitive column holds text in
    # the database but not in Python, which the stubs' TextField (always ``str``) cannot say, hence the
    # ignores here and in the fields below.
    _pyi_private_set_type: dt.date | str | None  # type: ignore[assignment]
    _pyi_private_get_type: dt.date | None  # type: ignore[assignment]

    def to_text(self, value: Any) -> str | None:
        return None if value in (None, "") else (value if isinstance(value, str) else value.isoformat())

    def from_text(self, text: str | None) -> dt.date | None:
        return None if not text else dt.date.fromisoformat(text)

    def to_python(self, value: Any) -> Any:
        return dt.date.fromisoformat(value) if isinstance(value, str) and value else (value or None)

    def formfield(self, **kwargs: Any) -> Any:
        from haven.cases.forms.base import DateField

        return DateField(required=not self.blank, label=self.verbose_name, help_text=self.help_text)


class SensitiveFlagField(SensitiveField):
    """A sensitive yes/no/unknown fact (``True``, ``False`` or ``None``)."""

    _pyi_private_set_type: bool | None  # type: ignore[assignment]
    _pyi_private_get_type: bool | None  # type: ignore[assignment]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("default", None)
        super().__init__(*args, **kwargs)

    def to_text(self, value: Any) -> str | None:
        return None if value is None else ("1" if value else "0")

    def from_text(self, text: str | None) -> bool | None:
        return None if text is None else text == "1"

    def formfield(self, **kwargs: Any) -> Any:
        from django import forms

        return forms.NullBooleanField(required=False, label=self.verbose_name, help_text=self.help_text)
