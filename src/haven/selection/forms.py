"""The coordinator's selection form: quota, weights, filters, limits, pins and the what-if quotas."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from haven.accounts.models import Organisation
from haven.cases.models.household import STAGE_CHOICES
from haven_core.referral.readiness import Scope
from haven_core.selection import Filters, Limits, Parameters, Pin, Weights

DEFAULT = Weights()


def _codes(text: str) -> frozenset[str]:
    return frozenset(t.strip() for t in text.split(",") if t.strip())


class SelectionForm(forms.Form):
    quota = forms.IntegerField(label=_("Quota (places)"), min_value=0, initial=100)
    weight_risk = forms.FloatField(label=_("Weight of persecution risk"), min_value=0, initial=DEFAULT.risk)
    weight_vulnerability = forms.FloatField(
        label=_("Weight of vulnerability"), min_value=0, initial=DEFAULT.vulnerability
    )
    weight_urgency = forms.FloatField(label=_("Weight of urgency"), min_value=0, initial=DEFAULT.urgency)
    min_priority = forms.FloatField(label=_("Lowest priority per person"), min_value=0, initial=0)
    emergency_first = forms.BooleanField(label=_("Emergency cases first"), required=False, initial=True)
    stages = forms.MultipleChoiceField(
        label=_("Only these statuses"),
        choices=STAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Only these organisations"),
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    detained_only = forms.BooleanField(label=_("Only households with someone detained"), required=False)
    pathways = forms.CharField(
        label=_("Only these pathways"), required=False, help_text=_("Pathway codes, separated by commas.")
    )
    per_organisation = forms.IntegerField(
        label=_("At most places per organisation"), min_value=1, required=False
    )
    pathway_limit = forms.CharField(
        label=_("Sub-quota for a pathway"),
        required=False,
        help_text=_("A pathway code and its places, e.g. gar=50."),
    )
    pins = forms.CharField(
        label=_("Pins"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One a line: the household reference, in or out, and a written reason."),
    )
    quotas = forms.CharField(label=_("What-if quotas"), initial="100,200,300,500,1000")
    audience = forms.ChoiceField(
        label=_("The referral will go to"),
        choices=[
            (Scope.OFFICIALS.value, _("government officials")),
            (Scope.SPONSORS.value, _("private sponsors")),
        ],
        initial=Scope.OFFICIALS.value,
        required=False,
        help_text=_(
            "Each adult's consent must cover them: officials for the officer profile, sponsors for the "
            "sponsor profile."
        ),
    )
    include_not_ready = forms.BooleanField(
        label=_("Include households not yet ready for referral"),
        required=False,
        help_text=_(
            "To see where they would rank: they are marked in the results, and approval checks them again."
        ),
    )

    def clean_pathway_limit(self) -> dict[str, int]:
        text = self.cleaned_data["pathway_limit"].strip()
        if not text:
            return {}
        code, _sep, places = text.partition("=")
        if not code.strip() or not places.strip().isdigit():
            raise forms.ValidationError(
                gettext("Write the pathway code, an equals sign and the places, e.g. gar=50.")
            )
        return {code.strip(): int(places)}

    def clean_pins(self) -> tuple[Pin, ...]:
        pins = []
        for line in self.cleaned_data["pins"].splitlines():
            if not line.strip():
                continue
            parts = line.split(maxsplit=2)
            if len(parts) < 3 or parts[1].lower() not in ("in", "out"):
                raise forms.ValidationError(
                    gettext("Each pin needs a reference, in or out, and a reason: %(line)s") % {"line": line}
                )
            pins.append(Pin(parts[0].upper(), parts[1].lower() == "in", parts[2].strip()))
        if len({p.key for p in pins}) != len(pins):
            raise forms.ValidationError(gettext("A household is pinned twice."))
        return tuple(pins)

    def clean_quotas(self) -> list[int]:
        try:
            values = [int(v) for v in self.cleaned_data["quotas"].split(",") if v.strip()]
        except ValueError as exc:
            raise forms.ValidationError(gettext("Whole numbers separated by commas.")) from exc
        if not values or min(values) < 0 or len(values) > 12:
            raise forms.ValidationError(gettext("Between one and twelve quotas, none negative."))
        return values

    def parameters(self) -> Parameters:
        d: dict[str, Any] = self.cleaned_data
        return Parameters(
            quota=d["quota"],
            weights=Weights(d["weight_risk"], d["weight_vulnerability"], d["weight_urgency"]),
            filters=Filters(
                stages=frozenset(d["stages"]),
                organisations=frozenset(o.slug for o in d["organisations"]),
                detained_only=d["detained_only"],
                pathways=_codes(d["pathways"]),
            ),
            limits=Limits(per_organisation=d["per_organisation"], per_pathway=d["pathway_limit"]),
            pins=d["pins"],
            min_priority=d["min_priority"],
            emergency_first=d["emergency_first"],
            include_not_ready=d["include_not_ready"],
            audience=d["audience"] or Scope.OFFICIALS.value,
        )
