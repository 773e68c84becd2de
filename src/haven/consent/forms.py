"""Recording and withdrawing a person's consent to referral."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ConsentForm(forms.Form):
    person = forms.ChoiceField(label=_("Person"))
    officials = forms.BooleanField(
        label=_("Government officials (e.g. an immigration officer)"), required=False
    )
    sponsors = forms.BooleanField(label=_("Private sponsors"), required=False)
    given_on = forms.DateField(
        label=_("Date consent was given"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, adults: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        person = self.fields["person"]
        assert isinstance(person, forms.ChoiceField)
        person.choices = [(str(p.public_id), p.display_name) for p in adults]
        self.fields["given_on"].initial = timezone.localdate()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("officials") or data.get("sponsors")):
            raise forms.ValidationError(_("Say whom the person agreed to share their record with."))
        return data


class WithdrawConsentForm(forms.Form):
    withdrawn_on = forms.DateField(
        label=_("Date consent was withdrawn"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(label=_("Why"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["withdrawn_on"].initial = timezone.localdate()
