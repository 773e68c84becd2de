"""Where a person stands in the US immigration system."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from haven.cases.forms.base import DateInput, HavenModelForm
from haven.cases.models import USRecord
from haven_core.anumber import ANumberError, normalise_a_number


class USRecordForm(HavenModelForm):
    fieldsets = [
        (_("Status"), ["a_number", "status", "detained", "detention_facility"]),
        (
            _("Court and dates"),
            ["court", "next_hearing_date", "removal_order_date", "removal_scheduled_date"],
        ),
        (_("Representation"), ["attorney_of_record"]),
    ]

    class Meta:
        model = USRecord
        fields = [
            "a_number", "status", "detained", "detention_facility", "court", "next_hearing_date",
            "removal_order_date", "removal_scheduled_date", "attorney_of_record",
        ]  # fmt: skip
        widgets = {
            "a_number": forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
            "next_hearing_date": DateInput,
            "removal_order_date": DateInput,
            "removal_scheduled_date": DateInput,
        }
        help_texts = {"a_number": _("The letter A and 8 or 9 digits, e.g. A012-345-678.")}

    @classmethod
    def initial_from(cls, instance: Any) -> dict[str, Any]:
        initial = super().initial_from(instance)
        initial["a_number"] = instance.a_number_display
        return initial

    def clean_a_number(self) -> str:
        text = (self.cleaned_data.get("a_number") or "").strip()
        if not text:
            return ""
        try:
            return normalise_a_number(text)
        except ANumberError:
            raise forms.ValidationError(
                _("An A-number is the letter A followed by 8 or 9 digits, e.g. A012345678."), code="invalid"
            ) from None
