"""Haven's form renderer writes inputs, selects, options and text areas in Python: the same HTML as
Django's own widget templates, to the byte, for every kind of value and attribute (hostile text, safe
text, numbers, dates, True and False attributes, option groups, several selected), in English and
Russian; every other template is Django's."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from haven.form_widgets import WidgetRenderer

HOSTILE = "<script>alert('x')</script> & \"quoted\""

CHOICES = [
    ("", "---------"),
    ("a", HOSTILE),
    (2, "два"),
    ("lazy", gettext_lazy("Detained")),
    ("safe", mark_safe("<b>bold</b>")),  # a label marked safe stays unescaped
    ("Группа", [("g1", "один"), ("g2", 'два "2"')]),
]


class Everything(forms.Form):
    text = forms.CharField(initial=HOSTILE, help_text="help", max_length=40)
    empty = forms.CharField(required=False)
    number = forms.IntegerField(initial=1234567, min_value=0)
    decimal = forms.DecimalField(initial="12.50", max_digits=6, decimal_places=2)
    email = forms.EmailField(initial="a&b@example.org")
    url = forms.URLField(initial="https://example.org/?a=1&b=<2>", assume_scheme="https")
    password = forms.CharField(widget=forms.PasswordInput(render_value=True), initial="s3cr&t")
    hidden = forms.CharField(widget=forms.HiddenInput, initial='x"y')
    checked = forms.BooleanField(initial=True)
    unchecked = forms.BooleanField(required=False)
    day = forms.DateField(initial=dt.date(2026, 12, 8), widget=forms.DateInput(attrs={"type": "date"}))
    when = forms.DateTimeField(initial=dt.datetime(2026, 12, 8, 14, 30))
    search = forms.CharField(widget=forms.TextInput(attrs={"type": "search", "autofocus": True, "x": False}))
    attrs = forms.CharField(
        widget=forms.TextInput(
            attrs={"data-n": 0, "data-hostile": HOSTILE, "aria-label": gettext_lazy("Search")}
        )
    )
    choice = forms.ChoiceField(choices=CHOICES, initial="a")
    choice_int = forms.TypedChoiceField(choices=[(1, "one"), (2, "two")], coerce=int, initial=2)
    many = forms.MultipleChoiceField(choices=CHOICES, initial=["a", "g2", 2])
    maybe = forms.NullBooleanField(initial=None)
    notes = forms.CharField(widget=forms.Textarea, initial=f"line 1\n{HOSTILE}")
    blank_notes = forms.CharField(widget=forms.Textarea, required=False)
    radio = forms.ChoiceField(widget=forms.RadioSelect, choices=CHOICES[:3], initial="a")  # Django's
    upload = forms.FileField(required=False)


def _fields(form: forms.Form) -> list[tuple[str, str]]:
    return [(name, str(form[name])) for name in form.fields]


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize(
    "data",
    [
        None,
        {"text": HOSTILE, "number": "abc", "choice": "g1", "many": ["a", "2"], "maybe": "true", "notes": ""},
    ],
)
def test_every_widget_is_django_s_to_the_byte(language: str, data: Any) -> None:
    with translation.override(language):
        ours = _fields(Everything(data, renderer=WidgetRenderer()))
        django = _fields(Everything(data, renderer=DjangoTemplates()))
    assert ours == django
    html = dict(ours)
    assert "<script>" not in "".join(html.values())
    assert html["choice"].count("<option") == 7 and "<optgroup" in html["choice"]
    assert "<b>bold</b>" in html["choice"]


def test_a_whole_form_and_its_errors_come_out_the_same() -> None:
    bound = Everything({"number": "-1", "email": "not an email"})
    ours, django = (
        Everything(bound.data, renderer=WidgetRenderer()),
        Everything(bound.data, renderer=DjangoTemplates()),
    )
    assert str(ours) == str(django) and "errorlist" in str(ours)


def test_haven_s_forms_use_it() -> None:
    assert isinstance(forms.Form().renderer, WidgetRenderer)
