"""What Haven's forms share: fieldsets for long forms, accessible error markup and date inputs."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Model
from django.forms.models import model_to_dict


class DateInput(forms.DateInput):
    """The browser's own date picker; the value travels as ISO whatever the page's language."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


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


class HavenModelForm(forms.ModelForm):  # type: ignore[type-arg]
    """A form that takes its fields from a model but never touches a saved row.

    Bind it with ``initial_from(instance)`` rather than ``instance=``: a ModelForm writes cleaned
    values onto its instance while validating, and Haven's rows change only through case actions.
    """

    required_css_class = "required"
    error_css_class = "has-error"
    fieldsets: list[tuple[Any, list[str]]] = []
    grouped = HavenForm.grouped

    @classmethod
    def initial_from(cls, instance: Model) -> dict[str, Any]:
        return model_to_dict(instance, fields=cls._meta.fields)

    def save(self, commit: bool = True) -> Any:
        raise NotImplementedError("Case data is written by haven.cases.actions, never by a form.")
