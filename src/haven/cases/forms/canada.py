"""A person's ties to Canada: relatives living there, and Canadian visas or permits."""

from __future__ import annotations

from django import forms

from haven.cases.forms.base import DateInput, HavenModelForm
from haven.cases.models import CanadaPermit, CanadaRelative


class CanadaRelativeForm(HavenModelForm):
    class Meta:
        model = CanadaRelative
        fields = ["full_name", "relationship", "canadian_status", "city", "notes"]
        widgets = {"full_name": forms.TextInput, "notes": forms.Textarea(attrs={"rows": 3})}


class CanadaPermitForm(HavenModelForm):
    class Meta:
        model = CanadaPermit
        fields = ["kind", "number", "valid_until"]
        widgets = {"number": forms.TextInput(attrs={"autocomplete": "off"}), "valid_until": DateInput}
